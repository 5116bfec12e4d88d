"""Where jobs run, and how a worker that died is noticed.

`JOBS_WORKER` (env `PLACEZERO_JOBS_WORKER`) says where:

- "thread" (default, the embedded install): a thread of the web process, started when a
  run is queued or a page shows one (and by `ThreadWorkerMiddleware`, so periodic work runs
  too). No extra service; fine with SQLite and a few web processes (claims are atomic).
- "external": `placezero worker` processes, as many as wanted.

Every worker has a `Worker` row and a heartbeat thread that beats every JOBS_HEARTBEAT_S,
whatever the worker is doing, so a job step longer than the timeout does not look like a dead
worker. `recover_abandoned()` marks failed only the RUNNING jobs whose worker has not beaten
for JOBS_WORKER_TIMEOUT_S, saying which worker and when it was last seen; every worker calls
it when it starts and while it waits, and pages that show a running job call it too.

The one seam for another queue (Celery, RQ, or a `django.tasks` backend) is `dispatch`: send
`job.pk` to a task that does `run_job(claim(pk))`. Progress, cancelling and results still go
through the row, so the pages stay the same (docs/decisions/0005-jobs.md).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import (
    DatabaseError,
    close_old_connections,
    connection,
    connections,
    transaction,
)
from django.utils import timezone

from . import periodic
from .models import Job, Worker
from .options import JobStatus, WorkerMode
from .queue import claim_next, describe, run_job, tell_starter, when_unlocked

logger = logging.getLogger(__name__)

HEARTBEAT_S = 5.0
WORKER_RETENTION_DAYS = 30
WORKER_TIMEOUT_S = 60.0
POLL_S = 2.0
# A beat that fails (a locked SQLite file, a dropped connection) is retried at the next one;
# only this many failures in a row are logged as a warning.
BEAT_FAILURES_WARNED = 3
QUEUE_FAILURES_ONCE = 10
QUEUE_RETRY_PAUSE_S = 0.5


def worker_mode() -> str:
    mode = getattr(settings, "JOBS_WORKER", WorkerMode.THREAD)
    if mode not in WorkerMode.values:
        raise ImproperlyConfigured(
            f"JOBS_WORKER is {mode!r}; use one of {', '.join(WorkerMode.values)}."
        )
    return mode


def heartbeat_s() -> float:
    return float(getattr(settings, "JOBS_HEARTBEAT_S", HEARTBEAT_S))


def worker_timeout_s() -> float:
    return float(getattr(settings, "JOBS_WORKER_TIMEOUT_S", WORKER_TIMEOUT_S))


def poll_s() -> float:
    return float(getattr(settings, "JOBS_POLL_S", POLL_S))


# --- a worker's row and heartbeat -----------------------------------------------------------


class Heartbeat(threading.Thread):
    """Beats for one worker every `interval_s` until stopped, on its own connection."""

    def __init__(self, worker_id: int, interval_s: float) -> None:
        super().__init__(name=f"placezero-jobs-heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.interval_s = interval_s
        self._stopped = threading.Event()

    def run(self) -> None:
        failures = 0
        try:
            while not self._stopped.wait(self.interval_s):
                try:
                    beat(self.worker_id)
                    failures = 0
                except Exception:
                    failures += 1
                    log = logger.warning if failures >= BEAT_FAILURES_WARNED else logger.debug
                    log("worker %s missed a heartbeat (%s in a row)", self.worker_id, failures)
        finally:
            connection.close()

    def stop(self) -> None:
        self._stopped.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout=self.interval_s + 5)


def beat(worker_id: int) -> None:
    Worker.objects.filter(pk=worker_id).update(heartbeat_at=timezone.now())


def _default_name(mode: str) -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{mode}-{uuid.uuid4().hex[:6]}"


class RunningWorker:
    """This process's (or thread's) worker: its row, registered on start, and its beat."""

    def __init__(self, mode: str, name: str | None = None) -> None:
        now = timezone.now()
        fields = {
            "name": name or _default_name(mode),
            "mode": mode,
            "hostname": socket.gethostname(),
            "pid": os.getpid(),
            "started_at": now,
            "heartbeat_at": now,
        }
        self.row = when_unlocked(lambda: Worker.objects.create(**fields))
        self.heartbeat = Heartbeat(self.row.pk, heartbeat_s())
        self.heartbeat.start()

    @property
    def name(self) -> str:
        return self.row.name

    def stop(self) -> None:
        """Stop beating and say so. A job still running on it (the worker was interrupted
        mid-run) is marked failed now rather than after the timeout."""
        self.heartbeat.stop()
        now = timezone.now()
        when_unlocked(
            lambda: Worker.objects.filter(pk=self.row.pk).update(stopped_at=now, heartbeat_at=now)
        )
        message = f"The worker {self.name} was stopped while this ran; start the run again."
        running = Job.objects.filter(worker=self.row, status=JobStatus.RUNNING)
        for job_id in when_unlocked(lambda: list(running.values_list("pk", flat=True))):
            # One conditional write per run, so each starter is told only of a run that
            # this call ended.
            if when_unlocked(
                lambda job_id=job_id: running.filter(pk=job_id).update(
                    status=JobStatus.FAILED, finished_at=now, message=message
                )
            ):
                tell_starter(job_id)


# --- recovery -------------------------------------------------------------------------------


def _seen(moment) -> str:
    local = timezone.localtime(moment)
    return f"{local:%H:%M:%S} on {local.day} {local:%B %Y}"


def stopped_message(worker: Worker) -> str:
    return (
        f"The worker {worker.name} stopped beating at {_seen(worker.heartbeat_at)}; "
        "start the run again."
    )


def recover_abandoned() -> int:
    """Mark failed the RUNNING jobs whose worker stopped beating (silent for more than
    JOBS_WORKER_TIMEOUT_S), each saying which worker and when it was last seen; how many.
    Jobs of workers that still beat, however long their step, are left alone."""
    return when_unlocked(_recover_abandoned)


def _recover_abandoned() -> int:
    cutoff = timezone.now() - timedelta(seconds=worker_timeout_s())
    stale = Worker.objects.filter(heartbeat_at__lt=cutoff, jobs__status=JobStatus.RUNNING)
    ended: list[int] = []
    for worker in stale.distinct():
        # Conditional on the heartbeat still being old: a worker that beat since the look
        # above keeps its job. One write per run, so each starter hears of their own.
        abandoned = Job.objects.filter(
            status=JobStatus.RUNNING, worker=worker, worker__heartbeat_at__lt=cutoff
        )
        for job_id in list(abandoned.values_list("pk", flat=True)):
            if abandoned.filter(pk=job_id).update(
                status=JobStatus.FAILED, finished_at=timezone.now(), message=stopped_message(worker)
            ):
                ended.append(job_id)
    for job_id in ended:
        tell_starter(job_id)
    return len(ended)


def has_stopped(job: Job) -> bool:
    """Is this running job's worker silent past the timeout?"""
    if job.status != JobStatus.RUNNING or job.worker_id is None:
        return False
    cutoff = timezone.now() - timedelta(seconds=worker_timeout_s())
    silent = Worker.objects.filter(pk=job.worker_id, heartbeat_at__lt=cutoff)
    return when_unlocked(silent.exists)


