"""The email adapters: one notification straight away, and the daily digest.

Mail goes through Django's mail backend (`MAILERS`: the console in development, the
in-memory outbox in tests, SMTP configured from the environment in production). Every
email carries a one-click unsubscribe link: a signed token naming the person, the kind and
the channel, in the body and in the `List-Unsubscribe` and `List-Unsubscribe-Post` headers
(RFC 8058, https://www.rfc-editor.org/rfc/rfc8058), so a mail program's "unsubscribe"
button works without signing in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Notification, Preference
from .options import Channel
from .registry import get_notification_kind, registered_notification_kinds

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "placezero.activity.unsubscribe"
EVERY_KIND = "*"


# --- unsubscribe tokens ---------------------------------------------------------------------


@dataclass(frozen=True)
class Unsubscribe:
    """What an unsubscribe link stops: one channel of one kind (or every kind: "*")."""

    user_id: int
    kind: str
    channel: str


class BadUnsubscribeLink(ValueError):
    """A link that was altered, cut short or made up: it unsubscribes nobody."""


def unsubscribe_token(user: Any, kind: str, channel: str) -> str:
    # No expiry: an unsubscribe link must work for as long as the email is kept. The token
    # is signed with the site's secret key, so a changed user, kind or channel is refused.
    return signing.dumps({"u": user.pk, "k": kind, "c": channel}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> Unsubscribe:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        raise BadUnsubscribeLink(
            "This unsubscribe link is not valid: it may have been cut short when it was "
            "copied. Use the link from the email again, or sign in and change your choices "
            "on your notification settings page."
        ) from None
    if not isinstance(data, dict) or data.get("c") not in Channel.values:
        raise BadUnsubscribeLink("This unsubscribe link does not say what to stop.")
    kind = str(data.get("k"))
    if kind != EVERY_KIND and kind not in registered_notification_kinds():
        raise BadUnsubscribeLink("These emails are no longer sent: there is nothing to stop.")
    return Unsubscribe(user_id=int(data["u"]), kind=kind, channel=data["c"])


# --- composing and sending ------------------------------------------------------------------


def absolute(path: str) -> str:
    """A path on this site as a full address for an email (PLACEZERO_SITE_URL)."""
    return settings.PLACEZERO_SITE_URL.rstrip("/") + path


def _send(user: Any, subject: str, body: str, kind: str, channel: str) -> bool:
    """Send one email with its unsubscribe link and headers; False (logged) if it failed."""
    if not user.email:
        return False
    link = absolute(reverse("activity:unsubscribe", args=[unsubscribe_token(user, kind, channel)]))
    text = body + render_to_string(
        "activity/email/footer.txt",
        {"unsubscribe_url": link, "preferences_url": absolute(reverse("activity:preferences"))},
    )
    message = EmailMessage(
        subject=subject,
        body=text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    try:
        message.send()
    except Exception:  # the mail server is down or refuses: the inbox still has it
        logger.exception("could not email user %s (%s)", user.pk, kind)
        return False
    return True


def send_notification(notification: Notification) -> bool:
    """Email one notification to its recipient now; True when it was sent."""
    kind = get_notification_kind(notification.kind)
    body = render_to_string(
        "activity/email/notification.txt",
        {
            "notification": notification,
            "kind": kind,
            "url": absolute(notification.url) if notification.url else "",
            "inbox_url": absolute(reverse("activity:inbox")),
        },
    )
    sent = _send(notification.recipient, notification.title, body, kind.key, Channel.EMAIL)
    if sent:
        notification.emailed_at = timezone.now()
        Notification.objects.filter(pk=notification.pk).update(emailed_at=notification.emailed_at)
    return sent


def send_digests(now: datetime | None = None) -> str:
    """One email per person who chose the digest for some kind, listing their unread
    notifications of those kinds not listed in an earlier digest; what it did, in words."""
    now = now or timezone.now()
    chosen = Preference.objects.filter(channel=Channel.DIGEST, enabled=True)
    kinds_of: dict[int, set[str]] = {}
    for user_id, kind in chosen.values_list("user_id", "kind"):
        kinds_of.setdefault(user_id, set()).add(kind)
    people = get_user_model().objects.filter(pk__in=kinds_of, is_active=True).exclude(email="")
    sent = listed = 0
    for person in people:
        waiting = list(
            Notification.objects.filter(
                Q(recipient=person, kind__in=kinds_of[person.pk], created_at__lte=now),
                read_at__isnull=True,
                digested_at__isnull=True,
            ).select_related("place")
        )
        if not waiting:
            continue
        body = render_to_string(
            "activity/email/digest.txt",
            {
                "notifications": waiting,
                "links": {n.pk: absolute(n.url) for n in waiting if n.url},
                "inbox_url": absolute(reverse("activity:inbox")),
            },
        )
        subject = f"{len(waiting)} unread notification{'s' if len(waiting) != 1 else ''}"
        if _send(person, subject, body, EVERY_KIND, Channel.DIGEST):
            Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(digested_at=now)
            sent += 1
            listed += len(waiting)
    return f"Sent {sent} digest{'s' if sent != 1 else ''} listing {listed} notifications."
