"""`placezero pathway uncertainty`: bands on every output of a scenario, from the command line.

    placezero pathway uncertainty --place leicestershire --scenario balanced --samples 1000
    placezero pathway uncertainty --synthetic 120 --samples 200 --no-cluster
    placezero pathway uncertainty --place leicestershire --samples 5000 \\
        --scheduler tcp://10.0.0.5:8786

Samples run on a local Dask cluster of two single-threaded workers by default, on a running
scheduler with --scheduler, or in this process with --no-cluster. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from placezero.engine.optimise_cli import add_place_arguments, load_inputs
from placezero.engine.uncertainty import (
    LOCAL_CLUSTER,
    SAMPLING_METHODS,
    Bands,
    UncertaintyError,
    place_uncertainty,
)

HEADLINE = ("emissions_total_tco2e", "electricity_demand_kwh", "peak_demand_kw", "capex_gbp")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "uncertainty",
        help="Monte Carlo over the assumption ranges: 5/50/95 %% bands on every output",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_place_arguments(parser)
    parser.add_argument(
        "--scenario", metavar="FILE|NAME",
        help="scenario file, or a shipped one (balanced, ...); default: every lever at 1",
    )  # fmt: skip
    parser.add_argument("--samples", type=int, default=1000, help="number of samples (1000)")
    parser.add_argument("--method", choices=SAMPLING_METHODS, default="latin-hypercube")
    parser.add_argument(
        "--vary", action="append", metavar="KEY",
        help="vary only this assumption (repeatable); default: every one with a range",
    )  # fmt: skip
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler")
    where.add_argument("--no-cluster", action="store_true", help="run in this process")
    parser.add_argument("--out", metavar="JSON", help="write every band to this file")
    parser.set_defaults(handler=run)


def _progress_printer(stream=None):
    # Look sys.stderr up when called, not when defined: it may have been replaced since
    # import (pytest's capture does this; so does any caller redirecting output).
    stream = stream if stream is not None else sys.stderr
    started = time.perf_counter()

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total)
        elapsed = time.perf_counter() - started
        eta = elapsed / done * (total - done) if done else 0.0
        bar = "#" * filled + "." * (width - filled)
        stream.write(f"\r[{bar}] {done}/{total} samples, {elapsed:.0f} s, ~{eta:.0f} s left")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def scenario_path(name_or_path: str) -> Path:
    """A scenario file, or the name of one shipped in engine/scenarios (e.g. balanced)."""
    path = Path(name_or_path)
    shipped = Path(__file__).resolve().parent / "scenarios" / f"{name_or_path}.yaml"
    return shipped if not path.exists() and shipped.exists() else path


def run(args: argparse.Namespace) -> int:
    from placezero.engine.assumptions import load_assumptions
    from placezero.engine.scenario import ScenarioError, all_levels, load_scenario

    inputs = load_inputs(args)
    try:
        scenario = load_scenario(scenario_path(args.scenario)) if args.scenario else all_levels(1)
    except ScenarioError as error:
        print(f"Cannot read the scenario: {error}", file=sys.stderr)
        return 2
    scheduler = None if args.no_cluster else (args.scheduler or LOCAL_CLUSTER)
    started = time.perf_counter()
    try:
        bands = place_uncertainty(
            inputs, scenario, load_assumptions(), n_samples=args.samples, seed=args.seed,
            keys=args.vary, method=args.method, scheduler=scheduler,
            progress=_progress_printer(),
        )  # fmt: skip
    except UncertaintyError as error:
        print(str(error), file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"{bands.n_samples} samples of {len(bands.keys)} assumptions in {elapsed:.1f} s "
          f"({inputs.place}, scenario {scenario.name!r}, seed {bands.seed})")  # fmt: skip
    _print_headline(bands, inputs.years)
    if args.out:
        write_bands(bands, inputs.years, Path(args.out))
        print(f"Wrote {len(bands.outputs)} outputs' bands to {args.out}")
    return 0


def _print_headline(bands: Bands, years: np.ndarray) -> None:
    shown = [y for y in (2030, 2040, 2050) if y in years]
    for name in HEADLINE:
        low, median, high = bands.band(name)
        unit = bands.units.get(name, "")
        cells = "  ".join(
            f"{year}: {median[i]:,.0f} ({low[i]:,.0f}-{high[i]:,.0f})"
            for year in shown
            for i in [int(np.flatnonzero(years == year)[0])]
        )
        print(f"{name} [{unit}] median (5-95 %): {cells}")


def write_bands(bands: Bands, years: np.ndarray, path: Path) -> None:
    """JSON: years, percentiles, the samples' settings and each output's bands with units."""
    payload = {
        "years": [int(y) for y in years],
        "percentiles": list(bands.percentiles),
        "n_samples": bands.n_samples,
        "seed": bands.seed,
        "method": bands.method,
        "varied": list(bands.keys),
        "outputs": {
            name: {"unit": bands.units.get(name, ""), "bands": values.tolist()}
            for name, values in bands.outputs.items()
        },
    }
    path.write_text(json.dumps(payload) + "\n", encoding="utf-8")
