"""`placezero pathway batch --all`: the national batch from the command line.

The engine's own `pathway` commands (run, optimise, calibrate, …) never touch the database
(`placezero.engine.cli`); this one does, so it lives with the pathway plan and adds itself
to the engine's `pathway` command.
"""

from __future__ import annotations

import argparse
import logging
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    pathway = subparsers.choices["pathway"]
    # argparse keeps a parser's sub-commands in its one _SubParsersAction.
    commands = next(
        action for action in pathway._actions if isinstance(action, argparse._SubParsersAction)
    )
    batch = commands.add_parser(
        "batch",
        help="net zero and the least-cost plan in every loaded place, each plan published",
    )
    batch.add_argument("--all", action="store_true", help="every place loaded on this site")
    batch.add_argument(
        "--place",
        action="append",
        default=[],
        metavar="SLUG",
        help="instead of --all, only these places (repeat for several)",
    )
    batch.add_argument(
        "--jobs",
        type=int,
        default=2,
        metavar="N",
        help="engine runs on a Dask LocalCluster of N worker processes (default 2; 1 runs "
        "them in this process, one place after another)",
    )
    batch.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the engine on the Dask cluster at ADDRESS (e.g. tcp://10.0.0.5:8786); its "
        "workers must see the place packs at the paths they were loaded from",
    )
    batch.set_defaults(handler=_batch)


class _Say(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        stream = sys.stderr if record.levelno >= logging.WARNING else sys.stdout
        print(record.getMessage(), file=stream, flush=True)


def _batch(args: argparse.Namespace) -> int:
    from placezero.cli import setup_django

    setup_django()
    from django.db.utils import OperationalError, ProgrammingError

    try:
        return _run_batch(args)
    except (OperationalError, ProgrammingError) as error:
        print(
            f"error: the database is not ready ({error}). Create or update its tables with "
            "`placezero manage migrate` (or `make migrate`) and try again.",
            file=sys.stderr,
        )
        return 2


def _run_batch(args: argparse.Namespace) -> int:
    from placezero.jobs import services as jobs
    from placezero.jobs.options import JobStatus
    from placezero.places import services as places

    from .runs import national

    if args.all == bool(args.place):
        print(
            "error: give --all (every loaded place) or --place SLUG (some of them), not both "
            "or neither.",
            file=sys.stderr,
        )
        return 2
    known = {place.slug for place in places.list_places()}
    if not known:
        print(
            "error: no place is loaded on this site. Load them first with "
            "`placezero place create --all` (or --lad CODE for one).",
            file=sys.stderr,
        )
        return 2
    unknown = sorted(set(args.place) - known)
    if unknown:
        print(
            f"error: no place called {', '.join(unknown)} on this site; "
            "`placezero place list` shows the slugs.",
            file=sys.stderr,
        )
        return 2
    chosen = sorted(args.place) or sorted(known)
    where = f"the Dask cluster at {args.scheduler}" if args.scheduler else f"{args.jobs} worker(s)"
    print(
        f"National batch: “net zero” and the least-cost plan in {len(chosen)} places, on {where}."
    )
    handler = _Say()
    national.logger.addHandler(handler)
    national.logger.setLevel(logging.INFO)
    # Said once, here: not again by a handler the site's logging settings put on the root.
    propagates, national.logger.propagate = national.logger.propagate, False
    try:
        job = jobs.run_as_operator(
            national.KEY, {"places": chosen, "workers": args.jobs, "scheduler": args.scheduler}
        )
    finally:
        national.logger.removeHandler(handler)
        national.logger.propagate = propagates
    if job.status != JobStatus.SUCCEEDED:
        print(f"error: the batch (job {job.pk}) {job.status}: {job.message}", file=sys.stderr)
        return 1
    failed = job.result["failed"]
    print(
        f"{len(job.result['places'])} places run and their plans published, {len(failed)} "
        f"failed; {job.message} Results: /jobs/{job.pk}/ and /places/."
    )
    if failed:
        print(
            "Failed: " + "; ".join(f"{f['slug']}: {f['reason']}" for f in failed),
            file=sys.stderr,
        )
        return 1
    return 0
