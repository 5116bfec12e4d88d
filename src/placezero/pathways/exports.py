"""Files made from the pathway tables: CSV, XLSX and GeoJSON, and a scenario as YAML.

Pure functions of a `tables.Table` (or several) and an `About` (what the figures are of);
the views and the API serve what they return. One table definition feeds the page and every
download, so a downloaded figure is the figure on the screen.

Conventions, chosen so each file is read the way its format is normally read:

- **CSV** holds data only: one header row, then one row per table row. No comment or
  metadata lines before or after, which would break `csv` readers, pandas and spreadsheets.
  A header carries its unit in brackets, e.g. ``Emissions (tCO2e)``. Numbers are written
  with the column's decimals and no thousands separators (the figure on the screen); a
  missing figure (None, or a number that is not finite) is an empty cell; every format
  writes numpy numbers as plain numbers. What the figures are of (place, view, table, scenario)
  is in the file name the site gives it, and the source and licence are in the XLSX
  "About" sheet and the GeoJSON's top-level members.
- **XLSX** opens on an "About" sheet (place, scenario, date made, each table's sheet,
  caption and source, notes, and the Open Government Licence attribution), then one sheet
  per table: bold header row with units, frozen, values as numbers formatted with the
  column's decimals (the full value is kept in the cell).
- **GeoJSON** (RFC 7946, WGS84) is one Feature per table row, joined to the zone's boundary
  by the table's `zone_key` column; the properties are the row's values by column key, plus
  the zone's name. The FeatureCollection's foreign members say what the values are:
  `title`, `columns` (key, label, unit), `scenario`, `place`, `source`, `licence`.
- **Scenario YAML** is the engine's scenario file format (`engine/scenario.py`): name,
  description, then the definition. It re-imports through `services.engine_scenario`.
"""

from __future__ import annotations

import csv
import io
import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .tables import Column, Table

LICENCE = "Contains public sector information licensed under the Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ABOUT_SHEET = "About"
# Excel refuses these in sheet names, and names longer than 31 characters.
_SHEET_FORBIDDEN = str.maketrans({c: "-" for c in "[]:*?/\\"})
_SHEET_NAME_MAX = 31
_CHARACTER_WIDTH_MAX = 60


class NoZones(LookupError):
    """A table without a zone column cannot be drawn on a map."""

    def __init__(self, table: Table) -> None:
        super().__init__(
            f"The table '{table.slug}' ({table.caption}) has no zones, so it has no GeoJSON: "
            "download it as CSV or XLSX instead."
        )


@dataclass(frozen=True)
class About:
    """What a file's figures are of, written into the XLSX "About" sheet and GeoJSON."""

    place: str
    scenario: str
    view: str
    made_on: date
    area: str | None = None  # the area chosen on the page; None = the whole place


def header(column: Column) -> str:
    """A column's heading with its unit, e.g. 'Emissions (tCO2e)'."""
    return f"{column.label} ({column.unit})" if column.unit else column.label


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def plain(value: Any) -> Any:
    """A cell value as plain Python: numpy numbers as int or float, and a figure that is
    not finite (NaN, infinity) as None, i.e. no figure, which every format can hold."""
    if isinstance(value, bool) or not _is_number(value):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def csv_value(value: Any, column: Column) -> str:
    """A cell as CSV text: numbers to the column's decimals without separators; None empty."""
    value = plain(value)
    if value is None:
        return ""
    if _is_number(value):
        return f"{value:.{column.decimals}f}"
    return str(value)


