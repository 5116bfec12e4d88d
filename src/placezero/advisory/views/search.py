"""The repository's home: search with facets in the URL, and the partnership's outputs."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import check, requires
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
    return render_home(request, place_or_404(place_slug, request), request.GET)


def render_home(
    request: HttpRequest,
    place: Any,
    data: QueryDict,
    *,
    save_errors: list[dict[str, str]] | None = None,
) -> HttpResponse:
    """The search page for the words and filters in `data`; `save_errors` (a refused "save
    this search") go in the error summary at the top, with status 400."""
    form = SearchForm(data)
    filters = form.filters()
    query = (form.cleaned_data.get("q") if hasattr(form, "cleaned_data") else "") or ""
    results = services.search(place, request.user, query, **filters)
    facets = [
        {
            "name": facet.name,
            "label": facet.label,
            "values": [
                {"value": v, "href": _toggle(data, facet.name, v.value, v.selected)}
                for v in facet.values
            ],
        }
        for facet in results.facets
    ]
    can_save = bool(check(request.user, "advisory.follow", place))
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
            # A filter we do not know is dropped and said in the page (the search still runs);
            # `errors` is the error summary of a refused "save this search".
            "filter_errors": [
                e for name in ("kind", "topic", "audience") for e in form.errors.get(name, [])
            ],
            "errors": save_errors or [],
            "can_curate": services.can_curate(request.user, place),
            "can_save": can_save,
            "sign_in_to_save": (
                f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"
            ),
        },
        status=400 if save_errors else 200,
    )


def _toggle(data: QueryDict, name: str, value: str, selected: bool) -> str:
    """This page's URL with the facet `name` set to `value`, or cleared when it is set."""
    query = data.copy()
    query.pop("csrfmiddlewaretoken", None)
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
