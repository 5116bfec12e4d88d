"""The national case (issue 10): every English and Welsh place built, loaded, simulated and
optimised, with wall time and peak memory per stage. A benchmark, not a test.

    python -m benchmarks.national [--limit N] [--jobs 2]

Stages, each in a fresh Python process:
- build: every place's pack on a Dask LocalCluster of --jobs workers (`place create --all`'s
  code: each worker parses every national file once, then slices it per place);
- migrate: a SQLite database made for the run under var/bench-national (never the
  development database);
- load: every pack into it, one after another, as `place create --all` loads them;
- batch: `pathway batch --all`'s job: in every place the net zero scenario is simulated and
  the least-cost plan solved on the LocalCluster, and the plan published. The worker-seconds
  spent simulating and optimising are summed from the places' own timings.

Peak memory is the largest total resident set of the stage's process and all its children
(the Dask scheduler's nanny and workers), sampled every 0.2 s from /proc: the memory the
machine needed, not one process's. The machine's load average before and after each stage
is recorded, since the machine is shared. Results go to
benchmarks/results/national-<UTC time>.json and national-latest.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench-national"
RESULTS = Path(__file__).resolve().parent / "results"
STAGES = ("build", "migrate", "load", "batch")
# The goal is for the work on the places; making the empty database is set-up.
WORK_STAGES = ("build", "load", "batch")
GOAL_S, GOAL_MB = 600, 8000


def _tree_rss_mb(root: int) -> float:
    """Resident set of `root` and all its descendants, in MB (from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry)] = float(fields.get("VmRSS", "0 kB").split()[0]) / 1e3
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        tree.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0.0) for pid in tree)


class PeakSampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))
            self._halt.wait(0.2)

    def stop(self) -> float:
        self._halt.set()
        self.join()
        self.peak_mb = max(self.peak_mb, _tree_rss_mb(os.getpid()))
        return self.peak_mb


def _definitions(limit: int | None):
    from placezero.datapack.definitions import every_place
    from placezero.datapack.sources import DEFAULT_DATA_DIR

    places = every_place(DEFAULT_DATA_DIR)
    return (places[:limit] if limit else places), places


def _packs() -> list[Path]:
    return sorted(path.parent for path in (WORK / "packs").glob("*/manifest.json"))


def _django() -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'national.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placezero.settings.dev")
    os.environ.setdefault("PLACEZERO_JOBS_WORKER", "external")  # no thread worker here
    import django

    django.setup()


def stage_migrate(limit: int | None, jobs: int) -> dict:
    """The bench's own empty database: made once, so the load is timed on its own."""
    _django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return {"places": 0}


def stage_build(limit: int | None, jobs: int) -> dict:
    from placezero.datapack.sources import DEFAULT_DATA_DIR
    from placezero.places.create_all import build_all

    chosen, _ = _definitions(limit)
    built, failed = build_all(
        chosen, DEFAULT_DATA_DIR, WORK / "packs", jobs=jobs, say=lambda _m: None
    )
    return {"places": len(built), "failed": failed, "workers": jobs}


def stage_load(limit: int | None, jobs: int) -> dict:
    _django()
    from placezero.datapack.errors import PackError
    from placezero.places.loader import read_and_load

    rows, failed = 0, {}
    for path in _packs():
        try:
            report = read_and_load(path)
        except PackError as error:
            failed[path.name] = str(error)
            continue
        rows += sum(report.row_counts.values())
    return {"places": len(_packs()) - len(failed), "rows": rows, "failed": failed}


def stage_batch(limit: int | None, jobs: int) -> dict:
    _django()
    from placezero.jobs import services as jobs_services
    from placezero.pathways.runs import national

    job = jobs_services.run_as_operator(national.KEY, {"workers": jobs})
    if job.status != "succeeded":
        return {"places": 0, "failed": {"batch": job.message}}
    rows = job.result["places"]
    return {
        "places": len(rows),
        "with_least_cost_plan": sum(1 for r in rows if r.get("cost_per_tonne_gbp") is not None),
        "failed": {f["slug"]: f["reason"] for f in job.result["failed"]},
        "simulate_worker_s": sum(r.get("simulate_s", 0.0) for r in rows),
        "optimise_worker_s": sum(r.get("optimise_s", 0.0) for r in rows),
        "workers": jobs,
        "scenario": "net-zero",
        "job": job.pk,
    }


