"""Least-cost mode: choose deployment per zone x technology x period at least discounted cost.

The problem is a continuous linear programme (see `docs/method/optimisation.md`):

    minimise   Σ cost[z,t,p]·x[z,t,p] + Σ reinforcement_cost[p]·r[z,p]
    subject to emissions in each target year ≤ target            (target rows)
               Σ_p years_p · emissions_p ≤ carbon budget          (budget row, optional)
               Σ_p x[z,t,p] ≤ min(technical potential, acceptance) (cap rows)
               Σ_z x[z,t,p] ≤ build rate[t,p]                    (build-rate rows)
               added peak[z,p] ≤ headroom[z,p] + 1000·Σ_{q≤p} r[z,q]  (headroom rows)
               Σ_p r[z,p] ≤ reinforcement limit[z]                (optional)

x is new deployment in a period (units of the technology: homes, kW, MW …), r is network
reinforcement bought in a period (MW). It is kept continuous on purpose: mixed-integer
versions of this kind of model are far slower to solve, and a county plan is about
quantities, not individual installations.

`solve(problem)` returns a `DeploymentPlan`, or raises `InfeasibleTarget` whose message says
in planners' words which target cannot be met, by how much, and which limits bind.
"""

from __future__ import annotations

from placezero.engine.optimise_problem import (
    BindingLimit,
    DeploymentPlan,
    DeploymentProblem,
    InfeasibleTarget,
    ProblemError,
    TargetShortfall,
    annuity_factor,
    present_value_cost_gbp,
    validate_problem,
)

__all__ = [
    "BindingLimit",
    "DeploymentPlan",
    "DeploymentProblem",
    "InfeasibleTarget",
    "ProblemError",
    "TargetShortfall",
    "annuity_factor",
    "present_value_cost_gbp",
    "solve",
    "validate_problem",
]


def solve(problem: DeploymentProblem, *, time_limit_s: float = 120.0) -> DeploymentPlan:
    """Solve the least-cost problem; raise InfeasibleTarget with an explanation if it has none."""
    # The LP module loads HiGHS and SciPy: only when a problem is solved.
    from placezero.engine.optimise_lp import solve_problem

    return solve_problem(problem, time_limit_s=time_limit_s)
