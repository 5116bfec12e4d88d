"""The zones' boundaries as one JSON file (maps.boundaries_json): the same for every visitor
and scenario, so it is written once per pack and area and revalidated by its ETag. The
address carries the pack digest (`?v=`), so a browser may keep it for a year."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.web.shortcuts import place_or_404

from .. import services
from ..maps import boundaries_json


@require_safe
@requires("pathways.view")
def zone_boundaries(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    area = request.GET.get("area", "")
    districts = services.place_inputs(place).districts
    if area and area not in districts:
        return HttpResponseBadRequest(
            f"There is no district '{area[:20]}' in {place.name}: give one of "
            f"{', '.join(districts)}, or no area for the whole place.",
            content_type="text/plain; charset=utf-8",
        )
    body, etag = boundaries_json(place.slug, place.pack_digest, area or None)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/geo+json")
    response["ETag"] = etag
    # Immutable only when the address names the pack it came from.
    fresh = request.GET.get("v", "") == place.pack_digest[:16]
    response["Cache-Control"] = (
        "public, max-age=31536000, immutable" if fresh else "public, max-age=300"
    )
    return response
