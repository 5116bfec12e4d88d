"""What every tracker view needs: the place and the action the URL names."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from placezero.web.shortcuts import place_or_404

from ..models import Action


def place_of_request(request: HttpRequest, place_slug: str, **_: Any) -> Any:
    return place_or_404(place_slug, request)


def action_of_request(request: HttpRequest, place_slug: str, action_id: int, **_: Any) -> Action:
    place = place_or_404(place_slug, request)
    return get_object_or_404(
        Action.objects.select_related("place", "owner", "plan", "area", "lead_officer"),
        place=place,
        pk=action_id,
    )
