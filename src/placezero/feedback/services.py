"""The feedback door: give it, review it, let its giver remove it, and let it expire.

Every change goes through here in one transaction; refusals are `ValidationError`s naming
the field (`web.forms.add_service_errors`) or `PermissionDenied` from `require`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from placezero.accounts.permissions import require
from placezero.web import submissions

from .models import Feedback
from .options import Satisfaction, Status

PURPOSE = "feedback"
MAX_MESSAGE_CHARS = 2000
MAX_NOTE_CHARS = 500
RATE_LIMIT_PER_HOUR = 5
# How long feedback is kept, and an email address for a reply (the privacy line says so).
RETENTION = timedelta(days=365)
EMAIL_RETENTION = timedelta(days=90)


@dataclass(frozen=True)
class Given:
    feedback: Feedback
    secret_token: str  # shown once: the giver's link to remove their email or the feedback


def clean_page(raw: str | None) -> str:
    """A path on this site ("/places/…"), or nothing; anything else is dropped, not stored."""
    page = (raw or "").strip()
    if not page.startswith("/") or page.startswith("//") or len(page) > 300:
        return ""
    return "" if any(ch in page for ch in "\\\r\n<>\"'") else page


def give(
    *,
    message: str,
    user: Any,
    client_address: str,
    page: str = "",
    satisfaction: str = "",
    email: str = "",
    honeypot: str = "",
) -> Given:
    require(user, "feedback.give")
    submissions.refuse_honeypot(honeypot)
    errors: dict[str, list[str]] = {}
    cleaned_message = ""
    try:
        cleaned_message = submissions.plain_text(
            message, field="message", label="Your feedback", limit=MAX_MESSAGE_CHARS,
            required=True,
        )  # fmt: skip
    except ValidationError as caught:
        errors.update(caught.message_dict)
    if satisfaction and satisfaction not in Satisfaction.values:
        errors["satisfaction"] = ["Choose one of the five answers, or leave the question out."]
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [
                "Enter an email address like name@example.org, or leave it empty: you do "
                "not need to give one."
            ]
    if errors:
        raise ValidationError(errors)
    key = submissions.client_key(client_address, PURPOSE)
    token, hashed = submissions.new_secret(PURPOSE)
    with transaction.atomic():
        submissions.check_rate(
            Feedback.objects.filter(client_key=key), limit=RATE_LIMIT_PER_HOUR,
            what="pieces of feedback",
        )  # fmt: skip
        feedback = Feedback.objects.create(
            page=clean_page(page),
            satisfaction=satisfaction,
            message=cleaned_message,
            email=email,
            client_key=key,
            secret_hash=hashed,
        )
    return Given(feedback, token)


# --- review -----------------------------------------------------------------------------


def for_review(user: Any, *, status: str = "") -> list[Feedback]:
    """What a reviewer sees: new and reviewed feedback by default, or one status."""
    require(user, "feedback.review")
    found = Feedback.objects.select_related("reviewed_by")
    if status:
        if status not in Status.values:
            raise ValidationError(
                {"status": f"Show new, reviewed or hidden feedback, not {status!r}."}
            )
        return list(found.filter(status=status))
    return list(found.exclude(status=Status.HIDDEN))


def review(feedback: Feedback, *, status: str, user: Any, note: str = "") -> Feedback:
    """Mark feedback reviewed, hide it (spam, abuse) or bring it back as new."""
    require(user, "feedback.review")
    if status not in Status.values:
        raise ValidationError({"status": "Choose reviewed, hidden or new."})
    note = submissions.plain_text(note, field="note", label="The note", limit=MAX_NOTE_CHARS)
    with transaction.atomic():
        locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
        locked.status = status
        locked.note = note or locked.note
        locked.reviewed_by = user if status != Status.NEW else None
        locked.reviewed_at = timezone.now() if status != Status.NEW else None
        locked._change_reason = f"Marked {Status(status).label.lower()}"
        locked.save()
    return locked


# --- the giver's own data (secret link) -------------------------------------------------


def by_secret(token: str) -> Feedback | None:
    if not token:
        return None
    return Feedback.objects.filter(secret_hash=submissions.secret_hash(token, PURPOSE)).first()


def remove_email(token: str) -> Feedback:
    feedback = by_secret(token)
    if feedback is None:
        raise ValidationError(
            "This link is not valid any more: the feedback may have been deleted."
        )
    with transaction.atomic():
        feedback.email = ""
        feedback._change_reason = "Email address removed by the person who gave it"
        feedback.save()
    return feedback


def delete_own(token: str) -> None:
    feedback = by_secret(token)
    if feedback is None:
        raise ValidationError(
            "This link is not valid any more: the feedback may have been deleted."
        )
    with transaction.atomic():
        _delete_with_history(feedback)


def _delete_with_history(feedback: Feedback) -> None:
    """Deleted means gone: the history rows hold the message too, so they go with it."""
    pk = feedback.pk
    feedback.delete()
    Feedback.history.filter(id=pk).delete()


# --- retention (a periodic job, registered in apps.py) ----------------------------------


def expire(now: Any = None) -> str:
    """Delete feedback older than RETENTION and email addresses older than EMAIL_RETENTION."""
    now = now or timezone.now()
    with transaction.atomic():
        emails = 0
        for feedback in Feedback.objects.filter(created_at__lt=now - EMAIL_RETENTION).exclude(
            email=""
        ):
            feedback.email = ""
            feedback._change_reason = "Email address removed after 90 days"
            feedback.save()
            emails += 1
        old = list(Feedback.objects.filter(created_at__lt=now - RETENTION))
        for feedback in old:
            _delete_with_history(feedback)
    return f"Removed {emails} email address(es) and deleted {len(old)} piece(s) of feedback."
