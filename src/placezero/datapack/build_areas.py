"""Area statistics (per district, unitary and county) from the national CSV files.

The DESNZ sub-national energy workbooks are read in `build_energy.py`.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .build_ghg import require_every_year
from .context import BuildContext, Row
from .errors import SourceDataError
from .schema import CENSUS_TABLES, DESNZ_LA_GHG, FES_BLOCKS, MYSOCIETY_SUBSECTORS
from .schema import subsector_variable as _subsector_variable
from .sources import FETCH_HINT, raw_float, read_raw_csv, require_codes

GHG_FILE = "desnz/la-ghg-totals-2005-2023.csv"
MYSOCIETY_FILE = "mysociety/la-co2-by-subsector-2005-2020.csv"
POPULATION_FILE = "population/la-population-2011-2024.csv"
FES_FILE = "fes2023-lad/FES2023_regional_maps_Leicestershire_LADs.csv"
CENSUS_FILE = "census2021/census2021-{table}-{level}.csv"
FES_BLOCKS_FILE = "fes2023-lad/parameters-building-blocks.json"


def county_sums(ctx: BuildContext, rows: list[Row], dataset: str) -> list[Row]:
    """County figures as the sum of its member districts, for additive variables."""
    county = ctx.county
    if not county:
        return []
    districts = {code for code in ctx.definition.lads if code.startswith("E07")}
    totals: dict[tuple[str, str, int, str], float] = defaultdict(float)
    counts: dict[tuple[str, str, int, str], int] = defaultdict(int)
    for code, _dataset, variable, scenario, year, value, unit in rows:
        if code in districts:
            totals[(variable, scenario, year, unit)] += value
            counts[(variable, scenario, year, unit)] += 1
    # Only where every district has a figure: a partial sum would understate the county.
    return [
        (county, dataset, variable, scenario, year, total, unit)
        for (variable, scenario, year, unit), total in totals.items()
        if counts[(variable, scenario, year, unit)] == len(districts)
    ]


def ghg_rows(ctx: BuildContext) -> list[Row]:
    columns = ("lad_code", "year", *DESNZ_LA_GHG)
    rows: list[Row] = []
    for number, cells in read_raw_csv(ctx.data_dir, GHG_FILE, columns, only=("lad_code", ctx.lads)):
        if cells["lad_code"] not in ctx.lads:
            continue
        year = int(raw_float(cells["year"], file=GHG_FILE, row=number, column="year"))
        for column, (variable, unit) in DESNZ_LA_GHG.items():
            value = raw_float(cells[column], file=GHG_FILE, row=number, column=column)
            rows.append((cells["lad_code"], "desnz-la-ghg", variable, "", year, value, unit))
    require_codes({row[0] for row in rows}, ctx.lads, file=GHG_FILE)
    years_by_code: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        years_by_code[row[0]].add(row[4])
    require_every_year(years_by_code, file=GHG_FILE)
    rows += county_sums(ctx, rows, "desnz-la-ghg")
    years = sorted({row[4] for row in rows})
    ctx.note(
        "desnz-la-ghg",
        raw_files=[GHG_FILE],
        coverage=f"{years[0]}-{years[-1]}",
        method=(
            "Copied per authority and year: territorial_emissions_ktco2e (all territorial "
            "greenhouse gases, kt CO2e), scope_emissions_ktco2 (CO2 within the scope of "
            "influence of local authorities, kt CO2), population_thousands (mid-year, "
            "thousands), area_km2. The county figures are derived as the sum of its districts "
            "for each year (area summed too); the file has no county rows. Values rounded to "
            "6 significant figures."
        ),
    )
    return rows


# The two authorities whose ONS and mySociety names share no words once the council words
# are dropped: GSS code -> mySociety three-letter code ('local-authority-code'), from
# mySociety's register of local authority names and codes
# (https://pages.mysociety.org/uk_local_authority_names_and_codes/).
MYSOCIETY_CODES = {"E06000010": "KHL", "E08000021": "NET"}  # Hull City Council, Newcastle


def _council_key(name: str) -> str:
    """'Hinckley and Bosworth Borough Council' -> 'hinckley and bosworth'.

    Also 'Kingston upon Hull, City of' (ONS order), "King's Lynn" against 'Kings Lynn',
    'City of Bradford Metropolitan District Council', 'City and County of Swansea Council',
    'Council of the Isles of Scilly' and 'City of London Corporation'."""
    name = name.lower().replace("&", "and").replace("'", "").replace("\u2019", "")
    name = re.sub(r",\s*(city|county) of$", "", name)
    name = re.sub(r"\b(city and county of|city and district|council of the)\b", " ", name)
    name = re.sub(r"\b(city of|london borough of|royal borough of|borough council of)\b", " ", name)
    name = re.sub(r"\b(metropolitan|district|borough|city|county|council|corporation)\b", " ", name)
    return " ".join(re.findall(r"[a-z0-9]+", name))


def _mysociety_codes(ctx: BuildContext, official: dict[str, str]) -> dict[str, str]:
    """Authority GSS code -> mySociety code, matched on the normalised official name.

    `official` maps each mySociety code to its official name."""
    wanted = [*ctx.lads, *([ctx.county] if ctx.county else [])]
    by_key: dict[str, list[str]] = defaultdict(list)
    for code, name in official.items():
        by_key[_council_key(name)].append(code)
    matched: dict[str, str] = {}
    for code in wanted:
        if code in MYSOCIETY_CODES and MYSOCIETY_CODES[code] in official:
            matched[code] = MYSOCIETY_CODES[code]
            continue
        name = ctx.definition.county_name if code == ctx.county else ctx.names[code]
        candidates = sorted(by_key.get(_council_key(name or ""), []))
        if code == ctx.county:
            candidates = [c for c in candidates if "county" in official[c].lower()] or candidates
        if len(candidates) != 1:
            raise SourceDataError(
                f"cannot match {name} ({code}) to one 'official-name' "
                f"(found {[official[c] for c in candidates] or 'none'}). {FETCH_HINT}",
                file=MYSOCIETY_FILE,
                column="official-name",
            )
        matched[code] = candidates[0]
    return matched


def mysociety_rows(ctx: BuildContext) -> list[Row]:
    columns = (
        "Year",
        "local-authority-code",
        "official-name",
        *(f"{c}:kt CO2" for c in MYSOCIETY_SUBSECTORS),
    )
    table = list(read_raw_csv(ctx.data_dir, MYSOCIETY_FILE, columns))
    official = {c["local-authority-code"]: c["official-name"] for _n, c in table}
    matched = _mysociety_codes(ctx, official)
    gss_by_mysociety = {mysociety: code for code, mysociety in matched.items()}
    rows: list[Row] = []
    for number, cells in table:
        code = gss_by_mysociety.get(cells["local-authority-code"])
        if code is None:
            continue
        year = int(raw_float(cells["Year"], file=MYSOCIETY_FILE, row=number, column="Year"))
        for subsector in MYSOCIETY_SUBSECTORS:
            column = f"{subsector}:kt CO2"
            value = raw_float(cells[column], file=MYSOCIETY_FILE, row=number, column=column)
            variable = _subsector_variable(subsector)
            rows.append((code, "mysociety-co2-subsector", variable, "", year, value, "kt CO2"))
    years = sorted({row[4] for row in rows})
    ctx.note(
        "mysociety-co2-subsector",
        raw_files=[MYSOCIETY_FILE],
        coverage=f"{years[0]}-{years[-1]}",
        method=(
            "Every sub-sector column (kt CO2, within the scope of influence) copied per "
            "authority and year. The authority's mySociety code is found by matching "
            "'official-name' (e.g. 'Blaby District Council') with the ONS authority name once "
            "the council words (District, Borough, City, County, Metropolitan, Council, "
            "Corporation, 'City of', 'Council of the') are dropped, or from mySociety's "
            "register where the names differ (Hull, Newcastle upon Tyne); rows are then taken "
            "by that code. The county uses mySociety's own 'Leicestershire County "
            "Council'-style row. Matched: "
            + "; ".join(
                f"{code} = {mysociety} ({official[mysociety]})"
                for code, mysociety in sorted(matched.items())
            )
            + "."
        ),
    )
    return rows


def population_rows(ctx: BuildContext) -> list[Row]:
    rows: list[Row] = []
    columns = ("lad_code", "year", "population")
    for number, cells in read_raw_csv(
        ctx.data_dir, POPULATION_FILE, columns, only=("lad_code", ctx.lads)
    ):
        if cells["lad_code"] in ctx.lads:
            year = int(raw_float(cells["year"], file=POPULATION_FILE, row=number, column="year"))
            value = raw_float(
                cells["population"], file=POPULATION_FILE, row=number, column="population"
            )
            rows.append(
                (
                    cells["lad_code"],
                    "ons-population",
                    "population_persons",
                    "",
                    year,
                    value,
                    "persons",
                )
            )
    require_codes({row[0] for row in rows}, ctx.lads, file=POPULATION_FILE)
    rows += county_sums(ctx, rows, "ons-population")
    years = sorted({row[4] for row in rows})
    ctx.note(
        "ons-population",
        raw_files=[POPULATION_FILE],
        coverage=f"{years[0]}-{years[-1]}",
        method="Mid-year population per authority and year, copied; the county is the sum of "
        "its districts (the file has no county rows).",
    )
    return rows


def census_table_rows(ctx: BuildContext, table: str, level: str, codes: set[str]) -> list[Row]:
    """Rows of one Census table at one level (ltla, utla or msoa) for the given codes."""
    relative = CENSUS_FILE.format(table=table, level=level)
    # Census 2021 is on 2021 boundaries: a 2023 unitary is the sum of its predecessors.
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for number, cells in read_raw_csv(
        ctx.data_dir,
        relative,
        ("geography code",),
        only=("geography code", {*codes, *ctx.successor_of}),
    ):
        code = cells["geography code"]
        if level == "ltla":
            code = ctx.on_current_boundaries(code)
        if code not in codes:
            continue
        for header, variable in CENSUS_TABLES[table].items():
            column = _census_column(cells, header, relative)
            value = raw_float(cells[column], file=relative, row=number, column=column)
            totals[(code, variable)] += value
    rows: list[Row] = [
        (code, "census-2021", variable, "", 2021, value, "households")
        for (code, variable), value in totals.items()
    ]
    if level != "msoa":
        require_codes({row[0] for row in rows}, sorted(codes), file=relative)
    return rows


def _census_column(cells: dict[str, str], header: str, relative: str) -> str:
    for column in cells:
        if column.endswith(f": {header}"):
            return column
    raise SourceDataError(
        f"no column ending in {header!r}: the table layout has changed. {FETCH_HINT}",
        file=relative,
        row=1,
        column=header,
    )


def census_area_rows(ctx: BuildContext) -> list[Row]:
    rows: list[Row] = []
    for table in CENSUS_TABLES:
        rows += census_table_rows(ctx, table, "ltla", set(ctx.lads))
        if ctx.county:
            rows += census_table_rows(ctx, table, "utla", {ctx.county})
    return rows


def fes_rows(ctx: BuildContext) -> list[Row]:
    rows: list[Row] = []
    relative = FES_FILE
    for number, cells in read_raw_csv(
        ctx.data_dir,
        relative,
        ("scenario", "building_block", "LAD22CD"),
        only=("LAD22CD", ctx.lads),
    ):
        block = cells["building_block"]
        if cells["LAD22CD"] not in ctx.lads or block not in FES_BLOCKS:
            continue
        variable, unit = FES_BLOCKS[block]
        for column, text in cells.items():
            if column.isdigit() and text != "":
                value = raw_float(text, file=relative, row=number, column=column)
                rows.append(
                    (
                        cells["LAD22CD"],
                        "fes-2023",
                        variable,
                        cells["scenario"],
                        int(column),
                        value,
                        unit,
                    )
                )
    covered = sorted({row[0] for row in rows})
    rows += county_sums(ctx, rows, "fes-2023")
    missing = [code for code in ctx.lads if code not in covered]
    ctx.note(
        "fes-2023",
        raw_files=[relative, FES_BLOCKS_FILE],
        coverage="2022-2050, scenarios CT, LW, ST, FS"
        + (f"; no rows for {', '.join(missing)}" if missing else ""),
        method=(
            f"The {len(FES_BLOCKS)} building blocks an energy model needs (demand, heat pumps, "
            "EVs, solar, wind, storage and the other distribution-connected generation) copied "
            "per authority, scenario and year; units from parameters-building-blocks.json "
            "('Number of' written as 'count'). Gen_BB005 and Gen_BB015 have no unit there; "
            "they are installed capacity in MW like every other generation block. The county "
            "is the sum of its districts. The shared file is filtered to the eight "
            "Leicestershire and Leicester authorities"
            + (f", so {', '.join(missing)} has no FES figures in this pack" if missing else "")
            + "."
        ),
    )
    return rows
