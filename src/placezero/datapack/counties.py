"""Which districts make up each two-tier county, derived from the Census 2021 files.

The raw files carry no district-to-county lookup, but Census 2021 publishes every table for
lower-tier (LTLA) and upper-tier (UTLA) authorities. A county's districts are the set of
E07 districts whose figures add up to the county's in every column of every table. District
codes were issued county by county (E07000129-E07000135 are Leicestershire's), with a few
later codes (E07000240 onwards, from 2019-2020 mergers and re-codings) joined on; so the
search tries each run of consecutive district codes together with any set of those later
codes, and keeps a candidate only if all columns agree. Census figures are perturbed for
disclosure control, so sums may differ from the county by a few households: a column agrees
when the difference is at most three per district or 0.2 %, whichever is larger. The method
finds exactly one set for each of the 24 counties of 2021.
"""

from __future__ import annotations

import bisect
import itertools
from functools import cache
from pathlib import Path

from .sources import read_raw_csv

CENSUS_TABLES_FOR_MATCHING = ("ts041", "ts044", "ts046", "ts054")
CENSUS_LEVEL_FILE = "census2021/census2021-{table}-{level}.csv"
FIRST_LATE_DISTRICT = "E07000240"  # codes from here on were issued after the county blocks


def _census_figures(data_dir: Path, level: str) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {}
    for table in CENSUS_TABLES_FOR_MATCHING:
        relative = CENSUS_LEVEL_FILE.format(table=table, level=level)
        for _row, cells in read_raw_csv(data_dir, relative, ("geography code",)):
            values = [
                float(value)
                for column, value in cells.items()
                if column not in ("date", "geography", "geography code")
            ]
            figures.setdefault(cells["geography code"], []).extend(values)
    return figures


def _agrees(members: list[str], district: dict, county: list[float]) -> bool:
    tolerance_each = 3 * len(members)
    return all(
        abs(sum(district[code][column] for code in members) - value)
        <= max(tolerance_each, 0.002 * value)
        for column, value in enumerate(county)
    )


@cache
def county_districts(data_dir: Path) -> dict[str, tuple[str, ...]]:
    """County code (E10) -> its district codes (E07), as at Census 2021."""
    district = {
        code: values
        for code, values in _census_figures(data_dir, "ltla").items()
        if code.startswith("E07")
    }
    counties = {
        code: values
        for code, values in _census_figures(data_dir, "utla").items()
        if code.startswith("E10")
    }
    codes = sorted(district)
    early = [code for code in codes if code < FIRST_LATE_DISTRICT]
    late = [code for code in codes if code >= FIRST_LATE_DISTRICT]
    late_sets = sorted(
        (sum(district[code][0] for code in chosen), chosen)
        for size in range(len(late) + 1)
        for chosen in itertools.combinations(late, size)
    )
    late_totals = [total for total, _chosen in late_sets]
    result: dict[str, tuple[str, ...]] = {}
    for county, values in counties.items():
        households = values[0]
        slack = max(3 * len(codes), 0.002 * households)
        found: list[tuple[str, ...]] = []
        for start in range(len(early) + 1):
            run = 0.0
            for end in range(start, len(early) + 1):
                if end > start:
                    run += district[early[end - 1]][0]
                needed = households - run
                if needed < -slack:
                    break
                index = bisect.bisect_left(late_totals, needed - slack)
                while index < len(late_sets) and late_totals[index] <= needed + slack:
                    members = [*late_sets[index][1], *early[start:end]]
                    if members and _agrees(members, district, values):
                        found.append(tuple(sorted(members)))
                    index += 1
        if len(found) == 1:
            result[county] = found[0]
    return result


def county_of(data_dir: Path) -> dict[str, str]:
    """District code (E07) -> its county code (E10)."""
    return {
        district: county
        for county, districts in county_districts(Path(data_dir)).items()
        for district in districts
    }
