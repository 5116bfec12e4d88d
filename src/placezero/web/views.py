"""The shell's pages: a place's overview, its data sources, and the site's own pages.

Every figure is read through `placezero.places.services`; nothing here queries the places
models, so the overview shows exactly what the rest of the site computes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from placezero.places import services
from placezero.tables import csv

from . import glossary, overview
from .figures import Measure, UnknownMeasure
from .shortcuts import place_or_404

if TYPE_CHECKING:
    from placezero.places.models import Place


def _default_place_or_none() -> Place | None:
    """The default place for pages that are about the site rather than a place; None when no
    place has been loaded yet (a fresh database)."""
    try:
        return services.get_place(None)
    except services.PlaceNotFound:
        return None


def _no_place_yet(request: HttpRequest) -> HttpResponse:
    """A fresh database: say how to load the default place instead of failing."""
    context = {"default_place_slug": settings.PLACEZERO_DEFAULT_PLACE}
    return render(request, "web/no_place.html", context)


def _measure(request: HttpRequest) -> Measure:
    try:
        return Measure.parse(request.GET.get("measure"))
    except UnknownMeasure as error:
        raise BadRequest(str(error)) from None


def _overview(request: HttpRequest, place: Place) -> HttpResponse:
    measure = _measure(request)
    context = overview.context(place, measure)
    partial = request.headers.get("HX-Request") and not request.headers.get(
        "HX-History-Restore-Request"
    )
    # htmx switches the measure: send only the chart and table it swaps in.
    template = "web/_emissions.html" if partial else "web/overview.html"
    response = render(request, template, context)
    # The same address answers with a whole page or a fragment: caches must keep both apart.
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    place = _default_place_or_none()
    if place is None:
        return _no_place_yet(request)
    return _overview(request, place)


@require_GET
def place_overview(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _overview(request, place_or_404(place_slug, request))


@require_GET
def places_compared(request: HttpRequest) -> HttpResponse:
    """Every place on this site side by side, like with like: counties with counties,
    unitary authorities with unitaries, districts with districts."""
    from . import national

    return render(request, "web/places_compared.html", {"view": national.comparison()})


@require_GET
def emissions_csv(request: HttpRequest, place_slug: str) -> HttpResponse:
    """The overview's emissions table as CSV (same figures, same measure)."""
    place = place_or_404(place_slug, request)
    measure = _measure(request)
    table = overview.emissions(place, measure, services.datasets(place))["table"]
    response = HttpResponse(csv.write(table), content_type=csv.CONTENT_TYPE)
    filename = f"{place.slug}-{measure}-emissions.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _data_sources(request: HttpRequest, place: Place) -> HttpResponse:
    datasets = services.datasets(place)
    context = {
        "place": place,
        "groups": overview.dataset_groups(datasets),
        # Each statement once, in the order the datasets first ask for it.
        "attributions": list(dict.fromkeys(d.attribution for d in datasets if d.attribution)),
    }
    return render(request, "web/data_sources.html", context)


@require_GET
def data_sources(request: HttpRequest) -> HttpResponse:
    place = _default_place_or_none()
    if place is None:
        return _no_place_yet(request)
    return _data_sources(request, place)


@require_GET
def place_data_sources(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _data_sources(request, place_or_404(place_slug, request))


def _site_page(template: str) -> Any:
    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        return render(request, template, {"place": _default_place_or_none()})

    view.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html")
    return view


accessibility = _site_page("web/accessibility.html")
privacy = _site_page("web/privacy.html")
licence = _site_page("web/licence.html")


@require_GET
def glossary_page(request: HttpRequest) -> HttpResponse:
    """The terms of art the site uses, each under its own anchor (web.glossary)."""
    terms = sorted(glossary.TERMS, key=lambda term: term.name.casefold())
    return render(request, "web/glossary.html", {"place": _default_place_or_none(), "terms": terms})