def _cpu_s() -> float:
    """CPU seconds (user and system) of this process and the children it has waited for
    (the Dask cluster's processes, once it is closed)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _run_stage(stage: str, limit: int | None, jobs: int) -> dict:
    load_before = os.getloadavg()
    sampler = PeakSampler()
    sampler.start()
    started, cpu = time.perf_counter(), _cpu_s()
    result = globals()[f"stage_{stage}"](limit, jobs)
    result["wall_s"] = time.perf_counter() - started
    result["cpu_s"] = _cpu_s() - cpu
    result["peak_rss_mb"] = sampler.stop()
    result["load_average_before"] = [round(x, 2) for x in load_before]
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N places by slug")
    parser.add_argument("--jobs", type=int, default=2, help="Dask workers (default 2)")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(_run_stage(args.stage, args.limit, args.jobs)))
        return 0
    import shutil

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    chosen, every = _definitions(args.limit)
    results = {}
    for stage in STAGES:
        command = [sys.executable, "-m", "benchmarks.national", "--stage", stage]
        command += ["--jobs", str(args.jobs)] + (["--limit", str(args.limit)] if args.limit else [])
        out = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
        results[stage] = json.loads(out.stdout.strip().splitlines()[-1])
        r = results[stage]
        print(
            f"{stage:<6} {r['wall_s']:8.1f} s  {r['peak_rss_mb']:8.0f} MB  {r.get('places')} "
            f"places  load average {r['load_average_before'][0]:.1f}",
            flush=True,
        )
    total = sum(results[stage]["wall_s"] for stage in WORK_STAGES)
    cpu = sum(results[stage]["cpu_s"] for stage in WORK_STAGES)
    peak = max(r["peak_rss_mb"] for r in results.values())
    record = {
        "case": "national",
        "places": len(chosen),
        "of_places": len(every),
        "jobs": args.jobs,
        "stages": results,
        "total_wall_s": total,
        "total_cpu_s": cpu,
        "set_up_wall_s": results["migrate"]["wall_s"],
        "peak_rss_mb": peak,
        "goal": {"wall_s": GOAL_S, "peak_rss_mb": GOAL_MB},
        "met_goal": total <= GOAL_S and peak <= GOAL_MB,
        "machine": f"{platform.node()} {os.cpu_count()} CPUs (shared with other work)",
        "python": platform.python_version(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "python -m benchmarks.national " + " ".join(argv or sys.argv[1:]),
    }
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"national-{stamp}.json").write_text(json.dumps(record, indent=2) + "\n")
    batch = results["batch"]
    lines = [
        f"# National case, {record['when']}",
        "",
        f"{len(chosen)} of {len(every)} places, a Dask LocalCluster of {args.jobs} workers, on "
        f"{record['machine']}.",
        "",
        "| stage | wall time | CPU time | peak memory (process and workers) | places "
        "| load average |",
        "|---|---|---|---|---|---|",
        *(
            f"| {stage} | {r['wall_s']:.1f} s | {r['cpu_s']:.0f} s | {r['peak_rss_mb']:.0f} MB "
            f"| {r.get('places')} | {r['load_average_before'][0]:.1f} |"
            for stage, r in results.items()
        ),
        f"| build + load + batch | {total:.1f} s ({total / 60:.1f} min) | {cpu:.0f} s "
        f"| {peak:.0f} MB (largest stage) | | |",
        "",
        "The migrate stage makes the bench's empty database (set-up, not counted in the goal). "
        "The load average (1 minute, at the start of each stage) is of the shared machine; "
        f"on 2 cores it was {max(r['load_average_before'][0] for r in results.values()):.0f} "
        "at most, so the stages shared the CPUs with other work. CPU time counts this "
        "process and the children it waited for: Dask workers stopped by their nanny are not "
        "all counted, so it is a lower bound (the batch's worker-seconds below are the "
        "places' own timings).",
        "",
        f"Within the batch, worker-seconds simulating: {batch.get('simulate_worker_s', 0):.0f} "
        f"s; optimising: {batch.get('optimise_worker_s', 0):.0f} s; places with a least-cost "
        f"plan: {batch.get('with_least_cost_plan', 0)} of {batch.get('places')}.",
        "",
        f"Goal: everything within {GOAL_S / 60:.0f} minutes and {GOAL_MB / 1000:.0f} GB: "
        f"{'met' if record['met_goal'] else 'not met'}.",
    ]
    failures = {f"{s}/{k}": v for s, r in results.items() for k, v in r.get("failed", {}).items()}
    if failures:
        lines += ["", "Failed:", *(f"- {k}: {v[:200]}" for k, v in failures.items())]
    (RESULTS / "national-latest.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
