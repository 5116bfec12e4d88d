"""Tables as an Excel workbook (openpyxl): one sheet per table and an "About" sheet first.

- **About** opens the workbook: what the file is of (`facts`, e.g. place, area, scenario,
  page), the date it was made, the licence(s) with their text and attribution statements,
  then one line per table: its sheet, caption, source, method page, licence, attribution
  and notes.
- **One sheet per table**, named by its slug (made valid and unique for Excel): a bold
  header row with units (``Emissions (tCO2e)``, as in the CSV), frozen; one row per table
  row. Figures are numbers, shown with the column's decimals and thousands separators by
  the cell's number format while the cell keeps the full value; no figure is an empty cell.

`workbook(tables)` writes any list of tables; `page_workbook(namespace, context)` writes
every registered table of a page (`tables.registry`) as one workbook.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from . import cells, registry
from .model import Column, Table

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ABOUT_SHEET = "About"
TABLES_HEADER = ("Sheet", "Table", "Source", "Method", "Licence", "Attribution", "Notes")
# Excel refuses these in sheet names, and names longer than 31 characters.
_SHEET_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})
_SHEET_NAME_MAX = 31
_CHARACTER_WIDTH_MAX = 60
_BOLD = Font(bold=True)

Fact = tuple[str, str]


def sheet_names(tables: Sequence[Table]) -> list[str]:
    """A valid, unique Excel sheet name per table (its slug, shortened if need be)."""
    names: list[str] = []
    taken = {ABOUT_SHEET.lower()}
    for table in tables:
        base = table.slug.translate(_SHEET_FORBIDDEN)[:_SHEET_NAME_MAX] or "table"
        name, counter = base, 2
        while name.lower() in taken:
            suffix = f"-{counter}"
            name = base[: _SHEET_NAME_MAX - len(suffix)] + suffix
            counter += 1
        taken.add(name.lower())
        names.append(name)
    return names


def _distinct(values: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def about_rows(
    tables: Sequence[Table], names: Sequence[str], facts: Sequence[Fact], made_on: date
) -> list[list[str]]:
    """The About sheet's rows (see the module doc)."""
    abouts = [t.about for t in tables]
    rows: list[list[str]] = [[label, value] for label, value in facts]
    rows += [
        ["Made on", made_on.isoformat()],
        ["Licence", _distinct(a.licence for a in abouts)],
        ["Licence text", _distinct(a.licence_url for a in abouts)],
        ["Attribution", _distinct(a.attribution for a in abouts)],
        [],
        list(TABLES_HEADER),
    ]
    for name, table in zip(names, tables, strict=True):
        about = table.about
        rows.append(
            [
                name,
                table.caption,
                about.source,
                about.method_url,
                about.licence,
                about.attribution,
                " ".join(table.notes),
            ]
        )
    return rows


def _fit_widths(sheet: Any, rows: Iterable[Sequence[Any]]) -> None:
    widths: dict[int, int] = {}
    for row in rows:
        for index, value in enumerate(row, start=1):
            length = len(str(value)) if value is not None else 0
            widths[index] = max(widths.get(index, 0), length)
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = min(
            width + 2, _CHARACTER_WIDTH_MAX
        )


def number_format(column: Column) -> str:
    return "#,##0" + ("." + "0" * column.decimals if column.decimals > 0 else "")


def _value(value: Any) -> Any:
    value = cells.plain(value)
    if value is None or cells.is_number(value) or isinstance(value, str):
        return value
    return str(value)


def _write_about(workbook: Workbook, rows: list[list[str]]) -> None:
    sheet = workbook.active
    sheet.title = ABOUT_SHEET
    for row in rows:
        sheet.append(row)
    for (cell,) in sheet.iter_rows(min_col=1, max_col=1):
        cell.font = _BOLD
    for cell in sheet[rows.index(list(TABLES_HEADER)) + 1]:
        cell.font = _BOLD
    _fit_widths(sheet, rows)


def _write_table(workbook: Workbook, name: str, table: Table) -> None:
    sheet = workbook.create_sheet(name)
    headings = [column.heading for column in table.columns]
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = _BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    values = [[_value(row.get(c.key)) for c in table.columns] for row in table.rows]
    for row in values:
        sheet.append(row)
    for index, column in enumerate(table.columns, start=1):
        formatted = number_format(column)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if cells.is_figure(cell.value, column):
                cell.number_format = formatted
    sheet.freeze_panes = "A2"
    _fit_widths(sheet, [headings, *values])


def workbook(
    tables: Sequence[Table], *, facts: Sequence[Fact] = (), made_on: date | None = None
) -> bytes:
    """An XLSX workbook of `tables`: the About sheet, then a sheet per table. `facts` are
    (label, value) lines the About sheet opens with, saying what the file is of."""
    if not tables:
        raise ValueError("An XLSX workbook needs at least one table.")
    book = Workbook()
    names = sheet_names(tables)
    _write_about(book, about_rows(tables, names, facts, made_on or timezone.localdate()))
    for name, table in zip(names, tables, strict=True):
        _write_table(book, name, table)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def page_workbook(
    namespace: str,
    context: Any,
    *,
    facts: Sequence[Fact] = (),
    made_on: date | None = None,
) -> bytes:
    """Every table registered under `namespace` (a page's tables) as one workbook."""
    return workbook(registry.tables_for(namespace, context), facts=facts, made_on=made_on)
