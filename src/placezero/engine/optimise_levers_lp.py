"""The every-sector least-cost programme: annual lever shares, solved by sequential LP.

Variables: s[l, y], the share of lever l's outcome achieved in year y (every lever but
battery storage and the per-zone levers, every model year after the base year); x[k, z, y],
the share in zone z of each per-zone lever (ZONE_LEVERS: heat pumps, ground solar, onshore
wind, whose potential and headroom differ by zone); and R[g, y], network reinforcement (kW)
of primary-substation group g in place by year y. The programme itself is built in
`optimise_levers_programme.py`.

    minimise   Σ_y d_y [ Σ_l c_l (s[l,y] - s[l,y-1]) + Σ_l k[l,y] s[l,y]
                         + rho (R[g,y] - R[g,y-1]) ]
    subject to E_y(s) ≤ target_y                       (target years)
               Σ_y E_y(s) ≤ budget                     (a carbon budget, years after
                                                        the base year to the last)
               0 ≤ s[l,y-1] ≤ s[l,y] ≤ level-4 outcome  (no going back; potential)
               s[l,y] - s[l,y-1] ≤ build rate_l         (the steepest year of the lever's
                                                        own level-4 s-curve)
               P_gy(s) ≤ capacity_g + R[g,y]            (network headroom per group, year)
               R[g,y-1] ≤ R[g,y]

(x[k,z,y] takes the place of s for the per-zone levers: c and k per zone, potential and
acceptance per zone, the build rate on Σ_z w[k,z] x[k,z,y], and group g's peak row holding
only its own zones' x.) d_y is the Green Book discount factor, c_l and k[l,y] the capital
and running cost per unit share (`cost_coefficients`), rho the reinforcement cost per kW. E
and P are the simulation's own emissions and group peaks, linearised around the current plan
(`linearise`); the LP is solved again around its answer, within a shrinking trust region,
until the simulated emissions of the plan and the programme's agree (`AGREEMENT`, relative
to the base year).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .assumptions import Assumptions
from .inputs import PlaceInputs
from .optimise_levers import (
    PLAN_LEVERS,
    ZONE_LEVERS,
    Evaluation,
    build_rates,
    cost_coefficients,
    evaluate,
    linearise,
    max_share,
    plan_scenario,
    zone_weights,
)
from .optimise_levers_limits import explain
from .optimise_levers_programme import Programme
from .scenario import Scenario

AGREEMENT = 0.005  # |programme - simulation| / base-year emissions, in every target year
MAX_ITERATIONS = 12


class LeverTargetError(ValueError):
    """A target cannot be used (year outside the model, negative value)."""


class LeverTargetInfeasible(Exception):
    """No plan within the limits meets the target; the message says by how much and which
    limit binds where (`optimise_levers_limits.explain`)."""


@dataclass(frozen=True)
class LeverPlan:
    inputs: PlaceInputs
    shares: np.ndarray  # [L, Y]
    reinforcement_kw: np.ndarray  # [G, Y]
    programme_emissions_tco2e: np.ndarray  # [Y] the LP's own figure for the plan
    simulated: Evaluation  # the plan simulated
    cost_gbp: float  # present value of the objective
    iterations: int
    variables: int
    constraints: int
    targets: dict[int, float]
    carbon_budget_tco2e: float | None = None
    zone_shares: np.ndarray | None = None  # [K, Z, Y] the zone levers' shares, zone by zone

    @property
    def simulated_emissions_tco2e(self) -> np.ndarray:
        return self.simulated.emissions_tco2e

    def gap(self) -> float:
        """Largest |programme - simulation| over the target years, relative to the base
        year's emissions."""
        return _disagreement(
            self.inputs.years,
            self.targets,
            self.carbon_budget_tco2e,
            self.programme_emissions_tco2e,
            self.simulated_emissions_tco2e,
        ) / float(self.simulated_emissions_tco2e[0])

    def scenario(self, name: str = "least-cost") -> Scenario:
        return plan_scenario(
            self.inputs, self.simulated.results.assumptions, self.shares, name, self.zone_shares
        )


