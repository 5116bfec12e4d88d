"""Choices of the jobs app: a job's status, where workers run, a periodic task's outcome."""

from django.db import models


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Finished"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


FINISHED_JOB_STATUSES = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)


class WorkerMode(models.TextChoices):
    # A thread of the web process: no extra service (the embedded default).
    THREAD = "thread", "Thread of the web process"
    # `placezero worker` processes, as many as wanted.
    EXTERNAL = "external", "Separate worker process"


class PeriodicOutcome(models.TextChoices):
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"
