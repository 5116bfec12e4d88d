"""The choices a feedback form and its review use."""

from __future__ import annotations

from django.db import models


class Satisfaction(models.TextChoices):
    """GOV.UK's five-point satisfaction question."""

    VERY_SATISFIED = "very_satisfied", "Very satisfied"
    SATISFIED = "satisfied", "Satisfied"
    NEUTRAL = "neutral", "Neither satisfied nor dissatisfied"
    DISSATISFIED = "dissatisfied", "Dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied", "Very dissatisfied"


class Status(models.TextChoices):
    NEW = "new", "New"
    REVIEWED = "reviewed", "Reviewed"
    # Spam or abuse: out of the review list, kept until the retention period ends.
    HIDDEN = "hidden", "Hidden"
