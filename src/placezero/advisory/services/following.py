"""Following: topics and audiences a person follows in a place, their secret Atom feed,
and each topic's public feed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from placezero.accounts.permissions import require

from ..models import Audience, Follow, Resource, Topic
from ..outputs import PublishedOutput, published_outputs
from .curating import _taxa
from .reading import live_resources

if TYPE_CHECKING:
    from placezero.places.models import Place


def follow_of(user: Any, place: Place) -> Follow | None:
    require(user, "advisory.follow", place)
    return (
        Follow.objects.filter(user=user, place=place)
        .prefetch_related("topics", "audiences")
        .first()
    )


@transaction.atomic
def set_follow(
    user: Any, place: Place, *, topics: Iterable[str], audiences: Iterable[str]
) -> Follow | None:
    """Follow these topics and audiences in the place; following nothing stops following."""
    require(user, "advisory.follow", place)
    topic_list = _taxa(Topic, list(topics))
    audience_list = _taxa(Audience, list(audiences))
    if not topic_list and not audience_list:
        Follow.objects.filter(user=user, place=place).delete()
        return None
    follow, _ = Follow.objects.get_or_create(user=user, place=place)
    follow.topics.set(topic_list)
    follow.audiences.set(audience_list)
    return follow


def reset_feed_token(user: Any, place: Place) -> Follow | None:
    """A new secret feed address; the old one stops working at once."""
    follow = follow_of(user, place)
    if follow is not None:
        follow.token = Follow._meta.get_field("token").default()
        follow.save(update_fields=["token"])
    return follow


@dataclass(frozen=True)
class FeedEntry:
    title: str
    summary: str
    url: str  # a path on this site, or an output's own address
    updated: datetime
    categories: tuple[str, ...]
    unique_id: str


FEED_LENGTH = 50


def _entries(
    place: Place, resources: QuerySet[Resource], outputs: list[PublishedOutput]
) -> list[FeedEntry]:
    from django.urls import reverse

    entries = [
        FeedEntry(
            title=r.title,
            summary=r.summary,
            url=reverse("advisory:resource", args=[place.slug, r.slug]),
            updated=r.published_at or r.updated_at,
            categories=tuple(t.name for t in r.topics.all()),
            unique_id=f"resource:{r.pk}",
        )
        for r in resources.prefetch_related("topics")
    ]
    entries += [
        FeedEntry(
            title=o.title,
            summary=o.summary,
            url=o.url,
            updated=o.updated_at or timezone.now(),
            categories=o.topics,
            unique_id=f"output:{o.kind}:{o.key}",
        )
        for o in outputs
    ]
    entries.sort(key=lambda e: e.updated, reverse=True)
    return entries[:FEED_LENGTH]


def feed_for_token(token: str) -> tuple[Follow, list[FeedEntry]]:
    """The follower's feed: new resources and published outputs on what they follow. The
    token is the permission (it is secret and can be reset); an unknown one is Http404."""
    follow = (
        Follow.objects.filter(token=token[:64]).select_related("place").first() if token else None
    )
    if follow is None or not follow.user.is_active:
        raise Http404("There is no feed at this address. Copy it again from your follow page.")
    topic_slugs = set(follow.topics.values_list("slug", flat=True))
    audience_slugs = set(follow.audiences.values_list("slug", flat=True))
    resources = (
        live_resources(follow.place).filter(_followed(topic_slugs, audience_slugs)).distinct()
    )
    outputs = [
        o
        for o in published_outputs(follow.place)
        if topic_slugs & set(o.topics) or audience_slugs & set(o.audiences)
    ]
    return follow, _entries(follow.place, resources, outputs)


def _followed(topic_slugs: set[str], audience_slugs: set[str]) -> Any:
    from django.db.models import Q

    return Q(topics__slug__in=topic_slugs) | Q(audiences__slug__in=audience_slugs)


def topic_feed(place: Place, user: Any, topic_slug: str) -> tuple[Topic, list[FeedEntry]]:
    """The public feed of one topic in a place."""
    require(user, "advisory.view", place)
    topic = Topic.objects.filter(slug=topic_slug).first()
    if topic is None:
        raise Http404(f"There is no topic “{topic_slug[:40]}”.")
    resources = live_resources(place).filter(topics=topic).distinct()
    return topic, _entries(place, resources, published_outputs(place, topic=topic.slug))
