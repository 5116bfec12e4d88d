"""One piece of feedback. Nothing in it names the person unless they gave an email address
for a reply; the device is only a keyed hash (rate limit) and the secret link a hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .options import Satisfaction, Status


class Feedback(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The site page the person came from (a path on this site, never another site).
    page = models.CharField(max_length=300, blank=True)
    satisfaction = models.CharField(max_length=20, choices=Satisfaction.choices, blank=True)
    message = models.TextField()
    # Only for a reply; the person may remove it (secret link) and it goes after RETENTION.
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reviewed_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField("Reviewer's note", max_length=500, blank=True)
    client_key = models.CharField(max_length=64, db_index=True)
    secret_hash = models.CharField(max_length=64, unique=True)
    # Who reviewed and hid what, when: but never a copy of the email address or the hashes.
    history = HistoricalRecords(excluded_fields=["email", "client_key", "secret_hash"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"Feedback {self.pk} ({self.get_status_display()})"
