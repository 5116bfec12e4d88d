"""`placezero pathway ...`: run, calibrate and check the pathway engine from the shell.

    placezero pathway run --place leicestershire --scenario FILE --out results.csv|.parquet
    placezero pathway calibrate --place leicestershire
    placezero pathway fes-check --place leicestershire [--fes CT]
    placezero pathway fes-scenario --place leicestershire --out FILE.yaml [--fes CT]
    placezero pathway impacts --place leicestershire --scenario FILE   # wedges and MACC
    placezero pathway golden [--check]    # regenerate (or check) the golden outputs

These commands never touch the database. `optimise_cli` and `uncertainty_cli` add
`pathway optimise` and `pathway uncertainty`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml


def register(subparsers: argparse._SubParsersAction) -> None:
    pathway = subparsers.add_parser("pathway", help="run and check the pathway engine")
    commands = pathway.add_subparsers(dest="pathway_command", metavar="COMMAND", required=True)

    run = commands.add_parser("run", help="simulate a scenario and write per-zone results")
    _place_arguments(run)
    run.add_argument("--scenario", required=True, help="scenario file (.yaml, .yml or .json)")
    run.add_argument("--out", required=True, help="output file: .csv or .parquet")
    run.add_argument(
        "--assumptions",
        choices=("low", "central", "high"),
        default="central",
        help="which value of every assumption to use (default central)",
    )
    run.set_defaults(handler=_run)

    calibrate = commands.add_parser("calibrate", help="base year against DESNZ, by district")
    _place_arguments(calibrate)
    calibrate.add_argument(
        "--data-dir",
        help="raw national files holding the DESNZ territorial totals "
        "(default: PLACEZERO_DATA_DIR, i.e. ../shared/data)",
    )
    calibrate.set_defaults(handler=_calibrate)

    check = commands.add_parser("fes-check", help="demand growth against FES 2023")
    _place_arguments(check)
    check.add_argument("--fes", default="CT", help="FES scenario code (default CT)")
    check.set_defaults(handler=_fes_check)

    fes = commands.add_parser("fes-scenario", help="write a scenario file from FES deployment")
    _place_arguments(fes)
    fes.add_argument("--fes", default="CT", help="FES scenario code (default CT)")
    fes.add_argument("--out", required=True, help="scenario file to write (.yaml)")
    fes.set_defaults(handler=_fes_scenario)

    impacts = commands.add_parser("impacts", help="wedges and MACC: each lever with vs without")
    _place_arguments(impacts)
    impacts.add_argument("--scenario", required=True, help="scenario file (.yaml or .json)")
    impacts.set_defaults(handler=_impacts)

    golden = commands.add_parser("golden", help="regenerate or check the golden outputs")
    golden.add_argument("--check", action="store_true", help="compare instead of writing")
    golden.set_defaults(handler=_golden)

    # The least-cost and Monte Carlo commands have modules of their own; each CLI module
    # imports its library, never the reverse. Imported here, so `placezero --help` does not
    # load them.
    from . import optimise_cli, uncertainty_cli

    optimise_cli.register(commands)
    uncertainty_cli.register(commands)


def _place_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--place", required=True, help="place pack slug or directory")
    parser.add_argument("--base-year", type=int, default=2023, help="base year (default 2023)")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load(args: argparse.Namespace):
    from placezero.datapack.errors import PackError
    from placezero.datapack.reader import read_pack

    from .pack_inputs import InputError, build_inputs

    try:
        pack = read_pack(args.place)
        return pack, build_inputs(pack, base_year=args.base_year)
    except (PackError, InputError) as error:
        raise SystemExit(f"error: {error}") from None


def _run(args: argparse.Namespace) -> int:
    from .assumptions import load_assumptions
    from .scenario import ScenarioError, load_scenario
    from .simulate import simulate

    out = Path(args.out)
    if out.suffix not in (".csv", ".parquet"):
        raise SystemExit(f"error: --out {out.name}: use a .csv or .parquet file name.")
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as error:
        raise SystemExit(f"error: {error}") from None
    _say(f"[1/4] scenario {scenario.name} (pathway code {scenario.code})")
    pack, inputs = _load(args)
    _say(
        f"[2/4] {pack.name}: {len(inputs.zones)} zones, {len(inputs.districts)} districts, "
        f"{inputs.base_year}-{inputs.years[-1]}"
    )
    base = load_assumptions()
    assumptions = base.with_values(getattr(base, args.assumptions)())
    started = time.perf_counter()
    try:
        results = simulate(inputs, scenario, assumptions)
    except ScenarioError as error:
        raise SystemExit(f"error: {error}") from None
    _say(f"[3/4] simulated in {(time.perf_counter() - started) * 1000:.0f} ms")
    rows = results.write(out)
    total = results.total_emissions_tco2e.sum(axis=0)
    _say(f"[4/4] wrote {rows:,} rows to {out}")
    print(
        f"{scenario.name}: emissions {total[0] / 1000:,.0f} ktCO2e in {inputs.base_year}, "
        f"{total[-1] / 1000:,.0f} ktCO2e in {inputs.years[-1]} "
        f"({1 - total[-1] / total[0]:.0%} lower)"
    )
    print(
        f"cumulative {inputs.base_year}-{inputs.years[-1]}: {total.sum() / 1000:,.0f} ktCO2e "
        f"against a straight-line budget to zero in 2050 of "
        f"{results.carbon_budget_tco2e(2050) / 1000:,.0f} ktCO2e"
    )
    # Zero to the tonne: a written plan's 9-decimal trajectories leave grams, not tonnes.
    net_zero = [
        int(year) for year, value in zip(inputs.years, total, strict=True) if round(value) <= 0
    ]
    print(
        f"net territorial emissions reach zero in {net_zero[0]}"
        if net_zero
        else f"net territorial emissions do not reach zero by {inputs.years[-1]}"
    )
    return 0


def _calibrate(args: argparse.Namespace) -> int:
    from placezero.datapack.sources import DEFAULT_DATA_DIR

    from .calibrate import (
        TOTALS_FILE,
        CalibrationError,
        calibration_table,
        format_table,
        read_territorial_totals,
    )

    _pack, inputs = _load(args)
    path = Path(args.data_dir or DEFAULT_DATA_DIR) / TOTALS_FILE
    try:
        rows = calibration_table(inputs, read_territorial_totals(path))
    except CalibrationError as error:
        raise SystemExit(
            f"error: {error} Give the folder holding {TOTALS_FILE} with --data-dir."
        ) from None
    print(format_table(rows, inputs.base_year))
    return 0 if all(row.within_tolerance for row in rows) else 1


def _fes_check(args: argparse.Namespace) -> int:
    from .fes_check import FesDataError, fes_check, fes_scenario, format_comparison

    pack, inputs = _load(args)
    try:
        scenario = fes_scenario(pack, inputs.districts, args.fes)
    except FesDataError as error:
        raise SystemExit(f"error: {error}") from None
    rows = fes_check(pack, inputs, scenario, fes_code=args.fes)
    print(format_comparison(rows, inputs.base_year))
    return 0 if all(row.within_tolerance for row in rows) else 1


def _fes_scenario(args: argparse.Namespace) -> int:
    from .fes_check import FesDataError, fes_scenario_mapping

    pack, inputs = _load(args)
    try:
        mapping = fes_scenario_mapping(pack, inputs.districts, args.fes)
    except FesDataError as error:
        raise SystemExit(f"error: {error}") from None
    Path(args.out).write_text(
        "# Generated by `placezero pathway fes-scenario`; FES 2023 data under the National\n"
        "# Grid ESO Open Data Licence.\n" + yaml.safe_dump(mapping, sort_keys=False),
        encoding="utf-8",
    )
    print(f"wrote {args.out}")
    return 0


def _impacts(args: argparse.Namespace) -> int:
    from .impacts import lever_impacts, macc
    from .scenario import ScenarioError, load_scenario

    try:
        scenario = load_scenario(args.scenario)
        _pack, inputs = _load(args)
        impacts, interaction = lever_impacts(inputs, scenario)
    except ScenarioError as error:
        raise SystemExit(f"error: {error}") from None
    print(f"{scenario.name}: each lever against the same scenario with it at level 1")
    print(f"{'lever':<44}{'saved ktCO2e':>14}{'GBP/tCO2e':>12}")
    for impact in macc(impacts):
        print(
            f"{impact.title:<44}{impact.cumulative_saved_tco2e / 1000:>14,.0f}"
            f"{impact.cost_per_tco2e_gbp:>12,.0f}"
        )
    print(f"{'interaction between levers':<44}{interaction / 1000:>14,.0f}")
    return 0


def _golden(args: argparse.Namespace) -> int:
    from .golden import GOLDEN_SCENARIOS, check_golden, write_golden

    for name in GOLDEN_SCENARIOS:
        if args.check:
            problems = check_golden(name)
            print(f"{name}: {'ok' if not problems else problems[0]}")
            if problems:
                return 1
        else:
            print(f"wrote {write_golden(name)}")
    return 0
