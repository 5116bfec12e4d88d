"""Residents' acceptance as the optimiser's per-zone limit (docs/method/acceptance.md)."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.engine.acceptance import (
    MINIMUM_RESPONSES,
    Tally,
    acceptance_by_lever,
    acceptance_shares,
    wilson_interval,
)


def test_share_counts_neutral_as_half():
    assert Tally(welcome=2, neutral=2, oppose=1).share == pytest.approx(0.6)
    assert Tally().share == 1.0


def test_shares_only_where_enough_responses():
    tallies = {
        ("Z1", "solar_ground_mw"): Tally(oppose=MINIMUM_RESPONSES),
        ("Z2", "solar_ground_mw"): Tally(oppose=MINIMUM_RESPONSES - 1),
        ("Z1", "not_an_engine_technology"): Tally(oppose=9),
        ("unknown zone", "solar_ground_mw"): Tally(oppose=9),
    }
    shares = acceptance_shares(("Z1", "Z2"), ("heat_pumps", "solar_ground_mw"), tallies)
    np.testing.assert_array_equal(shares, [[1.0, 0.0], [1.0, 1.0]])


def test_wilson_interval_stays_in_range_and_holds_the_share():
    low, high = wilson_interval(1.0, 5)
    assert 0.5 < low < 1.0 and high == 1.0
    low, high = wilson_interval(0.5, 100)
    assert low == pytest.approx(0.404, abs=1e-3) and high == pytest.approx(0.596, abs=1e-3)
    assert wilson_interval(0.3, 0) == (0.0, 1.0)


def test_credit_generation_replaces_only_the_generation_columns():
    from placezero.engine.acceptance import credit_generation

    abatement = np.ones((2, 3, 2))
    grid = np.array([[0.2, 0.1], [0.4, 0.0]])
    credited = credit_generation(abatement, ("heat_pumps", "solar_ground_mw", "x"), grid,
                                 {"solar_ground_mw": 1000.0, "absent": 5.0})  # fmt: skip
    np.testing.assert_array_equal(credited[:, 0, :], 1.0)
    np.testing.assert_allclose(credited[:, 1, :], [[200.0, 100.0], [400.0, 0.0]])
    np.testing.assert_array_equal(abatement, 1.0)  # the input is left as it was


def test_acceptance_by_lever_weights_zones_by_households_and_takes_the_least_accepted():
    share = np.array([[1.0, 0.0, 1.0], [1.0, 1.0, 0.5]])
    households = np.array([300.0, 100.0])
    levers = ("heat", "solar", "heat")
    by_lever = acceptance_by_lever(share, households, levers)
    assert by_lever == pytest.approx({"heat": 0.875, "solar": 0.25})
    everyone = acceptance_by_lever(np.ones((3, 1)), np.array([0.1, 0.2, 0.7]), ("solar",))
    assert everyone["solar"] <= 1.0
