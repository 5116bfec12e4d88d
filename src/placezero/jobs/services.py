"""The jobs app's door: start a run, cancel it, list and read runs. Other apps use these
(never the models); the worker side is in `queue` and `workers`.

    job = services.enqueue("pathways.optimise", raw, request.user, place=place, subject=scenario)
    services.request_cancel(job, request.user)
    services.jobs_for(request.user, place=place, kinds=("pathways.optimise", ...))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.utils import timezone

from placezero.accounts.permissions import check, is_signed_in

from . import workers
from .models import Job
from .options import FINISHED_JOB_STATUSES, JobStatus
from .queue import CANCELLING_PREFIX, describe, progress_text, run_job, tell_starter
from .registry import JobParametersError, get_kind, registered_kinds

__all__ = [
    "cancel_as_operator",
    "describe",
    "enqueue",
    "get_job",
    "jobs_for",
    "look_after",
    "progress_text",
    "request_cancel",
    "result_tables",
]


def _require(user: Any, permission: str, job: Job) -> None:
    verdict = check(user, permission, job)
    if not verdict:
        raise PermissionDenied(verdict.reason)


def enqueue(
    kind: str,
    parameters: Mapping[str, Any],
    user: Any,
    place: Any = None,
    subject: Model | None = None,
) -> Job:
    """Check, validate and queue a run, and hand it to the worker.

    Raises `UnknownJobKind` (a `JobParametersError` on "kind") for a kind nobody
    registered, `PermissionDenied(reason)` when `user` may not start it (the kind's start
    permission, asked about the job about to be made), and `JobParametersError` with one
    message per field when the parameters will not do."""
    spec = get_kind(kind)
    if spec.needs_place and place is None:
        raise JobParametersError({"place": f"Choose the place to run “{spec.title}” for."})
    job = Job(kind=kind, place=place, created_by=user if is_signed_in(user) else None)
    if subject is not None:
        job.subject = subject
    _require(user, spec.start_permission, job)
    job.parameters = spec.clean(place, parameters)
    job.progress_total = spec.steps(job.parameters)
    job.message = "Waiting for the worker to start it."
    job.save()
    workers.dispatch(job)
    return job


def _canceller_role(job: Job, user: Any) -> str:
    """Who cancelled, as the run's message says it to everyone who can see the run: a role,
    never a name (the person is kept in `cancelled_by`, shown like the starter's name)."""
    if job.created_by_id is not None and user.pk == job.created_by_id:
        return "the person who started it"
    if user.is_superuser:
        return "a site administrator"
    return f"an officer of {job.place.name}" if job.place_id else "an officer"


def _cancel(job: Job, who: str, user: Any = None) -> Job:
    if job.status == JobStatus.QUEUED:
        stopped = Job.objects.filter(pk=job.pk, status=JobStatus.QUEUED).update(
            status=JobStatus.CANCELLED,
            cancel_requested=True,
            cancelled_by=user,
            finished_at=timezone.now(),
            message=f"Cancelled by {who} before it started.",
        )
        if stopped:
            job.refresh_from_db()
            tell_starter(job.pk)
            return job
    Job.objects.filter(pk=job.pk).exclude(status__in=FINISHED_JOB_STATUSES).update(
        cancel_requested=True, cancelled_by=user, message=f"{CANCELLING_PREFIX}{who}."
    )
    job.refresh_from_db()
    return job


def request_cancel(job: Job, user: Any) -> Job:
    """Ask a run to stop: a queued run stops at once, a running one at its next progress
    report. Raises PermissionDenied(reason) unless the kind's cancel permission allows."""
    _require(user, get_kind(job.kind).cancel_permission, job)
    return _cancel(job, _canceller_role(job, user), user)


def cancel_as_operator(job: Job) -> Job:
    """Cancel from the command line (`placezero jobs cancel`): whoever has a shell on the
    server runs the site, so no permission is asked."""
    return _cancel(job, "the site's operator")


def run_as_operator(kind: str, parameters: Mapping[str, Any], place: Any = None) -> Job:
    """Queue a run and run it to the end in this process, from the command line (`placezero
    pathway batch --all`): whoever has a shell on the server runs the site, so no permission
    is asked. It is an ordinary job (its page, progress, results); a failure ends it FAILED
    with its message, as on a worker."""
    spec = get_kind(kind)
    job = Job(kind=kind, place=place, created_by=None)
    job.parameters = spec.clean(place, parameters)
    job.progress_total = spec.steps(job.parameters)
    job.message = "Started from the command line by the site's operator."
    job.save()
    return run_job(job)


def get_job(job_id: int) -> Job:
    """One run with what its pages show (Job.DoesNotExist if there is none)."""
    return Job.objects.select_related("place", "created_by", "worker").get(pk=job_id)


def jobs_for(
    user: Any,
    *,
    place: Any = None,
    kinds: Iterable[str] | None = None,
    subject: Model | None = None,
    limit: int | None = None,
) -> list[Job]:
    """The runs `user` may see, newest first: of a place, of some kinds, about a subject."""
    runs = Job.objects.select_related("place", "created_by")
    if place is not None:
        runs = runs.filter(place=place)
    if kinds is not None:
        runs = runs.filter(kind__in=list(kinds))
    if subject is not None:
        from django.contrib.contenttypes.models import ContentType

        runs = runs.filter(
            subject_type=ContentType.objects.get_for_model(subject), subject_id=str(subject.pk)
        )
    runs = runs.visible_for(user)
    return list(runs[:limit] if limit is not None else runs)


def result_tables(job: Job) -> Sequence[Any]:
    """A finished run's tables (none until it has succeeded, or for a kind without)."""
    spec = registered_kinds().get(job.kind)
    if job.status != JobStatus.SUCCEEDED or not job.result or spec is None:
        return []
    return list(spec.result_tables(job)) if spec.result_tables else []


def look_after(job: Job) -> Job:
    """Call when showing a run: starts a worker for it in thread mode, or marks it failed
    if its worker stopped beating (see `workers.look_after`)."""
    workers.look_after(job)
    return job
