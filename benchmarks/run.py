"""`make bench`: time the engine, print a table and record it under benchmarks/results/.

python -m benchmarks.run                 # every case, full size (about 3-5 minutes)
python -m benchmarks.run --quick         # fewer repeats and 100 Monte Carlo samples
python -m benchmarks.run --only lp_county --no-write
"""

from __future__ import annotations

import argparse
import os
import sys

from benchmarks.cases import CASES, CASES_BY_NAME
from benchmarks.harness import (
    CaseResult,
    Timing,
    array_mb,
    measure_memory,
    table,
    time_numpy_copy,
    write_results,
)


def run_case(case, quick: bool) -> CaseResult:
    print(f"- {case.name}: preparing", file=sys.stderr, flush=True)
    prepared = case.prepare(quick)
    repeats = max(1, case.repeats // 5) if quick else case.repeats
    print(f"- {case.name}: timing ({repeats} repeats)", file=sys.stderr, flush=True)
    warmup = 0 if case.name.startswith("monte_carlo") else 1
    timing = Timing.of(prepared.run, repeats, warmup=warmup)
    arrays = prepared.arrays()
    python_loop_s = prepared.python_loop_s() if prepared.python_loop_s else None
    memory = None
    if case.measure_memory:
        print(f"- {case.name}: memory (fresh process)", file=sys.stderr, flush=True)
        memory = measure_memory(case.name, quick)
    return CaseResult(
        name=case.name, what=case.what, goal=case.goal, goal_s=case.goal_s,
        goal_mb=case.goal_mb, timing=timing, memory=memory, python_loop_s=python_loop_s,
        numpy_copy_s=time_numpy_copy(arrays) if arrays else None,
        data_mb=array_mb(*arrays) if arrays else None,
        notes=prepared.notes, goal_statistic=case.goal_statistic,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller, faster run")
    parser.add_argument("--only", action="append", choices=sorted(CASES_BY_NAME))
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    cases = [CASES_BY_NAME[name] for name in args.only] if args.only else list(CASES)
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    results = [run_case(case, args.quick) for case in cases]
    print(table(results))
    if not args.no_write:
        command = "python -m benchmarks.run" + (" --quick" if args.quick else "")
        if args.only:
            command += "".join(f" --only {name}" for name in args.only)
        json_path, md_path = write_results(results, command, load_at_start)
        print(f"\nWrote {json_path} and {md_path}")
    missed = [r.name for r in results if not r.met]
    if missed:
        print(f"Goals not met: {', '.join(missed)} (see docs/benchmarks.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
