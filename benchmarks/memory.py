"""Run one benchmark case once in this fresh process and print its peak memory as JSON."""

from __future__ import annotations

import json
import resource
import sys
import tracemalloc

from benchmarks.cases import CASES_BY_NAME


def _peak_rss_kb() -> float:
    """This process's peak resident set (VmHWM). Preferred to getrusage's ru_maxrss, which
    Linux carries over from the parent across fork and so can report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def main(argv: list[str]) -> None:
    case = CASES_BY_NAME[argv[0]]
    quick = "--quick" in argv
    tracemalloc.start()
    prepared = case.prepare(quick)
    tracemalloc.reset_peak()  # count the run, not the loading of the place
    prepared.run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss_kb = _peak_rss_kb()
    print(json.dumps({"tracemalloc_peak_mb": peak / 1e6, "max_rss_mb": max_rss_kb / 1e3}))


if __name__ == "__main__":
    main(sys.argv[1:])
