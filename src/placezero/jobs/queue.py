"""Taking a job from the queue and running it: the atomic claim, the progress writer the
runner is handed, and the ending (succeeded, failed with a message, cancelled).

A job is claimed once: PostgreSQL hands each worker a different row with
`SELECT … FOR UPDATE SKIP LOCKED`; SQLite, which has no row locks, moves a row to RUNNING with
a conditional UPDATE that finds nothing when another worker was first. Every later write of a
run (progress, the end) is conditional too: it finds no row once a cancel was asked, or once
the job was taken away from a worker that stopped beating, so nothing a person did is
overwritten by a worker that did not know.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from placezero.activity import services as activity

from .models import Job, Worker
from .options import JobStatus
from .registry import (
    JobCancelled,
    JobFailed,
    JobLost,
    JobParametersError,
    registered_kinds,
)

logger = logging.getLogger(__name__)

# At most one progress write (and cancel check) per this many seconds by default: a
# 2,000-sample run reports often enough for a smooth bar without a write per sample.
PROGRESS_INTERVAL_S = 0.2
CANCELLING_PREFIX = "Cancelling: asked by "
LOCKED_TRIES, LOCKED_PAUSE_S = 20, 0.02


def when_unlocked[T](write: Callable[[], T]) -> T:
    """Run a query, trying again for a moment while SQLite says a table is locked (another
    thread of this process is writing it: a heartbeat, a worker, a page). Other errors are
    raised at once; PostgreSQL waits on its own row locks and never says this."""
    for attempt in range(LOCKED_TRIES):
        try:
            return write()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == LOCKED_TRIES - 1:
                raise
            time.sleep(LOCKED_PAUSE_S * (attempt + 1))
    raise AssertionError("unreachable")


def _started(worker: Worker | None) -> dict[str, Any]:
    return {
        "status": JobStatus.RUNNING,
        "message": "Starting.",
        "started_at": timezone.now(),
        "worker": worker,
    }


def claim_next(worker: Worker | None = None) -> Job | None:
    """Move the oldest queued job to RUNNING, held by `worker`, and return it; None when none
    waits. Two workers asking at once never get the same job."""
    queued = Job.objects.filter(status=JobStatus.QUEUED).order_by("created_at", "id")
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            job = queued.select_for_update(skip_locked=True, of=("self",)).first()
            if job is None:
                return None
            queued.filter(pk=job.pk).update(**_started(worker))
        job.refresh_from_db()
        return job
    # SQLite: no row locks; a conditional UPDATE either moves the row or finds it gone.
    oldest = queued.values_list("pk", flat=True)
    while (candidate := when_unlocked(oldest.first)) is not None:
        if (job := claim(candidate, worker)) is not None:
            return job
    return None


def claim(job_id: int, worker: Worker | None = None) -> Job | None:
    """Move one named queued job to RUNNING (a task queue's first step: see `dispatch`);
    None when it was cancelled or someone else took it. Atomic on every database.

    A job claimed without a worker has no heartbeat to judge it by, so it is never marked
    failed by recovery: whoever claimed it runs it to the end."""
    queued = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED)
    if when_unlocked(lambda: queued.update(**_started(worker))):
        return when_unlocked(lambda: Job.objects.get(pk=job_id))
    return None


def step_noun(job: Job) -> str:
    spec = registered_kinds().get(job.kind)
    return spec.step_noun if spec is not None else "steps"


def describe(job: Job) -> str:
    """What the run asks, in its kind's words."""
    spec = registered_kinds().get(job.kind)
    return spec.describe(job) if spec is not None else job.kind


def progress_text(job: Job) -> str:
    """ "43 of 100 samples": the words beside the progress bar."""
    return f"{job.progress_done:,} of {job.progress_total:,} {step_noun(job)}"


class ProgressWriter:
    """The `progress(done, total, message="", force=False)` a runner is handed: writes to the
    job's row at most every JOBS_PROGRESS_INTERVAL_S (always when `force` or done), raises
    JobCancelled once someone asked to cancel and JobLost once the job was taken away."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.interval_s = float(getattr(settings, "JOBS_PROGRESS_INTERVAL_S", PROGRESS_INTERVAL_S))
        self._last_write = float("-inf")

    def __call__(self, done: int, total: int, message: str = "", force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_write < self.interval_s and done < total:
            return
        self._last_write = now
        fields: dict[str, Any] = {"progress_done": done, "progress_total": total}
        if message:
            fields["message"] = message
        # One conditional write: it finds no row once a cancel was asked for (so the
        # canceller's name in `message` is never overwritten) or the run was taken away.
        mine = Job.objects.filter(pk=self.job.pk, status=JobStatus.RUNNING)
        if when_unlocked(lambda: mine.filter(cancel_requested=False).update(**fields)):
            self.job.progress_done, self.job.progress_total = done, total
            return
        if when_unlocked(mine.filter(cancel_requested=True).exists):
            raise JobCancelled
        raise JobLost


def _finish(job: Job, status: str, message: str, **fields: Any) -> Job:
    """End a running job, unless it is no longer running (recovered meanwhile)."""
    running = Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING)
    ended = when_unlocked(
        lambda: running.update(status=status, message=message, finished_at=timezone.now(), **fields)
    )
    when_unlocked(job.refresh_from_db)
    if ended:
        tell_starter(job.pk)
    return job


# --- telling the starter -----------------------------------------------------------------
# The person who started a run is told when it ends (finished, failed or cancelled), through
# the activity app's notifications (kind "jobs.finished", registered in JobsConfig.ready()):
# in their inbox, and by email unless they chose otherwise. Called once per ending, by
# whoever ended the run (the worker, a cancel before it started, recovery from a stopped
# worker), right after the conditional write that ended it.

FINISHED_KIND = "jobs.finished"
ENDINGS = {
    JobStatus.SUCCEEDED: "has finished",
    JobStatus.FAILED: "has failed",
    JobStatus.CANCELLED: "was cancelled",
}


def tell_starter(job_id: int) -> None:
    """Notify the starter of an ended run (nobody, for a run started from a command). A
    failure to tell is logged, never raised: the run's page has the outcome either way, and
    a worker must stay up."""
    try:
        job = when_unlocked(
            lambda: Job.objects.select_related("created_by", "place").get(pk=job_id)
        )
        if job.created_by is None or job.status not in ENDINGS:
            return
        when_unlocked(
            lambda: activity.notify(
                job.created_by,
                FINISHED_KIND,
                title=f"{job.kind_title}: run {job.pk} {ENDINGS[JobStatus(job.status)]}",
                body=f"{describe(job)}\n{job.message}".strip(),
                url=reverse("jobs:detail", kwargs={"job_id": job.pk}),
                place=job.place,
            )
        )
    except Exception:
        logger.exception("could not tell the starter of job %s that it ended", job_id)


def _cancelled_message(job: Job) -> str:
    job.refresh_from_db()
    asked = job.message.removeprefix(CANCELLING_PREFIX).rstrip(".")
    return f"Cancelled by {asked} after {progress_text(job)}."


def run_job(job: Job, worker: Worker | None = None) -> Job:
    """Run a job to the end: SUCCEEDED with its result, CANCELLED, or FAILED with a message
    a person can act on. A queued job is claimed first (and left alone if someone else
    has it). Never raises for a failure of the run itself, so a worker stays up."""
    if job.status == JobStatus.QUEUED:
        claimed = claim(job.pk, worker)
        if claimed is None:
            job.refresh_from_db()
            return job
        job = claimed
    spec = registered_kinds().get(job.kind)
    if spec is None:
        return _finish(
            job,
            JobStatus.FAILED,
            f"This site has no kind of job called {job.kind!r} any more, so the run cannot "
            "be done. Tell the site's administrator.",
        )
    started = time.monotonic()
    progress = ProgressWriter(job)
    try:
        progress(0, job.progress_total, "Starting.", force=True)
        result = spec.run(job, progress)
    except JobCancelled:
        return _finish(job, JobStatus.CANCELLED, _cancelled_message(job))
    except JobLost:
        logger.warning("job %s was taken from this worker (it stopped beating); left as is", job.pk)
        job.refresh_from_db()
        return job
    except JobFailed as error:
        return _finish(job, JobStatus.FAILED, str(error))
    except JobParametersError as error:
        return _finish(job, JobStatus.FAILED, f"The run could not be done: {error}")
    except Exception as error:  # a bug or a broken environment: say so, keep the worker up
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        return _finish(
            job,
            JobStatus.FAILED,
            f"The run stopped with an unexpected error ({type(error).__name__}: {error}). "
            "Tell the site's administrator: the details are in the server log.",
        )
    elapsed_s = time.monotonic() - started
    return _finish(
        job,
        JobStatus.SUCCEEDED,
        f"Finished in {elapsed_s:.1f} seconds.",
        result=result,
        progress_done=job.progress_total,
    )
