"""Calibration: does the base year reproduce the DESNZ statistics it was built from?

For each district and DESNZ sector, the engine's base-year emissions (a full `simulate`
run, all levers at 1, first year) are compared with the DESNZ sub-sector total (CO2 within
the scope of influence). The tolerance is 0.5 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .assumptions import Assumptions
from .dimensions import SECTORS
from .inputs import PlaceInputs
from .scenario import all_levels
from .simulate import simulate

TOLERANCE = 0.005


@dataclass(frozen=True)
class CalibrationRow:
    district: str
    district_name: str
    sector: str
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


def calibration_table(
    inputs: PlaceInputs, assumptions: Assumptions | None = None
) -> list[CalibrationRow]:
    """One row per district and sector that DESNZ reports."""
    results = simulate(inputs, all_levels(1, "calibration"), assumptions)
    engine = results.by_district(results.emissions_tco2e[:, 0, :])
    rows = []
    for d, district in enumerate(inputs.districts):
        for s, sector in enumerate(SECTORS):
            reference = inputs.reference_emissions_tco2e[d, s]
            if np.isnan(reference):
                continue
            rows.append(
                CalibrationRow(
                    district,
                    inputs.district_names[d],
                    sector,
                    float(reference),
                    float(engine[d, s]),
                )
            )
    return rows


def format_table(rows: list[CalibrationRow], base_year: int) -> str:
    lines = [
        f"Base year {base_year}: engine vs DESNZ CO2 by sector (tolerance {TOLERANCE:.1%})",
        f"{'district':<28}{'sector':<13}{'DESNZ tCO2':>14}{'engine tCO2':>14}{'diff':>9}  ok",
    ]
    for row in rows:
        ok = "yes" if row.within_tolerance else "NO"
        lines.append(
            f"{row.district_name[:27]:<28}{row.sector:<13}{row.desnz_tco2e:>14,.0f}"
            f"{row.engine_tco2e:>14,.0f}{row.difference:>9.3%}  {ok}"
        )
    bad = sum(not row.within_tolerance for row in rows)
    lines.append(f"{len(rows) - bad} of {len(rows)} within tolerance.")
    return "\n".join(lines)
