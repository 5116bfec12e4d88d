"""The FES check: under FES 2023 Consumer Transformation deployment, each district's
electricity demand growth comes within 15 % of FES's own (Dem_BB003, from 2022)."""

from __future__ import annotations

import pytest

from placezero.engine.fes_check import CHECK_YEARS, TOLERANCE, fes_check, fes_scenario

DISTRICTS = (
    "E07000129",
    "E07000130",
    "E07000131",
    "E07000132",
    "E07000133",
    "E07000134",
    "E07000135",
)
# North West Leicestershire: DESNZ puts its 2019 electricity use at 579 GWh, FES 2023 its
# 2022 demand (with losses) at 329 GWh - FES allocates part of the district's large
# non-domestic load elsewhere. The same added heat pumps and vehicles therefore make a
# smaller relative growth in the engine (about -15 to -16 % against FES in 2040 and 2050).
# Kept visible as a strict expected failure rather than hidden by tuning.
KNOWN_GAPS = {("E07000134", 2040), ("E07000134", 2050)}


@pytest.fixture(scope="module")
def comparison(pack, leicestershire, assumptions):
    scenario = fes_scenario(pack, leicestershire.districts, "CT")
    return {
        (row.district, row.year): row
        for row in fes_check(pack, leicestershire, scenario, assumptions)
    }


CASES = [
    pytest.param(d, y, marks=pytest.mark.xfail(strict=True, reason="base mismatch, see KNOWN_GAPS"))
    if (d, y) in KNOWN_GAPS
    else (d, y)
    for d in DISTRICTS
    for y in CHECK_YEARS
]


@pytest.mark.parametrize(("district", "year"), CASES)
def test_demand_growth_within_15_percent_of_fes(comparison, district, year):
    """Rule: engine demand index (year / base year) within 15 % of FES's (year / 2022)."""
    row = comparison[(district, year)]
    assert abs(row.difference) <= TOLERANCE, f"{row.engine_index:.3f} vs {row.fes_index:.3f}"


def test_fes_scenario_deploys_fes_heat_pumps(pack, leicestershire, assumptions):
    """Rule: the FES scenario adds as many domestic heat pumps as FES adds after 2022."""
    from placezero.engine.simulate import simulate

    scenario = fes_scenario(pack, leicestershire.districts, "CT")
    stock = simulate(leicestershire, scenario, assumptions).deployment["heat_pumps"]
    d = leicestershire.districts.index("E07000130")
    added = stock[leicestershire.zone_district_index == d, -1].sum()
    fes = [
        pack.area_series("E07000130", "fes-2023", v, "CT")
        for v in ("domestic_heat_pumps_count", "domestic_hybrid_heat_pumps_count")
    ]
    assert added == pytest.approx(sum(s[2050] - s[2022] for s in fes), rel=1e-6)
