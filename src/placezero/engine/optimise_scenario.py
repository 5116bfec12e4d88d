"""Turn a least-cost plan into a scenario that `simulate` runs.

Technologies whose lever takes an explicit deployment trajectory (heat pumps, electric
vehicles, solar, wind: `Lever.deployment_unit`) become trajectories per district — the
cumulative units the plan installs by each period's end year. Retrofit has no deployment
unit, so each zone gets the lever level whose 2050 outcome equals the plan's 2050 share of
homes retrofitted (levels interpolate linearly between the lever's stated outcomes).
Simulating that scenario gives the plan's consistent energy, emissions, costs and peaks.
"""

from __future__ import annotations

import numpy as np

from placezero.engine.inputs import PlaceInputs
from placezero.engine.levers import LEVERS, MAX_LEVEL, MIN_LEVEL
from placezero.engine.optimise_inputs import TECHNOLOGIES
from placezero.engine.optimise_problem import DeploymentPlan
from placezero.engine.scenario import Scenario, scenario_from_mapping


def level_for_outcome(lever: str, outcome: float) -> float:
    """The (fractional) lever level whose 2050 outcome is `outcome`, within 1-4."""
    values = np.asarray(LEVERS[lever].values, dtype=float)
    level = float(np.interp(outcome, values, np.arange(MIN_LEVEL, MAX_LEVEL + 1)))
    return round(level, 3)


def plan_to_scenario(
    plan: DeploymentPlan, inputs: PlaceInputs, name: str = "least-cost"
) -> Scenario:
    """A scenario reproducing the plan's deployment (see the module docstring)."""
    problem = plan.problem
    if tuple(problem.zone_codes) != tuple(inputs.zones):
        raise ValueError("The plan was made for other zones than these inputs describe.")
    installed = plan.installed_units  # [Z, T, P]
    years = [problem.base_year, *problem.period_end_years]
    trajectories: dict[str, dict[str, dict[int, float]]] = {}
    zones: dict[str, dict[str, float]] = {}
    for technology, _, lever in TECHNOLOGIES:
        if technology not in problem.technologies:
            continue
        index = problem.technologies.index(technology)
        if LEVERS[lever].deployment_unit:
            by_district = inputs.district_sum(installed[:, index, :])  # [D, P]
            trajectories[lever] = {
                district: dict(zip(years, [0.0, *map(float, row)], strict=True))
                for district, row in zip(inputs.districts, by_district, strict=True)
            }
        else:
            share = plan.uptake_share()[:, index, -1]
            for zone, value in zip(inputs.zones, share, strict=True):
                zones.setdefault(zone, {})[lever] = level_for_outcome(lever, float(value))
    return scenario_from_mapping(
        {
            "name": name,
            "description": (
                f"Least-cost deployment from `placezero pathway optimise` "
                f"(present value £{plan.cost_gbp:,.0f})."
            ),
            "levers": {},
            "zones": zones,
            "trajectories": trajectories,
        }
    )
