"""Build the deployment LP as a sparse matrix and solve it with HiGHS (highspy, passModel).

The matrix is assembled from numpy index arithmetic in COO form and handed to HiGHS in
column-wise (CSC) form: no per-variable Python objects, so a county builds in milliseconds
and a national-size problem in well under a second.

Variables, in this order:
  x[z,t,p]  new units, index (z·T + t)·P + p
  r[z,p]    reinforcement MW, index Nx + z·P + p
  s[k]      target slacks: k < P for each period's target, k = P for the carbon budget.
            Fixed at 0 in the normal solve; free (≥ 0) in the elastic solve that explains
            an infeasible target.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np
from scipy import sparse

from placezero.engine.optimise_problem import (
    _DUAL_TOLERANCE,
    BindingLimit,
    DeploymentPlan,
    DeploymentProblem,
    InfeasibleTarget,
    TargetShortfall,
)

KW_PER_MW = 1000.0
# Above this many variables the interior-point solver (with crossover, so duals and a basic
# solution are still returned) beats dual simplex on this problem: 1,000 synthetic zones
# (30k variables) solve in 3.4 s instead of 5.9 s.
_IPM_ABOVE_COLUMNS = 20_000
# Shortfalls below this (tCO2e) are rounding in the solver, not a missed target.
_SHORTFALL_TOLERANCE_TCO2E = 1e-6


@dataclass(frozen=True)
class LpModel:
    """The LP in arrays, with a description of every row for reporting."""

    cost: np.ndarray
    col_lower: np.ndarray
    col_upper: np.ndarray
    matrix: sparse.csc_matrix
    row_lower: np.ndarray
    row_upper: np.ndarray
    row_kind: np.ndarray  # str per row
    row_zone: np.ndarray  # zone index or -1
    row_tech: np.ndarray  # technology index or -1
    row_period: np.ndarray  # period index or -1
    n_x: int
    n_r: int


class _Rows:
    """Collects blocks of rows in COO form."""

    def __init__(self) -> None:
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []
        self.vals: list[np.ndarray] = []
        self.lower: list[np.ndarray] = []
        self.upper: list[np.ndarray] = []
        self.meta: list[tuple[str, np.ndarray, np.ndarray, np.ndarray]] = []
        self.count = 0

    def add(self, local_row, cols, vals, lower, upper, kind, zone, tech, period) -> None:
        n = len(lower)
        if n == 0:
            return
        self.rows.append(np.asarray(local_row, dtype=np.int64) + self.count)
        self.cols.append(np.asarray(cols, dtype=np.int64))
        self.vals.append(np.asarray(vals, dtype=float))
        self.lower.append(np.asarray(lower, dtype=float))
        self.upper.append(np.asarray(upper, dtype=float))
        full = [np.broadcast_to(np.asarray(a, dtype=np.int64), (n,)) for a in (zone, tech, period)]
        self.meta.append((kind, *full))
        self.count += n


def build_lp(problem: DeploymentProblem, *, elastic: bool) -> LpModel:
    """Assemble the LP; `elastic` frees the target slacks and minimises the shortfall."""
    n_z, n_t, n_p = problem.shape
    n_x, n_r = n_z * n_t * n_p, n_z * n_p
    n_s = n_p + 1
    x_index = np.arange(n_x).reshape(n_z, n_t, n_p)
    r_index = n_x + np.arange(n_r).reshape(n_z, n_p)
    s_index = n_x + n_r + np.arange(n_s)
    rows = _Rows()
    _target_rows(problem, rows, x_index, s_index)
    _cap_rows(problem, rows, x_index)
    _build_rate_rows(problem, rows, x_index)
    _headroom_rows(problem, rows, x_index, r_index)
    _reinforcement_limit_rows(problem, rows, r_index)

    n_col = n_x + n_r + n_s
    if elastic:
        cost = np.zeros(n_col)
        cost[s_index] = 1.0
    else:
        cost = np.concatenate(
            [
                np.asarray(problem.cost_gbp_per_unit, dtype=float).ravel(),
                np.tile(np.asarray(problem.reinforcement_gbp_per_mw, dtype=float), n_z),
                np.zeros(n_s),
            ]
        )
    col_upper = np.full(n_col, np.inf)
    if not elastic:
        col_upper[s_index] = 0.0
    matrix = sparse.coo_matrix(
        (np.concatenate(rows.vals), (np.concatenate(rows.rows), np.concatenate(rows.cols))),
        shape=(rows.count, n_col),
    ).tocsc()
    kinds = np.concatenate([np.full(len(m[1]), m[0], dtype=object) for m in rows.meta])
    return LpModel(
        cost=cost,
        col_lower=np.zeros(n_col),
        col_upper=col_upper,
        matrix=matrix,
        row_lower=np.concatenate(rows.lower),
        row_upper=np.concatenate(rows.upper),
        row_kind=kinds,
        row_zone=np.concatenate([m[1] for m in rows.meta]),
        row_tech=np.concatenate([m[2] for m in rows.meta]),
        row_period=np.concatenate([m[3] for m in rows.meta]),
        n_x=n_x,
        n_r=n_r,
    )


def _target_rows(problem, rows: _Rows, x_index, s_index) -> None:
    """Abatement by period k ≥ baseline_k - target_k; the budget row weights years."""
    n_p = problem.shape[2]
    abatement = np.asarray(problem.abatement_tco2e_per_unit, dtype=float)
    baseline = np.asarray(problem.baseline_emissions_tco2e, dtype=float)
    target = np.asarray(problem.target_emissions_tco2e, dtype=float)
    periods = np.flatnonzero(np.isfinite(target))
    # A unit built in period q abates in every period k ≥ q.
    built_by = np.arange(n_p)[:, None] <= np.arange(n_p)[None, :]  # [q, k]
    for k in periods:
        q = np.flatnonzero(built_by[:, k])
        cols = x_index[:, :, q].ravel()
        vals = np.repeat(abatement[:, :, k].ravel(), len(q))
        rows.add(
            np.concatenate([np.zeros(len(cols)), [0]]),
            np.concatenate([cols, [s_index[k]]]),
            np.concatenate([vals, [1.0]]),
            [baseline[k] - target[k]],
            [np.inf],
            "target",
            -1,
            -1,
            k,
        )
    if problem.carbon_budget_tco2e is not None:
        years = problem.period_length_years()
        # Σ_k years_k·emissions_k ≤ budget  ⇔  Σ_q x_q·Σ_{k≥q} years_k·a_k ≥ Σ years·baseline - B
        weighted = abatement * years[None, None, :]
        coefficient = np.flip(np.cumsum(np.flip(weighted, axis=2), axis=2), axis=2)
        cols = x_index.ravel()
        rows.add(
            np.zeros(len(cols) + 1),
            np.concatenate([cols, [s_index[n_p]]]),
            np.concatenate([coefficient.ravel(), [1.0]]),
            [float(years @ baseline) - problem.carbon_budget_tco2e],
            [np.inf],
            "carbon budget",
            -1,
            -1,
            -1,
        )


def _cap_rows(problem, rows: _Rows, x_index) -> None:
    """Σ_p x[z,t,p] ≤ min(potential, acceptance), labelled by whichever is lower."""
    n_p = problem.shape[2]
    cap = problem.cap_units()
    zt = np.argwhere(np.isfinite(cap))
    if len(zt) == 0:
        return
    acceptance_lower = problem.acceptance_units < problem.technical_potential_units
    for kind, mask in (
        ("acceptance", acceptance_lower),
        ("technical potential", ~acceptance_lower),
    ):
        pick = zt[mask[zt[:, 0], zt[:, 1]]]
        if len(pick) == 0:
            continue
        cols = x_index[pick[:, 0], pick[:, 1], :].ravel()
        local = np.repeat(np.arange(len(pick)), n_p)
        values = cap[pick[:, 0], pick[:, 1]]
        rows.add(
            local, cols, np.ones(len(cols)), np.full(len(pick), -np.inf), values,
            kind, pick[:, 0], pick[:, 1], -1,
        )  # fmt: skip


def _build_rate_rows(problem, rows: _Rows, x_index) -> None:
    """Σ_z x[z,t,p] ≤ build rate[t,p] where a rate is given."""
    n_z = problem.shape[0]
    rate = np.asarray(problem.build_rate_units, dtype=float)
    tp = np.argwhere(np.isfinite(rate))
    if len(tp) == 0:
        return
    cols = x_index[:, tp[:, 0], tp[:, 1]].T.ravel()  # row-major: each (t,p) then zones
    local = np.repeat(np.arange(len(tp)), n_z)
    rows.add(
        local, cols, np.ones(len(cols)), np.full(len(tp), -np.inf), rate[tp[:, 0], tp[:, 1]],
        "build rate", -1, tp[:, 0], tp[:, 1],
    )  # fmt: skip


def _headroom_rows(problem, rows: _Rows, x_index, r_index) -> None:
    """Added peak by period p ≤ headroom + reinforcement bought by p.

    Negative headroom (a substation already over its firm capacity) is treated as zero: the
    existing overload is the network operator's to fix whatever the plan does, so the plan
    pays only for the load it adds.
    """
    n_p = problem.shape[2]
    peak = np.asarray(problem.peak_kw_per_unit, dtype=float)
    headroom = np.maximum(np.asarray(problem.headroom_kw, dtype=float), 0.0)
    zones = np.flatnonzero((peak > 0).any(axis=1))
    for p in range(n_p):
        z = zones[np.isfinite(headroom[zones, p])]
        if len(z) == 0:
            continue
        # Row i (zone z[i]): x[z, every t, q ≤ p] with peak[z, t], then r[z, q ≤ p] with -1000.
        x_cols = x_index[z, :, : p + 1].reshape(len(z), -1)
        x_vals = np.repeat(peak[z], p + 1, axis=1)
        r_cols = r_index[z, : p + 1]
        cols = np.concatenate([x_cols, r_cols], axis=1)
        vals = np.concatenate([x_vals, np.full(r_cols.shape, -KW_PER_MW)], axis=1)
        local = np.repeat(np.arange(len(z)), cols.shape[1])
        rows.add(
            local, cols.ravel(), vals.ravel(), np.full(len(z), -np.inf), headroom[z, p],
            "network headroom", z, -1, p,
        )  # fmt: skip


def _reinforcement_limit_rows(problem, rows: _Rows, r_index) -> None:
    """Σ_p r[z,p] ≤ reinforcement limit[z] where a limit is given."""
    limit = np.asarray(problem.reinforcement_limit_mw, dtype=float)
    zones = np.flatnonzero(np.isfinite(limit))
    if len(zones) == 0:
        return
    n_p = r_index.shape[1]
    rows.add(
        np.repeat(np.arange(len(zones)), n_p), r_index[zones].ravel(), np.ones(len(zones) * n_p),
        np.full(len(zones), -np.inf), limit[zones], "reinforcement limit", zones, -1, -1,
    )  # fmt: skip


def run_highs(model: LpModel, *, time_limit_s: float) -> tuple[str, highspy.Highs]:
    """Pass the model to HiGHS and solve; returns the model status name and the solver."""
    lp = highspy.HighsLp()
    lp.num_col_ = len(model.cost)
    lp.num_row_ = len(model.row_lower)
    lp.col_cost_ = model.cost
    lp.col_lower_ = model.col_lower
    lp.col_upper_ = model.col_upper
    lp.row_lower_ = model.row_lower
    lp.row_upper_ = model.row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = model.matrix.indptr.astype(np.int32)
    lp.a_matrix_.index_ = model.matrix.indices.astype(np.int32)
    lp.a_matrix_.value_ = model.matrix.data
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(time_limit_s))
    if lp.num_col_ > _IPM_ABOVE_COLUMNS:
        highs.setOptionValue("solver", "ipm")
    highs.passModel(lp)
    highs.run()
    status = highs.modelStatusToString(highs.getModelStatus())
    return status, highs


def binding_limits(
    problem: DeploymentProblem, model: LpModel, row_dual: np.ndarray
) -> tuple[BindingLimit, ...]:
    """Rows with a non-zero dual, named in the problem's own labels, largest first."""
    scale = max(float(np.abs(row_dual).max(initial=0.0)), 1.0)
    binding = np.flatnonzero(np.abs(row_dual) > _DUAL_TOLERANCE * scale)
    order = binding[np.argsort(-np.abs(row_dual[binding]), kind="stable")]
    limits = []
    for i in order:
        z, t, p = model.row_zone[i], model.row_tech[i], model.row_period[i]
        limits.append(
            BindingLimit(
                kind=str(model.row_kind[i]),
                technology=problem.technologies[t] if t >= 0 else None,
                zone=problem.zone_codes[z] if z >= 0 else None,
                period=problem.period_label(p) if p >= 0 else None,
                value=float(abs(row_dual[i])),
            )
        )
    return tuple(limits)


