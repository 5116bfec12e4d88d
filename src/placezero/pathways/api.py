"""The pathway tool in the public API: scenarios (saved and shipped) with their definitions,
the definition as a re-importable YAML file, and every table of every view as JSON or GeoJSON.

Read-only, like the rest of the API (`placezero.api`): it has no sign-in or key, so nothing
here creates or changes a scenario. A definition fetched here is imported in the scenario
workspace, where the person is signed in and the change is audited.

Tables are the same `placezero.tables.Table`s the pages and downloads show, written by
`tables.json.to_json` and `tables.geojson.feature_collection`, for the scenario and area
chosen with `?scenario=` and `?area=`, as on the pages.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from placezero.api import geojson
from placezero.api.errors import not_found, unknown_filter_value
from placezero.api.queries import place as api_place
from placezero.api.schemas import FeatureCollectionOut
from placezero.places import services as places
from placezero.tables import geojson as table_geojson_writer
from placezero.tables.json import to_json

from . import exports, scenario_titles, services, tables
from .views.common import PERSONAL, Selection, selected, table_context

if TYPE_CHECKING:
    from placezero.places.models import Place

router = Router(tags=["pathway"])

YAML_MEDIA_TYPE = "application/yaml"
PREFIX = "/places/{slug}/pathway"


# --- schemas -------------------------------------------------------------------------


class ScenarioOut(Schema):
    key: str = Field(
        description="what ?scenario= takes: a saved scenario's id, or a shipped file's stem"
    )
    name: str = Field(description="a saved scenario's name, or a shipped file's own name")
    title: str = Field(description="what a person reads: the scenario's title")
    line: str = Field(description="its one-line description")
    description: str
    kind: Literal["saved", "shipped"] = Field(
        description="saved by the place's partners, or shipped with the engine for reference"
    )
    version: int | None = Field(description="rises with every saved change; null if shipped")
    preferred: bool = Field(description="the partnership's preferred pathway for the plan")
    updated_at: datetime | None = Field(description="last saved change; null if shipped")


class ScenarioDetailOut(ScenarioOut):
    definition: dict[str, Any] = Field(
        description="levers, and any districts, zones and trajectories overrides "
        "(the format of the engine's scenario files)"
    )
    definition_url: str = Field(description="the definition as a re-importable YAML file")


class TableLinkOut(Schema):
    slug: str
    url: str = Field(description="the table as JSON (add ?scenario= and ?area=)")


class ViewOut(Schema):
    view: str = Field(description="an audience view or the workspace, e.g. officers")
    tables: list[TableLinkOut]
    workbook_url: str = Field(description="every table of the view as one XLSX file")


class ColumnOut(Schema):
    key: str
    label: str
    unit: str = Field(description="e.g. tCO2e, GBP, MW; empty for a label column")
    decimals: int = Field(description="decimals the site shows")


class AboutOut(Schema):
    source: str = Field(description="where the figures come from")
    source_url: str = Field(description="a page about the source; empty if none")
    method_url: str = Field(description="the page of the method that makes the figures")
    licence: str = Field(description="e.g. Open Government Licence v3.0")
    licence_url: str
    attribution: str = Field(description="the statement the licence asks reusers to make")


class TableScenarioOut(Schema):
    key: str
    name: str = Field(description="the scenario's title, as the page shows it")
    line: str = Field(description="its one-line description")


class TableOut(Schema):
    view: str
    slug: str
    caption: str
    place: str
    area: str | None = Field(description="the district chosen; null for the whole place")
    scenario: TableScenarioOut
    columns: list[ColumnOut]
    rows: list[dict[str, Any]] = Field(description="one object per row, by column key")
    zone_key: str | None = Field(description="the column holding a zone code, if any")
    notes: list[str]
    about: AboutOut
    source: str = Field(description="about.source, kept for existing readers")
    licence: str = Field(description="about.licence, kept for existing readers")


class TableParams(Schema):
    scenario: str = Field(
        "",
        description="a saved scenario's id or a shipped scenario's stem (e.g. balanced); "
        "default: the place's preferred pathway",
    )
    area: str = Field("", description="a district's GSS code; default: the whole place")


# --- helpers -------------------------------------------------------------------------


def _scenario_keys(place: Place) -> list[str]:
    saved = [str(s.pk) for s in services.scenarios_for(place)]
    return saved + list(services.shipped_for(place))


def _selection(request: HttpRequest, place: Place, key: str) -> Selection:
    """The scenario `key` names (empty = the preferred pathway). The visitor's personal
    copy lives in a browser session, so the API does not offer it."""
    if key == PERSONAL:
        raise not_found("scenario", key, _scenario_keys(place), within=place.name)
    try:
        return selected(request, place, key)
    except Http404:
        raise not_found("scenario", key, _scenario_keys(place), within=place.name) from None


def _check_view(place: Place, view: str, table: str | None = None) -> None:
    if view not in tables.views():
        raise not_found("view", view, tables.views(), within=f"the pathway of {place.name}")
    if table is not None and table not in tables.table_slugs(view):
        raise not_found("table", table, tables.table_slugs(view), within=f"the view '{view}'")


def _check_area(place: Place, area: str) -> str | None:
    if not area:
        return None
    inputs = services.place_inputs(place)
    if area in inputs.districts:
        return area
    raise unknown_filter_value("area", "district", area, list(inputs.districts), within=place.name)


def _table(request: HttpRequest, slug: str, view: str, table: str, params: TableParams) -> Any:
    place = api_place(slug)
    _check_view(place, view, table)
    area = _check_area(place, params.area)
    selection = _selection(request, place, params.scenario)
    try:
        (result,) = tables.tables_for(view, table_context(place, selection, area), only=table)
    except services.ScenarioError as error:
        raise HttpError(422, f"The scenario '{selection.name}' cannot be run: {error}") from None
    return place, area, selection, result


def _saved_out(scenario: Any) -> dict[str, Any]:
    title = scenario_titles.of_saved(scenario)
    return {
        "key": str(scenario.pk),
        "name": scenario.name,
        "title": title.title,
        "line": title.line,
        "description": scenario.description,
        "kind": "saved",
        "version": scenario.version,
        "preferred": scenario.is_preferred,
        "updated_at": scenario.updated_at,
    }


def _shipped_out(stem: str, data: dict[str, Any]) -> dict[str, Any]:
    title = scenario_titles.of_shipped(stem, data)
    return {
        "key": stem,
        "name": str(data.get("name", stem)),
        "title": title.title,
        "line": title.line,
        "description": str(data.get("description", "")).strip(),
        "kind": "shipped",
        "version": None,
        "preferred": False,
        "updated_at": None,
    }


def _scenario_out(place: Place, selection: Selection) -> dict[str, Any]:
    if selection.scenario is not None:
        return _saved_out(selection.scenario)
    return _shipped_out(selection.key, services.shipped_definitions()[selection.key])


# --- endpoints -----------------------------------------------------------------------


@router.get(
    f"{PREFIX}/scenarios",
    response=list[ScenarioOut],
    summary="Pathway scenarios: the place's saved ones (preferred first), then the shipped ones",
)
def list_scenarios(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    place = api_place(slug)
    saved = [_saved_out(s) for s in services.scenarios_for(place)]
    shipped = [_shipped_out(k, v) for k, v in services.shipped_for(place).items()]
    return saved + shipped


@router.get(
    f"{PREFIX}/scenarios/{{key}}",
    response=ScenarioDetailOut,
    summary="One scenario with its lever settings",
)
def get_scenario(request: HttpRequest, slug: str, key: str) -> dict[str, Any]:
    place = api_place(slug)
    selection = _selection(request, place, key)
    url = reverse("api:pathway_definition", kwargs={"slug": place.slug, "key": key})
    return {
        **_scenario_out(place, selection),
        "definition": selection.definition,
        "definition_url": request.build_absolute_uri(url),
    }


@router.get(
    f"{PREFIX}/scenarios/{{key}}/definition",
    url_name="pathway_definition",
    summary="A scenario as a YAML file that re-imports (the engine's scenario format)",
    openapi_extra={
        "responses": {
            200: {
                "description": "name, description, levers, districts, zones, trajectories",
                "content": {YAML_MEDIA_TYPE: {"schema": {"type": "string"}}},
            }
        }
    },
)
def scenario_definition(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    place = api_place(slug)
    selection = _selection(request, place, key)
    description = _scenario_out(place, selection)["description"]
    text = exports.definition_yaml(selection.name, description, selection.definition)
    response = HttpResponse(text, content_type=f"{YAML_MEDIA_TYPE}; charset=utf-8")
    stem = key if selection.scenario is None else f"scenario-{key}"
    response["Content-Disposition"] = f'inline; filename="{place.slug}-{stem}.yaml"'
    return response


@router.get(
    f"{PREFIX}/views",
    response=list[ViewOut],
    summary="The pathway's views and the tables each shows",
)
def list_views(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    place = api_place(slug)
    found = []
    for view in tables.views():
        workbook = reverse("pathways:export_view", kwargs={"place_slug": place.slug, "view": view})
        links = [
            {
                "slug": table,
                "url": request.build_absolute_uri(
                    reverse(
                        "api:pathway_table",
                        kwargs={"slug": place.slug, "view": view, "table": table},
                    )
                ),
            }
            for table in tables.table_slugs(view)
        ]
        found.append(
            {"view": view, "tables": links, "workbook_url": request.build_absolute_uri(workbook)}
        )
    return found


# Before the JSON table route: `{table}` would otherwise also match "x.geojson".
@router.get(
    f"{PREFIX}/views/{{view}}/tables/{{table}}.geojson",
    response=FeatureCollectionOut,
    summary="A table with a zone column as GeoJSON on the zones' boundaries (WGS84)",
    openapi_extra=geojson.openapi_response(
        "FeatureCollection, a Feature per row; foreign members title, columns (with units), "
        "notes, place, area, scenario, about (source, method, licence, attribution), source, "
        "licence"
    ),
)
def table_geojson(
    request: HttpRequest, slug: str, view: str, table: str, params: Query[TableParams]
) -> HttpResponse:
    place, area, selection, result = _table(request, slug, view, table, params)
    facts = {"place": place.name, "area": area, "scenario": selection.name}
    try:
        data = table_geojson_writer.feature_collection(
            result, places.zones_geojson(place), facts=facts
        )
    except table_geojson_writer.NoZones as error:
        raise HttpError(404, str(error)) from None
    return HttpResponse(json.dumps(data, separators=(",", ":")), content_type=geojson.MEDIA_TYPE)


@router.get(
    f"{PREFIX}/views/{{view}}/tables/{{table}}",
    response=TableOut,
    url_name="pathway_table",
    summary="One table of a view: caption, columns with units, rows and source",
)
def get_table(
    request: HttpRequest, slug: str, view: str, table: str, params: Query[TableParams]
) -> dict[str, Any]:
    place, area, selection, result = _table(request, slug, view, table, params)
    return {
        **to_json(result),
        "view": view,
        "place": place.slug,
        "area": area,
        "scenario": {"key": selection.key, "name": selection.name, "line": selection.line},
        "source": result.about.source,
        "licence": result.about.licence,
    }
