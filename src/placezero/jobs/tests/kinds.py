"""A small kind of job for the jobs app's own tests: it counts to `steps`, one progress
report a step, and can wait at a gate, fail or crash on request. Its permissions mirror a
real kind's: partner editors start, the starter or an officer cancels, everyone sees."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from typing import Any

from placezero.accounts import permissions
from placezero.accounts.options import Role
from placezero.jobs import JobFailed, JobKindSpec, JobParametersError, registry

KEY = "jobs.count_to"
START, CANCEL, VIEW = "jobs.start_counting", "jobs.cancel_counting", "jobs.view_counting"
STEP_HOOKS: list[Any] = []  # called with (job, step) before each step, if any
GATES: dict[str, threading.Event] = {}  # a run with parameters["gate"] waits for it


def clean(place: Any, raw: Mapping[str, Any]) -> dict[str, Any]:
    steps = raw.get("steps")
    if not isinstance(steps, int) or not 1 <= steps <= 1000:
        raise JobParametersError({"steps": "Enter a whole number of steps from 1 to 1,000."})
    return {"steps": steps} | {k: raw[k] for k in ("gate", "fail", "crash") if k in raw}


def run(job: Any, progress: Any) -> dict[str, Any]:
    p = job.parameters
    if p.get("gate") and not GATES[p["gate"]].wait(timeout=60):
        raise JobFailed("The test gate never opened.")
    for step in range(p["steps"]):
        for hook in STEP_HOOKS:
            hook(job, step)
        progress(step, p["steps"], f"Counting {step + 1}.")
    if p.get("fail"):
        raise JobFailed("Counting went wrong: the test asked it to.")
    if p.get("crash"):
        raise RuntimeError("counter crashed")
    return {"counted": p["steps"]}


def result_tables(job: Any) -> list[Any]:
    from placezero.tables import About, Column, Table

    rows = tuple({"step": str(i + 1), "square": (i + 1) ** 2} for i in range(job.result["counted"]))
    return [
        Table(
            slug=f"run-{job.pk}-squares",
            caption="Squares of each step",
            columns=(Column("step", "Step"), Column("square", "Square", "count")),
            rows=rows,
            about=About(source="the jobs tests (a made-up count, not a real figure)"),
        )
    ]


SPEC = JobKindSpec(
    key=KEY,
    title="Counting",
    clean=clean,
    run=run,
    steps=lambda cleaned: cleaned["steps"],
    describe=lambda job: f"Count to {job.parameters.get('steps')}",
    result_tables=result_tables,
    start_permission=START,
    cancel_permission=CANCEL,
    view_permission=VIEW,
)


def _started(user: Any, job: Any) -> permissions.Verdict:
    if job is not None and permissions.is_signed_in(user) and job.created_by_id == user.pk:
        return permissions.Verdict(True, "You started this run.")
    return permissions.Verdict(
        False, "Only the person who started a count, or an officer, may cancel it."
    )


def installed() -> Iterator[JobKindSpec]:
    """Register the kind and its permissions for one test, then remove them."""
    permissions.register(START, permissions.minimum_role(Role.PARTNER_EDITOR), "Start a count")
    permissions.register(
        CANCEL, permissions.any_of(permissions.minimum_role(Role.OFFICER), _started), "Cancel one"
    )
    permissions.register(VIEW, permissions.everyone(), "See counts")
    registry.register_kind(SPEC)
    try:
        yield SPEC
    finally:
        registry.unregister_kind(KEY)
        for name in (START, CANCEL, VIEW):
            permissions.unregister(name)
        STEP_HOOKS.clear()
        for gate in GATES.values():
            gate.set()
        GATES.clear()