def table_csv(table: Table) -> str:
    """The table as CSV text (header row with units, then the rows; see the module doc)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([header(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([csv_value(row.get(column.key), column) for column in table.columns])
    return out.getvalue()


def _number_format(column: Column) -> str:
    return "#,##0" + ("." + "0" * column.decimals if column.decimals > 0 else "")


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


def _about_rows(tables: Sequence[Table], names: Sequence[str], about: About) -> list[list[str]]:
    rows = [
        ["Place", about.place],
        ["Area", about.area or "The whole place"],
        ["Scenario", about.scenario],
        ["View", about.view],
        ["Made on", about.made_on.isoformat()],
        ["Licence", LICENCE],
        ["Licence text", LICENCE_URL],
        [],
        ["Sheet", "Table", "Source", "Notes"],
    ]
    for name, table in zip(names, tables, strict=True):
        rows.append([name, table.caption, table.source, " ".join(table.notes)])
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


def tables_xlsx(tables: Sequence[Table], about: About) -> bytes:
    """An XLSX workbook: the "About" sheet, then one sheet per table (see the module doc)."""
    if not tables:
        raise ValueError("An XLSX export needs at least one table.")
    workbook = Workbook()
    names = sheet_names(tables)
    about_sheet = workbook.active
    about_sheet.title = ABOUT_SHEET
    about_rows = _about_rows(tables, names, about)
    bold = Font(bold=True)
    for row in about_rows:
        about_sheet.append(row)
    for row_cells in about_sheet.iter_rows(min_col=1, max_col=1):
        row_cells[0].font = bold
    table_header_row = about_rows.index(["Sheet", "Table", "Source", "Notes"]) + 1
    for cell in about_sheet[table_header_row]:
        cell.font = bold
    _fit_widths(about_sheet, about_rows)

    for name, table in zip(names, tables, strict=True):
        sheet = workbook.create_sheet(name)
        headings = [header(column) for column in table.columns]
        sheet.append(headings)
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append([_xlsx_value(row.get(column.key)) for column in table.columns])
        for index, column in enumerate(table.columns, start=1):
            if not column.unit:
                continue
            number_format = _number_format(column)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if _is_number(cell.value):
                    cell.number_format = number_format
        sheet.freeze_panes = "A2"
        _fit_widths(sheet, [headings, *([r.get(c.key) for c in table.columns] for r in table.rows)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_value(value: Any) -> Any:
    value = plain(value)
    if value is None or _is_number(value) or isinstance(value, str):
        return value
    return str(value)


def table_geojson(table: Table, zones: Mapping[str, Any], about: About) -> dict[str, Any]:
    """The table's rows as GeoJSON Features on their zones' boundaries.

    `zones` is a FeatureCollection of zones (`places.services.zones_geojson`). A row whose
    zone has no boundary gets a null geometry (allowed by RFC 7946) rather than vanishing."""
    if not table.zone_key:
        raise NoZones(table)
    by_code = {feature["properties"]["code"]: feature for feature in zones.get("features", [])}
    features = []
    for row in table.rows:
        code = str(row.get(table.zone_key) or "")
        zone = by_code.get(code)
        properties = {column.key: plain(row.get(column.key)) for column in table.columns}
        properties.setdefault("zone_name", zone["properties"].get("name") if zone else None)
        features.append(
            {
                "type": "Feature",
                "id": code,
                "geometry": zone["geometry"] if zone else None,
                "properties": properties,
            }
        )
    return {
        "type": "FeatureCollection",
        "title": table.caption,
        "columns": [
            {"key": column.key, "label": column.label, "unit": column.unit}
            for column in table.columns
        ],
        "place": about.place,
        "area": about.area,
        "scenario": about.scenario,
        "source": table.source,
        "licence": LICENCE,
        "features": features,
    }


def table_json(table: Table) -> dict[str, Any]:
    """The table as plain data (the API's answer): caption, columns with units, rows."""
    return {
        "slug": table.slug,
        "caption": table.caption,
        "columns": [
            {
                "key": column.key,
                "label": column.label,
                "unit": column.unit,
                "decimals": column.decimals,
            }
            for column in table.columns
        ],
        "rows": [
            {column.key: plain(row.get(column.key)) for column in table.columns}
            for row in table.rows
        ],
        "zone_key": table.zone_key,
        "source": table.source,
        "notes": list(table.notes),
    }


def definition_yaml(name: str, description: str, definition: Mapping[str, Any]) -> str:
    """A scenario as the engine's YAML file: name, description, then the definition's keys
    in the engine's order. Reading it back and passing it to `services.engine_scenario`
    gives the same scenario."""
    document: dict[str, Any] = {"name": name}
    if description:
        document["description"] = description
    for key in ("levers", "districts", "zones", "trajectories"):
        if definition.get(key):
            document[key] = _plain(definition[key])
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def _plain(value: Any) -> Any:
    """Mappings and sequences as plain dicts and lists, so safe_dump accepts them."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value
