"""Alerts to followers through the shared notifications: a new resource on what they follow,
and a funding deadline within `DEADLINE_NOTICE_DAYS`. `send_alerts` runs as a periodic task
(`advisory.alerts`, hourly, registered in `apps.py`); each alert goes once (`AlertSent`).

`_notify` is the one call of the activity app's `notify` (inbox, email unless the person
opted out, daily digest). Until that kernel service is installed nothing is sent and nothing
is marked as sent, so the alerts go out once it is.
"""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .models import AlertSent, Follow, Resource
from .options import ResourceKind

NEW_RESOURCE = "advisory.new_resource"
DEADLINE = "advisory.deadline"
DEADLINE_NOTICE_DAYS = 14
NOTIFICATION_KINDS = (
    (NEW_RESOURCE, "New advice or funding", "A new resource on a topic or audience you follow"),
    (DEADLINE, "Funding deadline", f"Funding you follow closes within {DEADLINE_NOTICE_DAYS} days"),
)


def _activity() -> Any:
    if not apps.is_installed("placezero.activity"):
        return None
    return importlib.import_module("placezero.activity")


def register_notification_kinds() -> None:
    activity = _activity()
    if activity is None:
        return
    for key, label, description in NOTIFICATION_KINDS:
        activity.register_notification_kind(
            activity.NotificationKind(key=key, label=label, description=description)
        )


def _notify(recipient: Any, kind: str, **message: Any) -> bool:
    """Send through the shared notifications; False when they are not installed."""
    activity = _activity()
    if activity is None:
        return False
    importlib.import_module("placezero.activity.services").notify(recipient, kind, **message)
    return True


def _matching(follow: Follow) -> Any:
    topics = list(follow.topics.values_list("pk", flat=True))
    audiences = list(follow.audiences.values_list("pk", flat=True))
    return (
        Resource.objects.live()
        .for_place(follow.place)
        .filter(Q(topics__in=topics) | Q(audiences__in=audiences))
        .distinct()
    )


def _send(follow: Follow, resource: Resource, kind: str, title: str) -> bool:
    with transaction.atomic():
        try:
            AlertSent.objects.create(follow=follow, resource=resource, kind=kind)
        except IntegrityError:
            return False  # already told
        url = reverse("advisory:resource", args=[follow.place.slug, resource.slug])
        sent = _notify(
            follow.user,
            NEW_RESOURCE if kind == AlertSent.Kind.NEW else DEADLINE,
            title=title,
            body=resource.summary,
            url=url,
            place=follow.place,
        )
        if not sent:
            transaction.set_rollback(True)  # not sent: try again once notifications exist
        return sent


def send_alerts() -> str:
    """Tell each follower of what is new since they followed, and of deadlines near."""
    today = timezone.localdate()
    soon = today + timedelta(days=DEADLINE_NOTICE_DAYS)
    new = deadlines = 0
    for follow in Follow.objects.select_related("user", "place").filter(user__is_active=True):
        for resource in _matching(follow).filter(published_at__gte=follow.created_at):
            new += _send(follow, resource, AlertSent.Kind.NEW, f"New: {resource.title}")
        closing = _matching(follow).filter(
            kind=ResourceKind.FUNDING, closes_on__gte=today, closes_on__lte=soon
        )
        for resource in closing:
            title = f"Closes {resource.closes_on:%-d %B}: {resource.title}"
            deadlines += _send(follow, resource, AlertSent.Kind.DEADLINE, title)
    return f"{new} new-resource and {deadlines} deadline alerts sent."
