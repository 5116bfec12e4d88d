"""Loading the demo repository (`manage.py load_advisory_demo`, run by `make demo`).

Idempotent: a resource is found by its slug and brought back to the demo text, so loading
twice gives the same repository. Resources of a place that is not loaded are skipped.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from placezero.places import services as places

from .demo_content import BEST_BETS, DEMO_RESOURCES, DemoResource
from .models import Audience, BestBet, Resource, Topic
from .options import ResourceStatus
from .search import index_resource, indexing_paused
from .taxonomy import ensure_taxonomy


def _day(value: int | date | None, today: date) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return today + timedelta(days=value)


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Load every demo resource whose place is loaded; returns counts by outcome."""
    ensure_taxonomy()
    audiences = {a.slug: a for a in Audience.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    loaded = {p.slug: p for p in places.list_places()}
    today = timezone.localdate()
    counts = {"created": 0, "updated": 0, "skipped": 0}
    for item in DEMO_RESOURCES:
        if item.place is not None and item.place not in loaded:
            counts["skipped"] += 1
            continue
        with indexing_paused():
            resource, created = Resource.objects.update_or_create(
                slug=item.slug, defaults=_fields(item, loaded, today)
            )
            resource.audiences.set([audiences[s] for s in item.audiences])
            resource.topics.set([topics[s] for s in item.topics])
        index_resource(resource)
        counts["created" if created else "updated"] += 1
    for slug, queries in BEST_BETS.items():
        resource = Resource.objects.filter(slug=slug).first()
        if resource is not None:
            BestBet.objects.filter(resource=resource).delete()
            BestBet.objects.create(resource=resource, queries="\n".join(queries))
    return counts


def _fields(item: DemoResource, loaded: dict, today: date) -> dict:
    return {
        "place": loaded.get(item.place) if item.place else None,
        "area_codes": list(item.areas),
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "body": item.body,
        "url": item.url,
        "provider": item.provider,
        "status": ResourceStatus.PUBLISHED,
        "published_at": timezone.now() - timedelta(days=1),
        "opens_on": _day(item.opens, today),
        "closes_on": _day(item.closes, today),
        "amount": item.amount,
        "eligibility": item.eligibility,
        "is_demo": True,
    }
