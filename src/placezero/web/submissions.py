"""What every form open to the public needs against abuse, in one place: a honeypot field,
a count per device without keeping its address, plain-text checks and secret links.

Used by the feedback form and by citizen landscaping (`landscape/validation.py`, which turns
the errors into its own `ContributionError`). Each raises Django's
`ValidationError` with the field it is about, so `web.forms.add_service_errors` puts the
message beside that field.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import secrets
from datetime import timedelta

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

# The field only software fills in: hidden from people (CSS class pz-honeypot, tabindex -1).
HONEYPOT_FIELD = "website"
HONEYPOT_LABEL = "Leave this empty"


def refuse_honeypot(value: str) -> None:
    if value:
        raise ValidationError({HONEYPOT_FIELD: "Leave the last field empty; it is not for people."})


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: a proxy's X-Forwarded-For is set by whoever sends the request.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_key(address: str, purpose: str) -> str:
    """A keyed hash of the client's address: enough to count what one device sends, not to
    find the device (the address itself is never stored)."""
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, f"{purpose}-client:{address}".encode(), hashlib.sha256).hexdigest()


def check_rate(recent: QuerySet, *, limit: int, what: str, hours: int = 1) -> None:
    """`recent`: this device's earlier submissions, with a `created_at`. Refused once it holds
    `limit` in the last `hours`. Call inside the transaction that writes the new one."""
    since = timezone.now() - timedelta(hours=hours)
    if recent.filter(created_at__gte=since).count() >= limit:
        raise ValidationError(
            f"You have sent {limit} {what} in the last hour, the most we take from one "
            "device; please try again later."
        )


def plain_text(
    raw: str | None, *, field: str, label: str, limit: int, required: bool = False
) -> str:
    """Plain text only: refused (never silently changed) if it holds markup or is too long."""
    text = (raw or "").strip()
    if required and not text:
        raise ValidationError({field: f"Enter {label.lower()}."})
    if len(text) > limit:
        raise ValidationError(
            {field: f"{label} must be {limit:,} characters or fewer (it has {len(text):,})."}
        )
    # nh3 drops every tag; if what is left (unescaped) differs, the text held markup.
    if html.unescape(nh3.clean(text, tags=set(), attributes={})) != text:
        raise ValidationError(
            {field: f"{label} must be plain text: remove the HTML or script tags (such as "
                    "“<script>”) and write in words."}
        )  # fmt: skip
    return text


def new_secret(purpose: str) -> tuple[str, str]:
    """(token to give the person once, its hash to store)."""
    token = secrets.token_urlsafe(24)
    return token, secret_hash(token, purpose)


def secret_hash(token: str, purpose: str) -> str:
    return hashlib.sha256(f"{purpose}-secret:{token}".encode()).hexdigest()
