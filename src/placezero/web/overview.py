"""What a place's overview page shows, gathered from `placezero.places.services`.

Kept apart from the views so the view functions stay short and each piece can be tested.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from placezero.places import services
from placezero.places.options import AreaKind, AreaRole, TargetScope

from .figures import Measure, chart_figures, emissions_table, map_classes

if TYPE_CHECKING:
    from placezero.places.models import Dataset, NetZeroTarget, Place, TargetVersion
    from placezero.places.services import EmissionsSummary

# The dataset every emissions figure on the overview comes from, and the one the map's
# boundaries come from (keys as the place pack's manifest names them).
EMISSIONS_DATASET = services.GHG_DATASET
# Neighbouring areas on the map: a plain light grey, outside the blue scale of the place's own.
NEIGHBOUR_COLOUR = "#dedede"
BOUNDARY_ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data © Crown copyright and database right 2021."
)


def members(items: Iterable[Any]) -> list[Any]:
    """Only the place's own areas: a neighbour (e.g. Leicester beside Leicestershire) is not
    part of the county's total, so it must not be stacked into it."""
    return [item for item in items if item.area.role == AreaRole.MEMBER]


@dataclass(frozen=True)
class Headline:
    """The place's own figures: the county where there is one, otherwise its single area."""

    name: str
    latest_year: int
    latest_ktco2e: float
    baseline_year: int
    change_since_baseline_pct: float
    per_capita_tco2e: float | None
    code: str = ""

    @property
    def fell(self) -> bool:
        return self.change_since_baseline_pct < 0

    @property
    def change_size_pct(self) -> float:
        return abs(self.change_since_baseline_pct)


def headline(summaries: Sequence[EmissionsSummary]) -> Headline | None:
    """The county's summary, or the only area's; None when the place has neither (several
    areas and no county: the table gives each area's figures)."""
    chosen = [s for s in summaries if s.area.kind == AreaKind.COUNTY]
    if not chosen and len(summaries) == 1:
        chosen = list(summaries)
    if not chosen:
        return None
    s = chosen[0]
    return Headline(
        s.area.name,
        s.latest_year,
        s.latest_ktco2e,
        s.baseline_year,
        s.change_since_baseline_pct,
        s.per_capita_tco2e,
        s.area.code,
    )


def map_figures(place: Place) -> dict[str, Any] | None:
    """The place's district polygons, each with its latest emissions per person, the legend's
    classes and the boundaries' attribution: everything the map draws, with no network.

    Neighbours (e.g. Leicester, inside Leicestershire but not part of it) are drawn in grey
    for context, so the hole they would leave is explained; they do not set the classes."""
    geojson = services.areas_geojson(place)
    features = [
        {**feature, "properties": {**feature["properties"], "figure": _figure(feature)}}
        for feature in geojson["features"]
        # The county is the whole map; its districts are drawn inside it.
        if feature["geometry"] and feature["properties"]["kind"] != AreaKind.COUNTY
    ]
    own = [f for f in features if f["properties"]["role"] == AreaRole.MEMBER]
    if not own:
        return None
    years = [f["properties"]["emissions_year"] for f in own]
    classes = map_classes([f["properties"]["figure"] for f in own])
    return {
        "geojson": {"type": "FeatureCollection", "features": features},
        "classes": [
            {"lower": c.lower, "upper": c.upper, "colour": c.colour, "label": c.label}
            for c in classes
        ],
        "neighbour_colour": NEIGHBOUR_COLOUR,
        "has_neighbours": len(own) < len(features),
        "place_name": place.name,
        "unit": Measure.PER_PERSON.unit,
        "year": max((y for y in years if y), default=None),
        "attribution": BOUNDARY_ATTRIBUTION,
    }


def _figure(feature: dict[str, Any]) -> float | None:
    value = feature["properties"].get("per_capita_tco2e")
    return None if value is None else round(value, 3)


@dataclass(frozen=True)
class TargetHistory:
    """A target with its versions oldest first; the last version is the one in force."""

    target: NetZeroTarget
    versions: list[TargetVersion]

    @property
    def current(self) -> TargetVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def earlier(self) -> list[TargetVersion]:
        return self.versions[:-1]


def area_target(targets: Sequence[TargetHistory], head: Headline | None) -> TargetHistory | None:
    """The whole-area target of the headline area (e.g. Leicestershire: 2050), if it has one."""
    if head is None:
        return None
    return next(
        (
            t
            for t in targets
            if t.target.area.code == head.code and t.target.scope == TargetScope.AREA and t.current
        ),
        None,
    )


def context(place: Place, measure: Measure) -> dict[str, Any]:
    series = members(services.territorial_emissions(place))
    # services.emissions_summary would read the same series again.
    summaries = [services.summarise(each) for each in series]
    table = emissions_table(series, measure)
    datasets = services.datasets(place)
    targets = [TargetHistory(t, v) for t, v in services.target_history(place)]
    head = headline(summaries)
    return {
        "place": place,
        "measure": measure,
        "measures": list(Measure),
        "table": table,
        "chart": chart_figures(table),
        "headline": head,
        "area_target": area_target(targets, head),
        "summaries": sorted(summaries, key=lambda s: (s.area.kind != AreaKind.COUNTY, s.area.name)),
        "map": map_figures(place),
        "targets": targets,
        "emissions_source": next((d for d in datasets if d.key == EMISSIONS_DATASET), None),
        "other_places": [p for p in services.list_places() if p.slug != place.slug],
    }


# Data sources ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DatasetGroup:
    publisher: str
    datasets: list[Dataset]


def dataset_groups(datasets: Iterable[Dataset]) -> list[DatasetGroup]:
    """Datasets grouped by publisher, publishers and titles in alphabetical order."""
    groups: dict[str, list[Dataset]] = {}
    for dataset in datasets:
        groups.setdefault(dataset.publisher, []).append(dataset)
    return [
        DatasetGroup(publisher, sorted(items, key=lambda d: d.title))
        for publisher, items in sorted(groups.items())
    ]
