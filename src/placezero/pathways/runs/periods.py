"""The optimiser's time grid as the pathway runs see it: which years a target may name, and
what the place would emit with no new action. The every-sector optimiser plans every year;
a target names one of the five-yearly milestone years. Kept in this one small module so a
change of the milestones changes only here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from placezero.engine.levers import LEVER_KEYS
from placezero.engine.optimise_inputs import PERIOD_END_YEARS

from .. import services

if TYPE_CHECKING:
    from placezero.places.models import Place

# No new action: every lever at level 1, the definition the simulation runs.
NO_NEW_ACTION = {"levers": {key: 1 for key in LEVER_KEYS}}


def target_years() -> tuple[int, ...]:
    """The years a reduction target may name: the five-yearly milestones to 2050."""
    return tuple(int(year) for year in PERIOD_END_YEARS)


def final_year() -> int:
    return target_years()[-1]


def no_new_action_by_year(place: Place) -> dict[int, float]:
    """Simulated territorial emissions (tCO2e/yr, net of removals) in every model year
    with no new action: the baseline a reduction is cut from."""
    results = services.run(place, NO_NEW_ACTION)
    totals = results.total_emissions_tco2e.sum(axis=0)
    return {int(year): float(value) for year, value in zip(results.years, totals, strict=True)}


def no_new_action_tco2e(place: Place) -> dict[int, float]:
    """No-new-action emissions in each target year."""
    every = no_new_action_by_year(place)
    return {year: every[year] for year in target_years()}


def no_new_action_budget_tco2e(place: Place) -> float:
    """Emissions summed over the years after the base year to the final year with no new
    action, as the optimiser's carbon budget counts them: a budget must be below this to
    ask for anything."""
    every = no_new_action_by_year(place)
    first = min(every)
    return float(sum(value for year, value in every.items() if first < year <= final_year()))
