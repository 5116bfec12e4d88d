"""What a place's overview page shows, gathered from `placezero.places.services`.

Kept apart from the views so the view functions stay short and each piece can be tested.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from placezero.places import services
from placezero.places.options import AreaKind, AreaRole, TargetScope
from placezero.tables import OGL, OGL_URL, About, Column, Table, method_url

from .figures import (
    EMISSIONS_ABOUT,
    Measure,
    area_kinds,
    chart_figures,
    emissions_table,
    map_classes,
)

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


# Licence codes the place pack uses (placezero.datapack.provenance): full name, public text.
LICENCES = {
    "OGL-3.0": (OGL, OGL_URL),
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "NGESO-Open-Data-Licence": ("National Grid ESO Open Data Licence", ""),
}


def licence_of(code: str) -> tuple[str, str]:
    """A licence code's full name and the address of its text ("" if it has none public);
    a code we do not know is given back exactly as the pack states it."""
    return LICENCES.get(code, (code, ""))


def dataset_about(place: Place, dataset: Dataset | None) -> About:
    """A table's About for figures read straight from one of the place's datasets: cited by
    its entry on the Data sources page, with the dataset's licence and attribution."""
    if dataset is None:
        return EMISSIONS_ABOUT
    licence, licence_url = licence_of(dataset.licence)
    sources = reverse("web:place_data_sources", kwargs={"place_slug": place.slug})
    return About(
        source=f"{dataset.title}, {dataset.publisher}",
        source_url=f"{sources}#{dataset.key}",
        method_url=method_url("data"),
        licence=licence,
        licence_url=licence_url,
        attribution=dataset.attribution,
    )


def emissions(place: Place, measure: Measure, datasets: Sequence[Dataset]) -> dict[str, Any]:
    """The emissions table and its chart, for the page and its fragment; the CSV writes the
    same table."""
    series = members(services.territorial_emissions(place))
    source = next((d for d in datasets if d.key == EMISSIONS_DATASET), None)
    table = emissions_table(series, measure, dataset_about(place, source))
    return {
        "series": series,
        "table": table,
        "chart": chart_figures(table, measure, area_kinds(series)),
        "emissions_source": source,
    }


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
    """`_map_figures` once per place load: the polygons and their figures come from the pack
    alone, and decoding the polygons cost most of the home page's time."""
    if not place.pack_digest:  # made by hand, not from a pack: nothing to key a copy on
        return _map_figures.__wrapped__(place.slug, "", None)
    return _map_figures(place.slug, place.pack_digest, place.loaded_at)


@lru_cache(maxsize=16)
def _map_figures(slug: str, digest: str, loaded_at: object) -> dict[str, Any] | None:
    """The place's district polygons, each with its latest emissions per person, the legend's
    classes and the boundaries' attribution: everything the map draws, with no network.

    Neighbours (e.g. Leicester, inside Leicestershire but not part of it) are drawn in grey
    for context, so the hole they would leave is explained; they do not set the classes."""
    place = services.get_place(slug)
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
    datasets = services.datasets(place)
    figures = emissions(place, measure, datasets)
    series, table = figures["series"], figures["table"]
    # services.emissions_summary would read the same series again.
    summaries = [services.summarise(each) for each in series]
    targets = [TargetHistory(t, v) for t, v in services.target_history(place)]
    head = headline(summaries)
    ordered = sorted(summaries, key=lambda s: (s.area.kind != AreaKind.COUNTY, s.area.name))
    return {
        "place": place,
        "measure": measure,
        "measures": list(Measure),
        "table": table,
        "chart": figures["chart"],
        "csv_download": _csv_download(place, measure),
        "headline": head,
        "area_target": area_target(targets, head),
        "summary_table": area_summary_table(ordered, table.about) if ordered else None,
        "map": map_figures(place),
        "targets": targets,
        "emissions_source": figures["emissions_source"],
        "other_places": [p for p in services.list_places() if p.slug != place.slug],
    }


def area_summary_table(summaries: Sequence[EmissionsSummary], about: About) -> Table:
    """Each area's latest territorial emissions, per person and change since the first year
    of the series: the county first, then its areas by name."""
    base = summaries[0].baseline_year
    return Table(
        slug="area-summary",
        caption=f"Territorial emissions by area: latest year, per person and change since {base}",
        columns=(
            Column("area", "Area"),
            Column("year", "Year"),
            Column("emissions", "Emissions", "kt CO2e", 1),
            Column("per_person", "Per person", "t CO2e per person", 1),
            Column("change", f"Change since {base}", "%", 1),
        ),
        rows=tuple(
            {
                "area": s.area.name,
                "year": s.latest_year,
                "emissions": s.latest_ktco2e,
                "per_person": s.per_capita_tco2e,
                "change": s.change_since_baseline_pct,
            }
            for s in summaries
        ),
        about=about,
        notes=(
            "Per person: territorial emissions divided by the mid-year population DESNZ "
            "publishes beside them. Change: the latest year against the first year of the "
            "series; negative is a fall.",
        ),
    )


def _csv_download(place: Place, measure: Measure) -> list[dict[str, str]]:
    url = reverse("web:emissions_csv", kwargs={"place_slug": place.slug})
    return [{"url": f"{url}?measure={measure}", "label": "CSV", "format": "csv"}]


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
