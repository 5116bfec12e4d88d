"""Census 2021 residents by age (TS007A five-year bands, or TS007 single years), optional.

The shipped census folder carries households (TS041, TS044, TS046, TS054) but no age table.
When a user puts the official Nomis bulk MSOA file in the data directory
(`census2021/census2021-ts007a-msoa.csv`, or `census2021-ts007-msoa.csv`), its residents
aged 16 and over are summed into the age bands citizen landscaping asks about
(16-24, 25-34, 35-49, 50-64, 65-74, 75+), moved onto the 2011 MSOA zones like the other
Census tables, and kept as dataset `census-2021-age`; the acceptance shown to people and
handed to the optimiser is then raked to age as well as tenure (docs/method/acceptance.md).

Headers are read by their wording, not position: a column's last part after ": " must say
"Aged X to Y years", "Aged X years and under", "Aged under X year(s)", "Aged X years and
over" or "Aged X year(s)"; a column that is the parent of other columns (TS007 nests single
years under five-year bands) is left out so nothing is counted twice, and the leaves must
cover every age from 0 up once. A source band that straddles a consultation band is shared
in proportion to the years of it on each side (residents spread evenly within a band: only
the 15-19 band, four fifths of which is 16-19, with TS007A).
"""

from __future__ import annotations

import re
from collections import defaultdict

from .build_zone_stats import move_to_2011
from .context import BuildContext, Row
from .errors import SourceDataError
from .sources import FETCH_HINT, raw_float, read_raw_csv, require_codes

AGE_FILES = ("census2021/census2021-ts007a-msoa.csv", "census2021/census2021-ts007-msoa.csv")
DATASET, UNIT = "census-2021-age", "persons"
OPEN_END = 200  # "and over": counted as reaching this age
# The consultation's age bands (landscape.options.AgeBand), first and last year inclusive.
BANDS: dict[str, tuple[int, int]] = {  # keys: schema.CENSUS_AGE_VARIABLES
    "age_16_24_persons": (16, 24),
    "age_25_34_persons": (25, 34),
    "age_35_49_persons": (35, 49),
    "age_50_64_persons": (50, 64),
    "age_65_74_persons": (65, 74),
    "age_75_plus_persons": (75, OPEN_END),
}
PATTERNS = (
    (re.compile(r"^Aged (\d+) to (\d+) years?$"), lambda a, b: (int(a), int(b))),
    (re.compile(r"^Aged (\d+) years? and under$"), lambda a: (0, int(a))),
    (re.compile(r"^Aged under (\d+) years?$"), lambda a: (0, int(a) - 1)),
    (re.compile(r"^Aged (\d+) years? and over$"), lambda a: (int(a), OPEN_END)),
    (re.compile(r"^Aged (\d+) years?$"), lambda a: (int(a), int(a))),
)


def age_file(ctx: BuildContext) -> str | None:
    for relative in AGE_FILES:
        if (ctx.data_dir / relative).is_file():
            return relative
    return None


def _span(column: str) -> tuple[int, int] | None:
    label = column.split(";")[0].rsplit(": ", 1)[-1].strip()
    for pattern, span in PATTERNS:
        found = pattern.match(label)
        if found:
            return span(*found.groups())
    return None


def age_columns(header: list[str], relative: str) -> dict[str, tuple[int, int]]:
    """Leaf age columns -> (first, last year), checked to cover 0 up once."""
    named = [c for c in header if c.startswith("Age") and _span(c) is not None]
    leaves = {
        c: _span(c) for c in named if not any(o.startswith(c + ": ") for o in named if o != c)
    }
    spans = sorted(span for span in leaves.values() if span is not None)
    expected = 0
    for first, last in spans:
        if first != expected:
            raise SourceDataError(
                f"the age columns do not cover every age once (expected a band starting at "
                f"{expected}, found {first}); columns should read 'Age: Aged X to Y years'. "
                f"{FETCH_HINT}",
                file=relative,
                row=1,
            )
        expected = last + 1
    if not spans or expected <= OPEN_END:
        raise SourceDataError(
            "no complete set of age columns ('Age: Aged 4 years and under' … 'Age: Aged 85 "
            f"years and over'): not the Census 2021 TS007A or TS007 MSOA file. {FETCH_HINT}",
            file=relative,
            row=1,
        )
    return {column: span for column, span in leaves.items() if span is not None}


def _shares(span: tuple[int, int]) -> dict[str, float]:
    """Consultation band -> share of a source band's residents in it (even spread)."""
    first, last = span
    width = last - first + 1
    shares = {}
    for variable, (low, high) in BANDS.items():
        overlap = min(last, high) - max(first, low) + 1
        if overlap > 0:
            shares[variable] = overlap / width
    return shares


def age_zone_rows(
    ctx: BuildContext, lookup: list[dict[str, str]], weights: dict[str, float]
) -> list[Row]:
    """Residents per consultation age band and 2011 MSOA zone; empty without the file."""
    relative = age_file(ctx)
    if relative is None:
        return []
    sources: dict[str, list[str]] = defaultdict(list)
    for row in lookup:
        sources[row["MSOA21CD"]].append(row["MSOA11CD"])
    values: dict[tuple[str, str], float] = defaultdict(float)
    columns: dict[str, tuple[int, int]] | None = None
    for number, cells in read_raw_csv(ctx.data_dir, relative, ("geography code",)):
        if columns is None:
            columns = age_columns(list(cells), relative)
        code = cells["geography code"].strip()
        if code not in sources:
            continue
        for column, span in columns.items():
            value = raw_float(cells[column], file=relative, row=number, column=column)
            for variable, share in _shares(span).items():
                values[(code, variable)] += value * share
    require_codes({code for code, _v in values}, sorted(sources), file=relative)
    rows = [
        (code, DATASET, variable, "", 2021, value, UNIT)
        for (code, variable), value in move_to_2011(dict(values), sources, weights).items()
    ]
    table = "TS007A" if "ts007a" in relative else "TS007"
    ctx.note(
        DATASET,
        raw_files=[relative],
        coverage="2021",
        method=(
            f"Usual residents by age ({table}, MSOA 2021) summed into the bands citizen "
            "landscaping asks about (16-24, 25-34, 35-49, 50-64, 65-74, 75 and over); a source "
            "band straddling two is shared by its years on each side (residents spread evenly "
            "within it), and ages under 16 are left out. Moved onto the 2011 MSOAs as the "
            "other Census tables (best-fit lookup, mergers shared by 2019 domestic "
            "electricity meters)."
        ),
    )
    return rows
