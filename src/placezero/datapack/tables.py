"""The CSV tables of a place pack: strict parsing, row by row, with every problem reported
as a `PackError` naming the file, the row (line number, header = row 1) and the column."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PackError
from .schema import EXPECTED_UNITS, GSP_PARAMETERS, PACK_FILES

REBUILD_HINT = "Fix the file or rebuild the pack with `placezero place build`."


@dataclass(frozen=True)
class StatRow:
    code: str
    dataset: str
    variable: str
    scenario: str
    year: int
    value: float
    unit: str


@dataclass(frozen=True)
class NationalRow:
    dataset: str
    variable: str
    scenario: str
    year: int
    value: float
    unit: str


# --- CSV ---------------------------------------------------------------------------------


def iter_csv(path: Path, file: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, row) for a pack CSV, checking header, quoting and row lengths."""
    required = PACK_FILES[file]
    try:
        text = (path / file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(f"missing from {path}. {REBUILD_HINT}", file=file) from None
    if text and not text.endswith("\n"):
        # The builder always ends files with a newline: a missing one means the copy was cut.
        raise PackError(
            f"the last line does not end with a newline: the file looks truncated. {REBUILD_HINT}",
            file=file,
            row=text.count("\n") + 1,
        )
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or header != list(required):
            missing = [column for column in required if column not in (header or [])]
            detail = f"missing column(s) {', '.join(missing)}" if missing else f"found {header}"
            raise PackError(
                f"header must be {','.join(required)}; {detail}. {REBUILD_HINT}", file=file, row=1
            )
        for cells in reader:
            if len(cells) != len(required):
                raise PackError(
                    f"expected {len(required)} fields, found {len(cells)} "
                    f"(truncated or malformed line). {REBUILD_HINT}",
                    file=file,
                    row=reader.line_num,
                )
            yield reader.line_num, dict(zip(required, cells, strict=True))
    except csv.Error as error:
        raise PackError(
            f"malformed CSV ({error}). {REBUILD_HINT}", file=file, row=reader.line_num
        ) from None


def parse_float(value: str, *, file: str, row: int, column: str, blank_ok: bool = False) -> Any:
    if value == "" and blank_ok:
        return None
    try:
        number = float(value)
    except ValueError:
        raise PackError(
            f"expected a number, found {value!r}. {REBUILD_HINT}", file=file, row=row, column=column
        ) from None
    if not math.isfinite(number):
        raise PackError(
            f"expected a finite number, found {value!r}. {REBUILD_HINT}",
            file=file,
            row=row,
            column=column,
        )
    return number


def parse_int(value: str, *, file: str, row: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise PackError(
            f"expected a whole year, found {value!r}. {REBUILD_HINT}",
            file=file,
            row=row,
            column=column,
        ) from None


def check_unit(dataset: str, variable: str, unit: str, *, file: str, row: int) -> None:
    expected = EXPECTED_UNITS.get((dataset, variable))
    if expected is None:
        raise PackError(
            f"unknown variable {dataset}/{variable} (not in placezero.datapack.schema). "
            f"{REBUILD_HINT}",
            file=file,
            row=row,
            column="variable",
        )
    if unit != expected:
        raise PackError(
            f"expected {expected!r} for {dataset}/{variable}, found {unit!r}. {REBUILD_HINT}",
            file=file,
            row=row,
            column="unit",
        )


def read_stats(path: Path, file: str, code_column: str, codes: set[str]) -> list[StatRow]:
    rows: list[StatRow] = []
    for number, cells in iter_csv(path, file):
        code = cells[code_column]
        if code not in codes:
            where = "areas.geojson" if code_column == "area_code" else "zones.geojson"
            raise PackError(
                f"code {code!r} is not in {where}. {REBUILD_HINT}",
                file=file,
                row=number,
                column=code_column,
            )
        check_unit(cells["dataset"], cells["variable"], cells["unit"], file=file, row=number)
        rows.append(
            StatRow(
                code=code,
                dataset=cells["dataset"],
                variable=cells["variable"],
                scenario=cells["scenario"],
                year=parse_int(cells["year"], file=file, row=number, column="year"),
                value=parse_float(cells["value"], file=file, row=number, column="value"),
                unit=cells["unit"],
            )
        )
    return rows


def read_national(path: Path) -> list[NationalRow]:
    file = "national_series.csv"
    rows: list[NationalRow] = []
    for number, cells in iter_csv(path, file):
        check_unit(cells["dataset"], cells["variable"], cells["unit"], file=file, row=number)
        rows.append(
            NationalRow(
                dataset=cells["dataset"],
                variable=cells["variable"],
                scenario=cells["scenario"],
                year=parse_int(cells["year"], file=file, row=number, column="year"),
                value=parse_float(cells["value"], file=file, row=number, column="value"),
                unit=cells["unit"],
            )
        )
    return rows


def read_technology_costs(path: Path) -> list[dict]:
    file = "technology_costs.csv"
    rows: list[dict] = []
    for number, cells in iter_csv(path, file):
        row: dict[str, Any] = dict(cells)
        row["year"] = parse_int(cells["year"], file=file, row=number, column="year")
        row["value"] = parse_float(cells["value"], file=file, row=number, column="value")
        row["currency_year"] = (
            parse_int(cells["currency_year"], file=file, row=number, column="currency_year")
            if cells["currency_year"]
            else None
        )
        rows.append(row)
    return rows


def _require_known(
    cells: dict[str, str], column: str, known: set[str], where: str, *, file: str, row: int
) -> None:
    """Refuse a row whose code (area or zone) the pack's geography does not define."""
    if cells[column] not in known:
        raise PackError(
            f"code {cells[column]!r} is not in {where}. {REBUILD_HINT}",
            file=file,
            row=row,
            column=column,
        )


def read_renewable_sites(path: Path, area_codes: set[str]) -> list[dict]:
    file = "renewable_sites.csv"
    rows: list[dict] = []
    for number, cells in iter_csv(path, file):
        _require_known(cells, "area_code", area_codes, "areas.geojson", file=file, row=number)
        row: dict[str, Any] = dict(cells)
        for column in ("capacity_mw", "easting", "northing", "lat", "lon"):
            row[column] = parse_float(
                cells[column], file=file, row=number, column=column, blank_ok=True
            )
        rows.append(row)
    return rows


def read_gsp(path: Path) -> list[dict]:
    file = "grid_supply_points.csv"
    rows: list[dict] = []
    for number, cells in iter_csv(path, file):
        expected = GSP_PARAMETERS.get(cells["parameter"])
        if expected != cells["unit"]:
            raise PackError(
                f"expected {expected!r} for parameter {cells['parameter']!r}, "
                f"found {cells['unit']!r}. "
                f"{REBUILD_HINT}",
                file=file,
                row=number,
                column="unit",
            )
        row: dict[str, Any] = dict(cells)
        row["year"] = parse_int(cells["year"], file=file, row=number, column="year")
        row["value"] = parse_float(cells["value"], file=file, row=number, column="value")
        rows.append(row)
    return rows


def read_substations(path: Path, zone_codes: set[str]) -> list[dict]:
    file = "substations.csv"
    rows: list[dict] = []
    for number, cells in iter_csv(path, file):
        _require_known(cells, "zone_code", zone_codes, "zones.geojson", file=file, row=number)
        row: dict[str, Any] = dict(cells)
        row["lat"] = parse_float(cells["lat"], file=file, row=number, column="lat")
        row["lon"] = parse_float(cells["lon"], file=file, row=number, column="lon")
        rows.append(row)
    return rows
