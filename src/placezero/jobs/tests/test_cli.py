"""`placezero jobs list | cancel | workers`: what an operator sees and does from a shell."""

from __future__ import annotations

from typing import Any

import pytest

from placezero.cli import build_parser
from placezero.jobs import services, workers
from placezero.jobs.models import Job
from placezero.jobs.options import JobStatus, WorkerMode
from placezero.jobs.queue import claim_next

from . import kinds

pytestmark = pytest.mark.django_db


def _run(*argv: str) -> int:
    args = build_parser().parse_args(list(argv))
    return args.handler(args)


def test_list_shows_jobs_with_status_progress_and_worker(counting, partner, capsys) -> None:
    assert _run("jobs", "list") == 0
    assert capsys.readouterr().out == "No jobs.\n"
    worker = workers.RunningWorker(WorkerMode.EXTERNAL, name="listing-worker")
    try:
        services.enqueue(kinds.KEY, {"steps": 4}, partner)
        services.enqueue(kinds.KEY, {"steps": 5}, partner)
        claim_next(worker.row)
        assert _run("jobs", "list", "--status", "running") == 0
        out = capsys.readouterr().out
        assert "jobs.count_to" in out and "Running" in out and "0 of 4 steps" in out
        assert "worker listing-worker" in out and "Count to 4" in out and "Count to 5" not in out
    finally:
        worker.stop()
    assert _run("jobs", "list", "--status", "stuck") == 2
    assert "use one of queued, running" in capsys.readouterr().out


def test_cancel_from_the_command_line(counting, partner, capsys) -> None:
    job = services.enqueue(kinds.KEY, {"steps": 4}, partner)
    assert _run("jobs", "cancel", str(job.pk)) == 0
    assert "Cancelled by the site's operator before it started." in capsys.readouterr().out
    assert Job.objects.get().status == JobStatus.CANCELLED
    assert _run("jobs", "cancel", str(job.pk)) == 2
    assert "already ended" in capsys.readouterr().out
    assert _run("jobs", "cancel", "999") == 2
    assert "There is no job 999" in capsys.readouterr().err


def test_workers_lists_each_worker_and_whether_it_beats(capsys: Any) -> None:
    worker = workers.RunningWorker(WorkerMode.EXTERNAL, name="listed")
    worker.stop()
    assert _run("jobs", "workers") == 0
    assert "listed" in capsys.readouterr().out
