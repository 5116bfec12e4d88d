"""Template helpers of `tables/_table.html`: the table's body, one cell, and its layout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .. import cells
from ..model import Column, Table

register = template.Library()

# More rows than this and the table folds into a "Show the data table" details component
# after its chart or summary, so a page reads well on a phone.
HANDFUL_OF_ROWS = 8
# More columns than this and the table scrolls sideways inside a labelled, focusable region
# (about as many columns of figures as fit across a 390 px phone screen).
NARROW_COLUMNS = 3


@dataclass(frozen=True)
class Layout:
    collapsed: bool
    wide: bool


def layout_of(table: Table) -> Layout:
    return Layout(
        collapsed=len(table.rows) > HANDFUL_OF_ROWS, wide=len(table.columns) > NARROW_COLUMNS
    )


@register.simple_tag
def table_layout(table: Table) -> Layout:
    return layout_of(table)


@register.filter
def cell(row: dict[str, Any], column: Column) -> str:
    """A cell as the page shows it (`tables.cells.text`)."""
    return cells.text(row.get(column.key), column)


def _td(css: str, key: str, value: Any, column: Column) -> str:
    if cells.is_missing(value):
        return (
            f'<td class="{css} pz-no-figure" data-column="{key}">'
            f'<span aria-hidden="true">{cells.NO_FIGURE}</span></td>'
        )
    return f'<td class="{css}" data-column="{key}">{cells.html(value, column)}</td>'


@register.simple_tag
def table_body_rows(table: Table) -> SafeString:
    """The `<tr>`s of a table's body, built in Python: a moved lever re-renders tables of
    hundreds of cells, and the template language costs ~0.1 ms a cell where this costs ~1 us.
    The first column is the row header; numeric columns (those with a unit) align right.
    Each row is named by its first cell (`data-row`), each cell by its column (`data-column`);
    a cell with no figure is marked `pz-no-figure`, which the stylesheet reads out as
    "no figure" to screen readers."""
    columns = table.columns
    if not table.rows:
        return mark_safe(
            f'<tr class="govuk-table__row"><td class="govuk-table__cell" '
            f'colspan="{len(columns)}">No figures for this selection.</td></tr>'
        )
    keys = [escape(c.key) for c in columns]
    td_class = [
        "govuk-table__cell govuk-table__cell--numeric" if c.unit else "govuk-table__cell"
        for c in columns
    ]
    first = columns[0]
    lines = []
    for row in table.rows:
        label = cells.html(row.get(first.key), first)
        parts = [
            f'<tr class="govuk-table__row" data-row="{label}">'
            f'<th scope="row" class="govuk-table__header" data-column="{keys[0]}">{label}</th>'
        ]
        for i in range(1, len(columns)):
            parts.append(_td(td_class[i], keys[i], row.get(columns[i].key), columns[i]))
        lines.append("".join(parts) + "</tr>")
    return mark_safe("\n".join(lines))  # every value above is escaped
