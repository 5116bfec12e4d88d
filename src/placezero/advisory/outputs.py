"""The one place the advisory repository reads other modules' published outputs.

Every module publishes what it produces (plans on a page, tracker reports, fund results)
through the shared publishing registry; the repository lists them with its own resources and
puts them in followers' feeds, so nobody types them in. `published_outputs` is the only call
of `placezero.publishing.services.outputs`; everything else here takes `PublishedOutput`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from placezero.publishing import services as publishing

from .models import Topic
from .options import PUBLISHING_AUDIENCES


@dataclass(frozen=True)
class PublishedOutput:
    """An output as the repository shows it, with the audiences mapped onto its own."""

    kind: str
    key: str
    title: str
    summary: str
    url: str
    audiences: tuple[str, ...]  # the repository's audience slugs
    topics: tuple[str, ...]
    updated_at: datetime | None
    place_slug: str | None


def repository_audiences(published: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Publishing's audiences as the repository's: "public" means every audience."""
    if "public" in published:
        return tuple(dict.fromkeys(s for slugs in PUBLISHING_AUDIENCES.values() for s in slugs))
    return tuple(dict.fromkeys(s for a in published for s in PUBLISHING_AUDIENCES.get(a, ())))


def repository_topics(published: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Publishing's free topics ("net zero pathway", "heat") as the repository's topic
    slugs: a published topic is a topic whose slug, name or one of whose synonyms it is."""
    words = {" ".join(str(t).replace("-", " ").split()).lower() for t in published}
    found = []
    for topic in Topic.objects.all():
        names = {topic.slug.replace("-", " "), topic.name.lower()}
        names |= {s.strip().lower() for s in topic.synonyms.split(",") if s.strip()}
        if words & names:
            found.append(topic.slug)
    return tuple(found)


def _publishing_outputs(place: Any) -> list[Any]:
    return list(publishing.outputs(place=place))


def _field(output: Any, name: str, default: Any = None) -> Any:
    """A field of an output, whether publishing hands back records or mappings."""
    if isinstance(output, dict):
        return output.get(name, default)
    return getattr(output, name, default)


def published_outputs(
    place: Any, *, audience: str | None = None, topic: str | None = None
) -> list[PublishedOutput]:
    """Outputs published for `place`, newest first, optionally for one of the repository's
    audiences and one topic."""
    found = []
    for output in _publishing_outputs(place):
        item = PublishedOutput(
            kind=str(_field(output, "kind", "")),
            key=str(_field(output, "key", "")),
            title=str(_field(output, "title", "")),
            summary=str(_field(output, "summary", "") or ""),
            url=str(_field(output, "url", "")),
            audiences=repository_audiences(tuple(_field(output, "audiences", ()) or ())),
            topics=repository_topics(tuple(_field(output, "topics", ()) or ())),
            updated_at=_field(output, "updated_at"),
            place_slug=getattr(_field(output, "place"), "slug", None),
        )
        if audience and audience not in item.audiences:
            continue
        if topic and topic not in item.topics:
            continue
        found.append(item)
    found.sort(key=lambda o: o.updated_at.timestamp() if o.updated_at else 0, reverse=True)
    return found
