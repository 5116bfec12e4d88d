"""A person's notifications (their inbox) and their choices of how each kind reaches them.

History has no model here: each tracked model's `HistoricalRecords()` makes its own
history table (django-simple-history), read through `services.changes_of`."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from .options import Channel
from .registry import registered_notification_kinds


class NotificationQuerySet(models.QuerySet["Notification"]):
    def visible_for(self, user: Any) -> NotificationQuerySet:
        """A person sees their own notifications and nobody else's, administrators included
        (an inbox is personal: what it holds is between the site and its owner)."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        return self.filter(recipient=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something the site told one person: what kind, in what words, where to look, about
    which place and, when a person did it, who."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=80, db_index=True, help_text="a registered kind")
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True, help_text="a path on this site")
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # The digest lists an unread notification once: the day after, it is not listed again.
    digested_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.title} (to {self.recipient_id})"

    @property
    def kind_label(self) -> str:
        kind = registered_notification_kinds().get(self.kind)
        return kind.label if kind is not None else self.kind

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """One person's choice for one kind and channel. No row means the kind's default (email
    as the kind says, no digest)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=80)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    enabled = models.BooleanField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user", "kind", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "channel"], name="one_preference_per_kind_channel"
            )
        ]

    def __str__(self) -> str:
        state = "on" if self.enabled else "off"
        return f"{self.user_id} {self.kind} {self.channel}: {state}"
