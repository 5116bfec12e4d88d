"""`placezero worker` (a worker process, for JOBS_WORKER = "external") and
`placezero jobs list | cancel | run-due | workers` (for operators and cron).

Registered in `placezero.cli.COMMAND_MODULES`; Django is set up only when a command runs,
so listing commands stays light.
"""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    worker = subparsers.add_parser(
        "worker", help="run queued background jobs and periodic work (needs the database)"
    )
    worker.add_argument("--once", action="store_true", help="run what is queued, then stop")
    worker.add_argument(
        "--poll", type=float, default=None, help="seconds between looks at an empty queue"
    )
    worker.set_defaults(handler=run_worker)

    jobs = subparsers.add_parser("jobs", help="list and cancel background jobs; run periodic work")
    commands = jobs.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="the newest jobs, with status and progress")
    listing.add_argument("--status", help="only jobs with this status (queued, running, …)")
    listing.add_argument("--kind", help="only jobs of this kind (e.g. pathways.optimise)")
    listing.add_argument("--limit", type=int, default=20, help="how many (default 20)")
    listing.set_defaults(handler=list_jobs)
    cancel = commands.add_parser("cancel", help="cancel a queued or running job")
    cancel.add_argument("job_id", type=int)
    cancel.set_defaults(handler=cancel_job)
    due = commands.add_parser("run-due", help="run the periodic tasks that are due (for cron)")
    due.set_defaults(handler=run_due)
    workers = commands.add_parser(
        "workers", help="workers, their last heartbeat, and periodic tasks"
    )
    workers.set_defaults(handler=list_workers)


def _django() -> None:
    from placezero.cli import setup_django

    setup_django()


def run_worker(args: argparse.Namespace) -> int:
    _django()
    from placezero.jobs import checks, workers

    # The settings checks run with the web server; a worker started on its own says them too
    # (an old setting name, a timeout shorter than three heartbeats).
    for problem in checks.worker_settings():
        print(f"{problem.id}: {problem.msg} {problem.hint}", file=sys.stderr)

    ran = workers.work(once=args.once, poll=args.poll)
    print(f"Ran {ran} job(s).")
    return 0


def list_jobs(args: argparse.Namespace) -> int:
    _django()
    from placezero.jobs import services
    from placezero.jobs.models import Job
    from placezero.jobs.options import JobStatus

    jobs = Job.objects.select_related("place", "worker")
    if args.status:
        if args.status not in JobStatus.values:
            print(f"No status {args.status!r}: use one of {', '.join(JobStatus.values)}.")
            return 2
        jobs = jobs.filter(status=args.status)
    if args.kind:
        jobs = jobs.filter(kind=args.kind)
    shown = list(jobs[: args.limit])
    if not shown:
        print("No jobs.")
        return 0
    for job in shown:
        where = f" · {job.place.name}" if job.place_id else ""
        held = f" · worker {job.worker.name}" if job.worker_id else ""
        print(
            f"{job.pk:>6}  {job.kind:<24} {job.get_status_display():<16} "
            f"{services.progress_text(job)}{where}{held}\n        {services.describe(job)}"
        )
    return 0


def cancel_job(args: argparse.Namespace) -> int:
    _django()
    from placezero.jobs import services
    from placezero.jobs.models import Job
    from placezero.jobs.options import FINISHED_JOB_STATUSES

    try:
        job = services.get_job(args.job_id)
    except Job.DoesNotExist:
        print(f"There is no job {args.job_id}: `placezero jobs list` shows them.", file=sys.stderr)
        return 2
    if job.status in FINISHED_JOB_STATUSES:
        print(f"Job {job.pk} has already ended ({job.get_status_display()}): nothing to cancel.")
        return 2
    job = services.cancel_as_operator(job)
    print(f"{job}: {job.message}")
    return 0


def run_due(args: argparse.Namespace) -> int:
    _django()
    from placezero.jobs import periodic

    outcomes = periodic.run_due(worker_name="placezero jobs run-due")
    for outcome in outcomes:
        print(outcome.sentence)
    if not outcomes:
        print("No periodic task is due.")
    return 1 if any(o.outcome == "failed" for o in outcomes) else 0


def list_workers(args: argparse.Namespace) -> int:
    _django()
    from django.utils import timezone

    from placezero.jobs import periodic, workers
    from placezero.jobs.models import Worker

    timeout_s, now = workers.worker_timeout_s(), timezone.now()
    for worker in Worker.objects.all()[:20]:
        silent_s = (now - worker.heartbeat_at).total_seconds()
        if worker.stopped_at:
            state = "stopped"
        else:
            state = "silent: taken for dead" if silent_s > timeout_s else "beating"
        print(f"{worker.name:<48} {worker.mode:<9} last beat {silent_s:,.0f} s ago ({state})")
    for run in periodic.states():
        last = run.last_started_at.isoformat(timespec="seconds") if run.last_started_at else "never"
        outcome = f" ({run.last_outcome})" if run.last_outcome else ""
        due = f"{run.next_due_at:%Y-%m-%d %H:%M}"
        print(f"periodic {run.key}: last run {last}{outcome}; next due {due}")
    return 0
