"""Action impacts: with minus without."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.engine.impacts import lever_impacts, macc
from placezero.engine.scenario import all_levels
from placezero.engine.simulate import simulate


def test_single_lever_impact_is_the_difference_of_two_runs(synthetic, assumptions):
    """Rule: a lever's wedge = emissions without it - emissions with it."""
    scenario = all_levels(1).with_levels({"car_van_electrification": 3})
    impacts, interaction = lever_impacts(synthetic, scenario, assumptions)
    assert [i.lever for i in impacts] == ["car_van_electrification"]
    with_it = simulate(synthetic, scenario, assumptions).total_emissions_tco2e.sum(0)
    without = simulate(synthetic, all_levels(1), assumptions).total_emissions_tco2e.sum(0)
    np.testing.assert_allclose(impacts[0].saved_tco2e_by_year, without - with_it)
    assert interaction == pytest.approx(0, abs=1e-3)


def test_macc_orders_by_cost_per_tonne(synthetic, assumptions):
    """Rule: the MACC lists abating levers cheapest per tonne first."""
    impacts, _ = lever_impacts(synthetic, all_levels(3), assumptions)
    costs = [i.cost_per_tco2e_gbp for i in macc(impacts)]
    assert costs == sorted(costs) and len(costs) >= 8
