"""A person's inbox: their notifications, newest first, read and unread, and marking them.

Only ever the signed-in person's own notifications (`activity.read_inbox`, and
`activity.read_notification` about each one): nobody, administrators included, reads
another person's inbox."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from placezero.accounts.permissions import Verdict, forbidden, requires

from .. import notifications
from ..models import Notification

PER_PAGE = 25


@require_GET
@requires("activity.read_inbox")
def inbox(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("show") == "unread"
    listed = notifications.inbox_of(request.user, unread_only=unread_only)
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "activity/inbox.html",
        {
            "page": page,
            "unread_only": unread_only,
            "unread": notifications.unread_count(request.user),
        },
    )


def _back(request: HttpRequest) -> HttpResponse:
    """Back to the inbox page the person was on (a path on this site only)."""
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, {request.get_host()}):
        return redirect(back)
    return redirect("activity:inbox")


@require_POST
@requires("activity.read_inbox")
def mark(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one notification read (or, with `state=unread`, unread again)."""
    try:
        notification = notifications.get_notification(request.user, notification_id)
    except Notification.DoesNotExist:
        raise Http404(f"There is no notification {notification_id}.") from None
    except PermissionDenied as refusal:
        return forbidden(request, Verdict(False, str(refusal)))
    if request.POST.get("state") == "unread":
        notifications.mark_unread(request.user, notification)
    else:
        notifications.mark_read(request.user, notification)
    return _back(request)


@require_POST
@requires("activity.read_inbox")
def mark_all(request: HttpRequest) -> HttpResponse:
    count = notifications.mark_all_read(request.user)
    messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} read.")
    return redirect("activity:inbox")
