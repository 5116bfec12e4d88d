"""`/pathway/`: the default place's pathway plan (the menu's entry when no place is chosen)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.places import services as places


@require_safe
@requires("pathways.view")
def index(request: HttpRequest) -> HttpResponse:
    try:
        place = places.get_place()
    except places.PlaceNotFound:  # a fresh database: say what to do instead of failing
        raise Http404(
            "No place is loaded on this site yet, so there is no pathway to show. An "
            f"administrator loads one with: placezero place load "
            f"{settings.PLACEZERO_DEFAULT_PLACE}"
        ) from None
    return redirect("pathways:public", place_slug=place.slug)