def _emissions(problem: DeploymentProblem, deployment: np.ndarray) -> np.ndarray:
    installed = np.cumsum(deployment, axis=2)
    abated = (np.asarray(problem.abatement_tco2e_per_unit) * installed).sum(axis=(0, 1))
    return np.asarray(problem.baseline_emissions_tco2e, dtype=float) - abated


def solve_problem(problem: DeploymentProblem, *, time_limit_s: float) -> DeploymentPlan:
    """Solve; on infeasibility solve the elastic model and raise an explained error."""
    n_z, n_t, n_p = problem.shape
    model = build_lp(problem, elastic=False)
    status, highs = run_highs(model, time_limit_s=time_limit_s)
    if status == "Infeasible":
        raise _explain(problem, time_limit_s=time_limit_s)
    if status != "Optimal":
        raise RuntimeError(
            f"The solver stopped without an optimal plan ({status}). "
            f"Try a longer time limit (now {time_limit_s:g} s) or a smaller place."
        )
    solution = highs.getSolution()
    values = np.asarray(solution.col_value)
    deployment = np.maximum(values[: model.n_x].reshape(n_z, n_t, n_p), 0.0)
    reinforcement = np.maximum(values[model.n_x : model.n_x + model.n_r].reshape(n_z, n_p), 0.0)
    return DeploymentPlan(
        problem=problem,
        deployment_units=deployment,
        reinforcement_mw=reinforcement,
        cost_gbp=float(highs.getInfo().objective_function_value),
        emissions_tco2e=_emissions(problem, deployment),
        binding=binding_limits(problem, model, np.asarray(solution.row_dual)),
    )


