"""The least-cost problem built from place inputs, and the plan turned back into a scenario."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.engine.assumptions import load_assumptions
from placezero.engine.dimensions import C, S, U
from placezero.engine.inputs import synthetic_inputs
from placezero.engine.levers import LEVERS
from placezero.engine.optimise import InfeasibleTarget, ProblemError, solve
from placezero.engine.optimise_inputs import (
    TECHNOLOGIES,
    no_new_action_emissions,
    problem_from_inputs,
)
from placezero.engine.optimise_scenario import level_for_outcome, plan_to_scenario
from placezero.engine.scenario import all_levels
from placezero.engine.simulate import simulate

HP = [t[0] for t in TECHNOLOGIES].index("heat_pumps")


@pytest.fixture(scope="module")
def inputs():
    return synthetic_inputs(12, seed=3)


@pytest.fixture(scope="module")
def assumptions():
    return load_assumptions()


def reachable(inputs, assumptions, share: float = 0.25) -> dict[int, float]:
    return {2050: no_new_action_emissions(inputs, assumptions)[-1] * (1 - share)}


def test_baseline_equals_simulation_with_every_lever_at_one(inputs, assumptions):
    """The LP's no-deployment emissions are the simulation's at level 1, period by period."""
    problem = problem_from_inputs(inputs, assumptions, targets_tco2e={2050: 0.0})
    results = simulate(inputs, all_levels(1), assumptions)
    at = np.asarray(problem.period_end_years) - inputs.base_year
    np.testing.assert_allclose(
        problem.baseline_emissions_tco2e, results.total_emissions_tco2e.sum(axis=0)[at], rtol=1e-9
    )


def test_heat_pump_abatement_is_fuel_displaced_minus_electricity_added(inputs, assumptions):
    """Per home: boiler fuel x its factor minus (useful heat / SPF) x the grid factor."""
    a = assumptions
    problem = problem_from_inputs(inputs, a, targets_tco2e={2050: 0.0})
    z, homes = 0, inputs.fossil_heated_households[0]
    heat = inputs.baseline_energy_kwh[z, S["domestic"], U["heat"]]
    factor = inputs.emission_factor_kgco2e_per_kwh[z, S["domestic"]]
    fuel_t = heat[C["gas"]] * factor[C["gas"]] + heat[C["other_fuels"]] * factor[C["other_fuels"]]
    useful = (
        heat[C["gas"]] * a["gas_boiler_efficiency"]
        + heat[C["other_fuels"]] * a["other_fuel_heating_efficiency"]
    )
    results = simulate(inputs, all_levels(1), a)
    grid_2050 = results.grid_intensity_kgco2e_per_kwh[-1] / results.grid_intensity_kgco2e_per_kwh[0]
    electric_t = useful / a["heat_pump_spf"] * factor[C["electricity"]] * grid_2050
    expected = (fuel_t - electric_t) / homes / 1000
    assert problem.abatement_tco2e_per_unit[z, HP, -1] == pytest.approx(expected, rel=1e-9)


def test_heat_pump_potential_is_the_fossil_heated_homes(inputs, assumptions):
    """A zone can have at most one heat pump per home heated by gas, oil or solid fuel."""
    problem = problem_from_inputs(inputs, assumptions, targets_tco2e={2050: 0.0})
    np.testing.assert_array_equal(
        problem.technical_potential_units[:, HP], inputs.fossil_heated_households
    )


def test_acceptance_share_scales_the_cap(inputs, assumptions):
    """Acceptance is a share of technical potential per zone and technology."""
    share = np.full((12, len(TECHNOLOGIES)), 0.5)
    problem = problem_from_inputs(inputs, assumptions, targets_tco2e={2050: 0.0}, acceptance=share)
    np.testing.assert_allclose(problem.acceptance_units, problem.technical_potential_units / 2)


def test_acceptance_of_wrong_shape_is_refused(inputs, assumptions):
    """The message names the shape needed and the order of the technologies."""
    with pytest.raises(ProblemError, match=r"acceptance has shape \(12, 2\).*heat_pumps"):
        problem_from_inputs(
            inputs, assumptions, targets_tco2e={2050: 0.0}, acceptance=np.ones((12, 2))
        )


def test_target_between_period_ends_is_refused(inputs, assumptions):
    """Targets must fall on a period end year, and the message lists them."""
    with pytest.raises(ProblemError, match=r"2047 cannot be used.*2030, 2035"):
        problem_from_inputs(inputs, assumptions, targets_tco2e={2047: 1.0})


def test_reachable_target_is_met(inputs, assumptions):
    """A 25 % cut on the no-new-action 2050 emissions is met by the plan."""
    targets = reachable(inputs, assumptions)
    plan = solve(problem_from_inputs(inputs, assumptions, targets_tco2e=targets))
    assert plan.emissions_tco2e[-1] <= targets[2050] * (1 + 1e-9)


def test_net_zero_without_removals_is_explained(inputs, assumptions):
    """Zero emissions cannot be reached with these technologies; the limits are named."""
    with pytest.raises(InfeasibleTarget) as caught:
        solve(problem_from_inputs(inputs, assumptions, targets_tco2e={2050: 0.0}))
    message = str(caught.value)
    assert "The 2050 target of 0 tCO2e/yr cannot be met" in message
    assert "technical potential of heat_pumps" in message


def test_plan_as_scenario_reproduces_the_heat_pumps(inputs, assumptions):
    """Simulating the plan's scenario installs the plan's heat pumps by each period end."""
    plan = solve(
        problem_from_inputs(inputs, assumptions, targets_tco2e=reachable(inputs, assumptions))
    )
    results = simulate(inputs, plan_to_scenario(plan, inputs), assumptions)
    at = np.asarray(plan.problem.period_end_years) - inputs.base_year
    simulated = results.deployment["heat_pumps"].sum(axis=0)[at]
    np.testing.assert_allclose(simulated, plan.installed_units[:, HP, :].sum(axis=0), rtol=1e-6)


def test_level_for_outcome_inverts_the_lever():
    """The level found for a lever's 2050 outcome gives that outcome back."""
    lever = LEVERS["domestic_retrofit"]
    assert lever.outcome_at(level_for_outcome("domestic_retrofit", 0.45)) == pytest.approx(0.45)
