"""Bills with standing charges (E22) and deployment uncertainty (delivery assumptions)."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.engine.scenario import scenario_from_mapping
from placezero.engine.simulate import simulate
from placezero.engine.uncertainty import DEPLOYMENT, POLICY, kind_of, ranges_from_assumptions

NONE = scenario_from_mapping({"name": "none", "levers": {}})
HEAT_PUMPS = scenario_from_mapping({"name": "hp", "levers": {"domestic_heat_pumps": 4}})


def test_every_home_pays_electricitys_standing_charge_and_gas_homes_gass(
    leicestershire, assumptions
):
    r = simulate(leicestershire, NONE, assumptions)
    day = 365.0
    expected = (
        leicestershire.households[:, None] * assumptions["electricity_standing_charge_gbp_per_day"]
        + leicestershire.gas_heated_households[:, None]
        * assumptions["gas_standing_charge_gbp_per_day"]
    ) * day
    np.testing.assert_allclose(r.domestic_standing_charges_gbp, np.broadcast_to(expected, (
        len(leicestershire.zones), len(r.years))))  # fmt: skip
    bill = (r.fuel_cost_gbp[:, :, 0] + r.domestic_standing_charges_gbp) / leicestershire.households[
        :, None
    ]
    np.testing.assert_allclose(r.domestic_bill_gbp_per_household, bill)


def test_a_home_leaving_gas_saves_the_gas_standing_charge(leicestershire, assumptions):
    before = simulate(leicestershire, NONE, assumptions)
    after = simulate(leicestershire, HEAT_PUMPS, assumptions)
    left_gas = before.gas_connected_households[:, -1] - after.gas_connected_households[:, -1]
    assert left_gas.sum() > 1000
    saved = (before.domestic_standing_charges_gbp - after.domestic_standing_charges_gbp)[:, -1]
    np.testing.assert_allclose(
        saved, left_gas * assumptions["gas_standing_charge_gbp_per_day"] * 365.0
    )


def test_central_delivery_is_the_plan_and_low_delivery_builds_less(leicestershire, assumptions):
    scenario = scenario_from_mapping(
        {"name": "all3", "levers": {"domestic_heat_pumps": 3, "onshore_wind": 3,
                                    "car_van_electrification": 3, "waste": 3}}
    )  # fmt: skip
    central = simulate(leicestershire, scenario, assumptions)
    ones = assumptions.with_values({k: 1.0 for k in assumptions.keys if kind_of(k) == DEPLOYMENT})
    assert simulate(leicestershire, scenario, ones).total_emissions_tco2e.sum() == (
        central.total_emissions_tco2e.sum()
    )
    half = assumptions.with_values({k: 0.5 for k in assumptions.keys if kind_of(k) == DEPLOYMENT})
    low = simulate(leicestershire, scenario, half)
    for technology in ("heat_pumps", "onshore_wind_mw", "electric_vehicles"):
        assert low.deployment[technology][:, -1].sum() == pytest.approx(
            0.5 * central.deployment[technology][:, -1].sum(), rel=0.02
        )
    assert low.total_emissions_tco2e[:, -1].sum() > central.total_emissions_tco2e[:, -1].sum()


def test_the_monte_carlo_varies_deployment_and_policy_as_well_as_parameters(assumptions):
    kinds = {kind_of(r.key) for r in ranges_from_assumptions(assumptions)}
    assert {DEPLOYMENT, POLICY} <= kinds
