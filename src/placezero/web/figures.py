"""Turn a place's emissions (from `placezero.places.services`) into what the overview page
shows: a table (a `placezero.tables.Table`, which the page and its CSV both write), the
chart's series drawn from that table, and the map's classes.

Pure functions over plain values, so each rule is tested without a database.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from placezero.tables import About, Column, Table


class UnknownMeasure(ValueError):
    """A query string names a measure the overview does not show (the views answer 400)."""


class Measure(StrEnum):
    """What the chart and table show."""

    TERRITORIAL = "territorial"
    PER_PERSON = "per-person"

    @property
    def label(self) -> str:
        return {
            Measure.TERRITORIAL: "Territorial emissions",
            Measure.PER_PERSON: "Territorial emissions per person",
        }[self]

    @property
    def unit(self) -> str:
        return {Measure.TERRITORIAL: "kt CO2e", Measure.PER_PERSON: "t CO2e per person"}[self]

    @classmethod
    def parse(cls, value: str | None) -> Measure:
        """The measure a query string asks for; the territorial total when it names none.
        One we do not know is refused (a 400 that lists the measures), not silently
        replaced: a CSV of other figures than those asked for would mislead."""
        try:
            return cls(value or cls.TERRITORIAL)
        except ValueError:
            known = ", ".join(f"{m.value} ({m.label.lower()})" for m in cls)
            raise UnknownMeasure(
                f"There is no measure “{value}”. Choose one of: {known}."
            ) from None


class AreaLike(Protocol):
    code: str
    name: str
    kind: str


class AreaSeries(Protocol):
    """The shape of `services.AreaEmissions`: one area's yearly emissions (aligned with
    `years`) and its population in people by year."""

    area: AreaLike
    years: Sequence[int]
    territorial_ktco2e: Sequence[float]
    population: Mapping[int, float]


# The emissions statistics the overview shows, when the caller has no dataset record to cite.
EMISSIONS_ABOUT = About(
    source="DESNZ, UK local authority and regional greenhouse gas emissions statistics"
)
TABLE_SLUG = "emissions"
DECIMALS = 1


def per_person_tco2e(ktco2e: float | None, people: float | None) -> float | None:
    """t CO2e per person = kt CO2e * 1,000 t/kt / people. None when either is missing."""
    if ktco2e is None or people is None or people <= 0:
        return None
    return ktco2e * 1000.0 / people


def _order(series: Sequence[AreaSeries]) -> list[AreaSeries]:
    """The county (the whole place) first, then its areas by name."""
    return sorted(series, key=lambda s: (s.area.kind != "county", s.area.name))


def _values(series: AreaSeries, measure: Measure) -> dict[int, float | None]:
    emissions = dict(zip(series.years, series.territorial_ktco2e, strict=True))
    if measure is Measure.TERRITORIAL:
        return dict(emissions)
    return {
        year: per_person_tco2e(kt, series.population.get(year)) for year, kt in emissions.items()
    }


def emissions_table(
    series: Sequence[AreaSeries], measure: Measure, about: About = EMISSIONS_ABOUT
) -> Table:
    """The table for `measure`: years down the side (the row headers), one column per area
    (keyed by its code) across the top, so a screen reader reads each cell with its year and
    area; one row per year any area has, a missing figure None."""
    ordered = _order(series)
    by_area = [_values(s, measure) for s in ordered]
    years = sorted({year for values in by_area for year in values})
    columns = (
        Column("year", "Year"),
        *(Column(s.area.code, s.area.name, measure.unit, DECIMALS) for s in ordered),
    )
    rows = tuple(
        {"year": year, **{s.area.code: v.get(year) for s, v in zip(ordered, by_area, strict=True)}}
        for year in years
    )
    span = f", {years[0]} to {years[-1]}" if years else ""
    return Table(
        slug=TABLE_SLUG,
        caption=f"{measure.label}, {measure.unit}{span}",
        columns=columns,
        rows=rows,
        about=about,
    )


def area_kinds(series: Sequence[AreaSeries]) -> dict[str, str]:
    """Each area's kind (county, district...) by code: what the chart stacks and dashes."""
    return {s.area.code: s.area.kind for s in series}


def chart_figures(table: Table, measure: Measure, kinds: Mapping[str, str]) -> dict[str, Any]:
    """The chart's data, for `json_script`, drawn from the table. Territorial totals stack
    (the districts add up to the county); figures per person do not add up, so they are
    drawn as separate lines."""
    areas = table.columns[1:]
    return {
        "measure": str(measure),
        "unit": measure.unit,
        "years": table.values("year"),
        "stacked": measure is Measure.TERRITORIAL,
        "has_total": any(kinds.get(column.key) == "county" for column in areas),
        "series": [
            {
                "code": column.key,
                "name": column.label,
                "kind": kinds.get(column.key, ""),
                "values": [_round(value) for value in table.values(column.key)],
            }
            for column in areas
        ],
    }


def _round(value: float | None, places: int = 3) -> float | None:
    return None if value is None or math.isnan(value) else round(value, places)


# The map's colours: a sequential blue scale, lightest for the lowest figure. Each is distinct
# from white and from its neighbours, and every shape has a black outline (WCAG 2.2, 1.4.11).
MAP_COLOURS = ("#d2e2f1", "#93bde0", "#4a8bc6", "#1d5a94")


@dataclass(frozen=True)
class MapClass:
    lower: float
    upper: float
    colour: str

    @property
    def label(self) -> str:
        return f"{self.lower:.1f} to {self.upper:.1f}"


def map_classes(
    values: Sequence[float | None], colours: Sequence[str] = MAP_COLOURS
) -> list[MapClass]:
    """Equal-interval classes from the lowest to the highest figure, one per colour (fewer
    when the figures are too close to split: a single class when they are all equal)."""
    present = [v for v in values if v is not None]
    if not present:
        return []
    low, high = min(present), max(present)
    if math.isclose(low, high):
        return [MapClass(low, high, colours[-1])]
    step = (high - low) / len(colours)
    bounds = [low + step * i for i in range(len(colours) + 1)]
    bounds[-1] = high  # no rounding drift above the highest figure
    return [MapClass(bounds[i], bounds[i + 1], colours[i]) for i in range(len(colours))]
