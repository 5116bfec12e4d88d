"""`placezero worker`: the background worker for long pathway runs (the same loop as
`placezero manage run_pathway_worker`). Needed only with `PATHWAY_JOBS_WORKER = "external"`;
the embedded default runs jobs in a thread of the web process.

Registered in `placezero.cli.COMMAND_MODULES`; it sets Django up only when it runs, so
listing commands stays light.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "worker", help="run queued optimisation and uncertainty jobs (needs the database)"
    )
    parser.add_argument("--once", action="store_true", help="run what is queued, then stop")
    parser.add_argument(
        "--poll", type=float, default=2.0, help="seconds between looks at an empty queue"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from placezero.cli import setup_django

    setup_django()
    from placezero.pathways import jobs

    ran = jobs.work(once=args.once, poll_s=args.poll)
    print(f"Ran {ran} job(s).")
    return 0
