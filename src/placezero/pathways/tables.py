"""Named tables of engine results: what each audience view shows, and what every export
(CSV, XLSX, GeoJSON, the API) writes. One definition serves the page and the download, so a
downloaded figure is always the figure on the screen.

A view registers its tables with `@register_table("officers", "emissions-by-sector")`; the
function takes a `TableContext` and returns a `Table`. Exporters call `tables_for(view, ctx)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from placezero.engine.inputs import PlaceInputs
from placezero.engine.results import Results

if TYPE_CHECKING:
    from placezero.places.models import Place


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    unit: str = ""  # e.g. "tCO2e", "GBP", "MW"; empty for labels
    decimals: int = 0


@dataclass(frozen=True)
class Table:
    """A table as shown: caption, columns (with units) and rows keyed by column key.
    `zone_key` names the column holding a zone code, so GeoJSON export can join geometry."""

    slug: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...]
    zone_key: str | None = None
    source: str = "placezero pathway engine; assumptions and method in docs/method/"
    notes: tuple[str, ...] = field(default_factory=tuple)


class UnknownArea(ValueError):
    """An area code that is not one of the place's member districts."""


def check_district(place_name: str, inputs: PlaceInputs, code: str | None) -> str | None:
    """A member district's code, or None for the whole place; UnknownArea naming the
    districts otherwise. Every page, download and table narrows to an area through this."""
    if not code:
        return None
    if code not in inputs.districts:
        names = zip(inputs.districts, inputs.district_names, strict=True)
        choices = ", ".join(f"{c} ({name})" for c, name in names)
        raise UnknownArea(
            f"No district '{code}' in {place_name}. Choose one of: {choices}; "
            "or leave out area= for the whole place."
        )
    return code


@dataclass(frozen=True)
class TableContext:
    """What a table function may read: the place, the scenario's name and results, the
    engine inputs (labels, zone → district), and the area chosen on the page (None = all;
    an unknown area is refused here, so no table has to check)."""

    place: Place
    scenario_name: str
    results: Results
    inputs: PlaceInputs
    area_code: str | None = None

    def __post_init__(self) -> None:
        check_district(self.place.name, self.inputs, self.area_code)

    @cached_property
    def zone_mask(self) -> np.ndarray:
        """[Z] True for the zones of the chosen area (every zone for the whole place)."""
        if not self.area_code:
            return np.ones(len(self.inputs.zones), dtype=bool)
        return self.inputs.zone_district_index == self.inputs.districts.index(self.area_code)

    @property
    def area_name(self) -> str:
        if not self.area_code:
            return self.place.name
        return self.inputs.district_names[self.inputs.districts.index(self.area_code)]

    def year_index(self, year: int) -> int:
        """The position of a model year in every [.., Y] array of the results."""
        years = self.results.years
        if year < years[0] or year > years[-1]:
            raise ValueError(f"{year} is outside the model years {years[0]} to {years[-1]}.")
        return int(year - years[0])


TableFunction = Callable[[TableContext], Table]
_registry: dict[str, dict[str, TableFunction]] = {}


def register_table(view: str, slug: str) -> Callable[[TableFunction], TableFunction]:
    def decorate(function: TableFunction) -> TableFunction:
        _registry.setdefault(view, {})[slug] = function
        return function

    return decorate


def views() -> list[str]:
    return list(_registry)


def table_slugs(view: str) -> list[str]:
    if view not in _registry:
        raise KeyError(f"No view '{view}'. Views with tables: {', '.join(_registry) or 'none'}.")
    return list(_registry[view])


def tables_for(view: str, context: TableContext, only: str | None = None) -> list[Table]:
    """Every table of a view (or only one), computed from the context."""
    slugs = table_slugs(view)
    if only is not None:
        if only not in slugs:
            raise KeyError(f"No table '{only}' in view '{view}'. Tables: {', '.join(slugs)}.")
        slugs = [only]
    return [_registry[view][slug](context) for slug in slugs]
