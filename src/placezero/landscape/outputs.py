"""What citizen landscaping publishes to the advisory repository (`placezero.publishing`):
the results of the place, and of each consultation with published contributions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from placezero.publishing import services as publishing

from .models import Consultation, Contribution
from .options import Status

if TYPE_CHECKING:
    from placezero.places.models import Place

RESULTS_KIND = "landscape.results"


def publish_results(place: Place) -> None:
    """The results map of the place, and of each consultation with published
    contributions, in the advisory repository (idempotent)."""
    published = Contribution.objects.filter(place=place, status=Status.PUBLISHED)
    common = {
        "audiences": ("public", "officers", "community", "residents"),
        "topics": ("solar", "wind", "heat", "transport", "engagement"),
    }
    url = reverse("landscape:results", args=[place.slug])
    publishing.publish(
        RESULTS_KIND, place=place, key=place.slug,
        title=f"What people said: citizen landscaping in {place.name}",
        summary=f"Acceptance of energy technologies per neighbourhood, from "
                f"{published.count()} published contributions by residents.",
        url=url, **common,
    )  # fmt: skip
    for consultation in Consultation.objects.filter(place=place):
        count = published.filter(consultation=consultation).count()
        if not count:
            continue
        publishing.publish(
            RESULTS_KIND, place=place, key=f"{place.slug}/{consultation.slug}",
            title=f"What people said: {consultation.title}",
            summary=f"Acceptance per neighbourhood and technology from {count} published "
                    f"contributions; it informs: {consultation.decisions_informed[:200]}",
            url=f"{url}?consultation={consultation.slug}", **common,
        )  # fmt: skip
