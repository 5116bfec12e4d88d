"""`placezero manage run_pathway_worker`: run queued pathway jobs (PATHWAY_JOBS_WORKER =
"external"). Start it with the web server; stop it with Ctrl+C or a service manager."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from placezero.pathways import jobs


class Command(BaseCommand):
    help = "Run queued optimisation and uncertainty jobs as they arrive."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="run what is queued, then stop")
        parser.add_argument(
            "--poll", type=float, default=2.0, help="seconds between looks at an empty queue"
        )

    def handle(self, *args: Any, once: bool = False, poll: float = 2.0, **options: Any) -> None:
        ran = jobs.work(once=once, poll_s=poll, say=self.stdout.write)
        self.stdout.write(f"Ran {ran} job(s).")
