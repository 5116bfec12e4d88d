"""Calibration: does the model reproduce DESNZ territorial emissions, read independently?

The reference is the DESNZ local authority greenhouse gas totals file itself (territorial kt
CO2e per authority and year), read here from the raw file the user downloaded, not from the
place pack the engine was built from. For each district, the engine's base-year total (a full
`simulate` run, all levers at 1, first year) and its history years (2019 to the year before
the base year) are compared with that file. The tolerance is 0.5 %.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

from .assumptions import Assumptions
from .inputs import PlaceInputs
from .scenario import all_levels
from .simulate import simulate

TOLERANCE = 0.005
TOTALS_FILE = "desnz/la-ghg-totals-2005-2023.csv"
TOTALS_COLUMNS = ("lad_code", "year", "territorial_emissions_ktco2e")


class CalibrationError(ValueError):
    """The reference file is missing, malformed or lacks a figure the check needs."""


@dataclass(frozen=True)
class CalibrationRow:
    district: str
    district_name: str
    year: int
    desnz_tco2e: float
    engine_tco2e: float

    @property
    def difference(self) -> float:
        """Relative difference; 0 when both are zero."""
        if self.desnz_tco2e == 0:
            return 0.0 if abs(self.engine_tco2e) < 1e-6 else float("inf")
        return (self.engine_tco2e - self.desnz_tco2e) / self.desnz_tco2e

    @property
    def within_tolerance(self) -> bool:
        return abs(self.difference) <= TOLERANCE


def read_territorial_totals(path: str | Path) -> dict[tuple[str, int], float]:
    """(district code, year) -> territorial t CO2e from the DESNZ totals CSV."""
    path = Path(path)
    if not path.is_file():
        raise CalibrationError(f"{path}: the DESNZ territorial totals file is not there.")
    totals: dict[tuple[str, int], float] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in TOTALS_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise CalibrationError(f"{path.name}: no column {', '.join(missing)} in the header.")
        for row in reader:
            try:
                value = float(row["territorial_emissions_ktco2e"])
                year = int(row["year"])
            except (TypeError, ValueError):
                raise CalibrationError(
                    f"{path.name}, row {reader.line_num}: year or territorial_emissions_ktco2e "
                    "is not a number."
                ) from None
            if not math.isfinite(value):
                raise CalibrationError(
                    f"{path.name}, row {reader.line_num}: territorial_emissions_ktco2e is "
                    f"{value}; expected a finite number."
                )
            totals[(row["lad_code"], year)] = value * 1000.0
    return totals


def calibration_table(
    inputs: PlaceInputs,
    reference: dict[tuple[str, int], float],
    assumptions: Assumptions | None = None,
) -> list[CalibrationRow]:
    """One row per district and year from 2019 to the base year."""
    results = simulate(inputs, all_levels(1, "calibration"), assumptions)
    base = results.by_district(results.total_emissions_tco2e[:, 0])
    rows = []
    for d, district in enumerate(inputs.districts):
        for h, year in enumerate(inputs.history_years or (inputs.base_year,)):
            if year == inputs.base_year:
                engine = float(base[d])
            else:
                engine = float(inputs.history_territorial_tco2e[d, h])
            if (district, year) not in reference:
                raise CalibrationError(
                    f"the DESNZ territorial totals have no figure for {district} in {year}."
                )
            rows.append(
                CalibrationRow(
                    district, inputs.district_names[d], year, reference[(district, year)], engine
                )
            )
    return rows


def format_table(rows: list[CalibrationRow], base_year: int) -> str:
    lines = [
        f"Engine vs DESNZ territorial emissions (all sectors and gases), base year {base_year}; "
        f"tolerance {TOLERANCE:.1%}",
        f"{'district':<28}{'year':>6}{'DESNZ tCO2e':>14}{'engine tCO2e':>14}{'diff':>9}  ok",
    ]
    for row in rows:
        ok = "yes" if row.within_tolerance else "NO"
        lines.append(
            f"{row.district_name[:27]:<28}{row.year:>6}{row.desnz_tco2e:>14,.0f}"
            f"{row.engine_tco2e:>14,.0f}{row.difference:>9.3%}  {ok}"
        )
    bad = sum(not row.within_tolerance for row in rows)
    lines.append(f"{len(rows) - bad} of {len(rows)} within tolerance.")
    return "\n".join(lines)
