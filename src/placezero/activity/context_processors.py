"""The unread count in the header, for signed-in people (lazy: asked only when drawn)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .notifications import unread_count


def inbox(request: HttpRequest) -> dict[str, object]:
    return {"inbox_unread": SimpleLazyObject(lambda: unread_count(request.user))}
