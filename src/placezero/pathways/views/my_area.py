"""`/places/<slug>/pathway/my-area/`: a resident's way in. Search by district, town or
neighbourhood name (the House of Commons Library's local names of the MSOAs, with the ONS
names and codes), or pick a district and then a neighbourhood; each neighbourhood links to
its story on the public pathway page.

From the home page: "What it means for my area" (1), a district (2), a neighbourhood (3).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.places import services as places
from placezero.web.shortcuts import place_or_404

from .. import services

if TYPE_CHECKING:
    from placezero.places.models import Place

MAX_QUERY = 100


@dataclass(frozen=True)
class Neighbourhood:
    code: str
    name: str  # the local name where there is one
    ons_name: str
    district_code: str
    district: str
    url: str


def neighbourhoods(place: Place) -> list[Neighbourhood]:
    """The pathway's zones with their local and ONS names and their district, A to Z."""
    if not place.pack_digest:  # made by hand, not from a pack: nothing to key a copy on
        return list(_neighbourhoods.__wrapped__(place.slug, "", None))
    return list(_neighbourhoods(place.slug, place.pack_digest, place.loaded_at))


@lru_cache(maxsize=16)
def _neighbourhoods(slug: str, digest: str, loaded_at: object) -> tuple[Neighbourhood, ...]:
    """Once per place load: reading the zones decodes every polygon (~200 ms), and the
    names come only from the pack, so they are the same until the place is loaded again."""
    place = places.get_place(slug)
    inputs = services.place_inputs(place)
    district_names = dict(zip(inputs.districts, inputs.district_names, strict=True))
    ons = {zone.code: zone for zone in places.zones(place)}
    public = reverse("pathways:public", kwargs={"place_slug": place.slug})
    found = []
    rows = zip(inputs.zones, inputs.zone_names, inputs.district_of_zone, strict=True)
    for code, name, district in rows:
        zone = ons.get(code)
        found.append(
            Neighbourhood(
                code=code,
                name=name,
                ons_name=zone.name if zone else code,
                district_code=district,
                district=district_names[district],
                url=f"{public}?area={district}&zone={code}#zone-story",
            )
        )
    return tuple(sorted(found, key=lambda n: (n.name.casefold(), n.code)))


def _search(everything: list[Neighbourhood], query: str) -> list[Neighbourhood]:
    """Neighbourhoods whose names (local, ONS, district) or code hold every word searched
    for, in any order and case ("university loughborough" finds "Loughborough - University")."""
    words = query.casefold().split()
    found = []
    for n in everything:
        text = " ".join((n.name, n.ons_name, n.code, n.district)).casefold()
        if all(word in text for word in words):
            found.append(n)
    return found


def _query(request: HttpRequest) -> str:
    query = " ".join(request.GET.get("q", "").split())
    if len(query) > MAX_QUERY:
        raise BadRequest(
            f"The search is {len(query)} characters long: search with a name of at most "
            f"{MAX_QUERY}, such as a town or neighbourhood."
        )
    return query


@require_safe
@requires("pathways.view")
def my_area(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    everything = neighbourhoods(place)
    districts = sorted({(n.district_code, n.district) for n in everything}, key=lambda d: d[1])
    query = _query(request)
    chosen = request.GET.get("district", "").strip()
    if chosen and chosen not in dict(districts):
        names = ", ".join(name for _, name in districts)
        raise Http404(f"“{chosen}” is not a district of {place.name}. Its districts: {names}.")
    if query:
        shown = _search(everything, query)
    elif chosen:
        shown = [n for n in everything if n.district_code == chosen]
    else:
        shown = []
    context = {
        "place": place,
        "districts": districts,
        "district_code": chosen,
        "district_name": dict(districts).get(chosen, ""),
        "query": query,
        "shown": shown,
    }
    return render(request, "pathways/my_area.html", context)
