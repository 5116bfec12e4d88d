"""Workers: heartbeats, recovery that fails only the jobs of workers that stopped beating,
the thread of the web process, and the worker commands."""

from __future__ import annotations

import threading
import time
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.jobs import services, workers
from placezero.jobs.models import Job, Worker
from placezero.jobs.options import JobStatus, WorkerMode
from placezero.jobs.queue import claim, claim_next, when_unlocked

from . import kinds


def _wait_for(condition: Any, timeout_s: float = 30.0) -> None:
    """Wait for a condition the worker threads bring about (SQLite may say a table is
    locked while they write: look again)."""
    deadline = time.monotonic() + timeout_s
    while not when_unlocked(condition):
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def _seen(moment: Any) -> str:
    local = timezone.localtime(moment)
    return f"{local:%H:%M:%S} on {local.day} {local:%B %Y}"


def _work_then_close(worker: workers.RunningWorker) -> None:
    """A worker process's loop, in a thread here: its connection is closed when it ends."""
    try:
        workers.work(once=True, worker=worker, say=str)
    finally:
        connection.close()


@pytest.mark.django_db
def test_recovery_fails_only_jobs_of_workers_that_stopped_beating(counting, partner) -> None:
    """Rule: a RUNNING job is failed only when its worker has been silent for longer than
    JOBS_WORKER_TIMEOUT_S, and its message names that worker and when it was last seen.
    A job held by a worker that still beats, or claimed by no worker, is left alone."""
    now = timezone.now()
    beating = Worker.objects.create(name="beating", mode=WorkerMode.EXTERNAL, heartbeat_at=now)
    last_seen = now - timedelta(minutes=10)
    silent = Worker.objects.create(name="silent", mode=WorkerMode.EXTERNAL, heartbeat_at=last_seen)
    jobs = [services.enqueue(kinds.KEY, {"steps": 1}, partner) for _ in range(3)]
    claim(jobs[0].pk, beating)
    claim(jobs[1].pk, silent)
    claim(jobs[2].pk, None)
    assert workers.recover_abandoned() == 1
    for job in jobs:
        job.refresh_from_db()
    assert [j.status for j in jobs] == [JobStatus.RUNNING, JobStatus.FAILED, JobStatus.RUNNING]
    assert jobs[1].message == (
        f"The worker silent stopped beating at {_seen(last_seen)}; start the run again."
    )
    assert workers.recover_abandoned() == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_and_a_restart_fail_only_the_stopped_workers_job(
    counting: Any, quick_heartbeats: None
) -> None:
    """Two workers each run a job whose step lasts longer than the timeout; one stops
    beating (its process hung or died); a third worker starts. Only the stopped worker's
    job is marked failed, saying why; the other, still beating, finishes its job."""
    partner = UserFactory(role=Role.PARTNER_EDITOR)
    gate = kinds.GATES.setdefault("long step", threading.Event())
    queued = [
        services.enqueue(kinds.KEY, {"steps": 2, "gate": "long step"}, partner) for _ in range(2)
    ]
    a = workers.RunningWorker(WorkerMode.EXTERNAL, name="worker-a")
    b = workers.RunningWorker(WorkerMode.EXTERNAL, name="worker-b")
    threads = [threading.Thread(target=_work_then_close, args=(w,)) for w in (a, b)]
    try:
        for thread in threads:
            thread.start()
        _wait_for(lambda: Job.objects.filter(status=JobStatus.RUNNING).count() == 2)
        held_by_a = when_unlocked(lambda: Job.objects.get(worker=a.row))
        held_by_b = when_unlocked(lambda: Job.objects.get(worker=b.row))

        b.heartbeat.stop()  # worker B stops beating; its job stays RUNNING in the database
        timeout_s = workers.worker_timeout_s()
        _wait_for(
            lambda: (
                timezone.now() - Worker.objects.get(pk=b.row.pk).heartbeat_at
                > timedelta(seconds=timeout_s * 1.5)
            )
        )
        said: list[str] = []
        assert workers.work(once=True, say=said.append) == 0  # a third worker starts

        when_unlocked(held_by_a.refresh_from_db)
        when_unlocked(held_by_b.refresh_from_db)
        assert held_by_a.status == JobStatus.RUNNING  # A still beats, its long step goes on
        last_seen = when_unlocked(lambda: Worker.objects.get(pk=b.row.pk)).heartbeat_at
        stopped = f"The worker worker-b stopped beating at {_seen(last_seen)}; start the run again."
        assert held_by_b.status == JobStatus.FAILED and held_by_b.message == stopped
        assert said[0] == "Marked 1 run(s) of workers that stopped beating as failed."

        gate.set()  # the long step ends for both; B's late reports find its job gone
        for thread in threads:
            thread.join(timeout=20)
        when_unlocked(held_by_a.refresh_from_db)
        when_unlocked(held_by_b.refresh_from_db)
        assert held_by_a.status == JobStatus.SUCCEEDED, held_by_a.message
        assert held_by_b.status == JobStatus.FAILED and held_by_b.message == stopped
    finally:  # a failed assertion must not leave threads running into the next test
        gate.set()
        for thread in threads:
            thread.join(timeout=20)
        a.stop()
        b.stop()
    assert [queued[0].pk, queued[1].pk] == sorted([held_by_a.pk, held_by_b.pk])


