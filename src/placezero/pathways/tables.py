"""The pathway pages' tables: what each view (an audience page, the workspace, the plan)
shows and every download writes, computed from the engine's results.

The table model and its writers are the site's (`placezero.tables`); what is particular to
the pathway is the context a table function reads (`TableContext`: place, scenario, engine
results and the area chosen on the page) and the namespace its tables are registered under
(`pathways.<view>`, e.g. `pathways.officers`). A view registers its tables with
`@register_table("officers", "emissions-by-sector")`; pages and exports call
`tables_for(view, ctx)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from placezero import tables as site_tables
from placezero.engine.inputs import PlaceInputs
from placezero.engine.results import Results
from placezero.tables import About, Column, Table, method_url

if TYPE_CHECKING:
    from placezero.places.models import Place

__all__ = [
    "About",
    "Column",
    "Table",
    "TableContext",
    "UnknownArea",
    "check_district",
    "engine_about",
    "register_table",
    "table_slugs",
    "tables_for",
    "views",
]

NAMESPACE_PREFIX = "pathways."
ENGINE_SOURCE = "placezero pathway engine, from {place}'s published open data"


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


def engine_about(place: Place, page: str = "index", anchor: str = "", source: str = "") -> About:
    """The About of a table the engine computed: its source, the method page explaining it
    (`tables.method_url`) and the Open Government Licence of the public data it is made
    from (the Data sources page lists every dataset with its own licence)."""
    return About(
        source=source or ENGINE_SOURCE.format(place=place.name),
        method_url=method_url(page, anchor),
    )


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

    def about(self, page: str = "index", anchor: str = "", source: str = "") -> About:
        """The About of an engine table of this place (`engine_about`)."""
        return engine_about(self.place, page, anchor, source)


TableFunction = Callable[[TableContext], Table]


def namespace(view: str) -> str:
    """The site registry's namespace of a pathway view: "officers" -> "pathways.officers"."""
    return NAMESPACE_PREFIX + view


def register_table(view: str, slug: str) -> Callable[[TableFunction], TableFunction]:
    return site_tables.register(namespace(view), slug)


def views() -> list[str]:
    """The pathway views with tables, in registration order."""
    return [
        name.removeprefix(NAMESPACE_PREFIX) for name in site_tables.namespaces(NAMESPACE_PREFIX)
    ]


def table_slugs(view: str) -> list[str]:
    if view not in views():
        raise KeyError(f"No view '{view}'. Views with tables: {', '.join(views()) or 'none'}.")
    return site_tables.slugs(namespace(view))


def tables_for(view: str, context: TableContext, only: str | None = None) -> list[Table]:
    """Every table of a view (or only one), computed from the context."""
    if only is not None and only not in table_slugs(view):
        raise KeyError(
            f"No table '{only}' in view '{view}'. Tables: {', '.join(table_slugs(view))}."
        )
    return site_tables.tables_for(namespace(view), context, only=only)
