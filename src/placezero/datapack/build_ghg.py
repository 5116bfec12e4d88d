"""DESNZ local authority greenhouse gas statistics: completeness checks and the full dataset.

The totals file (territorial kt CO2e and within-scope kt CO2 per authority and year) is read
in `build_areas.ghg_rows`, which asks `require_every_year` here so that a file missing a year
for one authority is refused rather than modelled from a gap.

The official full dataset (`2005-23-uk-local-authority-ghg-emissions-CSV-dataset.csv`, one row
per authority, year, sector, sub-sector and gas) is optional: when a user puts it in the data
directory, its real sector split of territorial emissions goes into the pack as dataset
`desnz-la-ghg-sectors`, and the engine uses it instead of its documented split of the gap
between territorial and within-scope totals (docs/method/territorial.md).
"""

from __future__ import annotations

from collections import defaultdict

from .context import BuildContext, Row
from .errors import SourceDataError
from .schema import DESNZ_GHG_SECTORS
from .sources import FETCH_HINT, raw_float, read_raw_csv, require_codes

FULL_DATASET_FILE = "desnz/2005-23-uk-local-authority-ghg-emissions-CSV-dataset.csv"
CODE, YEAR, SECTOR = "Local Authority Code", "Calendar Year", "LA GHG Sector"
TERRITORIAL = "Territorial emissions (kt CO2e)"
SCOPE = "CO2 emissions within the scope of influence of LAs (kt CO2e)"
FULL_COLUMNS = (CODE, YEAR, SECTOR, "LA GHG Sub-sector", "Greenhouse gas", TERRITORIAL, SCOPE)


def require_every_year(years_by_code: dict[str, set[int]], *, file: str) -> None:
    """Every authority must have every year from the first to the last the file has."""
    every = set().union(*years_by_code.values()) if years_by_code else set()
    if not every:
        return
    wanted = set(range(min(every), max(every) + 1))
    for code, years in sorted(years_by_code.items()):
        missing = sorted(wanted - years)
        if missing:
            raise SourceDataError(
                f"no row for {code} in {', '.join(map(str, missing))} (the file covers "
                f"{min(every)}-{max(every)}): the file is incomplete or not the expected "
                f"edition. {FETCH_HINT}",
                file=file,
                column="year",
            )


def sector_rows(ctx: BuildContext) -> list[Row]:
    """Territorial and within-scope kt CO2e per authority, year and sector (empty when the
    full dataset is not in the data directory)."""
    if not (ctx.data_dir / FULL_DATASET_FILE).is_file():
        return []
    totals: dict[tuple[str, int, str], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for number, cells in read_raw_csv(
        ctx.data_dir, FULL_DATASET_FILE, FULL_COLUMNS, only=(CODE, ctx.lads)
    ):
        code = cells[CODE].strip()
        if code not in ctx.lads:
            continue
        year = int(raw_float(cells[YEAR], file=FULL_DATASET_FILE, row=number, column=YEAR))
        sector = DESNZ_GHG_SECTORS.get(cells[SECTOR].strip())
        if sector is None:
            raise SourceDataError(
                f"unknown sector {cells[SECTOR]!r}; expected one of "
                f"{', '.join(DESNZ_GHG_SECTORS)}. {FETCH_HINT}",
                file=FULL_DATASET_FILE,
                row=number,
                column=SECTOR,
            )
        pair = totals[(code, year, sector)]
        pair[0] += raw_float(
            cells[TERRITORIAL], file=FULL_DATASET_FILE, row=number, column=TERRITORIAL
        )
        scope = cells[SCOPE].strip()
        if scope:  # blank where DESNZ counts the sub-sector outside the scope of influence
            pair[1] += raw_float(scope, file=FULL_DATASET_FILE, row=number, column=SCOPE)
    require_codes({code for code, _y, _s in totals}, ctx.lads, file=FULL_DATASET_FILE)
    _require_every_sector(totals)
    require_every_year(_years_by_code(totals), file=FULL_DATASET_FILE)
    rows: list[Row] = []
    for (code, year, sector), (territorial, scope) in sorted(totals.items()):
        rows.append(
            (
                code,
                "desnz-la-ghg-sectors",
                f"{sector}_territorial_ktco2e",
                "",
                year,
                territorial,
                "kt CO2e",
            )
        )
        rows.append(
            (code, "desnz-la-ghg-sectors", f"{sector}_scope_ktco2e", "", year, scope, "kt CO2e")
        )
    years = sorted({year for _c, year, _s in totals})
    ctx.note(
        "desnz-la-ghg-sectors",
        raw_files=[FULL_DATASET_FILE],
        coverage=f"{years[0]}-{years[-1]}",
        method=(
            "Rows summed over sub-sector and gas (CO2, CH4, N2O) per authority, year and "
            "'LA GHG Sector': territorial kt CO2e and within-scope kt CO2e. Every authority "
            "must have every sector in every year."
        ),
    )
    return rows


def _years_by_code(totals) -> dict[str, set[int]]:
    years: dict[str, set[int]] = defaultdict(set)
    for code, year, _sector in totals:
        years[code].add(year)
    return years


def _require_every_sector(totals) -> None:
    present: dict[tuple[str, int], set[str]] = defaultdict(set)
    for code, year, sector in totals:
        present[(code, year)].add(sector)
    labels = {key: label for label, key in DESNZ_GHG_SECTORS.items()}
    for (code, year), sectors in sorted(present.items()):
        missing = [labels[key] for key in DESNZ_GHG_SECTORS.values() if key not in sectors]
        if missing:
            raise SourceDataError(
                f"no {', '.join(missing)} rows for {code} in {year}: every sector must be "
                f"present (the file is truncated or filtered). {FETCH_HINT}",
                file=FULL_DATASET_FILE,
                column=SECTOR,
            )
