"""Alerts to followers through the shared notifications: a new resource on what they follow,
and a funding deadline within `DEADLINE_NOTICE_DAYS`. `send_alerts` runs as a periodic task
(`advisory.alerts`, hourly, registered in `apps.py`); each alert goes once (`AlertSent`).

`_notify` is the one call of the activity app's `notify` (inbox, email unless the person
opted out, daily digest); an alert is marked sent in the same transaction.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from placezero.activity import NotificationKind, register_notification_kind
from placezero.activity import services as activity

from .models import AlertSent, Follow, Resource, SavedSearch, SavedSearchAlert
from .options import ResourceKind

NEW_RESOURCE = "advisory.new_resource"
DEADLINE = "advisory.deadline"
SAVED_SEARCH = "advisory.saved_search"
DEADLINE_NOTICE_DAYS = 14
NOTIFICATION_KINDS = (
    (NEW_RESOURCE, "New advice or funding", "A new resource on a topic or audience you follow"),
    (DEADLINE, "Funding deadline", f"Funding you follow closes within {DEADLINE_NOTICE_DAYS} days"),
    (SAVED_SEARCH, "New result of a saved search", "A new resource that a search you saved finds"),
)


def register_notification_kinds() -> None:
    for key, label, description in NOTIFICATION_KINDS:
        register_notification_kind(NotificationKind(key=key, label=label, description=description))


def _notify(recipient: Any, kind: str, **message: Any) -> bool:
    """Send through the shared notifications (the one call site)."""
    return activity.notify(recipient, kind, **message) is not None


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
            transaction.set_rollback(True)  # not sent (e.g. an inactive person): not marked
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
    found = send_saved_search_alerts()
    return f"{new} new-resource, {deadlines} deadline and {found} saved-search alerts sent."


def send_saved_search_alerts() -> int:
    """Tell each owner of a saved search of the resources it finds that were published
    after they saved it, each once."""
    from .services import describe_saved_search, found_by

    sent = 0
    for saved in SavedSearch.objects.select_related("user", "place").filter(user__is_active=True):
        new = [r for r in found_by(saved) if r.published_at and r.published_at >= saved.created_at]
        for resource in new:
            with transaction.atomic():
                try:
                    SavedSearchAlert.objects.create(saved_search=saved, resource=resource)
                except IntegrityError:
                    continue  # already told
                told = _notify(
                    saved.user,
                    SAVED_SEARCH,
                    title=f"New for your search {describe_saved_search(saved)}: {resource.title}",
                    body=resource.summary,
                    url=reverse("advisory:resource", args=[saved.place.slug, resource.slug]),
                    place=saved.place,
                )
                if not told:
                    transaction.set_rollback(True)
                sent += told
    return sent
