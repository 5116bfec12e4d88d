"""`manage.py load_governance_demo`: the demo Leicestershire partnership (governance.demo)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from placezero.governance.demo import GovernanceDemoError, load_governance_demo
from placezero.places import services as places


class Command(BaseCommand):
    help = (
        "Load the demonstration partnership (bodies, members, the Pact, powers, decisions, "
        "an evaluation round) for a place; running it again replaces the demo records."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--place", default="leicestershire", help="slug of the place")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            place = places.get_place(options["place"])
        except places.PlaceNotFound:
            raise CommandError(
                f"No place called {options['place']!r} is loaded. Load it first "
                f"(placezero place load {options['place']})."
            ) from None
        try:
            made = load_governance_demo(place)
        except GovernanceDemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Governance demo for {place}: {made['signatories']} pact signatories, "
            f"{made['decisions']} decisions, {made['meetings']} meetings, "
            f"{made['answers']} evaluation answers"
            + (
                " (structure set up from the two-tier county template)."
                if made["structure_installed"]
                else "."
            )
        )
        self.stdout.write("Demo partnership accounts (username, organisation, password):")
        for username, organisation, password in made["accounts"]:
            self.stdout.write(f"  {username:<20} {organisation:<45} {password}")
