"""Zone statistics: MSOA electricity, LSOA gas summed to MSOA, and Census 2021 moved from
2021 MSOAs onto the 2011 MSOA zones."""

from __future__ import annotations

from collections import defaultdict

from .build_areas import census_table_rows
from .context import BuildContext, Row
from .schema import CENSUS_TABLES, LSOA_GAS, MSOA_ELECTRICITY
from .sources import maybe_float, raw_float, read_raw_csv, require_codes

ELECTRICITY_FILES = {
    "domestic": "msoa/domestic-electricity/MSOA_DOM_ELEC_{year}.csv",
    "non_domestic": "msoa/non-domestic-electricity/MSOA_NONDOM_{year}.csv",
}
MSOA_ELECTRICITY_YEARS = range(2010, 2020)
MSOA_CODE_COLUMN = "Middle Layer Super Output Area (MSOA) Code"
GAS_FILE = "gas-lsoa-2016/LSOA_domestic_gas_2016.csv"
# Weight for sharing a 2021 MSOA between the 2011 MSOAs merged into it: 2019 domestic
# electricity meters (about one per household, DESNZ MSOA statistics).
WEIGHT_VARIABLE = ("domestic_meters_count", 2019)


def msoa_electricity_rows(ctx: BuildContext) -> list[Row]:
    rows: list[Row] = []
    files: list[str] = []
    gaps: list[str] = []
    for sector, pattern in ELECTRICITY_FILES.items():
        for year in MSOA_ELECTRICITY_YEARS:
            relative = pattern.format(year=year)
            files.append(relative)
            found = _electricity_file(ctx, relative, sector, year)
            missing = sorted(set(ctx.zone_area) - {row[0] for row in found})
            if missing:
                gaps.append(f"{sector.replace('_', '-')} {year}: {', '.join(missing)}")
            rows += found
    ctx.note(
        "desnz-msoa-electricity",
        raw_files=sorted(files),
        coverage=f"{MSOA_ELECTRICITY_YEARS[0]}-{MSOA_ELECTRICITY_YEARS[-1]}",
        method=(
            "Number of meters and consumption (kWh) per 2011 MSOA and year, domestic and "
            "non-domestic, copied (header spaces stripped). Values rounded to 6 significant "
            "figures. Zones the publisher left out (no row, e.g. non-domestic figures "
            "withheld) have no figure: " + ("; ".join(gaps) if gaps else "none here") + "."
        ),
    )
    return rows


def _electricity_file(ctx: BuildContext, relative: str, sector: str, year: int) -> list[Row]:
    rows: list[Row] = []
    variables = {v: column for v, (_u, column) in MSOA_ELECTRICITY.items() if v.startswith(sector)}
    required = (MSOA_CODE_COLUMN, *variables.values())
    for number, cells in read_raw_csv(
        ctx.data_dir, relative, required, strip_headers=True, only=(MSOA_CODE_COLUMN, ctx.zone_area)
    ):
        code = cells[MSOA_CODE_COLUMN].strip()
        if code not in ctx.zone_area:
            continue
        for variable, column in variables.items():
            value = raw_float(cells[column], file=relative, row=number, column=column)
            unit = MSOA_ELECTRICITY[variable][0]
            rows.append((code, "desnz-msoa-electricity", variable, "", year, value, unit))
    # The publisher omits a few MSOAs in some years, so a missing zone is not an error; a
    # missing authority is (the file is sorted by authority, so a cut file loses whole ones).
    require_codes({ctx.zone_area[row[0]] for row in rows}, ctx.lads, file=relative)
    return rows


# Authorities with no mains gas network, so no row in the LSOA gas file: the Isles of Scilly
# (no gas distribution network; DESNZ sub-national gas consumption statistics publish no
# figure for them, https://www.gov.uk/government/collections/sub-national-gas-consumption-data).
OFF_GAS_GRID = frozenset({"E06000053"})