def forget_old_workers() -> str:
    """Delete the rows of workers silent for longer than JOBS_WORKER_RETENTION_DAYS (their
    jobs keep their messages, which name the worker); a periodic task of this app."""
    days = int(getattr(settings, "JOBS_WORKER_RETENTION_DAYS", WORKER_RETENTION_DAYS))
    cutoff = timezone.now() - timedelta(days=days)
    old = Worker.objects.filter(heartbeat_at__lt=cutoff).exclude(jobs__status=JobStatus.RUNNING)
    forgotten, _ = old.delete()
    return f"Forgot {forgotten} worker(s) silent for more than {days} days."


# --- the loop -------------------------------------------------------------------------------


def work(
    *,
    once: bool = False,
    poll: float | None = None,
    say: Callable[[str], None] = print,
    worker: RunningWorker | None = None,
    mode: str = WorkerMode.EXTERNAL,
    stop: threading.Event | None = None,
    wake: threading.Event | None = None,
) -> int:
    """A worker's loop: run due periodic work and queued jobs as they come; with `once`,
    stop when the queue is empty. `stop` ends it between jobs; `wake` cuts a wait short
    (a job was queued). Returns how many jobs it ran."""
    owned = worker is None
    running = worker if worker is not None else RunningWorker(mode)
    poll = poll_s() if poll is None else poll
    ran = failures = 0
    recover = True  # at start, and after each wait
    try:
        while stop is None or not stop.is_set():
            # Between jobs, drop a connection past its age or broken (a long-lived worker);
            # not inside an enclosing transaction (a test's), which closing would end.
            if not connection.in_atomic_block:
                close_old_connections()
            try:
                if recover:
                    _recover(say)
                    recover = False
                for outcome in periodic.run_due(worker_name=running.name):
                    say(outcome.sentence)
                job = claim_next(running.row)
                failures = 0
            except DatabaseError:
                # A locked SQLite file or a database restarting: look again after a pause;
                # a `--once` run gives up after a few tries rather than hang a cron job.
                failures += 1
                logger.warning("the job queue could not be read (%s in a row)", failures)
                if once and failures >= QUEUE_FAILURES_ONCE:
                    raise
                time.sleep(max(poll, QUEUE_RETRY_PAUSE_S))
                continue
            if job is None:
                if once:
                    return ran
                if wake is not None:
                    wake.wait(poll)
                    wake.clear()
                else:
                    time.sleep(poll)
                recover = True
                continue
            where = f" for {job.place.name}" if job.place_id else ""
            say(f"Running {job}{where}: {describe(job)}.")
            job = run_job(job, running.row)
            ran += 1
            say(f"{job}: {job.message.splitlines()[0] if job.message else ''}")
        return ran
    finally:
        if owned:
            running.stop()


