"""`manage.py load_community_demo`: the Community Energy Pathway's demonstration data (groups
across several districts at different steps, mentors, one round in progress), marked as demo.
See community.demo."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from placezero.community.demo import PASSWORD, load
from placezero.places import services as places


class Command(BaseCommand):
    help = "Load the Community Energy Pathway demo (once; run after create_demo_accounts)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--place", default="leicestershire", help="slug of the place")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            place = places.get_place(options["place"])
        except places.PlaceNotFound:
            raise CommandError(
                f"No place called {options['place']!r} is loaded: run "
                f"`placezero place load {options['place']}` first."
            ) from None
        try:
            made = load(place)
        except ValueError as error:
            raise CommandError(str(error)) from None
        for line in made:
            self.stdout.write(f"community demo: {line}")
        self.stdout.write(
            "Demo group founders (e.g. hinckley-founder), reviewers (reviewer-a, reviewer-b), "
            f"finance and greenfox-editor sign in with the password {PASSWORD}."
        )
