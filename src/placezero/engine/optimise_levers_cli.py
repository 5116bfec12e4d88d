"""`placezero pathway optimise` in its default, every-sector mode (optimise_levers_lp.py)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from .acceptance import acceptance_by_lever
from .levers import LEVERS
from .optimise_inputs import TECHNOLOGIES
from .optimise_levers import PLAN_LEVERS, ZONE_LEVERS
from .optimise_levers_lp import LeverTargetError, LeverTargetInfeasible, solve_levers
from .scenario import all_levels
from .simulate import simulate

SHOWN_YEARS = (2030, 2035, 2040, 2045, 2050)


def run_sectors(args, inputs, year_values, acceptance_csv) -> int:
    from .assumptions import load_assumptions

    started = time.perf_counter()
    a = load_assumptions()
    targets = year_values(args.target, "--target")
    years = [int(y) for y in inputs.years]
    no_action = simulate(inputs, all_levels(1, "no new action"), a).total_emissions_tco2e
    no_action = no_action.sum(axis=0)
    for year, percent in year_values(args.reduction, "--reduction").items():
        if year not in years:
            raise SystemExit(f"--reduction {year}: give a year from {years[1]} to {years[-1]}.")
        targets[year] = float(no_action[years.index(year)]) * (1 - percent / 100)
    share = acceptance_csv(args.acceptance, len(inputs.zones))
    accepted = (
        acceptance_by_lever(share, inputs.households, [lever for *_, lever in TECHNOLOGIES])
        if share is not None
        else None
    )
    print(f"Planning {len(PLAN_LEVERS)} levers x {len(years) - 1} years for "
          f"{len(inputs.zones):,} zones ...", file=sys.stderr)  # fmt: skip
    try:
        plan = solve_levers(
            inputs, a, targets, acceptance=accepted, carbon_budget_tco2e=args.budget
        )
    except LeverTargetError as error:
        print(f"Cannot use the target: {error}", file=sys.stderr)
        return 2
    except LeverTargetInfeasible as error:
        print(str(error), file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"Least-cost plan over every sector: present value £{plan.cost_gbp:,.0f} "
          f"({elapsed:.2f} s, {plan.iterations} linear programmes of {plan.variables:,} "
          f"variables and {plan.constraints:,} constraints)")  # fmt: skip
    print("year   no new action   programme   simulated   target  (tCO2e/yr, territorial)")
    for year in sorted({*SHOWN_YEARS, *plan.targets}):
        y = years.index(year)
        target = plan.targets.get(year)
        shown = "-" if target is None else f"{target:,.0f}"
        print(f"{year} {no_action[y]:>15,.0f} {plan.programme_emissions_tco2e[y]:>11,.0f} "
              f"{plan.simulated_emissions_tco2e[y]:>11,.0f} {shown:>8}")  # fmt: skip
    print(f"programme vs simulation: {plan.gap():.4%} of the {years[0]} emissions")
    print("2050 outcome of each lever (share of its level-4 outcome):")
    for lever, value in zip(PLAN_LEVERS, plan.shares[:, -1], strict=True):
        top = LEVERS[lever].values[3]
        print(f"  {lever:<42} {value:>7.3f}  ({value / top:.0%} of level 4)")
    if plan.zone_shares is not None:
        print("planned zone by zone (2050 share in the zones, lowest to highest):")
        for lever, zones in zip(ZONE_LEVERS, plan.zone_shares[:, :, -1], strict=True):
            print(f"  {lever:<42} {zones.min():>7.3f} to {zones.max():.3f} "
                  f"in {len(zones)} zones")  # fmt: skip
    print(f"network reinforcement by 2050: {plan.reinforcement_kw[:, -1].sum() / 1000:,.1f} MW")
    if args.scenario_out:
        _write(plan.scenario(), Path(args.scenario_out))
    return 0


def _write(scenario, path: Path) -> None:
    data = {
        "name": scenario.name,
        "description": scenario.description,
        "levers": {},
        "trajectories": {
            lever: {d: dict(series) for d, series in by.items()}
            for lever, by in scenario.trajectories.items()
        },
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"Wrote the plan as a scenario to {path}")
