"""Property-based tests over random scenarios (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from placezero.engine.levers import LEVER_KEYS
from placezero.engine.scenario import all_levels
from placezero.engine.simulate import simulate

levels = st.floats(min_value=1.0, max_value=4.0, allow_nan=False)
scenarios = st.fixed_dictionaries({key: levels for key in LEVER_KEYS})
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(chosen=scenarios)
def test_random_scenarios_keep_energy_and_stocks_non_negative(synthetic, assumptions, chosen):
    """Property: any scenario gives finite, non-negative energy and stocks."""
    results = simulate(synthetic, all_levels(1).with_levels(chosen), assumptions)
    assert np.isfinite(results.energy_kwh).all() and (results.energy_kwh >= 0).all()
    assert all((stock >= -1e-9).all() for stock in results.deployment.values())


@SETTINGS
@given(chosen=scenarios)
def test_random_scenarios_balance_heat(synthetic, assumptions, chosen):
    """Property: in any scenario, heat delivered equals heat demand after efficiency."""
    results = simulate(synthetic, all_levels(1).with_levels(chosen), assumptions)
    np.testing.assert_allclose(results.delivered_heat_kwh, results.useful_heat_kwh, rtol=1e-9)


@SETTINGS
@given(chosen=scenarios, lever=st.sampled_from(LEVER_KEYS), step=st.floats(0.05, 1.0))
def test_raising_a_lever_never_raises_emissions(synthetic, assumptions, chosen, lever, step):
    """Property: raising any one lever's level never raises total emissions in any year."""
    scenario = all_levels(1).with_levels(chosen)
    higher = scenario.with_levels({lever: min(chosen[lever] + step, 4.0)})
    before = simulate(synthetic, scenario, assumptions).total_emissions_tco2e.sum(axis=0)
    after = simulate(synthetic, higher, assumptions).total_emissions_tco2e.sum(axis=0)
    assert (after <= before + 1e-6 * np.abs(before)).all()


@SETTINGS
@given(chosen=scenarios)
def test_random_scenarios_never_emit_more_gas_than_the_base_year(synthetic, assumptions, chosen):
    """Property: no scenario uses more gas than the base year in any zone (levers only
    remove or replace gas)."""
    results = simulate(synthetic, all_levels(1).with_levels(chosen), assumptions)
    gas = results.energy_by_carrier_kwh[..., 1]
    assert (gas <= gas[:, :1] * (1 + 1e-9) + 1e-6).all()
