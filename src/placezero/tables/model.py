"""The one table model of the site: a `Table` of rows under `Column`s that carry their
units, with an `About` saying where the figures come from, how they are made and under
which licence they may be reused. A page, its chart, and every download (CSV, XLSX,
GeoJSON, the API's JSON) write the same object, so a downloaded figure is the figure on
the screen.

    Table(
        slug="emissions-by-sector",
        caption="Emissions by sector, 2019 to 2050",
        columns=(Column("year", "Year"), Column("total", "Total", "tCO2e")),
        rows=({"year": "2019", "total": 4_812_000.0}, ...),
        about=About("placezero pathway engine", method_url=method_url("equations")),
    )
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
OGL_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)


@dataclass(frozen=True)
class Column:
    """A column: `key` in each row, the heading people read, the unit of its figures (e.g.
    "tCO2e", "GBP", "MW"; empty for a column of labels) and the decimals shown."""

    key: str
    label: str
    unit: str = ""
    decimals: int = 0

    @property
    def heading(self) -> str:
        """The heading with its unit, as every download writes it: 'Emissions (tCO2e)'."""
        return f"{self.label} ({self.unit})" if self.unit else self.label


@dataclass(frozen=True)
class About:
    """Where a table's figures come from (`source`, optionally a page about it at
    `source_url`), how they are made (`method_url`: a page of the method, see
    `tables.method.method_url`), and the licence they may be reused under with the statement
    it asks for. Every writer carries it: the page's about line, the XLSX "About" sheet, the
    GeoJSON's and the API's `about` member."""

    source: str
    method_url: str = ""
    licence: str = OGL
    licence_url: str = OGL_URL
    attribution: str = OGL_ATTRIBUTION
    source_url: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "source": self.source,
            "source_url": self.source_url,
            "method_url": self.method_url,
            "licence": self.licence,
            "licence_url": self.licence_url,
            "attribution": self.attribution,
        }


@dataclass(frozen=True)
class Table:
    """A table as shown: caption, columns (with units), rows keyed by column key, and its
    about. `zone_key` names the column holding a zone (or area) code, so the GeoJSON writer
    can join each row to its boundary; `notes` are sentences printed under the table."""

    slug: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Mapping[str, Any], ...]
    about: About
    zone_key: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        known = ", ".join(c.key for c in self.columns)
        raise KeyError(f"Table '{self.slug}' has no column '{key}'. Its columns: {known}.")

    def values(self, key: str) -> list[Any]:
        """One column's values, row by row."""
        self.column(key)
        return [row.get(key) for row in self.rows]
