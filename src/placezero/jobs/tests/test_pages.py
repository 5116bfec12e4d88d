"""A run's pages, for a job of any kind: live progress, cancel, results and downloads, each
behind the kind's permission."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from placezero.accounts import permissions
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.jobs import services
from placezero.jobs.models import Job, Worker
from placezero.jobs.options import JobStatus, WorkerMode
from placezero.jobs.queue import claim, claim_next, run_job

from . import kinds

pytestmark = pytest.mark.django_db


def _url(name: str, job: Job, **kwargs: Any) -> str:
    return reverse(f"jobs:{name}", kwargs={"job_id": job.pk} | kwargs)


def _count(user: Any, steps: int = 3) -> Job:
    return services.enqueue(kinds.KEY, {"steps": steps}, user)


def test_a_running_page_polls_its_status_region_and_offers_cancel_to_the_starter(
    client, counting, partner
) -> None:
    job = _count(partner, steps=10)
    html = client.get(_url("detail", job)).content.decode()
    assert f'hx-get="{_url("progress", job)}"' in html and 'role="status"' in html
    assert "Count to 10" in html and "Counting: run" in html
    assert "Cancel this run" not in html  # anonymous
    client.force_login(partner)
    assert "Cancel this run" in client.get(_url("detail", job)).content.decode()
    fragment = client.get(_url("progress", job))
    assert fragment.status_code == 200
    assert "0 of 10 steps" in fragment.content.decode()


def test_a_finished_run_stops_polling_and_shows_its_tables(client, counting, partner) -> None:
    job = run_job(_count(partner, steps=3))
    fragment = client.get(_url("progress", job))
    assert fragment.status_code == 286  # htmx: stop polling
    html = fragment.content.decode()
    assert "Finished" in html and "3 of 3 steps" in html
    assert 'hx-swap-oob="true"' in html and f'id="table-run-{job.pk}-squares"' in html
    page = client.get(_url("detail", job)).content.decode()
    assert "hx-get" not in page
    assert f'href="{_url("download", job, fmt="xlsx")}"' in page


def test_a_finished_runs_tables_download(client, counting, partner) -> None:
    from openpyxl import load_workbook

    job = _count(partner, steps=3)
    assert client.get(_url("download", job, fmt="xlsx")).status_code == 404  # still queued
    job = run_job(job)
    slug = f"run-{job.pk}-squares"
    response = client.get(_url("download", job, fmt="csv") + f"?table={slug}")
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["Square (count)"] for row in rows] == ["1", "4", "9"]
    book = load_workbook(io.BytesIO(client.get(_url("download", job, fmt="xlsx")).content))
    assert book.sheetnames[0] == "About" and len(book.sheetnames) == 2
    missing = client.get(_url("download", job, fmt="csv") + "?table=nope")
    assert missing.status_code == 404
    assert client.get(_url("download", job, fmt="pdf")).status_code == 404


def test_cancel_needs_post_and_the_kinds_cancel_permission(client, counting, partner) -> None:
    own, other = _count(partner), _count(UserFactory(role=Role.OFFICER))
    client.force_login(partner)
    assert client.get(_url("cancel", own)).status_code == 405
    response = client.post(_url("cancel", own))
    assert response.status_code == 302 and response["Location"] == _url("detail", own)
    own.refresh_from_db()
    assert own.status == JobStatus.CANCELLED
    refused = client.post(_url("cancel", other))
    assert refused.status_code == 403
    assert "Only the person who started a count" in refused.content.decode()
    other.refresh_from_db()
    assert other.status == JobStatus.QUEUED and not other.cancel_requested


def test_an_officer_cancels_anyones_running_run(client, counting, partner, officer) -> None:
    job = _count(partner)
    claim_next()
    client.force_login(officer)
    assert client.post(_url("cancel", job)).status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.cancel_requested


def test_a_kind_that_is_not_public_asks_the_visitor_to_sign_in(client, counting, partner):
    permissions.unregister(kinds.VIEW)
    permissions.register(kinds.VIEW, permissions.minimum_role(Role.OFFICER), "Officers only")
    job = _count(partner)
    response = client.get(_url("detail", job))
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(UserFactory(role=Role.RESIDENT))
    assert client.get(_url("progress", job)).status_code == 403


def test_unknown_runs_and_kinds_no_longer_installed_are_not_found(client) -> None:
    assert client.get(reverse("jobs:detail", kwargs={"job_id": 999})).status_code == 404
    gone = Job.objects.create(kind="gone.away")
    response = client.get(_url("detail", gone))
    assert response.status_code == 404
    assert "a kind this site no longer has (gone.away)" in response.content.decode()


def test_a_page_showing_a_run_whose_worker_stopped_beating_says_so(
    client, counting, partner
) -> None:
    """Rule: nobody has to restart a worker to learn that a run died with its worker: the
    run's page marks it failed once its worker is silent past the timeout."""
    last_seen = timezone.now() - timedelta(minutes=5)
    dead = Worker.objects.create(name="dead", mode=WorkerMode.EXTERNAL, heartbeat_at=last_seen)
    job = _count(partner)
    claim(job.pk, dead)
    html = client.get(_url("progress", job)).content.decode()
    assert "The worker dead stopped beating at" in html and "Failed" in html