@pytest.mark.django_db(transaction=True)
def test_a_worker_beats_while_its_job_runs(counting: Any, quick_heartbeats: None) -> None:
    """Rule: the heartbeat is a thread of its own, so it beats during a step that lasts
    longer than the timeout."""
    worker = workers.RunningWorker(WorkerMode.EXTERNAL, name="steady")
    try:
        first = Worker.objects.get(pk=worker.row.pk).heartbeat_at
        _wait_for(lambda: Worker.objects.get(pk=worker.row.pk).heartbeat_at > first)
    finally:
        worker.stop()
    row = Worker.objects.get(pk=worker.row.pk)
    assert row.stopped_at is not None
    beaten = row.heartbeat_at
    time.sleep(3 * workers.heartbeat_s())
    assert Worker.objects.get(pk=worker.row.pk).heartbeat_at == beaten  # no beat once stopped


@pytest.mark.django_db
def test_a_worker_stopped_mid_run_fails_its_job_at_once(counting, partner) -> None:
    worker = workers.RunningWorker(WorkerMode.EXTERNAL, name="interrupted")
    job = services.enqueue(kinds.KEY, {"steps": 1}, partner)
    claim_next(worker.row)
    worker.stop()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message == "The worker interrupted was stopped while this ran; start the run again."


def test_unknown_worker_mode_is_a_configuration_error(settings) -> None:
    settings.JOBS_WORKER = "celery"
    with pytest.raises(ImproperlyConfigured, match="use one of thread, external"):
        workers.worker_mode()


@pytest.mark.django_db
def test_cli_worker_runs_the_queue_and_says_how_many(counting, partner, capsys) -> None:
    """Rule: `placezero worker --once` runs what is queued and says how many."""
    from placezero.cli import build_parser

    services.enqueue(kinds.KEY, {"steps": 2}, partner)
    args = build_parser().parse_args(["worker", "--once"])
    assert args.handler(args) == 0
    out = capsys.readouterr().out
    assert "Running Counting #" in out and "Count to 2" in out
    assert "Ran 1 job(s)." in out
    assert Job.objects.get().status == JobStatus.SUCCEEDED
    worker = Worker.objects.get()
    assert worker.stopped_at is not None and worker.mode == WorkerMode.EXTERNAL


@pytest.mark.django_db
def test_cli_worker_says_the_old_variable_is_deprecated(monkeypatch, capsys) -> None:
    from placezero.cli import build_parser

    monkeypatch.setenv("PLACEZERO_PATHWAY_JOBS_WORKER", "external")
    args = build_parser().parse_args(["worker", "--once"])
    assert args.handler(args) == 0
    err = capsys.readouterr().err
    assert "jobs.W001: PLACEZERO_PATHWAY_JOBS_WORKER is deprecated" in err
    assert "Set PLACEZERO_JOBS_WORKER instead" in err


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["run_worker", "run_pathway_worker"])
def test_worker_management_commands_run_the_queue(counting, partner, command) -> None:
    services.enqueue(kinds.KEY, {"steps": 2}, partner)
    out, err = StringIO(), StringIO()
    call_command(command, "--once", stdout=out, stderr=err)
    assert "Ran 1 job(s)." in out.getvalue()
    assert ("deprecated" in err.getvalue()) == (command == "run_pathway_worker")
    assert Job.objects.get().status == JobStatus.SUCCEEDED


@pytest.mark.django_db(transaction=True)
def test_thread_worker_runs_queued_jobs(counting: Any, quick_heartbeats: None, settings) -> None:
    """The embedded default: enqueue starts a thread of this process that runs the queue;
    it beats like any worker and stops when asked."""
    settings.JOBS_WORKER = "thread"
    partner = UserFactory(role=Role.PARTNER_EDITOR)
    try:
        queued = [services.enqueue(kinds.KEY, {"steps": n}, partner) for n in (2, 3)]
        _wait_for(
            lambda: all(Job.objects.get(pk=j.pk).status == JobStatus.SUCCEEDED for j in queued),
            timeout_s=60,
        )
        assert workers.thread_worker_running()
        assert when_unlocked(Worker.objects.get).mode == WorkerMode.THREAD
    finally:
        workers.stop_thread_worker()
    assert not workers.thread_worker_running()
    assert when_unlocked(Worker.objects.get).stopped_at is not None
