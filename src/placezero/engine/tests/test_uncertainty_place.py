"""Monte Carlo on the real simulation, and the two commands from the command line."""

from __future__ import annotations

import json

import numpy as np
import pytest

from placezero.engine.assumptions import load_assumptions
from placezero.engine.inputs import synthetic_inputs
from placezero.engine.optimise_cli import register as register_optimise
from placezero.engine.scenario import all_levels
from placezero.engine.simulate import simulate
from placezero.engine.uncertainty import place_uncertainty, summarise
from placezero.engine.uncertainty_cli import register as register_uncertainty


@pytest.fixture(scope="module")
def inputs():
    return synthetic_inputs(6, seed=2)


def test_central_sampling_equals_the_central_simulation(inputs):
    """With every assumption at central, every band is the central run's output."""
    a = load_assumptions()
    scenario = all_levels(3)
    central = summarise(simulate(inputs, scenario, a))
    bands = place_uncertainty(inputs, scenario, a, n_samples=3, method="central")
    for name, values in central.items():
        np.testing.assert_allclose(bands.outputs[name][1], values, rtol=1e-12)


def test_every_simulation_output_gets_a_band_with_its_unit(inputs):
    """Each series of Results appears in the bands, with the unit Results gives it."""
    a = load_assumptions()
    bands = place_uncertainty(inputs, all_levels(3), a, n_samples=8, seed=1)
    for name, unit, _ in simulate(inputs, all_levels(3), a).series():
        assert name in bands.outputs and bands.units[name] == unit


def test_simulation_bands_are_ordered(inputs):
    """p5 <= p50 <= p95 for total emissions in every year."""
    bands = place_uncertainty(inputs, all_levels(3), load_assumptions(), n_samples=30, seed=4)
    low, median, high = bands.band("emissions_total_tco2e")
    assert (low <= median).all() and (median <= high).all() and (high[-1] > low[-1])


def _parser():
    import argparse

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    register_optimise(sub)
    register_uncertainty(sub)
    return parser


def test_uncertainty_command_writes_bands(tmp_path, capsys):
    """`pathway uncertainty --no-cluster --out` writes every output's bands as JSON."""
    out = tmp_path / "bands.json"
    args = _parser().parse_args(
        ["uncertainty", "--synthetic", "4", "--samples", "6", "--no-cluster", "--out", str(out)]
    )
    assert args.handler(args) == 0
    payload = json.loads(out.read_text())
    assert payload["n_samples"] == 6
    assert len(payload["outputs"]["emissions_total_tco2e"]["bands"]) == 3
    assert "6/6 samples" in capsys.readouterr().err


def test_optimise_command_explains_an_infeasible_target(capsys):
    """`pathway optimise --target 2030=0` (every sector) and `--mode technologies --target
    2050=0` exit 2 with the planners' explanation."""
    args = _parser().parse_args(["optimise", "--synthetic", "5", "--target", "2030=0"])
    assert args.handler(args) == 2
    assert "The 2030 target of 0 tCO2e/yr cannot be met" in capsys.readouterr().err
    args = _parser().parse_args(
        ["optimise", "--synthetic", "5", "--mode", "technologies", "--target", "2050=0"]
    )
    assert args.handler(args) == 2
    assert "The 2050 target of 0 tCO2e/yr cannot be met" in capsys.readouterr().err


def test_optimise_command_writes_the_plan_as_a_scenario(tmp_path, capsys):
    """A reachable reduction prints the plan and writes a scenario file simulate can read."""
    from placezero.engine.scenario import load_scenario

    path = tmp_path / "plan.yaml"
    args = _parser().parse_args(
        ["optimise", "--synthetic", "5", "--reduction", "2050=20", "--scenario-out", str(path)]
    )
    assert args.handler(args) == 0
    assert "Least-cost plan" in capsys.readouterr().out
    simulate(synthetic_inputs(5, seed=0), load_scenario(path), load_assumptions())
