"""A resident's contribution (what they would welcome or not, where) and the moderation
decisions about it. Both keep the shared history; the history leaves out who contributed,
from which client and the secret link, so it holds no personal data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .options import Decision, Shape, Stance, Status, Technology


class Contribution(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    zone = models.ForeignKey("places.Zone", on_delete=models.CASCADE, related_name="+")
    technology = models.CharField(max_length=30, choices=Technology.choices)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    shape = models.CharField(max_length=10, choices=Shape.choices)
    geometry = models.JSONField(null=True, blank=True, help_text="GeoJSON geometry, WGS84")
    place_description = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # Personal data, never shown publicly and left out of the history: the account (if
    # any), a keyed hash of the client's address (rate limit only) and of the secret link.
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    client_key = models.CharField(max_length=64, db_index=True)
    secret_hash = models.CharField(max_length=64, unique=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["contributor", "client_key", "secret_hash"])

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["place", "status"])]

    def __str__(self) -> str:
        return f"{self.get_technology_display()} - {self.get_stance_display()} ({self.zone_id})"

    def get_absolute_url(self) -> str:
        return reverse("landscape:moderate_one", args=[self.place.slug, self.pk])


class ModerationDecision(models.Model):
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="decisions"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.CharField(max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} #{self.contribution_id}"
