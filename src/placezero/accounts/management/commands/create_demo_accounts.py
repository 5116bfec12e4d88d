"""`manage.py create_demo_accounts`: the real partnership organisations and one demo person
per role, with their passwords printed (see accounts.demo)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from placezero.accounts.demo import (
    DEMO_PASSWORD_ENV,
    OTHER_PLACES,
    DemoAccountError,
    create_demo_accounts,
)
from placezero.places import services as places

if TYPE_CHECKING:
    from placezero.places.models import Place


def loaded_place(slug: str) -> Place | None:
    try:
        return places.get_place(slug)
    except places.PlaceNotFound:
        return None


def find_place(slug: str | None) -> Place | None:
    """The place to attach organisations to: the one named, else the site's default place,
    else None (no place loaded yet is normal before `placezero place load`)."""
    try:
        return places.get_place(slug)
    except places.PlaceNotFound:
        if slug:
            raise CommandError(
                f"No place called {slug!r} is loaded. Load it first "
                f"(placezero place load {slug}) or leave out --place."
            ) from None
        return None


class Command(BaseCommand):
    help = (
        "Create or refresh the partnership organisations and one demo account per role. "
        f"Passwords are fixed and documented, or all set from ${DEMO_PASSWORD_ENV}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--place", help="slug of the place to attach organisations to")

    def handle(self, *args: Any, **options: Any) -> None:
        place = find_place(options["place"])
        try:
            others = {slug: loaded_place(slug) for slug in OTHER_PLACES}
            accounts = create_demo_accounts(place, others)
        except DemoAccountError as error:
            raise CommandError(str(error)) from error
        rows = [("Username", "Role", "Organisation", "Password")]
        rows += [(a.username, a.role, a.organisation or "-", a.password) for a in accounts]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for number, row in enumerate(rows):
            line = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            self.stdout.write(line.rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * w for w in widths))
        where = f" for {place}" if place else " (no place loaded: organisations not attached)"
        self.stdout.write(self.style.SUCCESS(f"Demo accounts ready{where}."))
