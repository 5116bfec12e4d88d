"""Periodic work: due once per period however many workers look, the cadence kept, a
failure recorded, and run by the worker loop and by `placezero jobs run-due`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from placezero.jobs import PeriodicSpec, periodic, registry, workers
from placezero.jobs.models import PeriodicRun
from placezero.jobs.options import PeriodicOutcome

pytestmark = pytest.mark.django_db

KEY = "jobs.tidy_up"
RUNS: list[int] = []


@pytest.fixture
def tidy_up() -> Iterator[PeriodicSpec]:
    def run() -> str:
        RUNS.append(1)
        return f"Tidied {len(RUNS)} time(s)."

    spec = registry.register_periodic(
        PeriodicSpec(key=KEY, every=timedelta(hours=1), run=run, description="Tidy up")
    )
    RUNS.clear()
    yield spec
    registry.unregister_periodic(KEY)


def test_a_task_never_run_is_due_at_once_then_not_until_its_period(tidy_up) -> None:
    now = timezone.now()
    outcomes = [o for o in periodic.run_due(worker_name="w1", now=now) if o.key == KEY]
    assert [(o.key, o.outcome, o.message) for o in outcomes] == [
        (KEY, PeriodicOutcome.SUCCEEDED, "Tidied 1 time(s).")
    ]
    # Other apps' periodic tasks run too (governance checks deadlines every few minutes).
    later = periodic.run_due(worker_name="w2", now=now + timedelta(minutes=59))
    assert [o for o in later if o.key == KEY] == []
    assert KEY in [o.key for o in periodic.run_due("w2", now=now + timedelta(minutes=61))]
    state = PeriodicRun.objects.get(key=KEY)
    assert state.last_worker == "w2" and state.last_outcome == PeriodicOutcome.SUCCEEDED
    assert RUNS == [1, 1]


def test_two_workers_that_read_the_same_due_time_run_it_once(tidy_up, monkeypatch) -> None:
    """Rule: taking a due task is a compare-and-set on the due time read, so of two workers
    that both saw it due, only the first moves it on and runs it."""
    now = timezone.now()
    read_by_both = periodic._state(KEY, now)
    assert periodic.take_if_due(tidy_up, "w1", now)
    # The second worker read the row before the first moved it on.
    monkeypatch.setattr(periodic, "_state", lambda key, now=None: read_by_both)
    assert not periodic.take_if_due(tidy_up, "w2", now)
    assert PeriodicRun.objects.get(key=KEY).last_worker == "w1"


def test_the_cadence_is_kept_and_missed_periods_are_not_caught_up(tidy_up) -> None:
    start = timezone.now()
    PeriodicRun.objects.create(key=KEY, next_due_at=start)
    assert periodic.take_if_due(tidy_up, "w", start + timedelta(minutes=5))
    assert PeriodicRun.objects.get(key=KEY).next_due_at == start + timedelta(hours=1)
    late = start + timedelta(days=3)
    assert periodic.take_if_due(tidy_up, "w", late)
    assert PeriodicRun.objects.get(key=KEY).next_due_at == late + timedelta(hours=1)


def test_a_failing_task_is_recorded_and_the_rest_go_on(tidy_up) -> None:
    def broken() -> None:
        raise RuntimeError("disk full")

    registry.register_periodic(
        PeriodicSpec(key="jobs.broken", every=timedelta(days=1), run=broken, description="x")
    )
    try:
        outcomes = {o.key: o for o in periodic.run_due()}
    finally:
        registry.unregister_periodic("jobs.broken")
    assert outcomes["jobs.broken"].outcome == PeriodicOutcome.FAILED
    assert (
        outcomes["jobs.broken"].sentence
        == "Periodic task jobs.broken failed: RuntimeError: disk full"
    )
    assert outcomes[KEY].outcome == PeriodicOutcome.SUCCEEDED
    assert PeriodicRun.objects.get(key="jobs.broken").last_message == "RuntimeError: disk full"


def test_the_worker_loop_runs_due_tasks(tidy_up) -> None:
    said: list[str] = []
    workers.work(once=True, say=said.append)
    assert "Periodic task jobs.tidy_up succeeded: Tidied 1 time(s)." in said
    workers.work(once=True, say=said.append)
    assert RUNS == [1]  # not due again within the hour


def test_run_due_command_for_cron(tidy_up, capsys: Any) -> None:
    from placezero.cli import build_parser

    args = build_parser().parse_args(["jobs", "run-due"])
    assert args.handler(args) == 0
    assert "Periodic task jobs.tidy_up succeeded: Tidied 1 time(s).\n" in capsys.readouterr().out
    assert args.handler(args) == 0
    assert capsys.readouterr().out == "No periodic task is due.\n"
    assert PeriodicRun.objects.get(key=KEY).last_worker == "placezero jobs run-due"


def test_a_periodic_task_must_have_a_period() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="must run every so often"):
        registry.register_periodic(
            PeriodicSpec(key="jobs.never", every=timedelta(0), run=lambda: None, description="")
        )


def test_the_jobs_app_forgets_workers_silent_for_a_month(settings) -> None:
    """Rule: worker rows silent past JOBS_WORKER_RETENTION_DAYS are deleted daily, unless
    one still holds a running job (recovery must name it first)."""
    from placezero.jobs.models import Worker
    from placezero.jobs.options import WorkerMode

    settings.JOBS_WORKER_RETENTION_DAYS = 30
    long_ago = timezone.now() - timedelta(days=31)
    Worker.objects.create(name="old", mode=WorkerMode.EXTERNAL, heartbeat_at=long_ago)
    Worker.objects.create(name="recent", mode=WorkerMode.EXTERNAL)
    outcomes = {o.key: o for o in periodic.run_due()}
    said = outcomes["jobs.forget_old_workers"].message
    assert said == "Forgot 1 worker(s) silent for more than 30 days."
    assert list(Worker.objects.values_list("name", flat=True)) == ["recent"]
