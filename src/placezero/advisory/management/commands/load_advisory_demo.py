"""Load the advisory repository's demo resources (marked as demo)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from placezero.advisory.demo import load_demo


class Command(BaseCommand):
    help = "Load the advisory repository's demo resources (idempotent; marked as demo)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_demo()
        self.stdout.write(
            f"Advisory demo: {counts['created']} resources created, {counts['updated']} updated, "
            f"{counts['skipped']} skipped (their place is not loaded)."
        )
