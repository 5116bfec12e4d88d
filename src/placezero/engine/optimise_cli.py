"""`placezero pathway optimise`: the least-cost plan for a place, from the command line.

    placezero pathway optimise --place leicestershire --target 2050=0 --scenario-out plan.yaml
    placezero pathway optimise --place leicestershire --reduction 2030=30 --reduction 2050=50
    placezero pathway optimise --synthetic 500 --mode technologies --reduction 2050=40

Targets are annual emissions in a year (tCO2e), or a reduction (%) on the emissions the place
would have that year with no new action. The default mode plans every sector, every year
(`optimise_levers_lp.py`), and prints its emissions beside the simulation of its plan; the
`technologies` mode is the zone-level deployment LP for homes, cars and generation in
five-year periods. An unreachable target prints what is achievable and exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import yaml

from placezero.engine.optimise import InfeasibleTarget, ProblemError, solve
from placezero.engine.optimise_explain import COVERAGE
from placezero.engine.optimise_inputs import (
    PERIOD_END_YEARS,
    TECHNOLOGIES,
    no_new_action_emissions,
    problem_from_inputs,
)


def add_place_arguments(parser: argparse.ArgumentParser) -> None:
    """The place to model (as `pathway run` takes it), or synthetic zones for benchmarks."""
    parser.add_argument("--place", help="place pack slug or directory (e.g. leicestershire)")
    parser.add_argument("--base-year", type=int, default=2023, help="base year (default 2023)")
    parser.add_argument(
        "--synthetic", type=int, metavar="N",
        help="use N synthetic zones instead of a place (random magnitudes, not a real place)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")


def load_inputs(args: argparse.Namespace):
    """PlaceInputs for the place named on the command line, or synthetic ones."""
    if args.synthetic:
        from placezero.engine.inputs import synthetic_inputs

        return synthetic_inputs(args.synthetic, seed=args.seed)
    if not args.place:
        raise SystemExit("error: give --place (e.g. --place leicestershire) or --synthetic N.")
    from placezero.datapack.errors import PackError
    from placezero.datapack.reader import read_pack
    from placezero.engine.pack_inputs import InputError, build_inputs

    try:
        return build_inputs(read_pack(args.place), base_year=args.base_year)
    except (PackError, InputError) as error:
        raise SystemExit(f"error: {error}") from None


def _year_values(pairs: list[str], flag: str) -> dict[int, float]:
    values = {}
    for pair in pairs or []:
        year, _, value = pair.partition("=")
        try:
            values[int(year)] = float(value)
        except ValueError:
            raise SystemExit(f"{flag} {pair!r}: write YEAR=VALUE, e.g. {flag} 2050=0.") from None
    return values


def _acceptance(path: str | None, n_zones: int) -> np.ndarray | None:
    if not path:
        return None
    share = np.loadtxt(path, delimiter=",", ndmin=2)
    if share.shape != (n_zones, len(TECHNOLOGIES)):
        raise SystemExit(
            f"{path}: expected {n_zones} rows (zones) of {len(TECHNOLOGIES)} shares "
            f"({', '.join(t[0] for t in TECHNOLOGIES)}), found {share.shape}."
        )
    return share


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "optimise",
        help="least-cost deployment to meet a target (LP, HiGHS)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_place_arguments(parser)
    years = ", ".join(map(str, PERIOD_END_YEARS))
    parser.add_argument(
        "--target", action="append", metavar="YEAR=TCO2E",
        help=f"emissions allowed in YEAR (one of {years}); repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--reduction", action="append", metavar="YEAR=PERCENT",
        help="cut emissions in YEAR by PERCENT on the no-new-action level; repeatable",
    )  # fmt: skip
    parser.add_argument("--budget", type=float, metavar="TCO2E", help="carbon budget to 2050")
    parser.add_argument(
        "--acceptance", metavar="CSV",
        help="zones x technologies shares (0-1) residents accept, no header",
    )  # fmt: skip
    parser.add_argument("--scenario-out", metavar="YAML", help="write the plan as a scenario")
    parser.add_argument(
        "--mode", choices=("sectors", "technologies"), default="sectors",
        help="sectors: every lever, every year (default); technologies: zone deployment of "
        "heat pumps, retrofit, cars and generation in five-year periods",
    )  # fmt: skip
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.mode == "sectors":
        from placezero.engine.optimise_levers_cli import run_sectors

        return run_sectors(args, load_inputs(args), _year_values, _acceptance)
    return run_technologies(args)


def run_technologies(args: argparse.Namespace) -> int:
    from placezero.engine.assumptions import load_assumptions

    started = time.perf_counter()
    inputs = load_inputs(args)
    assumptions = load_assumptions()
    targets = _year_values(args.target, "--target")
    if args.reduction:
        baseline = dict(
            zip(PERIOD_END_YEARS, no_new_action_emissions(inputs, assumptions), strict=True)
        )
        for year, percent in _year_values(args.reduction, "--reduction").items():
            if year not in baseline:
                raise SystemExit(f"--reduction {year}: use a period end year ({baseline}).")
            targets[year] = baseline[year] * (1 - percent / 100)
    try:
        problem = problem_from_inputs(
            inputs, assumptions, targets_tco2e=targets, carbon_budget_tco2e=args.budget,
            acceptance=_acceptance(args.acceptance, len(inputs.zones)),
        )  # fmt: skip
        size = f"{len(inputs.zones):,} zones x {len(problem.technologies)} technologies"
        print(f"Solving for {size} x {len(PERIOD_END_YEARS)} periods ...", file=sys.stderr)
        plan = solve(problem)
    except ProblemError as error:
        print(f"Cannot build the problem: {error}", file=sys.stderr)
        return 2
    except InfeasibleTarget as error:
        print(str(error), file=sys.stderr)
        print(COVERAGE, file=sys.stderr)
        return 2
    _print_plan(plan, time.perf_counter() - started)
    if args.scenario_out:
        _write_scenario(plan, inputs, Path(args.scenario_out))
    return 0


def _print_plan(plan, elapsed_s: float) -> None:
    problem = plan.problem
    cost = plan.cost_gbp
    worth = f"£{cost:,.0f}" if cost >= 0 else f"-£{-cost:,.0f} (a net saving: lower bills)"
    print(f"Least-cost plan: present value {worth} ({elapsed_s:.2f} s)")
    print("year    no new action    with the plan   target  (tCO2e/yr)")
    for p, year in enumerate(problem.period_end_years):
        target = problem.target_emissions_tco2e[p]
        shown = "-" if np.isnan(target) else f"{target:,.0f}"
        print(f"{year}  {problem.baseline_emissions_tco2e[p]:>15,.0f}"
              f"  {plan.emissions_tco2e[p]:>15,.0f}  {shown:>8}")  # fmt: skip
    print("installed by", problem.period_end_years[-1])
    installed = plan.installed_units[:, :, -1].sum(axis=0)
    for name, unit, value in zip(problem.technologies, problem.technology_units, installed,
                                 strict=True):  # fmt: skip
        print(f"  {name:<20} {value:>14,.1f} {unit}")
    print(f"network reinforcement {plan.reinforcement_mw.sum():,.1f} MW")


def _write_scenario(plan, inputs, path: Path) -> None:
    from placezero.engine.optimise_scenario import plan_to_scenario

    scenario = plan_to_scenario(plan, inputs)
    data = {
        "name": scenario.name,
        "description": scenario.description,
        "zones": {z: dict(v) for z, v in scenario.zones.items()},
        "trajectories": {
            lever: {d: dict(series) for d, series in by.items()}
            for lever, by in scenario.trajectories.items()
        },
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"Wrote the plan as a scenario to {path}")
