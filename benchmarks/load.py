"""The load case of `make bench`: many clients at once against the production server.

    python -m benchmarks.load --url http://127.0.0.1:8001 --clients 50 --seconds 30

Each client is a thread with its own keep-alive connection that asks, one after another
with no pause, for the public pages and API answers a visitor would (PATHS, in turn from a
different start per client). It prints the latency percentiles per path and overall, the
throughput and the errors (any status other than 200, and any failed connection), and writes
them to benchmarks/results/load-<date>-<machine>.json and load-latest.md. `make bench-load`
starts `make serve` (gunicorn, production settings), runs this, and stops the server.

The figures are the server's under the load of this machine as it was: the load average
before and after is recorded, and the machine may be shared with other work.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

RESULTS_DIR = Path(__file__).resolve().parent / "results"
GOAL_P95_MS = 300.0
PATHS = (
    "/",
    "/places/leicestershire/pathway/",
    "/places/leicestershire/pathway/my-area/?q=loughborough",
    "/places/leicestershire/pathway/officers/",
    "/method/equations/",
    "/api/places/leicestershire",
    "/api/places/leicestershire/statistics?limit=100",
    "/api/places/leicestershire/pathway/scenarios",
)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


HEADERS = {"Accept-Encoding": "gzip"}


def _client(host: str, port: int, start: int, until: float, out: list, errors: list) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    index = start
    while time.monotonic() < until:
        path = PATHS[index % len(PATHS)]
        index += 1
        began = time.perf_counter()
        try:
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - began
            if response.status != 200:
                errors.append(f"{response.status} {path}")
            out.append((path, elapsed, response.status))
        except (OSError, http.client.HTTPException) as error:
            errors.append(f"{type(error).__name__} {path}")
            time.sleep(0.05)  # a refused connection must not turn into a busy loop
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.close()


def warm_up(host: str, port: int, seconds: float) -> None:
    """Every worker process computes each page's engine run once and keeps it: a few
    clients go round the paths first, uncounted, so the figures are of a running site."""
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(host, port, i, until, [], []))
        for i in range(len(PATHS))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run(url: str, clients: int, seconds: float, warmup: float = 15.0) -> dict:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    warm_up(host, port, warmup)
    samples: list[tuple[str, float, int]] = []
    errors: list[str] = []
    load_before = [round(x, 2) for x in os.getloadavg()]
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(host, port, i, until, samples, errors))
        for i in range(clients)
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - began
    times = [elapsed * 1000 for _, elapsed, _ in samples]
    by_path = {}
    for path in PATHS:
        mine = [elapsed * 1000 for p, elapsed, _ in samples if p == path]
        by_path[path] = {
            "requests": len(mine),
            "p50_ms": round(_percentile(mine, 0.5), 1),
            "p95_ms": round(_percentile(mine, 0.95), 1),
        }
    return {
        "url": url,
        "clients": clients,
        "seconds": seconds,
        "warmup_seconds": warmup,
        "requests": len(samples),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:10],
        "throughput_rps": round(len(samples) / wall, 1),
        "p50_ms": round(_percentile(times, 0.5), 1),
        "p95_ms": round(_percentile(times, 0.95), 1),
        "p99_ms": round(_percentile(times, 0.99), 1),
        "mean_ms": round(statistics.fmean(times), 1) if times else None,
        "by_path": by_path,
        "goal_p95_ms": GOAL_P95_MS,
        "met": bool(times) and _percentile(times, 0.95) <= GOAL_P95_MS and not errors,
        "machine": {
            "hostname": socket.gethostname(),
            "processor": platform.processor() or platform.machine(),
            "cpus_usable": len(os.sched_getaffinity(0)),
            "load_average_before": load_before,
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "when_utc": time.strftime("%Y-%m-%dT%H%M", time.gmtime()),
    }


def report(result: dict) -> str:
    lines = [
        f"{result['clients']} clients for {result['seconds']:g} s against {result['url']}: "
        f"{result['requests']} requests, {result['throughput_rps']} requests/s, "
        f"{result['errors']} errors.",
        f"Latency: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
        f"p99 {result['p99_ms']} ms (goal p95 <= {result['goal_p95_ms']:g} ms: "
        f"{'met' if result['met'] else 'not met'}).",
        f"Load average before {result['machine']['load_average_before']}, after "
        f"{result['machine']['load_average_after']} on {result['machine']['cpus_usable']} "
        "cores (the machine is shared with other work while this runs).",
        "",
        "| path | requests | p50 ms | p95 ms |",
        "|---|---:|---:|---:|",
    ]
    for path, figures in result["by_path"].items():
        lines.append(
            f"| `{path}` | {figures['requests']} | {figures['p50_ms']} | {figures['p95_ms']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8001")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=15.0, help="uncounted seconds first")
    parser.add_argument(
        "--cookie",
        action="store_true",
        help="send a session cookie, as a returning visitor with a session does: no page "
        "comes from the shared cache (other cookies no longer keep a visitor from it)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    if args.cookie:
        # A session cookie whose session does not exist: the visitor is anonymous, but the
        # page cache must treat it as personal (web.cache), so every page is rendered.
        HEADERS["Cookie"] = "sessionid=placezero-bench-no-such-session"
    result = run(args.url, args.clients, args.seconds, args.warmup)
    result["cookie"] = args.cookie
    text = report(result)
    print(text)
    if not args.no_write:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        kind = "-with-cookie" if args.cookie else ""
        stem = f"load{kind}-{result['when_utc']}-{result['machine']['hostname']}"
        (RESULTS_DIR / f"{stem}.json").write_text(json.dumps(result, indent=2) + "\n")
        latest = f"# Latest load results{kind}\n\nRaw figures: `{stem}.json`.\n\n{text}\n"
        (RESULTS_DIR / f"load{kind}-latest.md").write_text(latest, encoding="utf-8")
        print(f"\nWrote benchmarks/results/{stem}.json and load{kind}-latest.md")
    return 0 if result["requests"] else 1


if __name__ == "__main__":
    sys.exit(main())
