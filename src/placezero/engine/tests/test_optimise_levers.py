"""The every-sector least-cost mode: annual lever shares by sequential LP. Its emissions for a
plan agree with the simulation of that plan, and it finds net zero for Leicestershire."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.engine.optimise_levers import PLAN_LEVERS, max_share
from placezero.engine.optimise_levers_lp import (
    AGREEMENT,
    LeverTargetError,
    LeverTargetInfeasible,
    build_rates,
    solve_levers,
)
from placezero.engine.scenario import all_levels
from placezero.engine.simulate import simulate


@pytest.fixture(scope="module")
def net_zero_plan(leicestershire, assumptions):
    return solve_levers(leicestershire, assumptions, {2050: 0.0})


def test_net_zero_by_2050_is_found_for_leicestershire(net_zero_plan):
    """Rule: `--target 2050=0` has a plan, and the plan's simulation is at net zero."""
    simulated = net_zero_plan.simulated_emissions_tco2e
    assert simulated[-1] <= AGREEMENT * simulated[0]
    assert simulated[0] == pytest.approx(4_330_232, rel=0.005)  # DESNZ territorial 2023


def test_the_programme_agrees_with_the_simulation_of_its_plan(net_zero_plan, assumptions):
    """Rule: the LP's emissions for its plan equal the simulation of the written scenario
    within 0.5 % (of the base year), in every year, not only the target year."""
    results = simulate(net_zero_plan.inputs, net_zero_plan.scenario(), assumptions)
    simulated = results.total_emissions_tco2e.sum(axis=0)
    gap = np.abs(net_zero_plan.programme_emissions_tco2e - simulated) / simulated[0]
    assert gap.max() <= AGREEMENT
    assert net_zero_plan.gap() <= AGREEMENT


def test_the_plan_keeps_to_potential_build_rate_and_headroom(net_zero_plan):
    """Rule: shares never fall, stay within each lever's level-4 outcome, rise no faster
    than its build rate, and every group's peak is within capacity plus the reinforcement
    the plan buys (1 % slack for the linearised peak)."""
    shares = net_zero_plan.shares
    caps = np.array([max_share(lever) for lever in PLAN_LEVERS])
    assert np.all(np.diff(shares, axis=1) >= -1e-9)
    assert np.all(shares <= caps[:, None] + 1e-9)
    rates = build_rates(2050 - int(net_zero_plan.inputs.years[0]))
    assert np.all(np.diff(shares, axis=1) <= rates[:, None] + 1e-9)
    network = net_zero_plan.simulated.results.network
    allowed = network.group_capacity_kw[:, None] + net_zero_plan.reinforcement_kw
    assert np.all(network.group_peak_kw[:, 1:] <= allowed[:, 1:] * 1.01 + 1.0)


def test_a_reduction_costs_less_than_net_zero(leicestershire, assumptions, net_zero_plan):
    """Rule: a looser target gives a cheaper plan that still meets it in its simulation."""
    no_action = simulate(leicestershire, all_levels(1, "x"), assumptions).total_emissions_tco2e
    target = float(no_action.sum(axis=0)[-1]) * 0.45
    plan = solve_levers(leicestershire, assumptions, {2050: target})
    assert plan.cost_gbp < net_zero_plan.cost_gbp
    assert plan.simulated_emissions_tco2e[-1] <= target * (1 + AGREEMENT)
    assert plan.gap() <= AGREEMENT


def test_an_unreachable_target_says_which_limit_binds_where(leicestershire, assumptions):
    """Rule: net zero by 2030 is beyond every lever's build rate: refused with the best
    achievable figure for that year, the limits that bind (build rate first, with what
    lifting it would give), that the network does not bind, and the sectors that remain."""
    with pytest.raises(LeverTargetInfeasible) as raised:
        solve_levers(leicestershire, assumptions, {2030: 0.0})
    message = str(raised.value)
    assert "The 2030 target of 0 tCO2e/yr cannot be met" in message
    assert "Limits that bind in 2030" in message
    assert "build rate — " in message and "cannot reach their maximum by 2030" in message
    assert "without it, " in message
    assert "Network capacity does not bind" in message and " groups by 2030" in message
    assert "Where emissions remain in 2030: " in message
    assert "acceptance" not in message.split("Network")[0]  # no acceptance was given


def test_acceptance_that_binds_is_named(leicestershire, assumptions):
    """Rule: with residents accepting a tenth of heat pumps and cars, acceptance is named
    as a binding limit with those levers and what full acceptance would give."""
    low = {"domestic_heat_pumps": 0.1, "car_van_electrification": 0.1}
    with pytest.raises(LeverTargetInfeasible) as raised:
        solve_levers(leicestershire, assumptions, {2050: 0.0}, acceptance=low)
    message = str(raised.value)
    assert "acceptance — residents accept only part of 2 levers" in message
    assert "heat pumps" in message.split("acceptance — ")[1].lower()
    assert "lever maximum (potential) — " in message  # by 2050 the others reach theirs


