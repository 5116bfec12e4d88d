"""`placezero manage run_worker`: the same loop as `placezero worker` (JOBS_WORKER =
"external"). Start it with the web server; stop it with Ctrl+C or a service manager."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from placezero.jobs import workers


class Command(BaseCommand):
    help = "Run queued background jobs and periodic work as they come."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="run what is queued, then stop")
        parser.add_argument(
            "--poll", type=float, default=None, help="seconds between looks at an empty queue"
        )

    def handle(self, *args: Any, once: bool = False, poll: float | None = None, **options: Any):
        ran = workers.work(once=once, poll=poll, say=self.stdout.write)
        self.stdout.write(f"Ran {ran} job(s).")
