"""Where an uncached request's time goes: each load-case path asked for in this process
(Django's test client, the local database, DEBUG off), timed warm, and the functions that
take the most time under cProfile.

    python -m benchmarks.profile_pages [--repeats 5] > benchmarks/results/load-profile.txt
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_pages")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placezero.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from benchmarks.load import PATHS

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    for path in PATHS:
        client.get(path)  # warm: engine runs and templates cached as in a running worker
        times = []
        profiler = cProfile.Profile()
        for _ in range(args.repeats):
            began = time.perf_counter()
            profiler.enable()
            response = client.get(path)
            profiler.disable()
            times.append((time.perf_counter() - began) * 1000)
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats("tottime")
        stats.print_stats(8)
        top = [line for line in out.getvalue().splitlines() if line.strip()][-9:]
        print(
            f"## {path}: {response.status_code}, {len(response.content) // 1000} kB, "
            f"median {statistics.median(times):.0f} ms over {args.repeats}"
        )
        print("\n".join(top))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
