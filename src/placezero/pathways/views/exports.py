"""Downloads of the pathway tables: one table as CSV, XLSX or GeoJSON, or every table of a
view as one XLSX. The page's `?scenario=` and `?area=` choose what is downloaded, so the
file holds the figures the page showed (formats: `placezero.tables.csv`, `.xlsx`, `.geojson`).

A download link that names something missing answers 404 in plain text naming what exists,
since the person (or script) who followed it is reading a file, not a page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.places import services as places
from placezero.tables import csv, geojson, xlsx
from placezero.web.shortcuts import place_or_404

from .. import services, tables
from ..services import ScenarioError
from .common import Selection, selected, table_context

if TYPE_CHECKING:
    from placezero.places.models import Place

FORMATS = ("csv", "xlsx", "geojson")
CONTENT_TYPES = {
    "csv": csv.CONTENT_TYPE,
    "xlsx": xlsx.CONTENT_TYPE,
    "geojson": geojson.MEDIA_TYPE,
}


class ExportNotFound(LookupError):
    """What the download asked for does not exist; the message names what does."""


def scenario_slug(selection: Selection) -> str:
    """The scenario's part of a file name: a shipped scenario's stem, or the saved
    scenario's name and version (a file made later from a newer version is told apart)."""
    if selection.scenario is not None:
        return f"{slugify(selection.name) or 'scenario'}-v{selection.scenario.version}"
    return slugify(selection.key) or "scenario"


def file_name(place: Place, view: str, table: str | None, selection: Selection, fmt: str) -> str:
    parts = [place.slug, view, *([table] if table else []), scenario_slug(selection)]
    return "-".join(parts) + f".{fmt}"


def check_area(place: Place, area: str | None) -> str | None:
    """The page's `?area=`: one of the place's districts, or None for the whole place."""
    try:
        return tables.check_district(place.name, services.place_inputs(place), area)
    except tables.UnknownArea as error:
        raise ExportNotFound(str(error)) from None


def check_table(view: str, table: str | None = None) -> None:
    """Raise ExportNotFound naming the views (or the view's tables) that exist."""
    if view not in tables.views():
        known = ", ".join(tables.views()) or "none yet"
        raise ExportNotFound(f"No pathway view '{view}' has tables. Views with tables: {known}.")
    if table is not None and table not in tables.table_slugs(view):
        known = ", ".join(tables.table_slugs(view))
        raise ExportNotFound(f"No table '{table}' in the view '{view}'. Its tables: {known}.")


def _not_found(message: str) -> HttpResponse:
    return HttpResponseNotFound(message + "\n", content_type="text/plain; charset=utf-8")


def _download(body: bytes | str, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def facts(place: Place, selection: Selection, view: str, area: str | None) -> list[xlsx.Fact]:
    """What a workbook is of, for its About sheet: place, area, scenario and view."""
    return [
        ("Place", place.name),
        ("Area", _area_name(place, area)),
        ("Scenario", selection.name),
        ("View", view),
    ]


def _area_name(place: Place, area: str | None) -> str:
    if not area:
        return "The whole place"
    inputs = services.place_inputs(place)
    return f"{inputs.district_names[inputs.districts.index(area)]} ({area})"


def geojson_facts(place: Place, selection: Selection, area: str | None) -> dict[str, Any]:
    """The GeoJSON's foreign members saying what its figures are of."""
    return {"place": place.name, "area": area, "scenario": selection.name}


def _guarded(build: Callable[[], HttpResponse]) -> HttpResponse:
    """Run an export, turning what the request got wrong into a plain-text 404."""
    try:
        return build()
    except (ExportNotFound, geojson.NoZones) as error:
        return _not_found(str(error))
    except ScenarioError as error:
        return _not_found(f"This scenario cannot be run: {error}")


@require_safe
@requires("pathways.view")
def export_table(
    request: HttpRequest, place_slug: str, view: str, table: str, fmt: str
) -> HttpResponse:
    place = place_or_404(place_slug, request)

    def build() -> HttpResponse:
        if fmt not in FORMATS:
            raise ExportNotFound(
                f"No '{fmt}' download. Formats: {', '.join(FORMATS)} "
                f"(e.g. {table}.csv); a whole view downloads as {view}.xlsx."
            )
        check_table(view, table)
        area = check_area(place, request.GET.get("area"))
        selection = selected(request, place)
        context = table_context(place, selection, area)
        (result,) = tables.tables_for(view, context, only=table)
        name = file_name(place, view, table, selection, fmt)
        if fmt == "csv":
            return _download(csv.write(result), fmt, name)
        if fmt == "xlsx":
            workbook = xlsx.workbook([result], facts=facts(place, selection, view, area))
            return _download(workbook, fmt, name)
        data = geojson.feature_collection(
            result, places.zones_geojson(place), facts=geojson_facts(place, selection, area)
        )
        return _download(json.dumps(data, separators=(",", ":")), fmt, name)

    return _guarded(build)


@require_safe
@requires("pathways.view")
def export_view(request: HttpRequest, place_slug: str, view: str) -> HttpResponse:
    """Every table of a view in one workbook, a sheet each."""
    place = place_or_404(place_slug, request)

    def build() -> HttpResponse:
        check_table(view)
        area = check_area(place, request.GET.get("area"))
        selection = selected(request, place)
        context = table_context(place, selection, area)
        workbook = xlsx.page_workbook(
            tables.namespace(view), context, facts=facts(place, selection, view, area)
        )
        return _download(workbook, "xlsx", file_name(place, view, None, selection, "xlsx"))

    return _guarded(build)
