"""`manage.py load_landscape_demo [--place SLUG]`: demo contributions to citizen landscaping
(marked as demo), most published, some waiting for moderation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from placezero.landscape.demo import load_demo
from placezero.places import services as places


class Command(BaseCommand):
    help = "Replace a place's demo contributions to citizen landscaping with a fresh set."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--place", help="slug of the place (default: every loaded place)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["place"]:
            try:
                chosen = [places.get_place(options["place"])]
            except places.PlaceNotFound:
                raise CommandError(
                    f"No place called {options['place']!r} is loaded; load it first."
                ) from None
        else:
            chosen = places.list_places()
        for place in chosen:
            report = load_demo(place)
            self.stdout.write(
                f"{place.name}: {report.published} demo contributions published, "
                f"{report.pending} waiting for moderation."
            )
