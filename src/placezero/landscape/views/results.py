"""What people said: acceptance per zone of one technology, on a map with its table, and
what that acceptance does to the pathway's least-cost plan."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from placezero.accounts.permissions import requires
from placezero.engine.optimise import InfeasibleTarget
from placezero.pathways import services as pathways
from placezero.places import services as places
from placezero.tables import csv, geojson
from placezero.web.shortcuts import place_or_404

from .. import consultations, open_data, responses, services
from ..options import ENGINE_TECHNOLOGY, Technology
from ..tables import acceptance_table

# Colour bands for acceptance (GOV.UK palette, red to green), lowest first.
BANDS = (
    (0.0, "#d4351c", "Under 40 % accept"),
    (0.4, "#f47738", "40 % to 60 % accept"),
    (0.6, "#00703c", "60 % or more accept"),
)
HIDDEN_COLOUR = "#b1b4b6"
ENGINE_LABELS = {engine: Technology(ours).label for ours, engine in ENGINE_TECHNOLOGY.items()}


def _place(request: HttpRequest, place_slug: str, **_: object) -> object:
    return place_or_404(place_slug, request)


def _band(share: float | None) -> tuple[str, str]:
    if share is None:
        return HIDDEN_COLOUR, f"Too few responses (under {services.MINIMUM_RESPONSES})"
    colour, label = BANDS[0][1], BANDS[0][2]
    for floor, band_colour, band_label in BANDS:
        if share >= floor:
            colour, label = band_colour, band_label
    return colour, label


DOWNLOADS = {"csv": csv.CONTENT_TYPE, "geojson": geojson.MEDIA_TYPE}


def _download(table, fmt: str, place, technology: str) -> HttpResponse:
    """The table as open data: counts and shares only (hidden below the minimum), no
    contribution, text or person in it."""
    if fmt == "csv":
        body = csv.write(table)
    else:
        body = json.dumps(geojson.feature_collection(table, places.zones_geojson(place)))
    response = HttpResponse(body, content_type=DOWNLOADS[fmt])
    name = f"{place.slug}-acceptance-{technology}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


CONTRIBUTIONS_CSV = "contributions-csv"


def _contributions_csv(place, consultation) -> HttpResponse:
    """The published contributions themselves, anonymised, small counts left out: the rows
    of the API's contributions.geojson and contributions.csv (`open_data`)."""
    found = open_data.open_contributions(place, consultation)
    response = HttpResponse(
        csv.write(open_data.contributions_table(place, found)), content_type=csv.CONTENT_TYPE
    )
    name = f"{place.slug}-{consultation.slug if consultation else 'all'}-contributions.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires("landscape.view_results", get_object=_place)
def results(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    technology = request.GET.get("technology") or Technology.GROUND_SOLAR
    if technology not in Technology.values:
        technology = Technology.GROUND_SOLAR
    label = Technology(technology).label
    consultation = consultations.consultation_of(place, request.GET.get("consultation", ""))
    rows = services.acceptance(place, technology, consultation)
    table = acceptance_table(place, label, rows)
    fmt = request.GET.get("format")
    if fmt == CONTRIBUTIONS_CSV:
        return _contributions_csv(place, consultation)
    if fmt in DOWNLOADS:
        return _download(table, fmt, place, technology)
    chosen = f"&consultation={consultation.slug}" if consultation else ""
    by_code = {row.zone_code: row for row in rows}
    geojson = places.zones_geojson(place)
    for feature in geojson["features"]:
        row = by_code.get(feature["properties"].get("code"))
        share = row.share if row else None
        colour, band = _band(share)
        feature["properties"].update({
            "colour": colour,
            "summary": (f"{row.zone_label}: {round(100 * share)} % accept {label.lower()} "
                        f"({row.responses} responses)") if row and share is not None
                       else f"{row.zone_label if row else ''}: {band.lower()}",
        })  # fmt: skip
    legend = [{"colour": c, "label": text} for _, c, text in BANDS]
    legend.append({"colour": HIDDEN_COLOUR, "label": _band(None)[1]})
    return render(request, "landscape/results.html", {
        "place": place, "technology": technology, "technology_label": label,
        "technologies": Technology.choices, "table": table,
        "downloads": [
            {"url": f"?technology={technology}&format={fmt}{chosen}", "label": label_,
             "format": fmt}
            for fmt, label_ in (("csv", "CSV"), ("geojson", "GeoJSON"))
        ],
        "contributions_csv": f"?format={CONTRIBUTIONS_CSV}{chosen}",
        "minimum_responses": services.MINIMUM_RESPONSES,
        "results_geojson": geojson, "legend": legend, "consultation": consultation,
        "consultations": consultations.consultations_of(place),
        "responses": [
            shown
            for asked in ([consultation] if consultation else consultations.consultations_of(place))
            for shown in responses.responses_of(asked, technology)
        ],
    })  # fmt: skip


BASES = (
    (False, "Territorial basis (the pathway's own)",
     "Local generation earns no emissions credit on this basis, so the cheapest plan builds "
     "none wherever residents stand and their acceptance of it changes nothing."),
    (True, "Generation counted on a consumption basis",
     "Each MW of local generation is credited with the grid electricity it displaces, at the "
     "grid's carbon intensity in each period."),
)  # fmt: skip


def _comparison(place, tallies, credit: bool) -> dict:
    try:
        compared = pathways.least_cost_with_acceptance(place, tallies, credit_generation=credit)
    except InfeasibleTarget as caught:
        return {"error": str(caught)}
    problem, without, with_ = compared["problem"], compared["without"], compared["with"]
    rows = []
    for j, name in enumerate(problem.technologies):
        if problem.technology_units[j] != "MW":
            continue
        rows.append({
            "technology": ENGINE_LABELS.get(name, name),
            "without": float(without.installed_units[:, j, :].sum()),
            "with": float(with_.installed_units[:, j, :].sum()),
            "limited_zones": int((compared["shares"][:, j] < 1).sum()),
        })  # fmt: skip
    return {"rows": rows, "cost_without": without.cost_gbp, "cost_with": with_.cost_gbp,
            "extra_cost": with_.cost_gbp - without.cost_gbp}  # fmt: skip


@requires("landscape.view_results", get_object=_place)
def pathway(request: HttpRequest, place_slug: str) -> HttpResponse:
    """The least-cost plan without and with residents' acceptance, on the pathway's own
    basis and with generation credited (four LP solves, each under a second for a county)."""
    place = place_or_404(place_slug, request)
    tallies = services.engine_tallies(place)
    bases = [
        {"credit": credit, "title": title, "note": note} | _comparison(place, tallies, credit)
        for credit, title, note in BASES
    ]
    return render(request, "landscape/pathway.html", {
        "place": place, "bases": bases,
        "reduction_percent": pathways.ACCEPTANCE_DEFAULT_REDUCTION_PERCENT,
    })  # fmt: skip
