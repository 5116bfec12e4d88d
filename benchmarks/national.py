"""The national case (issue 10): every English and Welsh place built, loaded, simulated and
optimised, with wall time and peak memory per stage. A benchmark, not a test.

    python -m benchmarks.national [--limit N] [--jobs 2]

Each stage runs in a fresh Python process, so its peak resident set (VmHWM, plus the peak of
its worker processes for the parallel build) is its own. The database is a SQLite file under
var/ made for the run. With --limit the run covers the first N places by slug and the
figures for all 175 are extrapolated in proportion to the share of authorities covered,
labelled as such. Results go to benchmarks/results/national-<UTC time>.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench-national"
RESULTS = Path(__file__).resolve().parent / "results"
STAGES = ("build", "load", "simulate", "optimise")


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1e3
    return 0.0


def _definitions(limit: int | None):
    from placezero.datapack.definitions import every_place
    from placezero.datapack.sources import DEFAULT_DATA_DIR

    places = every_place(DEFAULT_DATA_DIR)
    return (places[:limit] if limit else places), places


def _packs() -> list[Path]:
    return sorted(path.parent for path in (WORK / "packs").glob("*/manifest.json"))


def stage_build(limit: int | None, jobs: int) -> dict:
    from placezero.datapack.sources import DEFAULT_DATA_DIR
    from placezero.places.create_all import build_all

    chosen, _ = _definitions(limit)
    built, failed = build_all(
        chosen, DEFAULT_DATA_DIR, WORK / "packs", jobs=jobs, say=lambda _m: None
    )
    return {"places": len(built), "failed": failed}


def _django() -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'national.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placezero.settings.dev")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def stage_load(limit: int | None, jobs: int) -> dict:
    _django()
    from placezero.places.loader import read_and_load

    rows = 0
    for path in _packs():
        report = read_and_load(path)
        rows += sum(report.row_counts.values())
    return {"places": len(_packs()), "rows": rows}


def _inputs_each():
    from placezero.datapack.reader import read_pack
    from placezero.engine.assumptions import load_assumptions
    from placezero.engine.pack_inputs import build_inputs

    assumptions = load_assumptions()
    for path in _packs():
        yield path.name, build_inputs(read_pack(path), assumptions=assumptions), assumptions


def stage_simulate(limit: int | None, jobs: int) -> dict:
    from placezero.engine.scenario import load_scenario
    from placezero.engine.simulate import simulate

    scenario = load_scenario(ROOT / "src/placezero/engine/scenarios/net-zero.yaml")
    zones = 0
    for _slug, inputs, assumptions in _inputs_each():
        simulate(inputs, scenario, assumptions)
        zones += len(inputs.zones)
    return {"places": len(_packs()), "zones": zones, "scenario": "net-zero"}


def stage_optimise(limit: int | None, jobs: int) -> dict:
    from placezero.engine.optimise_levers_lp import solve_levers

    failed = {}
    for slug, inputs, assumptions in _inputs_each():
        try:
            solve_levers(inputs, assumptions, {2050: 0.0})
        except Exception as error:  # a place the optimiser cannot solve is reported, not fatal
            failed[slug] = f"{type(error).__name__}: {error}"[:200]
    return {"places": len(_packs()) - len(failed), "failed": failed, "target": "net zero 2050"}


def _run_stage(stage: str, limit: int | None, jobs: int) -> dict:
    started = time.perf_counter()
    result = globals()[f"stage_{stage}"](limit, jobs)
    result["wall_s"] = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
    result["peak_rss_mb"] = max(_peak_rss_mb(), children)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N places by slug")
    parser.add_argument("--jobs", type=int, default=2, help="build processes (default 2)")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(_run_stage(args.stage, args.limit, args.jobs)))
        return 0
    import shutil

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    chosen, every = _definitions(args.limit)
    share = sum(len(d.lads) for d in chosen) / sum(len(d.lads) for d in every)
    results = {}
    for stage in STAGES:
        command = [
            sys.executable,
            "-m",
            "benchmarks.national",
            "--stage",
            stage,
            "--jobs",
            str(args.jobs),
        ] + (["--limit", str(args.limit)] if args.limit else [])
        out = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
        results[stage] = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{stage:<9} {results[stage]['wall_s']:8.1f} s  "
            f"{results[stage]['peak_rss_mb']:8.0f} MB  {results[stage].get('places')} places",
            flush=True,
        )
    total = sum(r["wall_s"] for r in results.values())
    record = {
        "case": "national",
        "places": len(chosen),
        "of_places": len(every),
        "authorities_share": share,
        "jobs": args.jobs,
        "stages": results,
        "total_wall_s": total,
        "extrapolated_all_places_wall_s": total / share if share < 1 else None,
        "machine": f"{platform.node()} {os.cpu_count()} CPUs (shared with other work)",
        "python": platform.python_version(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m benchmarks.national " + " ".join(argv or sys.argv[1:]),
    }
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"national-{stamp}.json").write_text(json.dumps(record, indent=2) + "\n")
    lines = [
        f"# National case, {record['when']}",
        "",
        f"{len(chosen)} of {len(every)} places ({share:.0%} of the 318 authorities), "
        f"{args.jobs} build processes, on {record['machine']}.",
        "",
        "| stage | wall time | peak memory | places |",
        "|---|---|---|---|",
        *(
            f"| {stage} | {r['wall_s']:.1f} s | {r['peak_rss_mb']:.0f} MB | {r.get('places')} |"
            for stage, r in results.items()
        ),
        f"| total | {total:.1f} s | | |",
    ]
    if share < 1:
        lines += [
            "",
            f"Extrapolated to all {len(every)} places (in proportion to authorities "
            f"covered; not measured): about {total / share / 60:.0f} minutes.",
        ]
    (RESULTS / "national-latest.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
