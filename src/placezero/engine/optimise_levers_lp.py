"""The every-sector least-cost programme: annual lever shares, solved by sequential LP.

Variables: s[l, y], the share of lever l's outcome achieved in year y (every lever but
battery storage, every model year after the base year), and R[g, y], network reinforcement
(kW) of primary-substation group g in place by year y.

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

d_y is the Green Book discount factor, c_l and k[l,y] the capital and running cost per unit
share (`cost_coefficients`), rho the reinforcement cost per kW. E and P are the simulation's
own emissions and group peaks, linearised around the current plan (`linearise`); the LP is
solved again around its answer, within a shrinking trust region, until the simulated
emissions of the plan and the programme's agree (`AGREEMENT`, relative to the base year).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import linprog

from .assumptions import Assumptions
from .inputs import PlaceInputs
from .optimise_levers import (
    PLAN_LEVERS,
    Evaluation,
    build_rates,
    cost_coefficients,
    evaluate,
    linearise,
    max_share,
    plan_scenario,
)
from .optimise_levers_limits import explain
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
        return plan_scenario(self.inputs, self.simulated.results.assumptions, self.shares, name)


def solve_levers(
    inputs: PlaceInputs,
    a: Assumptions,
    targets: Mapping[int, float],
    *,
    acceptance: Mapping[str, float] | None = None,
    carbon_budget_tco2e: float | None = None,
    max_iterations: int = MAX_ITERATIONS,
) -> LeverPlan:
    """The least-cost plan meeting `targets` ({year: tCO2e/yr}) and, if given, a carbon
    budget (tCO2e summed over the years after the base year). acceptance: {lever: share
    0-1 of its potential residents accept}, lowering that lever's potential."""
    years = inputs.years
    checked = _checked_targets(targets, years, carbon_budget_tco2e)
    n_l, n_y = len(PLAN_LEVERS), len(years)
    capital, running = cost_coefficients(inputs, a)
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
    shares = np.zeros((n_l, n_y))
    radius = 1.0
    last = None
    for iteration in range(1, max_iterations + 1):
        point = linearise(inputs, a, shares)
        model = _Programme(
            point, checked, capital, running, discount, rates, caps, a, radius, carbon_budget_tco2e
        )
        answer = model.solve()
        if answer is None:
            if radius < 1.0 and last is not None:
                break  # the trust region is too small to move: keep the last feasible plan
            raise LeverTargetInfeasible(
                explain(inputs, a, caps, rates, accepted, checked, carbon_budget_tco2e)
            )
        new_shares, reinforcement, predicted, cost = answer
        simulated = evaluate(inputs, a, new_shares)
        last = (new_shares, reinforcement, predicted, simulated, cost, model.size)
        error = _disagreement(
            years, checked, carbon_budget_tco2e, predicted, simulated.emissions_tco2e
        )
        shares = new_shares
        if error <= AGREEMENT * simulated.emissions_tco2e[0] * 0.2 and iteration > 1:
            break
        radius = max(radius * 0.5, 0.01)
    new_shares, reinforcement, predicted, simulated, cost, size = last
    return LeverPlan(
        inputs=inputs,
        shares=new_shares,
        reinforcement_kw=reinforcement,
        programme_emissions_tco2e=predicted,
        simulated=simulated,
        cost_gbp=cost,
        iterations=iteration,
        variables=size[0],
        constraints=size[1],
        targets=checked,
        carbon_budget_tco2e=carbon_budget_tco2e,
    )


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


class _Programme:
    """The LP around one linearisation point, in scipy/HiGHS form."""

    def __init__(
        self, point, targets, capital, running, discount, rates, caps, a, radius, budget=None
    ):
        self.point = point
        n_l, n_y = point.shares.shape
        n_g = point.peak_kw.shape[0]
        self.n_l, self.n_y, self.n_g = n_l, n_y, n_g
        free = n_y - 1  # years after the base year
        self.n_s, self.n_r = n_l * free, n_g * free
        s = lambda k, y: k * free + (y - 1)  # noqa: E731  column of s[k, y], y >= 1
        r = lambda g, y: self.n_s + g * free + (y - 1)  # noqa: E731
        cost = np.zeros(self.n_s + self.n_r)
        rho = a["reinforcement_cost_gbp_per_kw"]
        for y in range(1, n_y):
            nxt = discount[y + 1] if y + 1 < n_y else 0.0
            for k in range(n_l):
                cost[s(k, y)] = (discount[y] - nxt) * capital[k] + discount[y] * running[k, y]
            for g in range(n_g):
                cost[r(g, y)] = (discount[y] - nxt) * rho
        rows, cols, vals, upper = [], [], [], []

        def row(entries, bound):
            index = len(upper)
            for col, value in entries:
                rows.append(index)
                cols.append(col)
                vals.append(value)
            upper.append(bound)

        s0 = point.shares
        for year, target in targets.items():
            y = int(np.flatnonzero(point.evaluation.results.years == year)[0])
            slope = point.emissions_slope[:, y]
            row(
                [(s(k, y), slope[k]) for k in range(n_l)],
                target - point.emissions_tco2e[y] + float(slope @ s0[:, y]),
            )
        if budget is not None:  # Σ_y E_y over the years after the base year
            slopes = point.emissions_slope
            row(
                [(s(k, y), slopes[k, y]) for k in range(n_l) for y in range(1, n_y)],
                budget
                - float(point.emissions_tco2e[1:].sum())
                + float((slopes[:, 1:] * s0[:, 1:]).sum()),
            )
        for k in range(n_l):
            row([(s(k, 1), 1.0)], rates[k])
            for y in range(2, n_y):
                row([(s(k, y - 1), 1.0), (s(k, y), -1.0)], 0.0)
                row([(s(k, y), 1.0), (s(k, y - 1), -1.0)], rates[k])
        capacity = point.evaluation.results.network.group_capacity_kw
        for g in range(n_g):
            for y in range(1, n_y):
                slope = point.peak_slope[:, g, y]
                row(
                    [*((s(k, y), slope[k]) for k in range(n_l) if slope[k] != 0), (r(g, y), -1.0)],
                    capacity[g] - point.peak_kw[g, y] + float(slope @ s0[:, y]),
                )
                if y > 1:
                    row([(r(g, y - 1), 1.0), (r(g, y), -1.0)], 0.0)
        self.matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(upper), len(cost)))
        self.upper = np.array(upper)
        self.cost = cost
        lower = np.zeros(len(cost))
        high = np.full(len(cost), np.inf)
        for k in range(n_l):
            for y in range(1, n_y):
                lower[s(k, y)] = max(0.0, s0[k, y] - radius * caps[k])
                high[s(k, y)] = min(caps[k], s0[k, y] + radius * caps[k])
        self.bounds = np.column_stack([lower, high])
        self.size = (len(cost), len(upper))
        self.targets = targets

    def solve(self):
        result = linprog(
            self.cost, A_ub=self.matrix, b_ub=self.upper, bounds=self.bounds, method="highs"
        )
        if result.status != 0:
            return None
        x = result.x
        free = self.n_y - 1
        shares = np.zeros((self.n_l, self.n_y))
        shares[:, 1:] = x[: self.n_s].reshape(self.n_l, free)
        reinforcement = np.zeros((self.n_g, self.n_y))
        reinforcement[:, 1:] = x[self.n_s :].reshape(self.n_g, free)
        p = self.point
        predicted = p.emissions_tco2e + (p.emissions_slope * (shares - p.shares)).sum(axis=0)
        return shares, reinforcement, predicted, float(result.fun)
