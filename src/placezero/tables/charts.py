"""Chart specifications drawn from a `Table`, so a chart and the table beside it always hold
the same numbers. The browser draws them with Chart.js (static/tables/js/table-chart.js, loaded by
`tables/_scripts.html`); without JavaScript the table is the content.

    chart = chart_from_table(table, x="year", series=["domestic", "transport"], kind="area")
    {% include "tables/_table.html" with table=table chart=chart %}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .model import Table

ChartKind = Literal["line", "bar", "stacked-bar", "area", "macc"]
KIND_WORDS = {
    "line": "Line chart",
    "bar": "Bar chart",
    "stacked-bar": "Stacked bar chart",
    "area": "Stacked area chart",
    "macc": "Marginal abatement cost curve (each bar's width is the emissions it saves, "
    "its height the cost per tonne)",
}


@dataclass(frozen=True)
class Chart:
    """What tables/js/table-chart.js needs: labels along the x axis and one or more named series.
    `dom_id` must be unique on the page (it names the canvas and its data)."""

    dom_id: str
    kind: ChartKind
    title: str
    x_label: str
    y_label: str
    labels: tuple[str, ...]
    series: tuple[dict[str, Any], ...]
    reference: tuple[dict[str, Any], ...] = field(default_factory=tuple)  # dashed lines
    horizontal: bool = False

    @property
    def data_id(self) -> str:
        return f"{self.dom_id}-data"

    @property
    def description(self) -> str:
        """The canvas's text alternative: what kind of chart of what; the table has the rest."""
        names = ", ".join(s["label"] for s in self.series[:6])
        more = f" and {len(self.series) - 6} more" if len(self.series) > 6 else ""
        return (
            f"{KIND_WORDS[self.kind]}: {self.title}. Series: {names}{more}. "
            "The same figures are in the table below the chart."
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "x_label": self.x_label,
            "y_label": self.y_label,
            "labels": list(self.labels),
            "series": list(self.series),
            "reference": list(self.reference),
            "horizontal": self.horizontal,
        }


def stacked_kind(table: Table, series: Sequence[str]) -> ChartKind:
    """Stacked area where every value is positive; stacked bars otherwise, because Chart.js
    fills a negative series (land use taking up carbon) across the positive stack."""
    values = (row.get(key) or 0 for row in table.rows for key in series)
    return "area" if all(v >= 0 for v in values) else "stacked-bar"


def _number(value: Any) -> float | None:
    if value is None or value == "":
        return None
    return round(float(value), 6)


def chart_from_table(
    table: Table,
    *,
    x: str,
    series: Sequence[str] | None = None,
    kind: ChartKind = "line",
    reference: Sequence[str] = (),
    title: str | None = None,
    dom_id: str | None = None,
    horizontal: bool = False,
) -> Chart:
    """A chart of a table: `x` names the column along the x axis; each key in `series`
    (default: every other column with a unit) becomes a series; `reference` columns are
    drawn as dashed lines (a target, a carbon budget path)."""
    columns = {column.key: column for column in table.columns}
    for key in [x, *(series or ()), *reference]:
        if key not in columns:
            raise KeyError(f"Table '{table.slug}' has no column '{key}'.")
    chosen = (
        list(series)
        if series is not None
        else [c.key for c in table.columns if c.key != x and c.unit and c.key not in reference]
    )
    units = {columns[key].unit for key in chosen}
    y_label = " / ".join(sorted(u for u in units if u)) or ""

    def values(key: str) -> list[float | None]:
        return [_number(row.get(key)) for row in table.rows]

    return Chart(
        dom_id=dom_id or f"chart-{table.slug}",
        kind=kind,
        title=title or table.caption,
        x_label=columns[x].label,
        y_label=y_label,
        labels=tuple(str(row.get(x)) for row in table.rows),
        series=tuple({"key": k, "label": columns[k].label, "values": values(k)} for k in chosen),
        reference=tuple(
            {"key": k, "label": columns[k].label, "values": values(k)} for k in reference
        ),
        horizontal=horizontal,
    )


def macc_chart(
    table: Table, *, label: str, width: str, height: str, dom_id: str | None = None
) -> Chart:
    """A marginal abatement cost curve of a table whose rows are measures, cheapest first:
    each row is a bar `width` wide (tonnes saved), placed after the bars before it, and
    `height` tall (cost per tonne). Series "width" and "height" carry the two columns; the
    browser lays the bars along a linear axis of cumulative tonnes."""
    columns = {column.key: column for column in table.columns}
    for key in (label, width, height):
        if key not in columns:
            raise KeyError(f"Table '{table.slug}' has no column '{key}'.")
    return Chart(
        dom_id=dom_id or f"chart-{table.slug}",
        kind="macc",
        title=table.caption,
        x_label=f"{columns[width].label} ({columns[width].unit}), cumulative",
        y_label=columns[height].unit,
        labels=tuple(str(row.get(label)) for row in table.rows),
        series=tuple(
            {
                "key": role,
                "label": columns[key].label,
                "values": [_number(r.get(key)) for r in table.rows],
            }
            for role, key in (("width", width), ("height", height))
        ),
    )
