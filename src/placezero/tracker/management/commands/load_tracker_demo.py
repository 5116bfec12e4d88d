"""Load the demonstration action plan of Leicestershire (marked as demo; see tracker.demo)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from placezero.places import services as places
from placezero.tracker import announce, demo


class Command(BaseCommand):
    help = "Load the demo action plan (real partner organisations, demo figures)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--place", default="leicestershire")

    def handle(self, *args, **options) -> None:
        try:
            place = places.get_place(options["place"])
        except places.PlaceNotFound:
            raise CommandError(
                f"No place “{options['place']}” is loaded: run `placezero place load` first."
            ) from None
        try:
            loaded = demo.load(place)
        except LookupError as error:
            raise CommandError(str(error)) from None
        announce.publish_progress(place)
        self.stdout.write(
            f"Loaded the demo action plan of {place}: {loaded['plans']} plans, "
            f"{loaded['actions']} actions, {loaded['updates']} progress updates."
        )
