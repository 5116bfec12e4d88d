"""`/pathway/`: the default place's pathway plan (the menu's entry when no place is chosen)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.places import services as places


@require_safe
@requires("pathways.view")
def index(request: HttpRequest) -> HttpResponse:
    return redirect("pathways:public", place_slug=places.get_place().slug)
