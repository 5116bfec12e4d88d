"""One place's figures for the national batch, from its pack alone (no Django), so a Dask
worker can compute them: the net zero scenario's 2050 gap and headroom shortfall (in the
whole place and each district) and the least-cost plan that reaches the same 2050
emissions, as net present cost per tonne saved against no new action.

`pathways.runs.national` calls `place_figures` in its own process or on a Dask cluster and
does the database work (publishing each plan) itself. docs/method/national.md gives the
method of every figure.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from placezero.datapack.reader import read_pack

from .assumptions import Assumptions, load_assumptions
from .optimise_levers_lp import LeverTargetError, LeverTargetInfeasible, solve_levers
from .pack_inputs import build_inputs
from .scenario import scenario_from_mapping
from .simulate import simulate

TARGET_YEAR = 2050


@lru_cache(maxsize=1)
def _assumptions() -> Assumptions:
    return load_assumptions()


def place_figures(
    pack_source: str,
    definition: Mapping[str, Any],
    no_new_action: Mapping[str, Any],
    target_year: int = TARGET_YEAR,
) -> dict[str, Any]:
    """Figures for the place whose pack is at `pack_source` (a folder or a committed slug).
    Raises what the engine raises for a pack or scenario it cannot use; an unreachable
    least-cost target is not an error (the plan's figures are None, `plan_note` says why)."""
    a = _assumptions()
    started = time.perf_counter()
    inputs = build_inputs(read_pack(pack_source), assumptions=a)
    results = simulate(inputs, scenario_from_mapping({"name": "scenario", **definition}), a)
    baseline = simulate(inputs, scenario_from_mapping({"name": "scenario", **no_new_action}), a)
    simulated_s = time.perf_counter() - started
    years = [int(y) for y in results.years]
    last = years.index(target_year)
    emissions = results.total_emissions_tco2e.sum(axis=0)
    base, final = float(emissions[0]), float(emissions[last])
    reinforcement = results.network.reinforcement_kw[:, last]
    row: dict[str, Any] = {
        "base_year": years[0],
        "base_tco2e": base,
        "net_zero_2050_tco2e": final,
        "gap_percent": 100.0 * final / base if base else None,
        "headroom_shortfall_mw": float(reinforcement.sum()) / 1000.0,
        "zones_short_of_headroom": int(np.count_nonzero(results.network.first_year_exceeded > 0)),
        "zones": len(inputs.zones),
        "capex_gbp": float(results.capex_gbp.sum()),
        "districts": _by_district(results, last, reinforcement),
        "simulate_s": simulated_s,
    }
    started = time.perf_counter()
    try:
        plan = solve_levers(inputs, a, {target_year: max(final, 0.0)})
    except (LeverTargetInfeasible, LeverTargetError) as error:
        row |= {"plan_cost_gbp": None, "cost_per_tonne_gbp": None, "plan_note": str(error)[:300]}
        row["optimise_s"] = time.perf_counter() - started
        return row
    no_action = baseline.total_emissions_tco2e.sum(axis=0)
    simulated = plan.simulated_emissions_tco2e
    saved = float(
        sum(
            no_action[i] - simulated[i]
            for i, year in enumerate(years)
            if years[0] < year <= target_year
        )
    )
    row |= {
        "plan_cost_gbp": float(plan.cost_gbp),
        "saved_tco2e": saved,
        "cost_per_tonne_gbp": float(plan.cost_gbp) / saved if saved > 0 else None,
        "plan_note": "" if saved > 0 else "the plan saves nothing against no new action",
        "optimise_s": time.perf_counter() - started,
    }
    return row


def _by_district(results: Any, last: int, reinforcement: np.ndarray) -> dict[str, Any]:
    """The net zero scenario's gap and headroom shortfall for each district of the place,
    summed over its zones (a county's districts are compared with other districts)."""
    inputs = results.inputs
    emissions = results.total_emissions_tco2e
    out = {}
    for d, code in enumerate(inputs.districts):
        mine = inputs.zone_district_index == d
        base, final = float(emissions[mine, 0].sum()), float(emissions[mine, last].sum())
        out[code] = {
            "base_tco2e": base,
            "net_zero_2050_tco2e": final,
            "gap_percent": 100.0 * final / base if base else None,
            "headroom_shortfall_mw": float(reinforcement[mine].sum()) / 1000.0,
        }
    return out