def lsoa_gas_rows(ctx: BuildContext) -> list[Row]:
    totals: dict[tuple[str, str], float] = defaultdict(float)
    skipped = 0
    columns = {variable: column for variable, (_unit, column) in LSOA_GAS.items()}
    for _number, cells in read_raw_csv(
        ctx.data_dir, GAS_FILE, ("MSOA", "LSOA", *columns.values()), only=("MSOA", ctx.zone_area)
    ):
        if cells["MSOA"] not in ctx.zone_area:
            continue
        values = {variable: maybe_float(cells[column]) for variable, column in columns.items()}
        if any(value is None for value in values.values()):
            skipped += 1  # disclosure-suppressed or non-numeric: left out, counted below
            continue
        for variable, value in values.items():
            totals[(cells["MSOA"], variable)] += float(value or 0.0)
    # Off-grid MSOAs have no row at all; only a whole missing authority means a cut file,
    # except where the whole authority is off the gas grid.
    on_grid = [code for code in ctx.lads if code not in OFF_GAS_GRID]
    require_codes({ctx.zone_area[code] for code, _v in totals}, on_grid, file=GAS_FILE)
    no_gas = sorted(set(ctx.zone_area) - {code for code, _v in totals})
    ctx.note(
        "beis-lsoa-gas-2016",
        raw_files=[GAS_FILE],
        coverage="2016 only",
        method=(
            "Domestic gas consumption (kWh, weather corrected) and meters of each LSOA summed "
            "to its 2011 MSOA (the file's MSOA column). Rows with a suppressed or non-numeric "
            f"value were left out: {skipped} such row(s) in the pack's MSOAs. MSOAs with few "
            "or no gas meters therefore show small or partial totals. MSOAs with no row at "
            "all (no figure in the pack, not zero): "
            + (", ".join(no_gas) if no_gas else "none")
            + "."
        ),
    )
    return [
        (code, "beis-lsoa-gas-2016", variable, "", 2016, value, LSOA_GAS[variable][0])
        for (code, variable), value in totals.items()
    ]


def move_to_2011(
    values: dict[tuple[str, str], float],
    sources: dict[str, list[str]],
    weights: dict[str, float],
) -> dict[tuple[str, str], float]:
    """(2021 MSOA, variable) -> value  becomes  (2011 MSOA, variable) -> value.

    `sources[msoa21]` lists the 2011 MSOAs the best-fit lookup maps onto it. One source: the
    whole value goes to it (several 2021 MSOAs with the same source add up: a split). Several
    sources (a merger): shared in proportion to `weights`, equally if they are all 0. The
    total of each variable is conserved."""
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for (code21, variable), value in values.items():
        targets = sorted(set(sources[code21]))
        total_weight = sum(weights.get(code11, 0.0) for code11 in targets)
        for code11 in targets:
            share = weights.get(code11, 0.0) / total_weight if total_weight else 1 / len(targets)
            totals[(code11, variable)] += value * share
    return dict(totals)


def census_zone_rows(
    ctx: BuildContext, lookup: list[dict[str, str]], weights: dict[str, float]
) -> list[Row]:
    """Census 2021 MSOA figures moved onto the 2011 zones through the best-fit lookup.

    U/S: a 2011 MSOA takes the sum of the 2021 MSOAs it became (one, or several after a
    split). M/X: a 2021 MSOA formed from several 2011 MSOAs is shared among them in
    proportion to `weights` (2019 domestic electricity meters); equal shares if all are 0."""
    sources: dict[str, list[str]] = defaultdict(list)
    for row in lookup:
        sources[row["MSOA21CD"]].append(row["MSOA11CD"])
    rows: list[Row] = []
    shared = sorted(code21 for code21, codes in sources.items() if len(set(codes)) > 1)
    for table in CENSUS_TABLES:
        by_2021 = census_table_rows(ctx, table, "msoa", set(sources))
        require_codes(
            {row[0] for row in by_2021}, sorted(sources), file=f"census2021-{table}-msoa.csv"
        )
        values = {(row[0], row[2]): row[5] for row in by_2021}
        totals = move_to_2011(values, sources, weights)
        rows += [
            (code, "census-2021", variable, "", 2021, value, "households")
            for (code, variable), value in totals.items()
        ]
    changes = sorted({row["CHNGIND"] for row in lookup})
    ctx.notes.setdefault("census-2021", {})["zone_method"] = (
        "Zones: Census 2021 MSOA (2021 boundaries) figures moved onto 2011 MSOAs with the ONS "
        f"best-fit lookup (change codes present: {', '.join(changes)}). Where one 2011 MSOA "
        "split into several 2021 MSOAs (S) their figures are summed; where several 2011 "
        "MSOAs share one 2021 MSOA (M, X) the 2021 figure is shared in proportion to 2019 "
        f"domestic electricity meters; {len(shared)} 2021 MSOA(s) shared here"
        + (f" ({', '.join(shared)}), whose shares are estimates with fractions." if shared else ".")
    )
    return rows


def zone_weights(electricity: list[Row]) -> dict[str, float]:
    variable, year = WEIGHT_VARIABLE
    return {row[0]: row[5] for row in electricity if row[2] == variable and row[4] == year}
