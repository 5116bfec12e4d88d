"""The queue: enqueue checks permission and parameters, the claim is atomic and oldest
first, a run ends succeeded, failed with its message or cancelled, and nothing a person did
is overwritten by a worker that lost its job."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.jobs import JobParametersError, UnknownJobKind, services
from placezero.jobs.models import Job
from placezero.jobs.options import JobStatus
from placezero.jobs.queue import claim, claim_next, run_job

from . import kinds

pytestmark = pytest.mark.django_db


def _count(user: Any, steps: int = 3, **extra: Any) -> Job:
    return services.enqueue(kinds.KEY, {"steps": steps} | extra, user)


def test_enqueue_stores_parameters_steps_and_who(counting, partner, leicestershire) -> None:
    job = services.enqueue(kinds.KEY, {"steps": 7}, partner, place=leicestershire)
    assert job.status == JobStatus.QUEUED
    assert (job.progress_total, job.progress_done) == (7, 0)
    assert job.parameters == {"steps": 7}
    assert job.created_by == partner and job.place == leicestershire
    assert job.message == "Waiting for the worker to start it."


def test_enqueue_keeps_a_subject_of_any_app(counting, partner) -> None:
    """Rule: a run may be about any model; the reference comes back as the object."""
    other = UserFactory()
    job = services.enqueue(kinds.KEY, {"steps": 1}, partner, subject=other)
    assert Job.objects.get(pk=job.pk).subject == other
    assert services.jobs_for(partner, subject=other) == [job]
    assert services.jobs_for(partner, subject=partner) == []


def test_bad_parameters_are_refused_per_field_and_nothing_is_queued(counting, partner) -> None:
    with pytest.raises(JobParametersError) as raised:
        _count(partner, steps=0)
    assert raised.value.errors == {"steps": "Enter a whole number of steps from 1 to 1,000."}
    assert not Job.objects.exists()


def test_an_unregistered_kind_is_refused_by_name(counting, partner) -> None:
    """Rule: a misspelt kind never queues; the error names it and the registered kinds."""
    with pytest.raises(UnknownJobKind) as raised:
        services.enqueue("jobs.count_too", {"steps": 1}, partner)
    message = raised.value.errors["kind"]
    assert "'jobs.count_too'" in message and kinds.KEY in message
    assert isinstance(raised.value, JobParametersError)
    assert not Job.objects.exists()


@pytest.mark.parametrize("who", ["anonymous", Role.RESIDENT, Role.MEMBER])
def test_starting_needs_the_kinds_start_permission(counting, who) -> None:
    user = AnonymousUser() if who == "anonymous" else UserFactory(role=who)
    with pytest.raises(PermissionDenied, match="partner editors"):
        _count(user)
    assert not Job.objects.exists()


def test_claim_takes_each_job_once_oldest_first(counting, partner) -> None:
    first, second = _count(partner), _count(partner)
    claimed = [claim_next(), claim_next(), claim_next()]
    assert [j.pk if j else None for j in claimed] == [first.pk, second.pk, None]
    assert all(j.status == JobStatus.RUNNING and j.started_at for j in claimed[:2])


def test_claim_skips_a_job_someone_else_just_took(counting, partner) -> None:
    job = _count(partner)
    # Another worker's conditional UPDATE won first: this one must not take it too.
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    assert claim_next() is None


def test_a_named_job_is_claimed_once(counting, partner) -> None:
    job = _count(partner)
    assert claim(job.pk).status == JobStatus.RUNNING
    assert claim(job.pk) is None


def test_a_run_succeeds_with_its_result_and_full_progress(counting, partner) -> None:
    job = run_job(_count(partner, steps=4))
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.result == {"counted": 4}
    assert job.progress_done == job.progress_total == 4
    assert job.message.startswith("Finished in ") and job.finished_at is not None


def test_a_runners_own_failure_is_its_message(counting, partner) -> None:
    job = run_job(_count(partner, fail=True))
    assert job.status == JobStatus.FAILED
    assert job.message == "Counting went wrong: the test asked it to."
    assert job.result is None


def test_an_unexpected_error_fails_with_a_message_for_the_administrator(counting, partner):
    job = run_job(_count(partner, crash=True))
    assert job.status == JobStatus.FAILED
    assert "unexpected error (RuntimeError: counter crashed)" in job.message
    assert "administrator" in job.message


def test_a_job_of_a_kind_no_longer_installed_fails_clearly(partner) -> None:
    job = Job.objects.create(kind="gone.away", progress_total=1)
    job = run_job(job)
    assert job.status == JobStatus.FAILED
    assert "no kind of job called 'gone.away'" in job.message


def test_cancel_mid_run_stops_at_the_next_report(counting, partner, settings) -> None:
    settings.JOBS_PROGRESS_INTERVAL_S = 0.0
    job = _count(partner, steps=10)
    kinds.STEP_HOOKS.append(
        lambda running, step: (
            services.request_cancel(Job.objects.get(pk=running.pk), partner) if step == 3 else None
        )
    )
    job = run_job(job)
    assert job.status == JobStatus.CANCELLED
    assert job.progress_done == 2  # the last report before the cancel was seen
    assert job.message == "Cancelled by the person who started it after 2 of 10 steps."
    assert job.result is None


def test_cancelling_a_queued_run_stops_it_at_once(counting, partner) -> None:
    job = services.request_cancel(_count(partner), partner)
    assert job.status == JobStatus.CANCELLED and job.cancel_requested
    assert job.message == "Cancelled by the person who started it before it started."
    assert claim_next() is None


def test_someone_else_cannot_cancel_through_the_service(counting, partner) -> None:
    job = _count(partner)
    with pytest.raises(PermissionDenied, match="Only the person who started a count"):
        services.request_cancel(job, UserFactory(role=Role.PARTNER_EDITOR))
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and not job.cancel_requested


def test_an_officer_cancels_anyones_running_run(counting, partner, officer) -> None:
    job = _count(partner)
    claim_next()
    job = services.request_cancel(job, officer)
    assert job.status == JobStatus.RUNNING and job.cancel_requested
    assert job.message == "Cancelling: asked by an officer."  # a run of no place


def test_the_operator_cancels_from_the_command_line(counting, partner) -> None:
    job = services.cancel_as_operator(_count(partner))
    assert job.message == "Cancelled by the site's operator before it started."


def test_a_worker_that_lost_its_job_stops_without_writing(counting, partner, settings) -> None:
    """Rule: once a job was marked failed (its worker stopped beating), that worker's
    progress and its ending find no row: the failure and its reason stay."""
    settings.JOBS_PROGRESS_INTERVAL_S = 0.0
    job = _count(partner, steps=5)

    def taken_away(running: Job, step: int) -> None:
        if step == 2:
            Job.objects.filter(pk=running.pk).update(status=JobStatus.FAILED, message="Taken.")

    kinds.STEP_HOOKS.append(taken_away)
    job = run_job(job)
    assert job.status == JobStatus.FAILED and job.message == "Taken."
    assert job.progress_done == 1 and job.result is None


def test_visible_for_follows_the_kinds_view_permission(counting, partner, settings) -> None:
    """Rule: a run is listed for whoever the kind's view permission allows, and always for
    the person who started it; runs of a kind no longer installed for nobody."""
    from placezero.accounts import permissions

    mine, theirs = _count(partner), _count(UserFactory(role=Role.PARTNER_EDITOR))
    Job.objects.create(kind="gone.away")
    assert set(Job.objects.visible_for(AnonymousUser())) == {mine, theirs}
    permissions.unregister(kinds.VIEW)
    permissions.register(kinds.VIEW, permissions.minimum_role(Role.OFFICER), "Officers only")
    assert list(Job.objects.visible_for(AnonymousUser())) == []
    assert list(Job.objects.visible_for(partner)) == [mine]
    assert set(Job.objects.visible_for(UserFactory(role=Role.OFFICER))) == {mine, theirs}
