"""The repository's home: search with facets in the URL, and the partnership's outputs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import SearchForm
from ..options import SEARCH_MAX_CHARS


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return redirect("advisory:home", place_slug=settings.PLACEZERO_DEFAULT_PLACE)


def _place(request: HttpRequest, place_slug: str) -> object:
    return place_or_404(place_slug, request)


@require_safe
@requires("advisory.view", get_object=_place)
def home(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    form = SearchForm(request.GET)
    filters = form.filters()
    query = (form.cleaned_data.get("q") if hasattr(form, "cleaned_data") else "") or ""
    results = services.search(place, request.user, query, **filters)
    facets = [
        {
            "name": facet.name,
            "label": facet.label,
            "values": [
                {"value": v, "href": _toggle(request, facet.name, v.value, v.selected)}
                for v in facet.values
            ],
        }
        for facet in results.facets
    ]
    return render(
        request,
        "advisory/home.html",
        {
            "place": place,
            "form": form,
            "results": results,
            "filters": filters,
            "shortened_from": getattr(form, "shortened_from", None),
            "max_chars": SEARCH_MAX_CHARS,
            "facets": facets,
            "errors": [
                e for name in ("kind", "topic", "audience") for e in form.errors.get(name, [])
            ],
            "can_curate": services.can_curate(request.user, place),
        },
    )


def _toggle(request: HttpRequest, name: str, value: str, selected: bool) -> str:
    """This page's URL with the facet `name` set to `value`, or cleared when it is set."""
    query = request.GET.copy()
    query.pop(name, None)
    if not selected:
        query[name] = value
    return f"?{query.urlencode()}" if query else "?"


@require_safe
@requires("advisory.view", get_object=_place)
def support_directory(request: HttpRequest, place_slug: str) -> HttpResponse:
    """/places/<slug>/advice/services.json: the advice services, Open Referral UK shaped."""
    place = place_or_404(place_slug, request)
    return JsonResponse(
        services.support_directory(place, request.user), json_dumps_params={"indent": 2}
    )
