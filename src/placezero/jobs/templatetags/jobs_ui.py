"""Template filters for runs of any kind: `{{ job|job_question }}`, `{{ job|job_progress }}`,
`{{ job|job_tag_class }}` (the GOV.UK tag colour of its status)."""

from __future__ import annotations

from django import template

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
