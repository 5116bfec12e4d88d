"""Timing, memory and reporting for the benchmarks.

Time: `time.perf_counter` over repeats after one warm-up run; median and 95th percentile.
Memory: each case is run once more in a fresh Python subprocess, which reports the peak of
the run's numpy/Python allocations (`tracemalloc`, to which numpy reports its buffers; reset
after the inputs are loaded) and the process's peak resident set size (VmHWM from /proc/self/status,
which includes the interpreter, libraries and loading the place).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

RESULTS_DIR = Path(__file__).resolve().parent / "results"
REPO_ROOT = RESULTS_DIR.parent.parent


@dataclass
class Timing:
    median_s: float
    p95_s: float
    repeats: int

    @classmethod
    def of(cls, run: Callable[[], object], repeats: int, warmup: int = 1) -> Timing:
        for _ in range(warmup):
            run()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return cls(float(np.median(times)), float(np.percentile(times, 95)), repeats)


@dataclass
class Memory:
    tracemalloc_peak_mb: float
    max_rss_mb: float


@dataclass
class CaseResult:
    name: str
    what: str
    goal: str
    goal_s: float | None
    goal_mb: float | None
    timing: Timing
    memory: Memory | None
    python_loop_s: float | None  # plain-Python reference for the same work
    numpy_copy_s: float | None  # time to copy the same arrays once (memory-bound floor)
    data_mb: float | None  # size of the arrays the case works on
    notes: dict[str, object] = field(default_factory=dict)
    goal_statistic: str = "median"  # which time the goal is on: "median" or "p95"

    @property
    def met(self) -> bool:
        measured = self.timing.p95_s if self.goal_statistic == "p95" else self.timing.median_s
        ok = self.goal_s is None or measured <= self.goal_s
        if self.goal_mb is not None and self.memory is not None:
            ok = ok and self.memory.max_rss_mb <= self.goal_mb
        return ok

    def ratios(self) -> dict[str, float | None]:
        t = self.timing.median_s

        def ratio(reference: float | None) -> float | None:
            return None if reference is None or t == 0 else reference / t

        return {
            "speedup_vs_python_loop": ratio(self.python_loop_s),
            "time_vs_numpy_copy": None if not self.numpy_copy_s else t / self.numpy_copy_s,
            "peak_vs_data": (
                None
                if not (self.memory and self.data_mb)
                else self.memory.tracemalloc_peak_mb / self.data_mb
            ),
        }


def measure_memory(case_name: str, quick: bool) -> Memory:
    """Run one case in a fresh interpreter and read its peak memory."""
    command = [sys.executable, "-m", "benchmarks.memory", case_name]
    if quick:
        command.append("--quick")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src") + os.pathsep + str(REPO_ROOT)}
    out = subprocess.run(
        command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return Memory(data["tracemalloc_peak_mb"], data["max_rss_mb"])


def array_mb(*arrays: np.ndarray) -> float:
    return sum(np.asarray(a).nbytes for a in arrays) / 1e6


def time_numpy_copy(arrays: list[np.ndarray], repeats: int = 5) -> float:
    """Median time to copy every array once: the floor set by memory bandwidth."""
    return Timing.of(lambda: [a.copy() for a in arrays], repeats).median_s


def machine() -> dict[str, object]:
    return {
        "hostname": platform.node(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "processor": platform.processor() or platform.machine(),
        "cpus_visible": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        # Other jobs on a shared machine slow every figure: say how busy it was.
        "load_average_1_5_15_min": [round(x, 2) for x in os.getloadavg()],
    }


def _fmt_s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _fmt_x(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}x"


def table(results: list[CaseResult]) -> str:
    """A Markdown table, readable in a terminal too."""
    header = (
        "| case | median | p95 | goal | met | peak alloc / RSS | speed-up on Python loop "
        "| vs numpy copy | peak / data |\n|---|---|---|---|---|---|---|---|---|"
    )
    lines = [header]
    for r in results:
        ratios = r.ratios()
        memory = (
            f"{r.memory.tracemalloc_peak_mb:,.0f} / {r.memory.max_rss_mb:,.0f} MB"
            if r.memory
            else "-"
        )
        lines.append(
            f"| {r.name} | {_fmt_s(r.timing.median_s)} | {_fmt_s(r.timing.p95_s)} | {r.goal} "
            f"| {'yes' if r.met else 'NO'} | {memory} "
            f"| {_fmt_x(ratios['speedup_vs_python_loop'])} "
            f"| {_fmt_x(ratios['time_vs_numpy_copy'])} "
            f"| {_fmt_x(ratios['peak_vs_data'])} |"
        )
    return "\n".join(lines)


def write_results(
    results: list[CaseResult], command: str, load_at_start: list[float]
) -> tuple[Path, Path]:
    """Write results/<date>-<machine>.json and results/latest.md."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y-%m-%dT%H%M", time.gmtime())
    info = machine() | {"load_average_at_start": load_at_start}
    payload = {
        "command": command,
        "when_utc": stamp,
        "machine": info,
        "cases": [{**asdict(r), "met": r.met, "ratios": r.ratios()} for r in results],
    }
    json_path = RESULTS_DIR / f"{stamp}-{info['hostname']}.json"
    json_path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    details = "\n".join(
        f"- **{r.name}**: {r.what}" + (f" ({_notes(r.notes)})" if r.notes else "") for r in results
    )
    markdown = (
        f"# Latest benchmark results\n\nCommand: `{command}` at {stamp} UTC on "
        f"{info['hostname']} ({info['processor']}, {info['cpus_usable']} usable cores, "
        f"Python {info['python']}, numpy {info['numpy']}). Load average (1 min) "
        f"{info['load_average_at_start'][0]} at the start, "
        f"{info['load_average_1_5_15_min'][0]} at the end. Raw figures: `{json_path.name}`.\n\n"
        f"{table(results)}\n\n{details}\n\n"
        "Columns are explained in `docs/benchmarks.md`.\n"
    )
    md_path = RESULTS_DIR / "latest.md"
    md_path.write_text(markdown, encoding="utf-8")
    return json_path, md_path


def _notes(notes: dict[str, object]) -> str:
    return ", ".join(f"{key} {value}" for key, value in notes.items())
