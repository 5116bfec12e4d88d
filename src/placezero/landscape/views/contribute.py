"""Having your say in a consultation: on the map (a point or a drawn area) or without one
(a neighbourhood from a list and a place described in words). Both end at the same
service. The place's own address picks its open consultation (or lists them)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from placezero.accounts.permissions import requires
from placezero.places import services as places
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import consultations, services
from ..forms import DescribedContributionForm, MapContributionForm, answers_of
from ..validation import ContributionError

SESSION_TOKEN = "landscape.last_secret"


def index(request: HttpRequest) -> HttpResponse:
    return redirect("landscape:say", place_slug=places.get_place().slug)


def _place(request: HttpRequest, place_slug: str, **_: object) -> object:
    return place_or_404(place_slug, request)


def consultation_or_404(place, slug: str):
    found = consultations.consultation_of(place, slug)
    if found is None:
        raise Http404(f"{place.name} has no consultation “{slug}”.")
    return found


def _client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _submit(request, consultation, form) -> HttpResponse | None:
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        submitted = services.submit(
            consultation,
            technology=data["technology"],
            stance=data["stance"],
            geometry=data.get("geometry") or None,
            zone_code=data.get("zone_code", ""),
            place_description=data.get("place_description", ""),
            reason=data.get("reason", ""),
            answers=answers_of(form, consultation.questions),
            consent=data["consent"],
            consent_version=data.get("consent_version"),
            age_band=data["age_band"],
            tenure=data["tenure"],
            postcode_district=data["postcode_district"],
            honeypot=data["website"],
            user=request.user,
            client_address=_client_address(request),
        )
    except ContributionError as caught:
        form.add_service_errors(caught)
        return None
    request.session[SESSION_TOKEN] = submitted.secret_token
    return redirect("landscape:thanks", place_slug=consultation.place.slug)


def _zone_choices(consultation) -> list[tuple[str, str]]:
    asked = consultations.zone_codes_of(consultation)
    return [
        (zone.code, services.zone_label(zone))
        for zone in services.zones(consultation.place)
        if asked is None or zone.code in asked
    ]


def _pick(request: HttpRequest, place, url_name: str) -> HttpResponse:
    """The only open consultation's page, or the list to choose from."""
    open_now = consultations.open_consultations(place)
    if len(open_now) == 1:
        return redirect(url_name, place_slug=place.slug, consultation_slug=open_now[0].slug)
    return redirect("landscape:consultations", place_slug=place.slug)


@requires("landscape.contribute", get_object=_place)
def say(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _pick(request, place_or_404(place_slug, request), "landscape:say_in")


@requires("landscape.contribute", get_object=_place)
def say_without_map(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _pick(request, place_or_404(place_slug, request), "landscape:say_in_without_map")


def _page(request, consultation, form, template: str, **extra) -> HttpResponse:
    state = consultations.state(consultation)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {
        "place": consultation.place, "consultation": consultation, "form": form,
        "errors": error_summary_items(form), "state": state,
        "consent": consultation.current_consent(),
        "area": consultations.area_label(consultation), **extra,
    }, status=status)  # fmt: skip


@require_http_methods(["GET", "POST"])
@requires("landscape.contribute", get_object=_place)
def say_in(request: HttpRequest, place_slug: str, consultation_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    consultation = consultation_or_404(place, consultation_slug)
    form = MapContributionForm(request.POST or None, consultation=consultation)
    if request.method == "POST" and (done := _submit(request, consultation, form)):
        return done
    return _page(
        request, consultation, form, "landscape/say.html",
        zones_geojson=places.zones_geojson(place),
    )  # fmt: skip


@require_http_methods(["GET", "POST"])
@requires("landscape.contribute", get_object=_place)
def say_in_without_map(
    request: HttpRequest, place_slug: str, consultation_slug: str
) -> HttpResponse:
    place = place_or_404(place_slug, request)
    consultation = consultation_or_404(place, consultation_slug)
    form = DescribedContributionForm(
        request.POST or None, consultation=consultation, zone_choices=_zone_choices(consultation)
    )
    if request.method == "POST" and (done := _submit(request, consultation, form)):
        return done
    return _page(request, consultation, form, "landscape/say_without_map.html")


@requires("landscape.contribute", get_object=_place)
def thanks(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    # The secret link is shown once, then forgotten by the session.
    token = request.session.pop(SESSION_TOKEN, "")
    link = request.build_absolute_uri(f"/landscape/link/{token}/") if token else ""
    return render(request, "landscape/thanks.html", {"place": place, "secret_link": link})
