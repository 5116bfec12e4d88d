"""Choices used across the pathways app."""

from django.db import models


class ChangeAction(models.TextChoices):
    CREATED = "created", "Created"
    COPIED = "copied", "Copied"
    EDITED = "edited", "Levers changed"
    DESCRIBED = "described", "Name or description changed"
    IMPORTED = "imported", "Imported from a file"
    MARKED_PREFERRED = "preferred", "Marked as the preferred pathway"


class JobKind(models.TextChoices):
    OPTIMISE = "optimise", "Least-cost optimisation"
    UNCERTAINTY = "uncertainty", "Monte Carlo uncertainty"
    BATCH = "batch", "Every place on this site"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Finished"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


FINISHED_JOB_STATUSES = (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)
