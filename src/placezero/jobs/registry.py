"""What kinds of job exist, and what periodic work there is: filled by each app in its
`AppConfig.ready()`, like the permission and navigation registries.

    from placezero import jobs
    jobs.register_kind(jobs.JobKindSpec(key="pathways.optimise", title=..., clean=..., ...))
    jobs.register_periodic(jobs.PeriodicSpec(key="activity.daily_digest", every=timedelta(days=1),
                                             run=send_digests, description=...))

A kind says how to check a run's parameters (`clean`), how many steps it has (`steps`), how
to do it (`run`), how to say what it asks (`describe`), who may start, cancel and see it (the
names of permissions its app registers), and how to show its result (`result_tables`, and
optionally a template of its own). The queue, the workers and the pages are the same for all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Protocol

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from placezero.places.models import Place

    from .models import Job

# "app_label.name", lower case, like a permission name.
KEY = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


class JobParametersError(ValueError):
    """Parameters a run cannot start with; `errors` maps each field to what to fix."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


class UnknownJobKind(JobParametersError, LookupError):
    """A kind nobody registered (a typo, or an app that is not installed). It is a
    parameters error on the field "kind", so a form that passes one on shows it."""

    def __init__(self, key: str) -> None:
        self.key = key
        known = ", ".join(_kinds) or "none"
        super().__init__(
            {
                "kind": f"No kind of job called {key!r} is registered (registered kinds: "
                f"{known}). Check the spelling, or register it in its app's "
                "AppConfig.ready() with jobs.register_kind."
            }
        )


class JobCancelled(Exception):
    """Raised by `progress` inside a run once someone asked to cancel it."""


class JobFailed(Exception):
    """A runner's own failure, in words the person who started it can act on: the job is
    marked failed with exactly this message."""


class JobLost(Exception):
    """Raised by `progress` when this worker no longer holds the job (another worker
    marked it failed because this one stopped beating): the run stops without writing."""


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "", force: bool = False) -> None:
        """Write progress (at most every JOBS_PROGRESS_INTERVAL_S unless `force`); raises
        JobCancelled when a cancel was asked for, JobLost when the job was taken away."""


@dataclass(frozen=True)
class JobKindSpec:
    """One kind of background job. Callables:

    - `clean(place, raw) -> dict`: validated parameters (stored as JSON) or
      `JobParametersError({field: message})`;
    - `steps(cleaned) -> int`: the progress bar's total;
    - `run(job, progress) -> dict`: the work; returns the compact JSON result, raises
      `JobFailed(message)` for a failure a person can act on;
    - `describe(job) -> str`: what the run asks, in words, for lists and headings;
    - `result_tables(job) -> [Table]`: a finished run's tables, shown on its page and
      downloadable (CSV each, one XLSX);
    - `result_context(job, tables) -> dict` and `result_template`: the kind's own
      presentation above the tables (a summary, a chart);
    - `details(job) -> [(label, value)]`: more rows for the run's summary list.

    Permissions are names the registering app declares; each is asked about the job (an
    unsaved one, when starting). `view_permission` defaults to the cancel permission.
    `layout_template` is the page the run's page sits in; it must define the blocks
    `job_heading` and `job_content` (see jobs/layout.html)."""

    key: str
    title: str
    clean: Callable[[Place | None, Mapping[str, Any]], dict[str, Any]]
    run: Callable[[Job, Progress], dict[str, Any] | None]
    steps: Callable[[Mapping[str, Any]], int]
    describe: Callable[[Job], str]
    start_permission: str
    cancel_permission: str
    view_permission: str = ""
    result_tables: Callable[[Job], Sequence[Any]] | None = None
    result_context: Callable[[Job, Sequence[Any]], Mapping[str, Any]] | None = None
    result_template: str = ""
    details: Callable[[Job], Sequence[tuple[str, str]]] | None = None
    layout_template: str = "jobs/layout.html"
    step_noun: str = "steps"  # "43 of 100 samples"
    needs_place: bool = False

    @property
    def permission_to_view(self) -> str:
        return self.view_permission or self.cancel_permission

    @property
    def permissions(self) -> tuple[str, ...]:
        return (self.start_permission, self.cancel_permission, self.permission_to_view)


@dataclass(frozen=True)
class PeriodicSpec:
    """Work done every `every` by whichever worker (or `placezero jobs run-due`) gets to it
    first: once per period however many workers run. `run()` may return a sentence saying
    what it did, kept as the outcome. Keep it short, or let it enqueue a job."""

    key: str
    every: timedelta
    run: Callable[[], str | None]
    description: str


_kinds: dict[str, JobKindSpec] = {}
_periodic: dict[str, PeriodicSpec] = {}


def _check_key(key: str, what: str) -> None:
    if not KEY.match(key):
        raise ImproperlyConfigured(
            f"{what} key {key!r} is not valid: write it as 'app_label.name' in lower case, "
            "for example 'pathways.optimise'."
        )


def register_kind(spec: JobKindSpec) -> JobKindSpec:
    """Declare a kind of job (in the app's `AppConfig.ready()`); each key once."""
    _check_key(spec.key, "Job kind")
    if spec.key in _kinds:
        raise ImproperlyConfigured(f"Job kind {spec.key!r} is already registered.")
    _kinds[spec.key] = spec
    return spec


def unregister_kind(key: str) -> None:
    """Remove a kind (for tests that register temporary ones)."""
    get_kind(key)
    del _kinds[key]


def get_kind(key: str) -> JobKindSpec:
    try:
        return _kinds[key]
    except KeyError:
        raise UnknownJobKind(key) from None


def registered_kinds() -> dict[str, JobKindSpec]:
    return dict(sorted(_kinds.items()))


def register_periodic(spec: PeriodicSpec) -> PeriodicSpec:
    """Declare periodic work (in the app's `AppConfig.ready()`); each key once."""
    _check_key(spec.key, "Periodic task")
    if spec.key in _periodic:
        raise ImproperlyConfigured(f"Periodic task {spec.key!r} is already registered.")
    if spec.every <= timedelta(0):
        raise ImproperlyConfigured(f"Periodic task {spec.key!r} must run every so often (> 0).")
    _periodic[spec.key] = spec
    return spec


def unregister_periodic(key: str) -> None:
    if key not in _periodic:
        raise LookupError(f"No periodic task {key!r} is registered.")
    del _periodic[key]


def registered_periodic() -> dict[str, PeriodicSpec]:
    return dict(sorted(_periodic.items()))
