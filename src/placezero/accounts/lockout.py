"""Sign-in lockout: ten wrong passwords in a row lock a username for fifteen minutes.

While locked, even the right password is refused, at the site's sign-in page and at Django
admin's alike: `LockoutBackend` stands first in AUTHENTICATION_BACKENDS and refuses before
any password is checked (`authenticate` stops at a backend's PermissionDenied). Failures are
counted from Django's `user_login_failed` signal and cleared by `user_logged_in`.

No user enumeration: a username with no account is counted and locked in the same way,
and the message is the same. A lock ends by itself; resetting the password by email (which
signs nobody in) does not lift it, so a stolen inbox alone cannot hurry an attack.
Why our own and not django-axes: docs/decisions/0010-service-reliability.md.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import SignInFailure


def limit() -> int:
    return settings.PLACEZERO_SIGN_IN_LOCKOUT["failures"]


def duration() -> timedelta:
    return timedelta(minutes=settings.PLACEZERO_SIGN_IN_LOCKOUT["minutes"])


def message() -> str:
    minutes = settings.PLACEZERO_SIGN_IN_LOCKOUT["minutes"]
    return (
        f"Too many failed attempts to sign in with this username. For your security, "
        f"signing in with it is paused for {minutes} minutes; try again after that. If you "
        "have forgotten your password, reset it now and sign in when the pause ends."
    )


def _key(username: Any) -> str:
    return str(username or "").strip().casefold()[:150]


def is_locked(username: Any) -> bool:
    key = _key(username)
    if not key:
        return False
    return SignInFailure.objects.filter(username_key=key, locked_until__gt=timezone.now()).exists()


def record_failure(username: Any) -> None:
    """One more failure; the limit'th in a row starts the lock. A failure after a lock
    ended, or long after the last one, starts the count again."""
    key = _key(username)
    if not key:
        return
    now = timezone.now()
    with transaction.atomic():
        row, created = SignInFailure.objects.select_for_update().get_or_create(
            username_key=key, defaults={"failures": 1, "last_failure_at": now}
        )
        if created:
            return
        if row.locked_until and row.locked_until > now:
            return  # already locked: trying again does not lengthen it
        # The row is locked for update, so counting in Python is safe under concurrency.
        stale = row.locked_until is not None or now - row.last_failure_at > duration()
        row.failures = 1 if stale else row.failures + 1
        row.last_failure_at = now
        row.locked_until = now + duration() if row.failures >= limit() else None
        row.save()


def clear(username: Any) -> None:
    SignInFailure.objects.filter(username_key=_key(username)).delete()


class LockoutBackend(BaseBackend):
    """Refuses a locked username before any other backend checks its password."""

    def authenticate(self, request: HttpRequest | None, username: Any = None, **kwargs: Any):
        if is_locked(username or kwargs.get("email")):
            raise PermissionDenied(message())
        return None

    def get_user(self, user_id: Any):
        """Sessions made by `login(user)` without a backend name this first backend."""
        return ModelBackend().get_user(user_id)


def on_login_failed(sender: Any, credentials: dict[str, Any], **kwargs: Any) -> None:
    record_failure(credentials.get("username"))


def on_logged_in(sender: Any, user: Any, **kwargs: Any) -> None:
    clear(user.get_username())
