"""The national view (`/places/`, `/api/places/compared`): every place on the site, like
with like (counties with counties, unitary authorities with unitaries, districts with
districts, since powers differ by tier), with a map of every unitary and district.

The emissions columns are the places' own DESNZ figures (`places.services`). Modules add
columns of their own by registering a `NationalSource` in `ready()` (the pathway plan adds
the national batch's gap to net zero, headroom shortfall and cost per tonne): the shell
stays ignorant of modules, as the navigation registry keeps it. A source that has nothing
yet (the batch has not run) says so in every one of its cells ("not run yet").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from placezero.places import services as places
from placezero.places.options import AreaKind

from .figures import map_classes

if TYPE_CHECKING:
    from placezero.places.models import Place

# Areas are simplified for the national map only (a point is kept once it is this far, in
# degrees, about 1 km, from the last one kept): 318 full boundaries would be megabytes.
MAP_TOLERANCE_DEG = 0.01
MAP_ATTRIBUTION = (
    "Boundaries: ONS LAD 2023 and MSOA 2011 boundaries, OGL v3; contains OS data © Crown "
    "copyright and database right 2021 to 2023. Simplified for this map."
)
TIERS = (
    (AreaKind.COUNTY, "Counties"),
    (AreaKind.UNITARY, "Unitary authorities"),
    (AreaKind.DISTRICT, "Districts"),
)


@dataclass(frozen=True)
class NationalColumn:
    key: str
    label: str
    unit: str
    digits: int = 0


@dataclass(frozen=True)
class NationalSource:
    """Columns a module adds. `figures()` gives {(place slug, area code): {column key:
    value}} or None when there is nothing yet (`missing` is then shown in every cell);
    `note` (optional) says what a cell stands for, per (slug, code)."""

    key: str
    columns: tuple[NationalColumn, ...]
    figures: Callable[[], Mapping[tuple[str, str], Mapping[str, Any]] | None]
    missing: str
    about: str
    method_url: str = ""


_sources: dict[str, NationalSource] = {}


def register_national_source(source: NationalSource) -> None:
    _sources[source.key] = source


def registered_sources() -> list[NationalSource]:
    return list(_sources.values())


@dataclass
class Row:
    place_slug: str
    place_name: str
    place_url: str
    area_code: str
    area_name: str
    kind: str
    latest_year: int
    latest_ktco2e: float
    per_capita_tco2e: float | None
    change_since_2005_pct: float
    extra: dict[str, Any] = field(default_factory=dict)  # column key -> value or None
    notes: dict[str, str] = field(default_factory=dict)  # column key -> why it is empty
    cells: list[dict[str, Any]] = field(default_factory=list)  # the extra columns, in order


@dataclass
class Group:
    kind: str
    label: str
    rows: list[Row]


@dataclass
class Comparison:
    groups: list[Group]
    columns: list[tuple[NationalSource, NationalColumn]]
    sources: list[NationalSource]
    missing: dict[str, str]  # source key -> what its empty cells say (nothing to show yet)
    map_figures: dict[str, Any] | None


def comparison(*, with_map: bool = True) -> Comparison:
    sources = registered_sources()
    found = {source.key: source.figures() for source in sources}
    by_kind: dict[str, list[Row]] = {kind: [] for kind, _label in TIERS}
    features: list[dict[str, Any]] = []
    for place in places.list_places():
        member_geometry = _geometries(place) if with_map else {}
        for summary in places.emissions_summary(place):
            area = summary.area
            if area.role != "member" or area.kind not in by_kind:
                continue
            row = Row(
                place_slug=place.slug,
                place_name=place.name,
                place_url=reverse("web:place", kwargs={"place_slug": place.slug}),
                area_code=area.code,
                area_name=area.name,
                kind=area.kind,
                latest_year=summary.latest_year,
                latest_ktco2e=summary.latest_ktco2e,
                per_capita_tco2e=summary.per_capita_tco2e,
                change_since_2005_pct=summary.change_since_baseline_pct,
            )
            for source in sources:
                figures = found[source.key]
                values = None if figures is None else figures.get((place.slug, area.code))
                for column in source.columns:
                    row.extra[column.key] = None if values is None else values.get(column.key)
                    if row.extra[column.key] is None:
                        row.notes[column.key] = (
                            source.missing
                            if figures is None
                            else str((values or {}).get("note") or "no figure")
                        )
                    row.cells.append(
                        {
                            "key": column.key,
                            "value": row.extra[column.key],
                            "format": f"{column.digits}g",
                            "note": row.notes.get(column.key, ""),
                        }
                    )
            by_kind[area.kind].append(row)
            geometry = member_geometry.get(area.code)
            if geometry is not None and area.kind != AreaKind.COUNTY:
                features.append(_feature(row, geometry))
    groups = []
    for kind, label in TIERS:
        rows = sorted(
            by_kind[kind], key=lambda r: (r.per_capita_tco2e is None, r.per_capita_tco2e or 0)
        )
        if rows:
            groups.append(Group(kind=str(kind), label=label, rows=rows))
    return Comparison(
        groups=groups,
        columns=[(source, column) for source in sources for column in source.columns],
        sources=sources,
        missing={key: _sources[key].missing for key, figures in found.items() if figures is None},
        map_figures=_map(features) if features else None,
    )


def _geometries(place: Place) -> dict[str, Any]:
    return {
        feature["properties"]["code"]: feature["geometry"]
        for feature in places.areas_geojson(place, role="member")["features"]
        if feature["geometry"]
    }


def _feature(row: Row, geometry: dict[str, Any]) -> dict[str, Any]:
    figure = row.per_capita_tco2e
    return {
        "type": "Feature",
        "id": row.area_code,
        "geometry": simplified(geometry),
        "properties": {
            "code": row.area_code,
            "name": f"{row.area_name} ({row.place_name})",
            "role": "member",
            "figure": None if figure is None else round(figure, 3),
            "emissions_year": row.latest_year,
            "href": row.place_url,
        },
    }


def _map(features: list[dict[str, Any]]) -> dict[str, Any]:
    classes = map_classes([f["properties"]["figure"] for f in features])
    return {
        "geojson": {"type": "FeatureCollection", "features": features},
        "classes": [
            {"lower": c.lower, "upper": c.upper, "colour": c.colour, "label": c.label}
            for c in classes
        ],
        "neighbour_colour": "#f3f2f1",
        "has_neighbours": False,
        "place_name": "this site",
        "unit": "t CO2e per person",
        "year": max(f["properties"]["emissions_year"] for f in features),
        "attribution": MAP_ATTRIBUTION,
    }


def simplified(geometry: dict[str, Any]) -> dict[str, Any]:
    """Outer rings only, thinned to points MAP_TOLERANCE_DEG apart, 3 decimal places: a
    national map's outline, not a boundary to measure with."""
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
    )
    kept = []
    for polygon in polygons:
        ring = _thin(polygon[0])
        if len(ring) >= 4:
            kept.append([ring])
    if not kept:  # every polygon smaller than the tolerance: keep the largest as it is
        largest = max(polygons, key=lambda p: len(p[0]))
        kept = [[[[round(x, 3), round(y, 3)] for x, y, *_ in largest[0]]]]
    return {"type": "MultiPolygon", "coordinates": kept}


def _thin(ring: list) -> list:
    out = [[round(ring[0][0], 3), round(ring[0][1], 3)]]
    for x, y, *_ in ring[1:-1]:
        if math.hypot(x - out[-1][0], y - out[-1][1]) >= MAP_TOLERANCE_DEG:
            out.append([round(x, 3), round(y, 3)])
    out.append(out[0])
    return out
