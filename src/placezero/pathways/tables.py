"""Named tables of engine results: what each audience view shows, and what every export
(CSV, XLSX, GeoJSON, the API) writes. One definition serves the page and the download, so a
downloaded figure is always the figure on the screen.

A view registers its tables with `@register_table("officers", "emissions-by-sector")`; the
function takes a `TableContext` and returns a `Table`. Exporters call `tables_for(view, ctx)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from placezero.engine.inputs import PlaceInputs
from placezero.engine.results import Results
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


@dataclass(frozen=True)
class TableContext:
    """What a table function may read: the place, the scenario's name and results, the
    engine inputs (labels, zone → district), and the area chosen on the page (None = all)."""

    place: Place
    scenario_name: str
    results: Results
    inputs: PlaceInputs
    area_code: str | None = None


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
