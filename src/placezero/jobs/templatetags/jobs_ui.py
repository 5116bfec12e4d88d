"""Template filters for runs of any kind: `{{ job|job_question }}`, `{{ job|job_progress }}`,
`{{ job|job_tag_class }}` (the GOV.UK tag colour of its status)."""

from __future__ import annotations

from typing import Any

from django import template

from placezero.accounts.permissions import has

from ..models import Job
from ..options import JobStatus
from ..services import describe, progress_text

register = template.Library()

STATUS_TAGS = {
    JobStatus.QUEUED: "govuk-tag--grey",
    JobStatus.RUNNING: "govuk-tag--blue",
    JobStatus.SUCCEEDED: "govuk-tag--green",
    JobStatus.FAILED: "govuk-tag--red",
    JobStatus.CANCELLED: "govuk-tag--yellow",
}


@register.filter
def job_tag_class(job: Job) -> str:
    return STATUS_TAGS[JobStatus(job.status)]


@register.filter
def job_question(job: Job) -> str:
    return describe(job)


@register.filter
def job_progress(job: Job) -> str:
    return progress_text(job)


@register.filter
def job_starter(job: Job, user: Any) -> str:
    """Who started the run, as `user` may see it: the name only for the starter, officers
    of the run's place and administrators (`jobs.see_who_started`)."""
    return _name_if_allowed(job, job.created_by, user)


@register.filter
def job_canceller(job: Job, user: Any) -> str:
    """Who asked to cancel the run, shown to the same people as the starter's name."""
    return _name_if_allowed(job, job.cancelled_by, user)


def _name_if_allowed(job: Job, person: Any, user: Any) -> str:
    if person is None:
        return "\u2013"
    if not has(user, "jobs.see_who_started", job):
        return "Not shown"
    return person.get_full_name() or person.get_username()
