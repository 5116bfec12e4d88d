"""Full-text search of the repository: one function, two database engines.

`search_resources(query, queryset)` ranks resources by relevance with the title weighted
above the tags (audience and topic names and topic synonyms), the tags above the summary and
the summary above the body. On SQLite it uses an FTS5 table (`advisory_resource_fts`, Porter
stemming, BM25 ranking); on PostgreSQL the built-in full-text search (`english` configuration,
`ts_rank` over a weighted vector). Decision 0012 says why this small backend and not Wagtail.

A query is never handed to either engine as written: it is cut to `SEARCH_MAX_CHARS`, split
into words (letters and digits only, so no operator, quote or SQL survives) and at most
`SEARCH_MAX_TERMS` of them are OR-ed together as parameters. Ranking makes a resource
that matches more of the words, in weightier fields, come first.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet

from .models import Resource
from .options import SEARCH_MAX_CHARS, SEARCH_MAX_TERMS

FTS_TABLE = "advisory_resource_fts"
# BM25 weights of the FTS5 columns, in their order: title, summary, tags, body.
FTS_WEIGHTS = (10.0, 2.0, 4.0, 1.0)
_WORD = re.compile(r"[^\W_]+")
_LONGEST_WORD = 40


@dataclass(frozen=True)
class Terms:
    """A query as search uses it: its words, and whether it had to be shortened."""

    words: tuple[str, ...]
    shortened: bool


def terms_of(query: str) -> Terms:
    text = query[:SEARCH_MAX_CHARS]
    words = [w.casefold() for w in _WORD.findall(text) if len(w) <= _LONGEST_WORD]
    unique = tuple(dict.fromkeys(words))
    shortened = len(query) > SEARCH_MAX_CHARS or len(unique) > SEARCH_MAX_TERMS
    return Terms(unique[:SEARCH_MAX_TERMS], shortened)


def normalise(query: str) -> str:
    """A query as best bets compare it: its words, case-folded, each once, in order."""
    return " ".join(sorted(set(terms_of(query).words)))


def synonym_phrases(topics: Iterable[Any], *, synonyms: bool = True) -> dict[str, str]:
    """Normalised phrases that stand for a topic's name: its synonyms ("ashp", "air source"
    mean "heat pumps") and its name without a final "s" ("heat pump"). With `synonyms`
    False, only the latter."""
    phrases: dict[str, str] = {}
    for topic in topics:
        name = " ".join(terms_of(topic.name).words)
        if not name:
            continue
        if name.endswith("s") and len(name) > 3:
            phrases.setdefault(name[:-1], name)
        if synonyms:
            for synonym in topic.synonyms.split(","):
                words = " ".join(terms_of(synonym).words)
                if words and words != name:
                    phrases.setdefault(words, name)
    return phrases


def canonical(query: str, phrases: dict[str, str]) -> str:
    """`normalise` after replacing each phrase of `synonym_phrases` (longest first) by the
    name it stands for."""
    text = f" {' '.join(terms_of(query).words)} "
    for phrase in sorted(phrases, key=len, reverse=True):
        text = text.replace(f" {phrase} ", f" {phrases[phrase]} ")
    return normalise(text)


_MOST_VARIANTS = 6  # synonyms read both ways in a query: 2**6 forms at most


def variants(query: str, phrases: dict[str, str]) -> set[str]:
    """Every normalised form of the query with each synonym in it kept or read as its
    topic's name ("ASHP grant": as written, "heat pumps grant", "ASHP finance and
    investment", …), so a common word that is also a synonym ("grant") does not stop a
    match."""
    text = f" {' '.join(terms_of(query).words)} "
    found = [p for p in sorted(phrases, key=len, reverse=True) if f" {p} " in text]
    forms = {text}
    for phrase in found[:_MOST_VARIANTS]:
        forms |= {f.replace(f" {phrase} ", f" {phrases[phrase]} ") for f in forms}
    return {normalise(f) for f in forms}


def search_resources(words: tuple[str, ...], queryset: QuerySet[Resource]) -> list[Resource]:
    """The resources of `queryset` matching any of `words`, most relevant first."""
    if not words:
        return []
    if connection.vendor == "postgresql":
        return _postgres(words, queryset)
    return _sqlite(words, queryset)


def _postgres(words: tuple[str, ...], queryset: QuerySet[Resource]) -> list[Resource]:
    vector = (
        SearchVector("title", weight="A", config="english")
        + SearchVector("search_tags", weight="B", config="english")
        + SearchVector("summary", weight="C", config="english")
        + SearchVector("body", weight="D", config="english")
    )
    # Each word is letters and digits only, so the raw tsquery holds nothing but words and |.
    query = SearchQuery(" | ".join(words), search_type="raw", config="english")
    ranked = (
        queryset.annotate(rank=SearchRank(vector, query))
        .filter(rank__gt=0)
        .order_by(-F("rank"), "title")
    )
    return list(ranked)


def _sqlite(words: tuple[str, ...], queryset: QuerySet[Resource]) -> list[Resource]:
    match = " OR ".join(f'"{word}"' for word in words)
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}, {weights}) AS score FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY score",
            [match],
        )
        scores = {rowid: score for rowid, score in cursor.fetchall()}
    found = queryset.filter(pk__in=list(scores))
    # BM25 is lower for a better match.
    return sorted(found, key=lambda r: (scores[r.pk], r.title))


# --- keeping the index ---------------------------------------------------------------------


def tags_of(resource: Resource) -> str:
    parts = [a.name for a in resource.audiences.all()]
    for topic in resource.topics.all():
        parts.append(topic.name)
        parts += [s.strip() for s in topic.synonyms.split(",") if s.strip()]
    return " ".join(parts)


_paused = threading.local()


@contextmanager
def indexing_paused() -> Iterator[None]:
    """Within it, saves do not reindex (a bulk load indexes each resource once, after)."""
    _paused.depth = getattr(_paused, "depth", 0) + 1
    try:
        yield
    finally:
        _paused.depth -= 1


def index_resource(resource: Resource, *, force: bool = False) -> None:
    """Bring the resource's tags and (on SQLite) its FTS row up to date."""
    if getattr(_paused, "depth", 0) and not force:
        return
    tags = tags_of(resource)
    Resource.objects.filter(pk=resource.pk).update(search_tags=tags)
    resource.search_tags = tags
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [resource.pk])
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, summary, tags, body) "
            "VALUES (%s, %s, %s, %s, %s)",
            [resource.pk, resource.title, resource.summary, tags, resource.body],
        )


def unindex_resource(resource_id: int) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [resource_id])


def rebuild_index() -> int:
    """Index every resource again (after a bulk load); returns how many."""
    count = 0
    for resource in Resource.objects.prefetch_related("audiences", "topics"):
        index_resource(resource)
        count += 1
    return count


# Created by the app's migration on SQLite only (PostgreSQL builds its vector at query time).
CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, summary, tags, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
DROP_FTS_SQL = f"DROP TABLE IF EXISTS {FTS_TABLE}"
