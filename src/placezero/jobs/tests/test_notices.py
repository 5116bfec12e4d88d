"""The person who started a run is told when it ends (finished, failed, cancelled, or its
worker stopped), in their inbox and by email; and a run's page names its starter only to
them, officers of its place and administrators."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.activity.models import Notification
from placezero.api.tests.factories import PlaceFactory
from placezero.jobs import services, workers
from placezero.jobs.models import Job, Worker
from placezero.jobs.options import JobStatus, WorkerMode
from placezero.jobs.queue import claim, run_job
from placezero.jobs.templatetags.jobs_ui import job_starter

from . import kinds

pytestmark = pytest.mark.django_db


def told(user: Any) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind="jobs.finished"))


def test_the_starter_hears_that_a_run_finished(counting, partner) -> None:
    job = run_job(services.enqueue(kinds.KEY, {"steps": 2}, partner))
    [notice] = told(partner)
    assert notice.title == f"Counting: run {job.pk} has finished"
    assert notice.url == f"/jobs/{job.pk}/" and "Count to 2" in notice.body
    assert [m.to for m in mail.outbox] == [[partner.email]]
    assert mail.outbox[0].subject == notice.title


def test_the_starter_hears_that_a_run_failed_and_why(counting, partner) -> None:
    job = run_job(services.enqueue(kinds.KEY, {"steps": 1, "fail": True}, partner))
    [notice] = told(partner)
    assert notice.title == f"Counting: run {job.pk} has failed"
    assert "Counting went wrong" in notice.body


def test_the_starter_hears_of_a_cancel_before_and_during_the_run(
    counting, partner, settings
) -> None:
    settings.JOBS_PROGRESS_INTERVAL_S = 0.0  # every step looks for a cancel
    officer = UserFactory(role=Role.OFFICER)
    queued = services.enqueue(kinds.KEY, {"steps": 5}, partner)
    services.request_cancel(queued, officer)
    running = services.enqueue(kinds.KEY, {"steps": 5}, partner)
    kinds.STEP_HOOKS.append(
        lambda job, step: (
            services.request_cancel(Job.objects.get(pk=job.pk), partner) if step == 2 else None
        )
    )
    assert run_job(running).status == JobStatus.CANCELLED
    titles = sorted(n.title for n in told(partner))
    assert titles == sorted(
        [f"Counting: run {queued.pk} was cancelled", f"Counting: run {running.pk} was cancelled"]
    )
    assert told(officer) == []  # the canceller is not the one told


def test_the_starter_hears_when_the_runs_worker_stopped(counting, partner) -> None:
    silent = Worker.objects.create(
        name="silent", mode=WorkerMode.EXTERNAL, heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    job = services.enqueue(kinds.KEY, {"steps": 1}, partner)
    claim(job.pk, silent)
    assert workers.recover_abandoned() == 1
    [notice] = told(partner)
    assert notice.title == f"Counting: run {job.pk} has failed"
    assert "stopped beating" in notice.body
    assert workers.recover_abandoned() == 0 and len(told(partner)) == 1


def test_nobody_is_told_of_a_run_started_without_a_person(counting) -> None:
    job = Job.objects.create(kind=kinds.KEY, parameters={"steps": 1}, progress_total=1)
    run_job(job)
    assert not Notification.objects.exists()


def test_a_runs_page_names_its_starter_only_to_those_allowed(counting, leicestershire) -> None:
    """Rule: the counting kind's runs are seen by everyone; the starter's name only by the
    starter, officers of the run's place and administrators."""
    starter = UserFactory(role=Role.PARTNER_EDITOR, first_name="Stella", last_name="Starter")
    job = services.enqueue(kinds.KEY, {"steps": 1}, starter, place=leicestershire)
    people = {
        "visitor": None,
        "starter": starter,
        "partner of the place": UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire),
        "officer of the place": UserFactory(role=Role.OFFICER, place=leicestershire),
        "officer of another place": UserFactory(role=Role.OFFICER, place=PlaceFactory()),
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
    }
    sees_name = {"starter", "officer of the place", "administrator"}
    for who, user in people.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        page = client.get(reverse("jobs:detail", kwargs={"job_id": job.pk})).content.decode()
        assert ("Stella Starter" in page) is (who in sees_name), who
        assert ("Not shown" in page) is (who not in sees_name), who
    # The same filter fills the "Started by" column of every list of runs.
    assert job_starter(job, AnonymousUser()) == "Not shown"
    assert job_starter(job, starter) == "Stella Starter"


def test_a_cancelled_runs_message_names_a_role_and_its_page_the_person_only_to_those_allowed(
    counting, leicestershire
) -> None:
    """Rule: the run's message is read by everyone who can see the run, so it names the
    canceller's role; their name is kept in `cancelled_by` and shown like the starter's."""
    starter = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    officer = UserFactory(
        role=Role.OFFICER, place=leicestershire, first_name="Olive", last_name="Canceller"
    )
    job = services.request_cancel(
        services.enqueue(kinds.KEY, {"steps": 3}, starter, place=leicestershire), officer
    )
    assert job.message == f"Cancelled by an officer of {leicestershire.name} before it started."
    assert job.cancelled_by == officer
    url = reverse("jobs:detail", kwargs={"job_id": job.pk})
    visitor_page = Client().get(url).content.decode()
    assert "Olive Canceller" not in visitor_page and "Cancelled by" in visitor_page
    client = Client()
    client.force_login(officer)
    assert "Olive Canceller" in client.get(url).content.decode()
