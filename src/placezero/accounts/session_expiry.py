"""Staff sessions end on their own: a partner editor, officer or administrator who leaves a
browser signed in is signed out after a set idle time, and after a set time in all however
busy (settings.PLACEZERO_STAFF_SESSION, 30 minutes idle and 8 hours by default). Their
sessions can change plans, decisions and other people's records, so a forgotten tab on a
shared council machine must not stay open; residents and members keep Django's default
session (two weeks), since theirs can change only what is their own.

Two times are kept in the session: when it began (the first staff request after signing in)
and when it was last used (written at most once a minute, so not every page view saves the
session). The session's own expiry follows the idle time too, so the cookie and the stored
session are dropped by the browser and `clearsessions` as well.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from .models import role_rank
from .options import Role

STARTED = "placezero.staff_session_started"
SEEN = "placezero.staff_session_seen"
# Writing "last seen" on every request would save the session on every page view.
SEEN_RESOLUTION_S = 60
DEFAULTS = {"idle_minutes": 30, "absolute_hours": 8}


def limits() -> tuple[int, int]:
    """(idle, absolute) in seconds, from settings.PLACEZERO_STAFF_SESSION."""
    chosen = {**DEFAULTS, **getattr(settings, "PLACEZERO_STAFF_SESSION", {})}
    return int(chosen["idle_minutes"] * 60), int(chosen["absolute_hours"] * 3600)


def is_staff_role(user: object) -> bool:
    role = getattr(user, "role", None)
    return bool(getattr(user, "is_authenticated", False)) and (
        role in Role.values and role_rank(role) >= role_rank(Role.PARTNER_EDITOR)
    )


def expired_reason(started: float, seen: float, now: float) -> str | None:
    idle, absolute = limits()
    if now - started > absolute:
        return "absolute"
    if now - seen > idle:
        return "idle"
    return None


@receiver(user_logged_in, dispatch_uid="accounts.session_expiry")
def _start_afresh(
    sender: object, request: HttpRequest | None, user: object, **kwargs: object
) -> None:
    """Signing in starts the clock again, whatever an earlier sign-in left in the session."""
    session = getattr(request, "session", None)
    if session is not None:
        session.pop(STARTED, None)
        session.pop(SEEN, None)


class StaffSessionExpiryMiddleware:
    """After AuthenticationMiddleware. Expired: signed out, then sent to sign in again with
    a line saying why (and back to the page asked for, once signed in)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not is_staff_role(user):
            return self.get_response(request)
        session = request.session
        now = time.time()
        started = session.get(STARTED)
        seen = session.get(SEEN)
        if started is not None and seen is not None:
            reason = expired_reason(float(started), float(seen), now)
            if reason is not None:
                logout(request)
                query = urlencode({"next": request.get_full_path(), "expired": reason})
                return HttpResponseRedirect(f"{reverse('accounts:login')}?{query}")
        if started is None:
            session[STARTED] = now
        if seen is None or now - float(seen) >= SEEN_RESOLUTION_S:
            session[SEEN] = now
            session.set_expiry(limits()[0])
        return self.get_response(request)
