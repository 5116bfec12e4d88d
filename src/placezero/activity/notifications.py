"""Notifications: the one door (`notify`), each person's inbox, and their choices.

`notify` keeps every notification in the recipient's inbox and, unless they chose
otherwise for its kind, emails it straight away (`emails.send_notification`). People who
chose the daily digest for a kind get it listed in one email a day instead
(`emails.send_digests`). A failing mail server never fails the caller: the notification
is in the inbox, the failure is logged, `emailed_at` stays empty.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from placezero.accounts.permissions import is_signed_in, require

from .models import Notification, Preference
from .options import Channel
from .registry import NotificationKind, get_notification_kind, registered_notification_kinds

logger = logging.getLogger(__name__)
TITLE_MAX = Notification._meta.get_field("title").max_length
URL_MAX = Notification._meta.get_field("url").max_length


# How a kind reaches a person by email: one of these per kind on the preferences page.
STRAIGHT_AWAY, DAILY, NEVER = "straight_away", "daily", "never"
EMAIL_CHOICES = {
    STRAIGHT_AWAY: "By email straight away",
    DAILY: "In one email a day, with everything still unread",
    NEVER: "Not by email (only in my inbox on this site)",
}


def _clean(title: str, url: str) -> tuple[str, str]:
    title = " ".join(str(title or "").split())
    if not title:
        raise ValidationError("A notification needs a title: say in a few words what happened.")
    url = str(url or "").strip()
    # A path on this site: emails make it absolute, and nothing else can be smuggled in
    # (another site, `javascript:`).
    if url and (not url.startswith("/") or url.startswith("//") or len(url) > URL_MAX):
        raise ValidationError(
            f"A notification's link must be a path on this site, like /jobs/12/ (got {url!r})."
        )
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1] + "\u2026"
    return title, url


def notify(
    recipient: Any,
    kind: str,
    *,
    title: str,
    body: str = "",
    url: str = "",
    place: Any = None,
    actor: Any = None,
) -> Notification | None:
    """Tell one person something: into their inbox, and by email unless they opted out.

    `kind` is a registered key (`UnknownNotificationKind` otherwise); `url` a path on this
    site (`ValidationError` otherwise). Returns the notification, or None for nobody to
    tell (no recipient, or an account that is not active)."""
    spec = get_notification_kind(kind)
    title, url = _clean(title, url)
    if recipient is None or not getattr(recipient, "pk", None) or not recipient.is_active:
        return None
    notification = Notification.objects.create(
        recipient=recipient,
        kind=spec.key,
        title=title,
        body=str(body or "").strip(),
        url=url,
        place=place,
        actor=actor if is_signed_in(actor) else None,
    )
    if wants(recipient, spec.key, Channel.EMAIL):
        from .emails import send_notification

        if getattr(settings, "ACTIVITY_EMAIL_AFTER_COMMIT", True):
            # An email cannot be recalled: send it only once the caller's change is saved,
            # so a rollback after notify() leaves neither the notice nor a sent email.
            transaction.on_commit(lambda: send_notification(notification))
        else:
            send_notification(notification)
    return notification


# --- choices --------------------------------------------------------------------------------


def _default(kind: NotificationKind, channel: str) -> bool:
    return kind.email_by_default if channel == Channel.EMAIL else False


def wants(user: Any, kind: str, channel: str) -> bool:
    """Does this person want this kind by this channel (their choice, or the default)?"""
    chosen = (
        Preference.objects.filter(user=user, kind=kind, channel=channel)
        .values_list("enabled", flat=True)
        .first()
    )
    return _default(get_notification_kind(kind), channel) if chosen is None else chosen


def email_choices_of(user: Any) -> dict[str, str]:
    """The person's email choice for every registered kind: kind key -> STRAIGHT_AWAY,
    DAILY or NEVER."""
    chosen = {(p.kind, p.channel): p.enabled for p in Preference.objects.filter(user=user)}
    result = {}
    for key, kind in registered_notification_kinds().items():
        email = chosen.get((key, Channel.EMAIL), _default(kind, Channel.EMAIL))
        digest = chosen.get((key, Channel.DIGEST), _default(kind, Channel.DIGEST))
        result[key] = STRAIGHT_AWAY if email else DAILY if digest else NEVER
    return result


def _set(user: Any, kind: str, channel: str, enabled: bool) -> None:
    Preference.objects.update_or_create(
        user=user, kind=kind, channel=channel, defaults={"enabled": enabled}
    )


@transaction.atomic
def set_email_choices(user: Any, choices: Mapping[str, str]) -> None:
    """Save the person's email choice per kind (all or nothing)."""
    require(user, "activity.read_inbox")
    kinds = registered_notification_kinds()
    for key, choice in choices.items():
        if key not in kinds or choice not in EMAIL_CHOICES:
            raise ValidationError(f"Choose how to hear about {key!r}: one of the options shown.")
        _set(user, key, Channel.EMAIL, choice == STRAIGHT_AWAY)
        _set(user, key, Channel.DIGEST, choice == DAILY)


@transaction.atomic
def opt_out(user: Any, kind: str, channel: str) -> None:
    """Stop one channel for one kind, or ("*") for every kind (an unsubscribe link)."""
    keys = list(registered_notification_kinds()) if kind == "*" else [kind]
    for key in keys:
        _set(user, key, channel, False)


# --- the inbox ------------------------------------------------------------------------------


def inbox_of(user: Any, *, unread_only: bool = False) -> Any:
    """The person's own notifications, newest first (a queryset, for paging)."""
    require(user, "activity.read_inbox")
    notifications = Notification.objects.visible_for(user).select_related("place")
    return notifications.unread() if unread_only else notifications


def unread_count(user: Any) -> int:
    """How many of the person's notifications are unread (0 for a visitor)."""
    if not is_signed_in(user):
        return 0
    return Notification.objects.visible_for(user).unread().count()


def get_notification(user: Any, notification_id: int) -> Notification:
    """One notification, if it is the person's own: Notification.DoesNotExist if there is
    none, PermissionDenied(reason) if it was sent to someone else."""
    notification = Notification.objects.get(pk=notification_id)
    require(user, "activity.read_notification", notification)
    return notification


def mark_read(user: Any, notification: Notification) -> Notification:
    require(user, "activity.read_notification", notification)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_unread(user: Any, notification: Notification) -> Notification:
    require(user, "activity.read_notification", notification)
    notification.read_at = None
    notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user: Any) -> int:
    """Mark every unread notification of the person read; how many."""
    require(user, "activity.read_inbox")
    return Notification.objects.visible_for(user).unread().update(read_at=timezone.now())


__all__ = [
    "DAILY",
    "EMAIL_CHOICES",
    "NEVER",
    "STRAIGHT_AWAY",
    "email_choices_of",
    "get_notification",
    "inbox_of",
    "mark_all_read",
    "mark_read",
    "mark_unread",
    "notify",
    "opt_out",
    "set_email_choices",
    "unread_count",
    "wants",
]
