"""What every module's views need first: the place the URL names.

`place_or_404(place_slug, request)` looks the place up through `places.services` (404 when
none is loaded by that name) and, given the request, makes it the place the menu links to
(`web.navigation.set_current_place`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404, HttpRequest

from placezero.places import services as places

from .navigation import set_current_place

if TYPE_CHECKING:
    from placezero.places.models import Place


def place_or_404(place_slug: str, request: HttpRequest | None = None) -> Place:
    try:
        place = places.get_place(place_slug or "-")  # an empty slug would give the default
    except places.PlaceNotFound:
        raise Http404(f"There is no place called “{place_slug}” loaded.") from None
    if request is not None:
        set_current_place(request, place)
    return place
