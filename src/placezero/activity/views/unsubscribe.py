"""One-click unsubscribe from an email's link, without signing in (RFC 8058).

A mail program's unsubscribe button POSTs `List-Unsubscribe=One-Click` to the link in the
email's `List-Unsubscribe` header: that stops the emails at once. A person who follows the
link in the email's text gets a page with one button (a GET never unsubscribes: link
checkers and mail scanners open links). The link's signed token is the only credential; a
changed or cut-short token is refused with what to do instead."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .. import notifications
from ..emails import EVERY_KIND, BadUnsubscribeLink, read_unsubscribe_token
from ..options import Channel
from ..registry import get_notification_kind


def _what(kind: str, channel: str) -> str:
    if channel == Channel.DIGEST:
        return "the daily email listing your unread notifications"
    if kind == EVERY_KIND:
        return "every email about your notifications"
    return f"emails about “{get_notification_kind(kind).label}”"


# No CSRF token: a mail program posts from outside the site, and the signed token in the
# URL is what proves the request came from the email (RFC 8058, section 3).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        stop = read_unsubscribe_token(token)
    except BadUnsubscribeLink as error:
        return render(request, "activity/unsubscribe.html", {"error": str(error)}, status=400)
    person = get_user_model().objects.filter(pk=stop.user_id, is_active=True).first()
    if person is None:
        error = "This account no longer exists or is closed, so nothing will be sent to it."
        return render(request, "activity/unsubscribe.html", {"error": error}, status=404)
    what = _what(stop.kind, stop.channel)
    if request.method == "POST":
        notifications.opt_out(person, stop.kind, stop.channel)
        return render(request, "activity/unsubscribe.html", {"done": True, "what": what})
    return render(request, "activity/unsubscribe.html", {"what": what, "token": token})