def _recover(say: Callable[[str], None]) -> None:
    failed = recover_abandoned()
    if failed:
        say(f"Marked {failed} run(s) of workers that stopped beating as failed.")


# --- the worker thread of the web process ---------------------------------------------------

_thread_lock = threading.Lock()
_thread: threading.Thread | None = None
_wake = threading.Event()
_stop = threading.Event()


def dispatch(job: Job) -> None:
    """Hand a queued job to whatever runs jobs: the one seam for another queue (see above)."""
    if worker_mode() == WorkerMode.THREAD:
        transaction.on_commit(start_thread_worker)
    # "external": a `placezero worker` process finds it with claim_next().


def thread_worker_running() -> bool:
    return _thread is not None and _thread.is_alive()


def start_thread_worker() -> None:
    """Make sure this process's worker thread runs, and wake it (a job was queued)."""
    global _thread
    with _thread_lock:
        _wake.set()
        if not thread_worker_running():
            _stop.clear()
            _thread = threading.Thread(target=_thread_main, name="placezero-jobs", daemon=True)
            _thread.start()


def stop_thread_worker(timeout_s: float = 60.0) -> None:
    """Stop this process's worker thread after the job it is running (tests, shutdown)."""
    thread = _thread
    if thread is None:
        return
    _stop.set()
    _wake.set()
    thread.join(timeout=timeout_s)


def _thread_main() -> None:
    global _thread
    try:
        work(mode=WorkerMode.THREAD, stop=_stop, wake=_wake, say=logger.info)
    except Exception:
        logger.exception("the job worker thread stopped")
    finally:
        with _thread_lock:
            if _thread is threading.current_thread():
                _thread = None
        connections.close_all()


def look_after(job: Job) -> None:
    """What a page showing a run does: in thread mode, start a worker for a job left queued
    (the web process restarted after it was queued); for a running job whose worker went
    silent, mark it (and any other such) failed now, so the page says so."""
    if job.status == JobStatus.QUEUED and worker_mode() == WorkerMode.THREAD:
        start_thread_worker()
    elif has_stopped(job):
        recover_abandoned()
        job.refresh_from_db()