def solve_levers(
    inputs: PlaceInputs,
    a: Assumptions,
    targets: Mapping[int, float],
    *,
    acceptance: Mapping[str, float] | None = None,
    zone_acceptance: Mapping[str, np.ndarray] | None = None,
    carbon_budget_tco2e: float | None = None,
    max_iterations: int = MAX_ITERATIONS,
) -> LeverPlan:
    """The least-cost plan meeting `targets` ({year: tCO2e/yr}) and, if given, a carbon
    budget (tCO2e summed over the years after the base year). acceptance: {lever: share
    0-1 of its potential residents accept}, lowering that lever's potential; zone_acceptance:
    {zone lever: [Z] shares} the same zone by zone (heat pumps, ground solar, wind)."""
    years = inputs.years
    checked = _checked_targets(targets, years, carbon_budget_tco2e)
    n_l, n_y = len(PLAN_LEVERS), len(years)
    costs = cost_coefficients(inputs, a)
    discount = (1 + a["discount_rate"]) ** -(years - years[0]).astype(float)
    rates = build_rates(int(2050 - years[0]))
    accepted = dict(acceptance or {})
    for lever, value in accepted.items():
        if lever not in PLAN_LEVERS or not 0.0 <= value <= 1.0:
            raise LeverTargetError(
                f"acceptance for {lever!r} must be a share from 0 to 1 of a planned lever "
                f"({', '.join(PLAN_LEVERS)})."
            )
    caps = np.array([max_share(lever) * accepted.get(lever, 1.0) for lever in PLAN_LEVERS])
    weights = zone_weights(inputs, a)
    zone_caps = _zone_caps(inputs, caps, weights, zone_acceptance)
    shares = np.zeros((n_l, n_y))
    zone_shares = np.zeros((len(ZONE_LEVERS), len(inputs.zones), n_y))
    capacity = None
    radius = 1.0
    last = None
    for iteration in range(1, max_iterations + 1):
        point = linearise(inputs, a, shares, zone_shares=zone_shares)
        if capacity is None:  # the plan does not change the groups' base peak
            capacity = point.evaluation.results.network.group_capacity_kw
        model = Programme(
            point, checked, costs, discount, rates, caps, zone_caps, weights,
            a["reinforcement_cost_gbp_per_kw"], capacity, inputs.group_index, radius,
            carbon_budget_tco2e,
        )  # fmt: skip
        answer = model.solve()
        if answer is None:
            if radius < 1.0 and last is not None:
                break  # the trust region is too small to move: keep the last feasible plan
            raise LeverTargetInfeasible(
                explain(inputs, a, caps, rates, accepted, checked, carbon_budget_tco2e)
            )
        simulated = evaluate(inputs, a, answer.shares, answer.zone_shares)
        last = (answer, simulated, model.size)
        error = _disagreement(
            years, checked, carbon_budget_tco2e, answer.predicted_tco2e, simulated.emissions_tco2e
        )
        shares, zone_shares = answer.shares, answer.zone_shares
        if error <= AGREEMENT * simulated.emissions_tco2e[0] * 0.2 and iteration > 1:
            break
        radius = max(radius * 0.5, 0.01)
    answer, simulated, size = last
    return LeverPlan(
        inputs=inputs,
        shares=answer.shares,
        reinforcement_kw=answer.reinforcement_kw,
        programme_emissions_tco2e=answer.predicted_tco2e,
        simulated=simulated,
        cost_gbp=answer.cost_gbp,
        iterations=iteration,
        variables=size[0],
        constraints=size[1],
        targets=checked,
        carbon_budget_tco2e=carbon_budget_tco2e,
        zone_shares=answer.zone_shares,
    )


def _zone_caps(inputs, caps, weights, zone_acceptance) -> np.ndarray:
    """[K, Z] the most each zone may take of a zone lever: its potential x acceptance (the
    place's, then the zone's own where given); 0 where the zone has none of the lever's units."""
    out = np.zeros(weights.shape)
    given = dict(zone_acceptance or {})
    for lever, values in given.items():
        array = np.asarray(values, dtype=float)
        if (
            lever not in ZONE_LEVERS
            or array.shape != (len(inputs.zones),)
            or not np.all(np.isfinite(array))
            or (array < 0).any()
            or (array > 1).any()
        ):
            raise LeverTargetError(
                f"zone acceptance for {lever!r} must give one share from 0 to 1 per zone "
                f"({len(inputs.zones)}) for a zone lever ({', '.join(ZONE_LEVERS)})."
            )
    for k, lever in enumerate(ZONE_LEVERS):
        own = np.asarray(given.get(lever, np.ones(len(inputs.zones))), dtype=float)
        out[k] = np.where(weights[k] > 0, caps[PLAN_LEVERS.index(lever)] * own, 0.0)
    return out


def _disagreement(years, targets, budget, programme, simulated) -> float:
    """Largest |programme - simulation| in a target year, or per year within the budget."""
    index = [int(np.flatnonzero(years == y)[0]) for y in targets]
    diff = np.abs(programme - simulated)
    worst = float(diff[index].max()) if index else 0.0
    if budget is not None:
        worst = max(worst, abs(float((programme - simulated)[1:].sum())) / (len(years) - 1))
    return worst


def _checked_targets(
    targets: Mapping[int, float], years: np.ndarray, budget: float | None = None
) -> dict[int, float]:
    if budget is not None and (not np.isfinite(budget) or budget <= 0):
        raise LeverTargetError(f"the carbon budget {budget} tCO2e must be more than 0.")
    if not targets and budget is None:
        raise LeverTargetError("give at least one target, e.g. --target 2050=0.")
    out = {}
    for year, value in targets.items():
        if int(year) not in years or int(year) == int(years[0]):
            raise LeverTargetError(
                f"a target for {year} cannot be used: give a year from {years[1]} to {years[-1]}."
            )
        if not np.isfinite(value) or value < 0:
            raise LeverTargetError(f"the {year} target {value} tCO2e/yr must be 0 or more.")
        out[int(year)] = float(value)
    return out
