"""The benchmark cases: what each runs, its goal, and its two references.

Every case names (1) the work, (2) a plain-Python reference doing the same work in a loop
over zones (or, for Monte Carlo, over samples in one process), and (3) the arrays whose
plain numpy copy is the floor set by memory bandwidth.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

COUNTY = "leicestershire"
NATIONAL_ZONES = 7201  # MSOAs (2011) of England and Wales
MC_SAMPLES = 1000
CENTRAL_REDUCTION_2050 = 0.4  # LP target: 40 % below the no-new-action 2050 emissions


@dataclass
class Prepared:
    run: Callable[[], Any]
    python_loop_s: Callable[[], float] | None
    arrays: Callable[[], list[np.ndarray]]
    notes: dict[str, object] = field(default_factory=dict)


@dataclass
class Case:
    name: str
    what: str
    goal: str
    goal_s: float | None
    goal_mb: float | None
    repeats: int
    prepare: Callable[[bool], Prepared]
    measure_memory: bool = True
    goal_statistic: str = "median"


@functools.cache
def county_inputs():
    """The committed Leicestershire pack's inputs, built once per process."""
    from placezero.datapack.reader import read_pack
    from placezero.engine.pack_inputs import build_inputs

    return build_inputs(read_pack(COUNTY))


def _assumptions():
    from placezero.engine.assumptions import load_assumptions

    return load_assumptions()


def _scenario():
    """All levers at level 3: every part of the model does work (level 1 would skip none,
    but deploys nothing)."""
    from placezero.engine.scenario import all_levels

    return all_levels(3)


def zone_subset(inputs, index: np.ndarray):
    """PlaceInputs for some zones only (for the per-zone loop reference)."""
    per_zone = (
        "baseline_energy_kwh", "emission_factor_kgco2e_per_kwh", "non_energy_emissions_tco2e",
        "households", "fossil_heated_households", "land_area_ha", "zone_district_index",
    )  # fmt: skip
    changes = {name: getattr(inputs, name)[index] for name in per_zone}
    for optional in ("population", "existing_generation_mw", "gas_heated_households"):
        if getattr(inputs, optional) is not None:
            changes[optional] = getattr(inputs, optional)[index]
    changes["zones"] = tuple(inputs.zones[i] for i in index)
    changes["zone_names"] = tuple(inputs.zone_names[i] for i in index)
    if inputs.network_group_index is not None:
        # The chosen zones' substation groups, renumbered from 0.
        groups, renumbered = np.unique(inputs.network_group_index[index], return_inverse=True)
        changes["network_group_index"] = renumbered
        changes["network_groups"] = tuple(inputs.network_groups[g] for g in groups)
        # A group's FES-derived base peak is the whole group's, not these zones': drop it.
        changes["network_base_peak_kw"] = None
        changes["network_fes_peak_kw"] = {}
        changes["network_group_gsps"] = ()
    return dataclasses.replace(inputs, **changes)


def _result_arrays(results) -> list[np.ndarray]:
    arrays = [
        value
        for value in (getattr(results, f.name) for f in dataclasses.fields(results))
        if isinstance(value, np.ndarray)
    ]
    arrays += list(results.deployment.values()) + list(results.capex_by_item_gbp.values())
    return arrays


def _loop_over_zones(inputs, sample: int | None = None) -> float:
    """Seconds to simulate zone by zone; with `sample`, time that many zones and scale up."""
    from placezero.engine.simulate import simulate

    n = len(inputs.zones)
    chosen = np.arange(n) if sample is None or sample >= n else np.arange(sample)
    scenario, assumptions = _scenario(), _assumptions()
    singles = [zone_subset(inputs, np.array([z])) for z in chosen]
    start = time.perf_counter()
    for single in singles:
        simulate(single, scenario, assumptions)
    return (time.perf_counter() - start) * n / len(chosen)


def prepare_simulate(inputs, loop_sample: int | None) -> Prepared:
    from placezero.engine.simulate import simulate

    scenario, assumptions = _scenario(), _assumptions()
    results = simulate(inputs, scenario, assumptions)
    notes = {"zones": len(inputs.zones), "years": f"{inputs.years[0]}-{inputs.years[-1]}"}
    if loop_sample and loop_sample < len(inputs.zones):
        notes["python loop"] = f"timed on {loop_sample} zones, scaled to all"
    return Prepared(
        run=lambda: simulate(inputs, scenario, assumptions),
        python_loop_s=lambda: _loop_over_zones(inputs, loop_sample),
        arrays=lambda: _result_arrays(results),
        notes=notes,
    )


def prepare_county_simulate(quick: bool) -> Prepared:
    inputs = county_inputs()
    return prepare_simulate(inputs, None)


def prepare_national_simulate(quick: bool) -> Prepared:
    from placezero.engine.inputs import synthetic_inputs

    inputs = synthetic_inputs(NATIONAL_ZONES, seed=0)
    prepared = prepare_simulate(inputs, 200)
    prepared.notes["inputs"] = "synthetic (7,201 zones of MSOA-like magnitude)"
    return prepared


def county_problem():
    """The county LP: 2050 emissions 40 % below no new action (a reachable target)."""
    from placezero.engine.optimise_inputs import no_new_action_emissions, problem_from_inputs

    inputs, assumptions = county_inputs(), _assumptions()
    baseline_2050 = no_new_action_emissions(inputs, assumptions)[-1]
    target = {2050: baseline_2050 * (1 - CENTRAL_REDUCTION_2050)}
    return problem_from_inputs(inputs, assumptions, targets_tco2e=target)


