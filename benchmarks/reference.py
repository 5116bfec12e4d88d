"""Plain-Python references: the same work as the engine, written as loops over zones.

They exist to measure what vectorisation buys (`vs Python loop` in the results); a test
checks that the LP reference builds exactly the matrix the engine builds.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import sparse

from placezero.engine.optimise import DeploymentProblem


def build_lp_python_loop(problem: DeploymentProblem) -> tuple[sparse.csc_matrix, list, list]:
    """Build the deployment LP row by row with dicts, in the engine's row order."""
    n_z, n_t, n_p = problem.shape
    n_x = n_z * n_t * n_p

    def x(z: int, t: int, p: int) -> int:
        return (z * n_t + t) * n_p + p

    def r(z: int, p: int) -> int:
        return n_x + z * n_p + p

    s0 = n_x + n_z * n_p
    rows: list[dict[int, float]] = []
    lower: list[float] = []
    upper: list[float] = []
    a = problem.abatement_tco2e_per_unit
    for k in range(n_p):
        target = float(problem.target_emissions_tco2e[k])
        if math.isnan(target):
            continue
        row: dict[int, float] = {}
        for z in range(n_z):
            for t in range(n_t):
                for q in range(k + 1):
                    row[x(z, t, q)] = float(a[z, t, k])
        row[s0 + k] = 1.0
        rows.append(row)
        lower.append(float(problem.baseline_emissions_tco2e[k]) - target)
        upper.append(math.inf)
    if problem.carbon_budget_tco2e is not None:
        years = problem.period_length_years()
        row = {}
        for z in range(n_z):
            for t in range(n_t):
                for q in range(n_p):
                    row[x(z, t, q)] = sum(years[k] * a[z, t, k] for k in range(q, n_p))
        row[s0 + n_p] = 1.0
        rows.append(row)
        total = sum(years[k] * problem.baseline_emissions_tco2e[k] for k in range(n_p))
        lower.append(float(total) - problem.carbon_budget_tco2e)
        upper.append(math.inf)
    potential, acceptance = problem.technical_potential_units, problem.acceptance_units
    for want_acceptance in (True, False):
        for z in range(n_z):
            for t in range(n_t):
                cap = min(potential[z, t], acceptance[z, t])
                if math.isinf(cap) or (acceptance[z, t] < potential[z, t]) != want_acceptance:
                    continue
                rows.append({x(z, t, p): 1.0 for p in range(n_p)})
                lower.append(-math.inf)
                upper.append(float(cap))
    for t in range(n_t):
        for p in range(n_p):
            rate = problem.build_rate_units[t, p]
            if math.isinf(rate):
                continue
            rows.append({x(z, t, p): 1.0 for z in range(n_z)})
            lower.append(-math.inf)
            upper.append(float(rate))
    peak = problem.peak_kw_per_unit
    for p in range(n_p):
        for z in range(n_z):
            headroom = problem.headroom_kw[z, p]
            if not any(peak[z, t] > 0 for t in range(n_t)) or math.isinf(headroom):
                continue
            row = {}
            for t in range(n_t):
                for q in range(p + 1):
                    row[x(z, t, q)] = float(peak[z, t])
            for q in range(p + 1):
                row[r(z, q)] = -1000.0
            rows.append(row)
            lower.append(-math.inf)
            upper.append(max(float(headroom), 0.0))
    for z in range(n_z):
        limit = problem.reinforcement_limit_mw[z]
        if math.isinf(limit):
            continue
        rows.append({r(z, p): 1.0 for p in range(n_p)})
        lower.append(-math.inf)
        upper.append(float(limit))
    n_col = s0 + n_p + 1
    i = [n for n, row in enumerate(rows) for _ in row]
    j = [c for row in rows for c in row]
    v = [value for row in rows for value in row.values()]
    matrix = sparse.csc_matrix((v, (i, j)), shape=(len(rows), n_col))
    return matrix, lower, upper


def copy_arrays(arrays: list[np.ndarray]) -> list[np.ndarray]:
    return [array.copy() for array in arrays]