def test_a_carbon_budget_is_kept_and_agrees_with_the_simulation(leicestershire, assumptions):
    """Rule: a carbon budget (sum of the years after the base year) is kept by the plan's
    simulation within the agreement tolerance; one below what the limits allow is refused
    saying by how much."""
    no_action = simulate(leicestershire, all_levels(1, "x"), assumptions).total_emissions_tco2e
    budget = float(no_action.sum(axis=0)[1:].sum()) * 0.7
    plan = solve_levers(leicestershire, assumptions, {}, carbon_budget_tco2e=budget)
    years = len(plan.inputs.years) - 1
    spent = float(plan.simulated_emissions_tco2e[1:].sum())
    assert spent <= budget + AGREEMENT * plan.simulated_emissions_tco2e[0] * years
    with pytest.raises(LeverTargetInfeasible, match=r"carbon budget of 1,000 tCO2e cannot be"):
        solve_levers(leicestershire, assumptions, {}, carbon_budget_tco2e=1000.0)


@pytest.mark.parametrize(
    "targets", [{2019: 0.0}, {2060: 0.0}, {2050: -1.0}, {2050: float("nan")}, {}]
)
def test_bad_targets_are_refused(leicestershire, assumptions, targets):
    """Rule: a target outside the model years, negative, NaN or missing is refused."""
    with pytest.raises(LeverTargetError):
        solve_levers(leicestershire, assumptions, targets)


def test_acceptance_lowers_a_levers_potential(leicestershire, assumptions):
    """Rule: acceptance of half the potential caps that lever at half its outcome."""
    plan = solve_levers(
        leicestershire,
        assumptions,
        {2040: 2_500_000.0},
        acceptance={"car_van_electrification": 0.5},
    )
    index = PLAN_LEVERS.index("car_van_electrification")
    assert plan.shares[index].max() <= 0.5 * max_share("car_van_electrification") + 1e-9


def test_heat_pumps_ground_solar_and_wind_are_planned_zone_by_zone(net_zero_plan, assumptions):
    """Rule: the spatially limited levers have a share per zone, each within the zone's own
    potential, never falling; the place-wide share is their unit-weighted sum; the written
    scenario gives each zone its own heat pumps."""
    from placezero.engine.optimise_levers import ZONE_LEVERS, zone_weights

    inputs = net_zero_plan.inputs
    zone_shares = net_zero_plan.zone_shares
    assert zone_shares.shape == (len(ZONE_LEVERS), len(inputs.zones), len(inputs.years))
    assert np.all(np.diff(zone_shares, axis=2) >= -1e-9)
    caps = np.array([max_share(lever) for lever in ZONE_LEVERS])
    assert np.all(zone_shares <= caps[:, None, None] + 1e-9)
    weights = zone_weights(inputs, assumptions)
    for k, lever in enumerate(ZONE_LEVERS):
        np.testing.assert_allclose(
            net_zero_plan.shares[PLAN_LEVERS.index(lever)], weights[k] @ zone_shares[k]
        )
    hp = zone_shares[ZONE_LEVERS.index("domestic_heat_pumps"), :, -1]
    assert hp.max() - hp.min() > 0.05  # zones differ: the plan is not one share for all
    results = simulate(inputs, net_zero_plan.scenario(), assumptions)
    expected = hp * inputs.fossil_heated_households
    np.testing.assert_allclose(results.deployment["heat_pumps"][:, -1], expected, rtol=1e-6)


def test_zone_acceptance_keeps_a_zone_lever_out_of_a_zone(leicestershire, assumptions):
    """Rule: where a zone's residents do not accept heat pumps (share 0), the plan puts none
    there; a malformed zone acceptance is refused naming what it needs."""
    from placezero.engine.optimise_levers import ZONE_LEVERS

    refusing = np.ones(len(leicestershire.zones))
    refusing[:10] = 0.0
    plan = solve_levers(
        leicestershire, assumptions, {2050: 0.0},
        zone_acceptance={"domestic_heat_pumps": refusing},
    )  # fmt: skip
    hp = plan.zone_shares[ZONE_LEVERS.index("domestic_heat_pumps")]
    assert np.all(hp[:10] <= 1e-9)
    assert plan.gap() <= AGREEMENT
    with pytest.raises(LeverTargetError, match="one share from 0 to 1 per zone"):
        solve_levers(
            leicestershire, assumptions, {2050: 0.0}, zone_acceptance={"domestic_heat_pumps": [2]}
        )
