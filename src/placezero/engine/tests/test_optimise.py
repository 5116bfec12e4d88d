"""Least-cost mode: the LP's optimum, its limits and its explanation of infeasibility."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from placezero.engine.optimise import (
    DeploymentProblem,
    InfeasibleTarget,
    ProblemError,
    present_value_cost_gbp,
    solve,
)

HP, SOLAR = 0, 1


def small_problem(seed: int = 0, **overrides) -> DeploymentProblem:
    """3 zones x 2 technologies x 2 periods with random costs and abatement."""
    rng = np.random.default_rng(seed)
    fields = dict(
        zone_codes=("E02000001", "E02000002", "E02000003"),
        technologies=("heat pump", "solar"),
        technology_units=("home", "kW"),
        base_year=2025,
        period_end_years=(2030, 2040),
        cost_gbp_per_unit=rng.uniform(1.0, 10.0, (3, 2, 2)),
        abatement_tco2e_per_unit=rng.uniform(0.5, 2.0, (3, 2, 2)),
        baseline_emissions_tco2e=np.array([100.0, 100.0]),
        target_emissions_tco2e=np.array([85.0, 70.0]),
        technical_potential_units=np.full((3, 2), 10.0),
        acceptance_units=np.full((3, 2), 10.0),
        build_rate_units=np.array([[12.0, np.inf], [np.inf, 20.0]]),
        peak_kw_per_unit=np.array([[2.0, 0.0], [2.0, 0.0], [2.0, -0.1]]),
        headroom_kw=np.full((3, 2), 5.0),
        reinforcement_gbp_per_mw=np.array([400.0, 300.0]),
    )
    fields.update(overrides)
    return DeploymentProblem(**fields)


def linprog_optimum(problem: DeploymentProblem) -> float:
    """The same problem written independently: cumulative stock variables, dense, scipy.

    Variables are installed stock S[p,t,z] (period-major) and cumulative reinforcement
    R[p,z]; new build is S[p] - S[p-1] ≥ 0. This differs from the production builder (new
    build per period, zone-major) so that a shared mistake is unlikely.
    """
    n_z, n_t, n_p = problem.shape
    n_s, n_r = n_p * n_t * n_z, n_p * n_z

    def s(p, t, z):
        return (p * n_t + t) * n_z + z

    def r(p, z):
        return n_s + p * n_z + z

    c = np.zeros(n_s + n_r)
    for p in range(n_p):
        for t in range(n_t):
            for z in range(n_z):
                c[s(p, t, z)] += problem.cost_gbp_per_unit[z, t, p]
                if p + 1 < n_p:
                    c[s(p, t, z)] -= problem.cost_gbp_per_unit[z, t, p + 1]
        for z in range(n_z):
            c[r(p, z)] += problem.reinforcement_gbp_per_mw[p]
            if p + 1 < n_p:
                c[r(p, z)] -= problem.reinforcement_gbp_per_mw[p + 1]
    a_ub, b_ub = [], []

    def row():
        return np.zeros(n_s + n_r)

    for p in range(n_p):
        if np.isfinite(problem.target_emissions_tco2e[p]):
            a = row()  # -abatement ≤ target - baseline
            for t in range(n_t):
                for z in range(n_z):
                    a[s(p, t, z)] = -problem.abatement_tco2e_per_unit[z, t, p]
            a_ub.append(a)
            b_ub.append(problem.target_emissions_tco2e[p] - problem.baseline_emissions_tco2e[p])
        for t in range(n_t):
            for z in range(n_z):
                if p > 0:  # stock never falls
                    a = row()
                    a[s(p - 1, t, z)], a[s(p, t, z)] = 1.0, -1.0
                    a_ub.append(a)
                    b_ub.append(0.0)
            if np.isfinite(problem.build_rate_units[t, p]):
                a = row()
                for z in range(n_z):
                    a[s(p, t, z)] = 1.0
                    if p > 0:
                        a[s(p - 1, t, z)] = -1.0
                a_ub.append(a)
                b_ub.append(problem.build_rate_units[t, p])
        for z in range(n_z):
            if p > 0:
                a = row()
                a[r(p - 1, z)], a[r(p, z)] = 1.0, -1.0
                a_ub.append(a)
                b_ub.append(0.0)
            if problem.peak_kw_per_unit[z].max() > 0:
                a = row()
                for t in range(n_t):
                    a[s(p, t, z)] = problem.peak_kw_per_unit[z, t]
                a[r(p, z)] = -1000.0
                a_ub.append(a)
                b_ub.append(max(problem.headroom_kw[z, p], 0.0))
    for t in range(n_t):
        for z in range(n_z):
            a = row()
            a[s(n_p - 1, t, z)] = 1.0
            a_ub.append(a)
            b_ub.append(
                min(problem.technical_potential_units[z, t], problem.acceptance_units[z, t])
            )
    result = linprog(c, A_ub=np.array(a_ub), b_ub=np.array(b_ub), bounds=(0, None), method="highs")
    assert result.status == 0, result.message
    return float(result.fun)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_optimum_equals_independent_dense_formulation(seed):
    """The sparse highspy model and a dense linprog model of the same case agree to 1e-6."""
    problem = small_problem(seed)
    plan = solve(problem)
    assert plan.cost_gbp == pytest.approx(linprog_optimum(problem), rel=1e-6)


def test_plan_meets_every_target():
    """Emissions in each target year are at or below the target."""
    problem = small_problem()
    plan = solve(problem)
    assert (plan.emissions_tco2e <= problem.target_emissions_tco2e + 1e-6).all()


def test_plan_respects_build_rate():
    """Place-wide new build of a technology in a period never exceeds its build rate."""
    problem = small_problem()
    plan = solve(problem)
    built = plan.deployment_units.sum(axis=0)  # (T, P)
    finite = np.isfinite(problem.build_rate_units)
    assert (built[finite] <= problem.build_rate_units[finite] + 1e-6).all()


def test_lower_acceptance_makes_the_plan_dearer():
    """Residents accepting less of the cheapest option can only raise the least cost."""
    base = small_problem()
    open_plan = solve(base)
    cheapest = np.unravel_index(
        np.argmax(open_plan.installed_units[:, :, -1]), open_plan.installed_units.shape[:2]
    )
    acceptance = base.acceptance_units.copy()
    acceptance[cheapest] = 1.0
    restricted = solve(small_problem(acceptance_units=acceptance))
    assert restricted.cost_gbp > open_plan.cost_gbp


def test_acceptance_caps_deployment_in_that_zone():
    """No more is installed in a zone than residents accept there."""
    acceptance = np.full((3, 2), 10.0)
    acceptance[1, SOLAR] = 2.5
    plan = solve(small_problem(acceptance_units=acceptance))
    assert plan.installed_units[1, SOLAR, -1] <= 2.5 + 1e-9


def _network_case(reinforcement_gbp_per_mw: float) -> DeploymentProblem:
    """One zone: heat pumps cost 1 and need 2 kW of peak; solar costs 3 and needs none."""
    return DeploymentProblem(
        zone_codes=("E02000001",),
        technologies=("heat pump", "solar"),
        technology_units=("home", "kW"),
        base_year=2025,
        period_end_years=(2030,),
        cost_gbp_per_unit=np.array([[[1.0], [3.0]]]),
        abatement_tco2e_per_unit=np.ones((1, 2, 1)),
        baseline_emissions_tco2e=np.array([100.0]),
        target_emissions_tco2e=np.array([90.0]),
        technical_potential_units=np.array([[100.0, 100.0]]),
        acceptance_units=np.array([[100.0, 100.0]]),
        build_rate_units=np.full((2, 1), np.inf),
        peak_kw_per_unit=np.array([[2.0, 0.0]]),
        headroom_kw=np.array([[4.0]]),
        reinforcement_gbp_per_mw=np.array([reinforcement_gbp_per_mw]),
    )


def test_reinforcement_bought_when_cheaper_than_the_alternative():
    """At £500/MW, 2 kW of reinforcement (£1) per heat pump beats £2 more for solar."""
    plan = solve(_network_case(500.0))
    assert plan.reinforcement_mw.sum() == pytest.approx(0.016)  # (10 - 2 homes) x 2 kW
    assert plan.deployment_units[0, HP, 0] == pytest.approx(10.0)


def test_reinforcement_not_bought_when_the_alternative_is_cheaper():
    """At £5,000/MW reinforcement (£10 per heat pump) solar is cheaper past the headroom."""
    plan = solve(_network_case(5000.0))
    assert plan.reinforcement_mw.sum() == pytest.approx(0.0, abs=1e-9)
    assert plan.deployment_units[0, HP, 0] == pytest.approx(2.0)  # 4 kW headroom / 2 kW


def test_infeasible_target_raises_with_target_best_and_shortfall():
    """An unreachable target is reported with its year, the best achievable and the gap."""
    problem = small_problem(target_emissions_tco2e=np.array([np.nan, 0.0]))
    abated = (problem.abatement_tco2e_per_unit[:, :, 1] * 10.0).sum()  # everything built
    with pytest.raises(InfeasibleTarget) as caught:
        solve(problem)
    message = str(caught.value)
    best = 100.0 - abated
    assert "The 2040 target of 0 tCO2e/yr cannot be met" in message
    assert f"the best achievable is {best:,.0f} tCO2e/yr" in message
    assert f"short by {best:,.0f} tCO2e/yr" in message


def test_infeasible_target_names_the_binding_acceptance_limit():
    """When acceptance of a technology holds the target back, the message says so."""
    acceptance = np.full((3, 2), 10.0)
    acceptance[:, SOLAR] = 0.0
    problem = small_problem(
        acceptance_units=acceptance,
        target_emissions_tco2e=np.array([np.nan, 60.0]),
        abatement_tco2e_per_unit=np.ones((3, 2, 2)),
        build_rate_units=np.full((2, 2), np.inf),
    )
    with pytest.raises(InfeasibleTarget) as caught:
        solve(problem)
    assert "acceptance of solar in 3 zones" in str(caught.value)
    assert caught.value.shortfalls[0].short_by_tco2e == pytest.approx(10.0)


def test_infeasible_target_names_the_binding_build_rate():
    """A build-rate limit on heat pumps in the first period is named with its years."""
    problem = small_problem(
        target_emissions_tco2e=np.array([50.0, np.nan]),
        abatement_tco2e_per_unit=np.ones((3, 2, 2)),
        technical_potential_units=np.full((3, 2), 100.0),
        acceptance_units=np.full((3, 2), 100.0),
        build_rate_units=np.array([[20.0, np.inf], [20.0, np.inf]]),
        headroom_kw=np.full((3, 2), np.inf),
    )
    with pytest.raises(InfeasibleTarget) as caught:
        solve(problem)
    message = str(caught.value)
    assert "build rate of heat pump in 2025-2030" in message
    assert "build rate of solar in 2025-2030" in message
    assert "short by 10 tCO2e/yr" in message


def test_infeasible_carbon_budget_is_explained():
    """A carbon budget below what any plan can reach is reported as a budget overrun."""
    problem = small_problem(target_emissions_tco2e=np.full(2, np.nan), carbon_budget_tco2e=10.0)
    with pytest.raises(InfeasibleTarget) as caught:
        solve(problem)
    assert "The carbon budget of 10 tCO2e cannot be kept" in str(caught.value)


def test_carbon_budget_is_kept():
    """Σ years x annual emissions stays within a reachable budget."""
    problem = small_problem(target_emissions_tco2e=np.full(2, np.nan), carbon_budget_tco2e=1200.0)
    plan = solve(problem)
    assert problem.period_length_years() @ plan.emissions_tco2e <= 1200.0 + 1e-6


def test_shape_mismatch_is_refused_with_what_to_fix():
    """A cost array of the wrong shape is refused, naming the array and the shape needed."""
    with pytest.raises(ProblemError, match=r"cost_gbp_per_unit has shape \(3, 2\) .* \(3, 2, 2\)"):
        small_problem(cost_gbp_per_unit=np.ones((3, 2)))


def test_problem_without_a_target_is_refused():
    """Least cost of doing nothing is not a question: a target or budget is required."""
    with pytest.raises(ProblemError, match="Give a target"):
        small_problem(target_emissions_tco2e=np.full(2, np.nan))


def test_uptake_share_is_installed_over_potential():
    """The lever form of a plan: cumulative units divided by technical potential."""
    plan = solve(small_problem())
    expected = plan.installed_units / 10.0
    np.testing.assert_allclose(plan.uptake_share(), expected)


def test_present_value_charges_only_years_inside_the_horizon():
    """A unit built in the horizon's last year pays one year of annuity, discounted."""
    value = present_value_cost_gbp(
        capex_gbp=np.array([1000.0]),
        opex_gbp_per_year=np.array([10.0]),
        lifetime_years=np.array([20.0]),
        build_year=2050,
        horizon_end_year=2050,
        base_year=2025,
        discount_rate=0.035,
    )
    annuity = 1000.0 * 0.035 / (1 - 1.035**-20) + 10.0
    assert value[0] == pytest.approx(annuity / 1.035**25)
