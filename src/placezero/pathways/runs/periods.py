"""The optimiser's time grid as the pathway runs see it: which years a target may name, and
what the place would emit in them with no new action. Kept in this one small module so a
change of the engine's resolution (periods today, perhaps single years) changes only here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from placezero.engine.optimise_inputs import (
    PERIOD_END_YEARS,
    baseline_emissions_tco2e,
    grid_scale,
)

from .. import services

if TYPE_CHECKING:
    from placezero.places.models import Place


def target_years() -> tuple[int, ...]:
    """The years a reduction target may name: the end year of each optimiser period."""
    return tuple(int(year) for year in PERIOD_END_YEARS)


def final_year() -> int:
    return target_years()[-1]


def no_new_action_tco2e(place: Place) -> dict[int, float]:
    """Annual emissions in each target year with no new action, as the optimiser sees them
    (the baseline targets are cut from)."""
    years = target_years()
    inputs = services.place_inputs(place)
    scale = grid_scale(inputs, services.assumptions(), np.asarray(years))
    baseline = baseline_emissions_tco2e(inputs, scale)
    return {year: float(value) for year, value in zip(years, baseline, strict=True)}


def no_new_action_budget_tco2e(place: Place) -> float:
    """Emissions to the final year with no new action, each year weighted by the length of
    its period as the optimiser's carbon budget is: a budget must be below this to ask for
    anything."""
    baseline = no_new_action_tco2e(place)
    years = target_years()
    lengths = np.diff([services.place_inputs(place).base_year, *years])
    return float(lengths @ np.asarray([baseline[year] for year in years]))
