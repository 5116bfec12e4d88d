"""Values every template needs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {"default_place_slug": settings.PLACEZERO_DEFAULT_PLACE}
