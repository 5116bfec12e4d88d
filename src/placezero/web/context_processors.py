"""Values every template needs: the default place and the service navigation."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .navigation import links_for


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "default_place_slug": settings.PLACEZERO_DEFAULT_PLACE,
        # Lazy: pages that never draw the menu (e.g. CSV downloads) never pay for it.
        "navigation": SimpleLazyObject(lambda: links_for(request)),
    }
