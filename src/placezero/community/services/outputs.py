"""What the Community Energy Pathway publishes to the advisory repository
(placezero.publishing): each place's community energy network page, and its readiness fund
awards in the 360Giving Data Standard.

`sync_place(place)` publishes both with their current figures; it runs when the panel makes
an award and when a claim is paid (`services.fund`) and when the demo is loaded. Publishing
is idempotent per kind and key, so running it again with nothing changed keeps the dates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from placezero.publishing import OutputKind, register_output_kind
from placezero.publishing import services as publishing

from . import network

if TYPE_CHECKING:
    from placezero.places.models import Place

NETWORK = "community.network"
AWARDS = "community.awards"
MODULE = "Community Energy Pathway"
NETWORK_AUDIENCES = ("public", "network", "community", "investors", "officers")
AWARDS_AUDIENCES = ("public", "investors", "network", "officers")
TOPICS = ("community energy", "solar", "wind", "grants")


def register_output_kinds() -> None:
    register_output_kind(
        OutputKind(
            key=NETWORK,
            label="Community energy network",
            module=MODULE,
            audiences=NETWORK_AUDIENCES,
            topics=("community energy", "solar", "wind"),
        )
    )
    register_output_kind(
        OutputKind(
            key=AWARDS,
            label="Readiness fund awards (360Giving)",
            module=MODULE,
            audiences=AWARDS_AUDIENCES,
            topics=("community energy", "grants"),
        )
    )


def sync_place(place: Place) -> None:
    found = network.totals(place)
    publishing.publish(
        NETWORK,
        place=place,
        key=f"{place.slug}-network",
        title=f"Community energy network of {place}",
        summary=(
            f"{found.groups} community energy groups in {found.districts_covered} of "
            f"{found.districts} districts, {found.launched} launched; "
            f"{found.installed_mw:.1f} MW operating."
        ),
        url=reverse("community:network", args=[place.slug]),
    )
    if found.awarded_gbp:
        publishing.publish(
            AWARDS,
            place=place,
            key=f"{place.slug}-awards",
            title=f"Readiness fund awards of {place} (360Giving)",
            summary=(
                f"£{found.awarded_gbp:,.0f} awarded and £{found.paid_gbp:,.0f} paid to "
                "community energy groups, in the 360Giving Data Standard."
            ),
            url=reverse("community:giving360", args=[place.slug]),
        )
