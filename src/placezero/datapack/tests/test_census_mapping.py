"""Census 2021 figures move from 2021 MSOAs onto 2011 zones by the best-fit lookup."""

from __future__ import annotations

import pytest

from placezero.datapack.build_zone_stats import move_to_2011


def test_a_split_2011_msoa_takes_the_sum_of_its_2021_parts() -> None:
    """Leicester 009 (E02002835) became Leicester 042 and 043: 2,213 + 2,804 households."""
    values = {("E02006964", "households"): 2213.0, ("E02006965", "households"): 2804.0}
    sources = {"E02006964": ["E02002835"], "E02006965": ["E02002835"]}
    assert move_to_2011(values, sources, {}) == {("E02002835", "households"): 5017.0}


def test_a_merged_2021_msoa_is_shared_by_electricity_meters() -> None:
    values = {("NEW", "households"): 900.0}
    sources = {"NEW": ["OLD_A", "OLD_B"]}
    moved = move_to_2011(values, sources, {"OLD_A": 200.0, "OLD_B": 100.0})
    assert moved == {("OLD_A", "households"): 600.0, ("OLD_B", "households"): 300.0}


def test_without_weights_a_merged_msoa_is_shared_equally() -> None:
    moved = move_to_2011({("NEW", "households"): 10.0}, {"NEW": ["A", "B"]}, {})
    assert moved == {("A", "households"): 5.0, ("B", "households"): 5.0}


def test_moving_conserves_each_variable_total() -> None:
    values = {("N1", "households"): 123.0, ("N2", "households"): 77.0, ("N3", "households"): 5.0}
    sources = {"N1": ["A", "B", "C"], "N2": ["C"], "N3": ["D"]}
    moved = move_to_2011(values, sources, {"A": 3.0, "B": 1.0, "C": 7.0})
    assert sum(moved.values()) == pytest.approx(205.0)
