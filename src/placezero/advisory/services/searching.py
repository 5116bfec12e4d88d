"""Search: live resources of a place by relevance, editors' best bets first, narrowed by
facets (kind, topic, audience) with counts, and the matching outputs of other modules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone

from placezero.accounts.permissions import require

from .. import search as fulltext
from ..models import Audience, BestBet, Resource, Topic
from ..options import ResourceKind
from ..outputs import PublishedOutput, published_outputs
from .reading import live_resources

if TYPE_CHECKING:
    from placezero.places.models import Place


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
    """The resources editors chose for this query, if they are among the results allowed.
    A bet matches after normalisation (case, order, repeats, punctuation), and after the
    query's synonyms are read as their topic's name: "ASHP grant" finds the bet "heat pump
    grant". Only the query's synonyms are read so: the bet "BUS" (the Boiler Upgrade
    Scheme) is not a bet for "transport", whose synonyms include "bus"."""
    topics = list(Topic.objects.all())
    with_synonyms = fulltext.synonym_phrases(topics)
    names_only = fulltext.synonym_phrases(topics, synonyms=False)
    wanted = fulltext.variants(query, with_synonyms)
    chosen = [
        bet.resource_id
        for bet in BestBet.objects.filter(resource__in=queryset)
        if wanted
        & {
            form
            for line in bet.queries.splitlines()
            for form in (fulltext.normalise(line), fulltext.canonical(line, names_only))
        }
    ]
    by_id = {r.pk: r for r in queryset.filter(pk__in=chosen)}
    return [by_id[i] for i in dict.fromkeys(chosen) if i in by_id]


def _mentions(output: PublishedOutput, words: tuple[str, ...]) -> bool:
    text = " ".join([output.title, output.summary, *output.topics]).casefold()
    return any(word in text for word in words)
