"""Two to four scenarios side by side: headline figures, emissions, levers and costs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from placezero.accounts.permissions import requires
from placezero.tables.charts import chart_from_table
from placezero.web.shortcuts import place_or_404

from .. import services
from ..tables import engine_about
from ..workspace_tables import (
    Compared,
    compare_costs,
    compare_emissions,
    compare_headline,
    compare_levers,
)
from .common import scenario_choices, selected

COMPARE_MIN, COMPARE_MAX = 2, 4


def _problems(place_name: str, keys: list[str], known: set[str]) -> list[str]:
    unknown = [k for k in keys if k not in known]
    if unknown:
        return [f"There is no scenario “{unknown[0]}” in {place_name}: choose from the list."]
    if len(keys) < COMPARE_MIN:
        return [f"Choose at least {COMPARE_MIN} different scenarios to compare."]
    if len(keys) > COMPARE_MAX:
        return [f"Choose at most {COMPARE_MAX} scenarios to compare side by side."]
    return []


@require_GET
@requires("pathways.view")
def compare(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    choices = scenario_choices(request, place)
    keys = list(dict.fromkeys(k for k in request.GET.getlist("s") if k))
    errors = []
    if "s" in request.GET:
        errors = _problems(place.name, keys, {c["key"] for c in choices})
    context: dict[str, Any] = {
        "place": place,
        "choices": choices,
        "chosen": keys,
        "errors": [{"href": "#compare-choices", "message": m} for m in errors],
    }
    if keys and not errors:
        compared = []
        for key in keys:
            chosen = selected(request, place, key)
            results = services.run(place, chosen.definition)
            compared.append(
                Compared(chosen.key, chosen.name, chosen.definition, results, chosen.line)
            )
        about = engine_about(place)
        emissions = compare_emissions(compared, about)
        context.update(
            compared=compared,
            headline_table=compare_headline(compared, about),
            emissions_table=emissions,
            emissions_chart=chart_from_table(
                emissions,
                x="year",
                kind="line",
                title="Total greenhouse gas emissions by scenario",
            ),
            levers_table=compare_levers(compared, about),
            costs_table=compare_costs(compared, about),
        )
    return render(
        request, "pathways/workspace/compare.html", context, status=400 if errors else 200
    )
