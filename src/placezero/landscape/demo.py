"""A demo consultation and its contributions (both marked `is_demo`): residents' views
across the place's districts, most published, some waiting for moderation. The people are
fictional; nobody is named."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone
from shapely.geometry import Point, shape

from . import services
from .models import ConsentText, Consultation, Contribution, ModerationDecision
from .options import Decision, Stance, Status, Technology, Tenure

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


# Demo respondents who said how they hold their home ("" for those who did not).
DEMO_TENURES = (Tenure.OWNS, Tenure.OWNS, Tenure.OWNS, Tenure.SOCIAL, Tenure.PRIVATE, "")


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


DEMO_SLUG = "demo-where-would-you-welcome-it"
DEMO_NOTICE = (
    "(Demo) The council holds what you send to inform its net zero plan, under the UK GDPR "
    "(public task). Only the place, the technology, your view and your reason are "
    "published, after moderation; the optional questions about you are used only to weigh "
    "the results. Personal data is deleted or anonymised two years after the consultation "
    "closes. You can see, download or delete what you gave at any time."
)
DEMO_CONSENT = "I have read the privacy notice and agree that what I send may be used as it says."


def demo_consultation(place: Place) -> Consultation:
    """The place's demo consultation: every technology, open for a year from today."""
    Consultation.objects.filter(place=place, slug=DEMO_SLUG).delete()
    today = timezone.localdate()
    consultation = Consultation.objects.create(
        place=place, slug=DEMO_SLUG, is_demo=True,
        title="(Demo) Where would you welcome low-carbon energy?",
        summary="Tell us where in the county you would welcome solar farms, wind turbines, "
                "heat networks and other low-carbon technology, and where not.",
        opens_on=today - timedelta(days=30), closes_on=today + timedelta(days=335),
        technologies=list(Technology.values),
        questions=[{"key": "community-shares",
                    "text": "Would you invest in a community energy share offer?",
                    "choices": ["Yes", "Perhaps", "No"]}],
        decisions_informed="(Demo) The acceptance limits of the county's least-cost pathway "
                           "and the choice of sites for the next round of community energy.",
    )  # fmt: skip
    ConsentText.objects.create(
        consultation=consultation, version=1, privacy_notice=DEMO_NOTICE,
        consent_text=DEMO_CONSENT,
    )  # fmt: skip
    return consultation


@transaction.atomic
def load_demo(place: Place) -> DemoReport:
    """Replace the place's demo consultation and contributions with a fresh, reproducible
    set."""
    Contribution.objects.filter(place=place, is_demo=True).delete()
    consultation = demo_consultation(place)
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
                    consultation, consent=True, tenure=rng.choice(DEMO_TENURES),
                    technology=technology, stance=stance, user=AnonymousUser(),
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