def _explain(problem: DeploymentProblem, *, time_limit_s: float) -> InfeasibleTarget:
    """Minimise the total shortfall; report each missed target and the limits holding it."""
    n_p = problem.shape[2]
    model = build_lp(problem, elastic=True)
    status, highs = run_highs(model, time_limit_s=time_limit_s)
    if status != "Optimal":
        raise RuntimeError(
            f"The target cannot be met and its shortfall could not be found ({status})."
        )
    solution = highs.getSolution()
    slack = np.asarray(solution.col_value)[model.n_x + model.n_r :]
    target = np.asarray(problem.target_emissions_tco2e, dtype=float)
    shortfalls = [
        TargetShortfall("target", problem.period_label(k), float(target[k]),
                        float(target[k] + slack[k]))
        for k in range(n_p)
        if np.isfinite(target[k]) and slack[k] > _SHORTFALL_TOLERANCE_TCO2E
    ]  # fmt: skip
    if problem.carbon_budget_tco2e is not None and slack[n_p] > _SHORTFALL_TOLERANCE_TCO2E:
        budget = float(problem.carbon_budget_tco2e)
        shortfalls.append(TargetShortfall("carbon budget", None, budget, budget + slack[n_p]))
    limits = binding_limits(problem, model, np.asarray(solution.row_dual))
    limits = tuple(b for b in limits if b.kind not in ("target", "carbon budget"))
    return InfeasibleTarget(tuple(shortfalls), limits)
