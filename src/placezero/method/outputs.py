"""The replication guide (docs/method/replication.md, served at /method/replication/) as a
published output of every place (placezero.publishing), so the advisory repository lists it
beside the place's plan and reports: the guide is how another council sets up the same
programme, and each place is one worked instance of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse

from placezero.publishing import OutputKind, register_output_kind
from placezero.publishing import services as publishing

if TYPE_CHECKING:
    from placezero.places.models import Place

REPLICATION = "method.replication"


def register_output_kinds() -> None:
    register_output_kind(
        OutputKind(
            key=REPLICATION,
            label="Replication guide",
            module="How the figures are made",
            audiences=("public", "officers", "community"),
            topics=("replication", "net zero pathway", "governance", "community energy"),
        )
    )


def publish_guide(place: Place) -> None:
    publishing.publish(
        REPLICATION,
        place=place,
        key=f"replication/{place.slug}",
        title="Replicating the programme for another council",
        summary=(
            f"How another council sets up what {place.name} has here: the place from national "
            "open data, the governance structure from a template, the pathway plan run and "
            "published, and the community energy pathway started."
        ),
        url=reverse("method:page", kwargs={"page": "replication"}),
    )


def on_place_loaded(sender: Any, place: Place, **kwargs: Any) -> None:
    """`places.services.place_loaded` receiver: every loaded place lists the guide."""
    publish_guide(place)
