"""Demo contributions (marked `is_demo`): residents' views across the place's districts,
most published, some waiting for moderation. The people are fictional; nobody is named."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from shapely.geometry import Point, shape

from . import services
from .models import Contribution, ModerationDecision
from .options import Decision, Stance, Status, Technology

if TYPE_CHECKING:
    from placezero.places.models import Place

SEED = 14
ZONES_PER_DISTRICT = 2
RESPONSES_PER_ZONE = 7
PENDING_EVERY = 6  # every sixth demo contribution waits for moderation
REASONS = {
    Stance.WELCOME: (
        "Low-grade land next to the railway; it would not be seen from the village.",
        "We want local energy and a community share offer.",
        "Close to the substation and away from houses.",
    ),
    Stance.NEUTRAL: ("Depends on the screening and the traffic while it is built.",),
    Stance.OPPOSE: (
        "Good farmland and a popular footpath crosses it.",
        "Too close to the conservation area.",
        "Flooding on this lane already; construction traffic would make it worse.",
    ),
}
TECHNOLOGY_MIX = (
    Technology.GROUND_SOLAR, Technology.GROUND_SOLAR, Technology.GROUND_SOLAR,
    Technology.ONSHORE_WIND, Technology.HEAT_NETWORK, Technology.EV_CHARGING,
    Technology.ROOFTOP_SOLAR,
)  # fmt: skip


@dataclass(frozen=True)
class DemoReport:
    published: int
    pending: int


def _point_in(geometry: dict, rng: random.Random) -> dict:
    outline = shape(geometry)
    min_x, min_y, max_x, max_y = outline.bounds
    for _ in range(200):
        candidate = Point(rng.uniform(min_x, max_x), rng.uniform(min_y, max_y))
        if outline.contains(candidate):
            return {"type": "Point", "coordinates": [candidate.x, candidate.y]}
    point = outline.representative_point()
    return {"type": "Point", "coordinates": [point.x, point.y]}


@transaction.atomic
def load_demo(place: Place) -> DemoReport:
    """Replace the place's demo contributions with a fresh, reproducible set."""
    Contribution.objects.filter(place=place, is_demo=True).delete()
    rng = random.Random(SEED)
    by_district: dict[str, list] = {}
    for zone in services.zones(place):
        if zone.geometry:
            by_district.setdefault(zone.area.code, []).append(zone)
    published = pending = 0
    count = 0
    for district in sorted(by_district):
        for zone in by_district[district][:ZONES_PER_DISTRICT]:
            # Each zone leans one way, so the results map shows a pattern to read.
            lean = rng.choice((0.2, 0.5, 0.8))
            for n in range(RESPONSES_PER_ZONE):
                technology = (
                    TECHNOLOGY_MIX[n % len(TECHNOLOGY_MIX)] if n > 4 else Technology.GROUND_SOLAR
                )
                draw = rng.random()
                stance = Stance.WELCOME if draw < lean else (
                    Stance.NEUTRAL if draw < lean + 0.1 else Stance.OPPOSE
                )  # fmt: skip
                count += 1
                submitted = services.submit(
                    place, technology=technology, stance=stance, user=AnonymousUser(),
                    client_address=f"demo-{count}", geometry=_point_in(zone.geometry, rng),
                    reason=f"(Demo) {rng.choice(REASONS[stance])}", is_demo=True,
                )  # fmt: skip
                if count % PENDING_EVERY == 0:
                    pending += 1
                    continue
                _publish(submitted.contribution)
                published += 1
    if published:
        services.publish_results(place)
    return DemoReport(published, pending)


def _publish(contribution: Contribution) -> None:
    """Demo data arrives published, as if an officer had approved it (the decision says so)."""
    ModerationDecision.objects.create(
        contribution=contribution, decision=Decision.APPROVE, reason="Demo data."
    )
    contribution.status, contribution.published_at = Status.PUBLISHED, timezone.now()
    contribution.save(update_fields=["status", "published_at"])
