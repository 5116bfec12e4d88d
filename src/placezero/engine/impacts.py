"""Action impacts (after Kausal Paths): the impact of a lever is the scenario with it minus
the same scenario with that lever back at level 1. From these come wedges (emissions saved
per lever per year) and a marginal abatement cost curve (GBP per tCO2e per lever).

Cost of a lever = discounted (capex + running cost: opex, fuel at unit rates and the homes'
standing charges) with it minus without it; abatement
= cumulative emissions saved over the model years. Both are place totals; the emissions
saved are also kept per zone, so a district's wedges can be read. The interaction
between levers (heat pumps save more on an unretrofitted home) means wedges need not add up
to the whole scenario's saving; `interaction_tco2e` reports the remainder.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .assumptions import Assumptions, load_assumptions
from .inputs import PlaceInputs
from .levers import LEVER_KEYS, LEVERS
from .results import Results
from .scenario import Scenario, all_levels
from .simulate import simulate


@dataclass(frozen=True)
class LeverImpact:
    lever: str
    title: str
    saved_tco2e_by_zone_year: np.ndarray  # [Z, Y] positive = saved
    cumulative_saved_tco2e: float  # place total over the model years
    discounted_cost_gbp: float  # positive = costs more than without the lever

    @property
    def saved_tco2e_by_year(self) -> np.ndarray:
        """[Y] place total."""
        return self.saved_tco2e_by_zone_year.sum(axis=0)

    @property
    def cost_per_tco2e_gbp(self) -> float:
        if self.cumulative_saved_tco2e <= 0:
            return float("nan")
        return self.discounted_cost_gbp / self.cumulative_saved_tco2e


def discounted_cost_gbp(results: Results, rate: float) -> float:
    years = results.years - results.years[0]
    factor = (1 + rate) ** -years
    total = results.capex_gbp + results.running_cost_gbp
    return float((total.sum(axis=0) * factor).sum())


def lever_impacts(
    inputs: PlaceInputs, scenario: Scenario, assumptions: Assumptions | None = None
) -> tuple[list[LeverImpact], float]:
    """Impact of every lever the scenario moves from level 1, and the interaction term."""
    a = assumptions or load_assumptions()
    rate = a["discount_rate"]
    full = simulate(inputs, scenario, a)
    full_emissions = full.total_emissions_tco2e  # [Z, Y]
    full_cost = discounted_cost_gbp(full, rate)
    impacts = []
    for lever in LEVER_KEYS:
        without_scenario = scenario.without(lever)
        if without_scenario == scenario or _unchanged(scenario, lever):
            continue
        without = simulate(inputs, without_scenario, a)
        saved = without.total_emissions_tco2e - full_emissions
        impacts.append(
            LeverImpact(
                lever,
                LEVERS[lever].title,
                saved,
                float(saved.sum()),
                full_cost - discounted_cost_gbp(without, rate),
            )
        )
    nothing = simulate(inputs, all_levels(1), a).total_emissions_tco2e
    interaction = float((nothing - full_emissions).sum()) - sum(
        i.cumulative_saved_tco2e for i in impacts
    )
    return impacts, interaction


def _unchanged(scenario: Scenario, lever: str) -> bool:
    """True if the lever sits at level 1 everywhere and has no explicit trajectory."""
    return (
        scenario.setting(lever).level == 1.0
        and lever not in scenario.trajectories
        and all(lever not in m for m in scenario.districts.values())
        and all(lever not in m for m in scenario.zones.values())
    )


def macc(impacts: list[LeverImpact]) -> list[LeverImpact]:
    """Levers that abate, cheapest per tonne first (the order of a MACC's bars)."""
    return sorted(
        (i for i in impacts if i.cumulative_saved_tco2e > 0), key=lambda i: i.cost_per_tco2e_gbp
    )
