"""`placezero manage run_pathway_worker`: the old name of `run_worker`, kept so a service
manager set up before the jobs app still starts a worker; it says to rename it."""

from __future__ import annotations

from typing import Any

from .run_worker import Command as RunWorker


class Command(RunWorker):
    help = "Deprecated: use `placezero worker` (or `placezero manage run_worker`)."

    def handle(self, *args: Any, **options: Any):
        self.stderr.write(
            "run_pathway_worker is deprecated: start `placezero worker` (or "
            "`placezero manage run_worker`) instead; it runs every app's jobs."
        )
        return super().handle(*args, **options)
