"""The advisory service's door: search and read the repository, curate it, follow it.

Every function that reads or changes something checks permission here (`require`), scoped
to the place; views ask through `@requires` first and call these. Other apps use only this
module (and `permissions`, `options`).

    results = services.search(place, user, query="solar village hall", topic="solar")
    resource = services.get_resource(place, "boiler-upgrade-scheme", user)
    services.save_resource(user, place, fields, audiences=[...], topics=[...])
    services.attach_document(user, resource, title="Leaflet", upload=request.FILES["file"])
    follow = services.set_follow(user, place, topics=["solar"], audiences=["parishes"])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from placezero.accounts.permissions import check, require
from placezero.places import services as places

from . import directory, documents, wizard
from . import search as fulltext
from .models import Audience, BestBet, Follow, Resource, ResourceDocument, Topic
from .options import ResourceKind, ResourceStatus
from .outputs import PublishedOutput, published_outputs
from .richtext import render_markdown

if TYPE_CHECKING:
    from placezero.places.models import Place

__all__ = [
    "Facet",
    "FeedEntry",
    "PublishedOutput",
    "SearchResults",
    "attach_document",
    "audiences",
    "can_curate",
    "feed_for_token",
    "find_resource",
    "follow_of",
    "get_document",
    "get_resource",
    "live_resources",
    "published_outputs",
    "render_markdown",
    "reset_feed_token",
    "save_resource",
    "search",
    "set_follow",
    "signpost",
    "support_directory",
    "topic_feed",
    "topics",
    "wizard_questions",
]


def audiences() -> list[Audience]:
    return list(Audience.objects.all())


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def live_resources(place: Place) -> QuerySet[Resource]:
    """What everyone may read in a place: its published resources and the national ones."""
    return Resource.objects.live().for_place(place)


# --- search ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter
    label: str
    values: list[FacetValue]


@dataclass
class SearchResults:
    query: str
    words: tuple[str, ...]
    shortened: bool
    resources: list[Resource]
    facets: list[Facet]
    outputs: list[PublishedOutput] = field(default_factory=list)
    best_bets: set[int] = field(default_factory=set)  # ids of the resources editors chose

    @property
    def count(self) -> int:
        return len(self.resources)


def _facets(found: list[Resource], kind: str, topic: str, audience: str) -> list[Facet]:
    kinds = Counter(r.kind for r in found)
    topic_counts = Counter(t.slug for r in found for t in r.topics.all())
    audience_counts = Counter(a.slug for r in found for a in r.audiences.all())
    labels = dict(ResourceKind.choices)
    return [
        Facet(
            "kind",
            "Type",
            [FacetValue(k, labels[k], n, k == kind) for k, n in sorted(kinds.items())],
        ),
        Facet(
            "audience",
            "For",
            [
                FacetValue(a.slug, a.name, audience_counts[a.slug], a.slug == audience)
                for a in Audience.objects.all()
                if audience_counts[a.slug]
            ],
        ),
        Facet(
            "topic",
            "Topic",
            [
                FacetValue(t.slug, t.name, topic_counts[t.slug], t.slug == topic)
                for t in Topic.objects.all()
                if topic_counts[t.slug]
            ],
        ),
    ]


def search(
    place: Place,
    user: Any,
    query: str = "",
    *,
    kind: str = "",
    topic: str = "",
    audience: str = "",
) -> SearchResults:
    """Live resources of the place matching the query, most relevant first (with no query:
    open funding by deadline, then everything by title), narrowed by kind, topic and
    audience, with counts of each facet among the results and the matching published
    outputs of the other modules."""
    require(user, "advisory.view", place)
    terms = fulltext.terms_of(query)
    queryset = live_resources(place).prefetch_related("topics", "audiences")
    if kind:
        queryset = queryset.filter(kind=kind)
    if topic:
        queryset = queryset.filter(topics__slug=topic)
    if audience:
        queryset = queryset.filter(audiences__slug=audience)
    queryset = queryset.distinct()
    best: list[Resource] = []
    if terms.words:
        found = fulltext.search_resources(terms.words, queryset)
        best = _best_bets(query, queryset)
        found = best + [r for r in found if r not in best]
    else:
        today = timezone.localdate()
        found = sorted(
            queryset,
            key=lambda r: (r.is_closed(today), r.closes_on or datetime.max.date(), r.title),
        )
    outputs = published_outputs(place, audience=audience or None, topic=topic or None)
    if terms.words:
        outputs = [o for o in outputs if _mentions(o, terms.words)]
    if kind:
        outputs = []
    return SearchResults(
        query=query,
        words=terms.words,
        shortened=terms.shortened,
        resources=found,
        facets=_facets(found, kind, topic, audience),
        outputs=outputs,
        best_bets={r.pk for r in best},
    )


def _best_bets(query: str, queryset: QuerySet[Resource]) -> list[Resource]:
    """The resources editors chose for this query, if they are among the results allowed."""
    wanted = fulltext.normalise(query)
    chosen = [
        bet.resource_id
        for bet in BestBet.objects.filter(resource__in=queryset)
        if wanted in {fulltext.normalise(line) for line in bet.queries.splitlines()}
    ]
    by_id = {r.pk: r for r in queryset.filter(pk__in=chosen)}
    return [by_id[i] for i in dict.fromkeys(chosen) if i in by_id]


def _mentions(output: PublishedOutput, words: tuple[str, ...]) -> bool:
    text = " ".join([output.title, output.summary, *output.topics]).casefold()
    return any(word in text for word in words)


# --- reading one resource ----------------------------------------------------------------


def get_resource(place: Place, slug: str, user: Any) -> Resource:
    """The resource of the place (or national) by slug; Http404 if none, PermissionDenied
    with the reason for a draft the person may not see."""
    resource = find_resource(place, slug)
    require(user, "advisory.view_resource", resource)
    return resource


def find_resource(place: Place, slug: str) -> Resource:
    """The resource, unchecked: for `@requires(get_object=...)`, which checks it."""
    resource = (
        Resource.objects.for_place(place)
        .prefetch_related("topics", "audiences", "documents")
        .filter(slug=slug)
        .first()
    )
    if resource is None:
        raise Http404(f"There is no resource “{slug[:80]}” in {place}.")
    return resource


def get_document(place: Place, document_id: int, user: Any) -> ResourceDocument:
    document = (
        ResourceDocument.objects.select_related("resource")
        .filter(pk=document_id)
        .filter(resource__in=Resource.objects.for_place(place))
        .first()
    )
    if document is None:
        raise Http404("There is no such document.")
    require(user, "advisory.view_resource", document.resource)
    return document


# --- curating ----------------------------------------------------------------------------

RESOURCE_FIELDS = (
    "kind", "title", "slug", "summary", "body", "url", "provider", "status", "published_at",
    "opens_on", "closes_on", "amount", "eligibility", "area_codes",
)  # fmt: skip


@transaction.atomic
def save_resource(
    user: Any,
    place: Place,
    fields: dict[str, Any],
    *,
    audiences: Iterable[Audience | str],
    topics: Iterable[Topic | str],
    resource: Resource | None = None,
) -> Resource:
    """Create a resource of the place (or change `resource`), all or nothing. Publishing
    without a time publishes now; a later time schedules it."""
    if resource is None:
        require(user, "advisory.curate", place)
        resource = Resource(place=place, created_by=user if user.is_authenticated else None)
    else:
        require(user, "advisory.curate", resource)
    for name in RESOURCE_FIELDS:
        if name in fields:
            setattr(resource, name, fields[name])
    if resource.status == ResourceStatus.PUBLISHED and resource.published_at is None:
        resource.published_at = timezone.now()
    resource.full_clean(exclude=["audiences", "topics"])
    # The history records who, also when a service is called outside a request.
    resource._history_user = user if getattr(user, "is_authenticated", False) else None
    resource.save()
    _set_tracked(resource, resource.audiences, _taxa(Audience, audiences))
    _set_tracked(resource, resource.topics, _taxa(Topic, topics))
    return resource


def _set_tracked(resource: Resource, manager: Any, wanted: list[Any]) -> None:
    """Set a tracked many-to-many so that one change makes one revision: `set()` would
    record its removals and its additions as two (each signal saves a history row)."""
    current = {item.pk: item for item in manager.all()}
    wanted_by_pk = {item.pk: item for item in wanted}
    removed = [current[pk] for pk in current.keys() - wanted_by_pk.keys()]
    added = [wanted_by_pk[pk] for pk in wanted_by_pk.keys() - current.keys()]
    if removed and added:
        resource.skip_history_when_saving = True  # the addition below records both
        try:
            manager.remove(*removed)
        finally:
            del resource.skip_history_when_saving
    elif removed:
        manager.remove(*removed)
    if added:
        manager.add(*added)


def _taxa(model: type[Audience] | type[Topic], values: Iterable[Any]) -> list[Any]:
    chosen = [v for v in values if isinstance(v, model)]
    slugs = [v for v in values if isinstance(v, str)]
    found = list(model.objects.filter(slug__in=slugs))
    if len(found) != len(set(slugs)):
        missing = sorted(set(slugs) - {t.slug for t in found})
        raise ValidationError(f"Unknown {model._meta.verbose_name}: {', '.join(missing)}")
    return chosen + found


@transaction.atomic
def attach_document(user: Any, resource: Resource, *, title: str, upload: Any) -> ResourceDocument:
    """Check the upload (size, type by content) and attach it; ValidationError says why not."""
    require(user, "advisory.curate", resource)
    kind = documents.check_upload(upload.name, upload.size, upload)
    upload.seek(0)
    document = ResourceDocument(
        resource=resource,
        title=title,
        media_type=kind.media_type,
        size=upload.size,
        uploaded_by=user,
    )
    document.file.save(upload.name, upload, save=False)
    document._history_user = user
    document.save()
    return document


# --- following ---------------------------------------------------------------------------


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


def can_curate(user: Any, obj: Any) -> bool:
    return bool(check(user, "advisory.curate", obj))


# --- the signposting wizard --------------------------------------------------------------


def wizard_questions(place: Place) -> tuple[wizard.Question, ...]:
    """The wizard's questions for the place (where: its member districts)."""
    return wizard.questions(place, places.member_areas(place))


def signpost(place: Place, user: Any, answers: wizard.Answers) -> wizard.Recommendations:
    """What applies to the person who gave these answers, best first, and closed funding."""
    require(user, "advisory.view", place)
    names = {a.code: a.name for a in places.member_areas(place)}
    resources = live_resources(place).prefetch_related("audiences", "topics")
    return wizard.recommend(list(resources), answers, names)


# --- the support directory ---------------------------------------------------------------


def support_directory(place: Place, user: Any) -> dict[str, Any]:
    """The place's advice services in the Open Referral UK shape (`directory`)."""
    require(user, "advisory.view", place)
    names = {a.code: a.name for a in places.member_areas(place)}
    services_found = (
        live_resources(place)
        .filter(kind=ResourceKind.SERVICE)
        .prefetch_related("audiences", "topics")
        .order_by("title")
    )
    records = [directory.service_record(r, place, names) for r in services_found]
    return {"total_items": len(records), "content": records}
