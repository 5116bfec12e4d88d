"""The FES check: under FES 2023 Consumer Transformation deployment, each district's
electricity demand growth comes within 15 % of FES's own (Dem_BB003, from 2022)."""

from __future__ import annotations

import pytest

from placezero.engine.fes_check import (
    CHECK_YEARS,
    TOLERANCE,
    customer_scale,
    fes_check,
    fes_scenario,
    fes_scenario_mapping,
)

DISTRICTS = (
    "E07000129",
    "E07000130",
    "E07000131",
    "E07000132",
    "E07000133",
    "E07000134",
    "E07000135",
)


@pytest.fixture(scope="module")
def comparison(pack, leicestershire, assumptions):
    scenario = fes_scenario(pack, leicestershire.districts, "CT")
    return {
        (row.district, row.year): row
        for row in fes_check(pack, leicestershire, scenario, assumptions)
    }


CASES = [(d, y) for d in DISTRICTS for y in CHECK_YEARS]


@pytest.mark.parametrize(("district", "year"), CASES)
def test_demand_growth_within_15_percent_of_fes(comparison, district, year):
    """Rule: engine demand index (year / base year) within 15 % of FES's (year / 2022)."""
    row = comparison[(district, year)]
    assert abs(row.difference) <= TOLERANCE, f"{row.engine_index:.3f} vs {row.fes_index:.3f}"


def test_fes_scenario_deploys_fes_heat_pumps(pack, leicestershire, assumptions):
    """Rule: the FES scenario adds FES's heat pumps after 2022, per customer, to real meters."""
    from placezero.engine.simulate import simulate

    scenario = fes_scenario(pack, leicestershire.districts, "CT")
    stock = simulate(leicestershire, scenario, assumptions).deployment["heat_pumps"]
    d = leicestershire.districts.index("E07000130")
    added = stock[leicestershire.zone_district_index == d, -1].sum()
    fes = [
        pack.area_series("E07000130", "fes-2023", v, "CT")
        for v in ("domestic_heat_pumps_count", "domestic_hybrid_heat_pumps_count")
    ]
    fes_added = sum(s[2050] - s[2022] for s in fes)
    scale = customer_scale(pack, "E07000130")
    assert added == pytest.approx(fes_added * scale, rel=1e-5)


def test_customer_scale_is_real_meters_over_fes_customers(pack):
    """Rule: FES per-customer deployment is scaled by DESNZ domestic meters / FES customers.

    North West Leicestershire: 46,842 meters (DESNZ 2021) / 40,786.8 FES customers (2022)."""
    assert customer_scale(pack, "E07000134") == pytest.approx(46842 / 40786.8, rel=1e-6)


def test_solar_is_not_scaled_by_customers(pack):
    """Rule: solar MW are taken as FES states them (added from 2022), not per customer."""
    mapping = fes_scenario_mapping(pack, ("E07000134",), "CT")
    fes_mw = pack.area_series("E07000134", "fes-2023", "solar_small_mw", "CT")
    added = mapping["trajectories"]["rooftop_solar"]["E07000134"][2050]
    assert added == pytest.approx(fes_mw[2050] - fes_mw[2022], abs=1e-3)


def test_a_place_outside_the_fes_district_file_is_told_what_cannot_be_checked() -> None:
    """Rutland's pack has no FES district figures: the message says why and what to fetch."""
    from placezero.datapack.reader import read_pack
    from placezero.engine.fes_check import FesDataError, fes_scenario
    from placezero.engine.pack_inputs import build_inputs

    pack = read_pack("rutland")
    inputs = build_inputs(pack)
    with pytest.raises(FesDataError) as caught:
        fes_scenario(pack, inputs.districts, "CT")
    assert "only for the eight Leicestershire and Leicester authorities" in str(caught.value)
    assert "cannot be checked against FES by district" in str(caught.value)
