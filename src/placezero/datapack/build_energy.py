"""DESNZ sub-national electricity and gas consumption workbooks (one sheet per year).

Sheets before 2012 (electricity) carry old NUTS/LAU codes, so rows are matched on the
local authority name; later sheets on the GSS code, with the name as a fallback.
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict

from . import national_files
from .build_areas import county_sums
from .context import BuildContext, Row
from .errors import SourceDataError
from .schema import DESNZ_ENERGY_COLUMNS
from .sources import FETCH_HINT, raw_path

ELECTRICITY_FILE = "desnz/subnational-electricity-consumption-2005-2021.xlsx"
GAS_FILE = "desnz/subnational-gas-consumption-non-weather-corrected-2015-2021.xlsx"


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", str(text).lower().replace("&", "and")))


def _header_key(header: object) -> tuple[str, str]:
    """'Number of meters\\n(thousands):\\nDomestic E7 \\n' -> ('Number of meters (thousands)',
    'Domestic E7')."""
    text = " ".join(str(header or "").split())
    measure, _, sector = text.partition(":")
    return measure.strip(), sector.strip()


def _sheet_rows(ctx: BuildContext, relative: str, dataset: str) -> list[Row]:
    path = raw_path(ctx.data_dir, relative)
    try:
        workbook = national_files.open_workbook(path)
    except (zipfile.BadZipFile, OSError, KeyError) as error:
        raise SourceDataError(
            f"not a readable xlsx workbook ({error}): truncated or damaged. {FETCH_HINT}",
            file=relative,
        ) from None
    by_name = {_normal(ctx.names[code]): code for code in ctx.lads}
    rows: list[Row] = []
    gaps: dict[str, list[int]] = {}
    for sheet in workbook.sheetnames:
        if not sheet.isdigit():
            continue
        rows += _one_sheet(workbook[sheet], int(sheet), relative, dataset, ctx, by_name, gaps)
    workbook.close()
    if not rows:
        raise SourceDataError(
            f"no rows for any of {', '.join(ctx.lads)} in any sheet. {FETCH_HINT}", file=relative
        )
    ctx.notes[f"{dataset}-gaps"] = {
        code: f"{ctx.names[code]} in {', '.join(str(year) for year in years)}"
        for code, years in gaps.items()
    }
    return rows


def _one_sheet(
    worksheet: object,
    year: int,
    relative: str,
    dataset: str,
    ctx: BuildContext,
    by_name: dict[str, str],
    gaps: dict[str, list[int]],
) -> list[Row]:
    rows: list[Row] = []
    header: tuple | None = None
    found: set[str] = set()
    sources: dict[str, set[object]] = {}
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):  # type: ignore[attr-defined]
        if header is None:
            if values and values[0] == "Code":
                header = values
            continue
        raw_code = values[0]
        code = ctx.on_current_boundaries(raw_code) if isinstance(raw_code, str) else raw_code
        code = code if code in ctx.lads else by_name.get(_normal(values[2] or ""))
        if code is None:
            continue
        found.add(code)
        sources.setdefault(code, set()).add(raw_code)
        for index, column in enumerate(header):
            target = DESNZ_ENERGY_COLUMNS.get(_header_key(column))
            if target is None:
                continue
            value = values[index]
            if not isinstance(value, (int, float)):
                raise SourceDataError(
                    f"expected a number, found {value!r} (sheet {year}). {FETCH_HINT}",
                    file=relative,
                    row=number,
                    column=_header_key(column)[0] + ": " + _header_key(column)[1],
                )
            rows.append((code, dataset, target[0], "", year, float(value), target[1]))
    if header is None:
        raise SourceDataError(
            f"sheet {year} has no header row starting 'Code'. {FETCH_HINT}", file=relative
        )
    rows = _successors_summed(ctx, rows, sources, found)
    # An authority created after the sheet's year (e.g. Cornwall, 2009) has no row in it:
    # a gap to record, not an error. A cut workbook fails to open as a zip instead.
    for code in ctx.lads:
        if code not in found:
            gaps.setdefault(code, []).append(year)
    return rows


def _successors_summed(
    ctx: BuildContext, rows: list[Row], sources: dict[str, set[object]], found: set[str]
) -> list[Row]:
    """A 2023 unitary read from its predecessors' rows: their sum (every column is a count
    or a total), kept only if every predecessor has a row in the sheet."""
    successors = set(ctx.successor_of.values())
    if not successors & found:
        return rows
    totals: dict[tuple[str, str, str, int, str], float] = defaultdict(float)
    kept: list[Row] = []
    for code, dataset, variable, scenario, year, value, unit in rows:
        if code in successors:
            totals[(code, dataset, variable, year, unit)] += value
        else:
            kept.append((code, dataset, variable, scenario, year, value, unit))
    for code in successors & found:
        wanted = {old for old, new in ctx.successor_of.items() if new == code}
        if not wanted <= sources[code]:
            found.discard(code)
    kept += [
        (code, dataset, variable, "", year, value, unit)
        for (code, dataset, variable, year, unit), value in totals.items()
        if code in found
    ]
    return kept


def electricity_rows(ctx: BuildContext) -> list[Row]:
    rows = _sheet_rows(ctx, ELECTRICITY_FILE, "desnz-electricity-la")
    rows += county_sums(ctx, rows, "desnz-electricity-la")
    years = sorted({row[4] for row in rows})
    ctx.note(
        "desnz-electricity-la",
        raw_files=[ELECTRICITY_FILE],
        coverage=f"{years[0]}-{years[-1]}",
        method=(
            "From each year's sheet: meters (thousands) and consumption (GWh, the publisher's "
            "unit) for all domestic, Economy 7 domestic (2012 onwards, when the sheets split "
            "it out) and non-domestic meters. Sheets 2005-2011 use old LAU codes, so rows "
            "are matched on the authority name; later sheets on the GSS code. Electricity "
            "years for non-half-hourly meters run February to January. The county is the "
            "sum of its districts."
        )
        + _gap_text(ctx, "desnz-electricity-la"),
    )
    return rows


def _gap_text(ctx: BuildContext, dataset: str) -> str:
    gaps = ctx.notes.pop(f"{dataset}-gaps", {})
    if not gaps:
        return ""
    return (
        " Gaps (authority not in the sheet, e.g. created later): "
        + "; ".join(str(text) for text in gaps.values())
        + "."
    )


def gas_rows(ctx: BuildContext) -> list[Row]:
    rows = _sheet_rows(ctx, GAS_FILE, "desnz-gas-la")
    rows += county_sums(ctx, rows, "desnz-gas-la")
    years = sorted({row[4] for row in rows})
    ctx.note(
        "desnz-gas-la",
        raw_files=[GAS_FILE],
        coverage=f"{years[0]}-{years[-1]}",
        method=(
            "From each year's sheet: domestic and non-domestic meters (thousands) and "
            "consumption (GWh, not weather corrected). The county is the sum of its districts."
        )
        + _gap_text(ctx, "desnz-gas-la"),
    )
    return rows