def prepare_county_lp(quick: bool) -> Prepared:
    from benchmarks.reference import build_lp_python_loop
    from placezero.engine.optimise import solve
    from placezero.engine.optimise_lp import build_lp, run_highs

    problem = county_problem()
    model = build_lp(problem, elastic=False)

    def python_loop() -> float:
        start = time.perf_counter()
        build_lp_python_loop(county_problem())  # the same inputs-to-problem step, then loops
        built = time.perf_counter() - start
        start = time.perf_counter()
        run_highs(model, time_limit_s=120)
        return built + (time.perf_counter() - start)

    n_z, n_t, n_p = problem.shape
    return Prepared(
        run=lambda: solve(county_problem()),
        python_loop_s=python_loop,
        arrays=lambda: [model.matrix.data, model.matrix.indices, model.matrix.indptr, model.cost],
        notes={
            "variables": model.matrix.shape[1],
            "constraints": model.matrix.shape[0],
            "non-zeros": model.matrix.nnz,
            "size": f"{n_z} zones x {n_t} technologies x {n_p} periods",
            "target": f"2050 emissions {CENTRAL_REDUCTION_2050:.0%} below no new action",
            "python loop": "same problem, dict-per-row matrix builder, same HiGHS solve",
        },
    )


def prepare_county_lp_sectors(quick: bool) -> Prepared:
    """The every-sector annual LP (sequential, on the simulation's own linearisation) for
    net zero in 2050: everything from inputs to the simulated plan."""
    from placezero.engine.optimise_levers_lp import solve_levers

    inputs, assumptions = county_inputs(), _assumptions()
    plan = solve_levers(inputs, assumptions, {2050: 0.0})
    return Prepared(
        run=lambda: solve_levers(inputs, assumptions, {2050: 0.0}),
        python_loop_s=None,
        arrays=lambda: [plan.shares, plan.reinforcement_kw],
        notes={
            "variables": plan.variables,
            "constraints": plan.constraints,
            "programmes solved": plan.iterations,
            "size": f"{plan.shares.shape[0]} levers x {plan.shares.shape[1] - 1} years, "
            f"{plan.reinforcement_kw.shape[0]} substation groups",
            "target": "net zero (territorial, net of removals) in 2050",
            "programme vs simulation": f"{plan.gap():.4%} of the base-year emissions",
        },
    )


def prepare_county_monte_carlo(quick: bool) -> Prepared:
    from placezero.engine.uncertainty import LOCAL_CLUSTER, place_uncertainty

    inputs, scenario, assumptions = county_inputs(), _scenario(), _assumptions()
    n_samples = 100 if quick else MC_SAMPLES
    serial_sample = 20 if quick else 50

    def run():
        return place_uncertainty(
            inputs, scenario, assumptions, n_samples=n_samples, seed=0, scheduler=LOCAL_CLUSTER
        )

    def serial() -> float:
        start = time.perf_counter()
        place_uncertainty(inputs, scenario, assumptions, n_samples=serial_sample, seed=0)
        return (time.perf_counter() - start) * n_samples / serial_sample

    def arrays() -> list[np.ndarray]:
        from placezero.engine.simulate import simulate

        # The outputs of one run, once per sample: the floor for touching every result.
        return _result_arrays(simulate(inputs, scenario, assumptions)) * n_samples

    return Prepared(
        run=run,
        python_loop_s=serial,
        arrays=arrays,
        notes={
            "samples": n_samples,
            "cluster": "LocalCluster, 2 workers x 1 thread, started inside the timing",
            "python loop": f"serial in one process, {serial_sample} samples scaled",
        },
    )


def _web(name: str, module: str = "web") -> Callable[[bool], Prepared]:
    """A web case, imported only when run (it sets Django up)."""

    def prepare(quick: bool) -> Prepared:
        import importlib

        return getattr(importlib.import_module(f"benchmarks.{module}"), name)(quick)

    return prepare


CASES: tuple[Case, ...] = (
    Case("simulate_county", "simulate Leicestershire, all zones, base year to 2050, all "
         "levers at 3", "<= 10 ms", 0.010, None, 30, prepare_county_simulate),
    Case("simulate_national", "simulate 7,201 zones (national size), to 2050",
         "<= 1 s, <= 2 GB", 1.0, 2000.0, 5, prepare_national_simulate),
    Case("lp_county", "least-cost LP for Leicestershire: build from inputs + solve (HiGHS)",
         "<= 10 s", 10.0, None, 5, prepare_county_lp),
    Case("lp_county_sectors", "every-sector annual least-cost LP for Leicestershire, net zero "
         "2050, with headroom per substation group (sequential LP incl. its simulations)",
         "<= 2 s", 2.0, None, 5, prepare_county_lp_sectors),
    Case("monte_carlo_county", "1,000 Monte Carlo samples of the county on 2 cores (Dask)",
         "<= 60 s", 60.0, None, 1, prepare_county_monte_carlo, measure_memory=False),
    Case("lever_fragment_county", "pathway workspace: server time from a lever change to the "
         "rendered results fragment, county", "p95 <= 150 ms", 0.150, None, 200,
         _web("prepare_lever_fragment"), measure_memory=False, goal_statistic="p95"),
    Case("public_view", "pathway public view: server time and page weight (HTML, CSS, "
         "JavaScript)", "-", None, None, 20, _web("prepare_public_view"), measure_memory=False),
    Case("tracker_action_impact", "tracker: one action's expected impact for the county "
         "(the engine with and without its contribution, uncached)", "<= 50 ms", 0.050, None,
         30, _web("prepare_action_impact", "tracker"), measure_memory=False),
    Case("tracker_dashboard_500", "tracker: server time of the dashboard of a plan of 500 "
         "actions", "<= 300 ms", 0.300, None, 20, _web("prepare_dashboard", "tracker"),
         measure_memory=False),
)  # fmt: skip
CASES_BY_NAME = {case.name: case for case in CASES}
