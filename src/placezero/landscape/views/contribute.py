"""Having your say: on the map (a point or a drawn area) or without one (a neighbourhood
from a list and a place described in words). Both end at the same service."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from placezero.accounts.permissions import requires
from placezero.places import services as places
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import DescribedContributionForm, MapContributionForm
from ..validation import ContributionError

SESSION_TOKEN = "landscape.last_secret"


def index(request: HttpRequest) -> HttpResponse:
    return redirect("landscape:say", place_slug=places.get_place().slug)


def _place(request: HttpRequest, place_slug: str, **_: object) -> object:
    return place_or_404(place_slug, request)


def _client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _submit(request, place, form) -> HttpResponse | None:
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        submitted = services.submit(
            place,
            technology=data["technology"],
            stance=data["stance"],
            geometry=data.get("geometry") or None,
            zone_code=data.get("zone_code", ""),
            place_description=data.get("place_description", ""),
            reason=data["reason"],
            honeypot=data["website"],
            user=request.user,
            client_address=_client_address(request),
        )
    except ContributionError as caught:
        form.add_service_errors(caught)
        return None
    request.session[SESSION_TOKEN] = submitted.secret_token
    return redirect("landscape:thanks", place_slug=place.slug)


def _zone_choices(place) -> list[tuple[str, str]]:
    return [(zone.code, services.zone_label(zone)) for zone in services.zones(place)]


@require_http_methods(["GET", "POST"])
@requires("landscape.contribute", get_object=_place)
def say(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    form = MapContributionForm(request.POST or None)
    if request.method == "POST" and (done := _submit(request, place, form)):
        return done
    status = 400 if request.method == "POST" else 200
    return render(request, "landscape/say.html", {
        "place": place, "form": form, "errors": error_summary_items(form),
        "zones_geojson": places.zones_geojson(place),
    }, status=status)  # fmt: skip


@require_http_methods(["GET", "POST"])
@requires("landscape.contribute", get_object=_place)
def say_without_map(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    form = DescribedContributionForm(request.POST or None, zone_choices=_zone_choices(place))
    if request.method == "POST" and (done := _submit(request, place, form)):
        return done
    status = 400 if request.method == "POST" else 200
    return render(request, "landscape/say_without_map.html", {
        "place": place, "form": form, "errors": error_summary_items(form),
    }, status=status)  # fmt: skip


@requires("landscape.contribute", get_object=_place)
def thanks(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    # The secret link is shown once, then forgotten by the session.
    token = request.session.pop(SESSION_TOKEN, "")
    link = request.build_absolute_uri(f"/landscape/link/{token}/") if token else ""
    return render(request, "landscape/thanks.html", {"place": place, "secret_link": link})
