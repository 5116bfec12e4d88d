"""Saved searches: a signed-in person saves the search they are looking at (its words and
filters) and follows it. New resources it finds reach them through the shared notifications
(`alerts.send_saved_search_alerts`) and an Atom feed at a secret address. Their saved
searches are listed on their follow page, only to them, and each can be deleted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse

from placezero.accounts.permissions import require

from ..models import Audience, Resource, SavedSearch, Topic
from ..options import SEARCH_MAX_CHARS, ResourceKind
from ..search import terms_of
from .following import FeedEntry, _entries
from .searching import search

if TYPE_CHECKING:
    from placezero.places.models import Place

# A person keeps at most this many saved searches in a place: each runs every hour.
MAX_SAVED_SEARCHES = 20


@dataclass(frozen=True)
class SavedSearchView:
    """A saved search as its owner's page lists it."""

    saved: SavedSearch
    description: str
    search_url: str  # the search page with these words and filters
    feed_path: str


def search_url(place: Place, query: str, filters: dict[str, str]) -> str:
    items = [("q", query)] if query else []
    items += [(name, value) for name, value in filters.items() if value]
    base = reverse("advisory:home", args=[place.slug])
    return f"{base}?{urlencode(items)}" if items else base


def describe(saved: SavedSearch) -> str:
    """“solar village hall”, type: Funding, topic: Solar power (names, not slugs)."""
    parts = [f"“{saved.query}”"] if saved.query else ["Everything"]
    if saved.kind:
        parts.append(f"type: {ResourceKind(saved.kind).label}")
    for model, slug, label in ((Topic, saved.topic, "topic"), (Audience, saved.audience, "for")):
        if slug:
            found = model.objects.filter(slug=slug).first()
            parts.append(f"{label}: {found.name if found else slug + ' (no longer exists)'}")
    return ", ".join(parts)


def _checked(query: str, kind: str, topic: str, audience: str) -> tuple[str, dict[str, str]]:
    """The search as it is kept, or ValidationError naming each thing wrong."""
    errors: dict[str, str] = {}
    query = " ".join(query.split())[:SEARCH_MAX_CHARS]
    if kind and kind not in ResourceKind.values:
        errors["kind"] = f"“{kind[:40]}” is not a type of resource. Choose one from the filters."
    if topic and not Topic.objects.filter(slug=topic).exists():
        errors["topic"] = f"There is no topic “{topic[:40]}”. Choose one from the filters."
    if audience and not Audience.objects.filter(slug=audience).exists():
        errors["audience"] = f"There is no audience “{audience[:40]}”. Choose one from the filters."
    if not errors and not terms_of(query).words and not (kind or topic or audience):
        errors["q"] = "Type some words or choose a filter before you save a search."
    if errors:
        raise ValidationError(errors)
    return query, {"kind": kind, "topic": topic, "audience": audience}


@transaction.atomic
def save_search(
    user: Any, place: Place, query: str = "", *, kind: str = "", topic: str = "", audience: str = ""
) -> SavedSearch:
    """Save and follow this search (saving the same one again keeps the first)."""
    require(user, "advisory.follow", place)
    query, filters = _checked(query, kind, topic, audience)
    existing = SavedSearch.objects.filter(user=user, place=place, query=query, **filters).first()
    if existing is not None:
        return existing
    if SavedSearch.objects.filter(user=user, place=place).count() >= MAX_SAVED_SEARCHES:
        raise ValidationError(
            f"You already follow {MAX_SAVED_SEARCHES} saved searches here, the most we keep. "
            "Delete one on your follow page first."
        )
    return SavedSearch.objects.create(user=user, place=place, query=query, **filters)


def saved_searches_of(user: Any, place: Place) -> list[SavedSearchView]:
    """The person's own saved searches in the place, newest first."""
    require(user, "advisory.follow", place)
    return [
        SavedSearchView(
            saved=saved,
            description=describe(saved),
            search_url=search_url(place, saved.query, saved.filters()),
            feed_path=reverse("advisory:saved_search_feed", args=[saved.token]),
        )
        for saved in SavedSearch.objects.filter(user=user, place=place)
    ]


@transaction.atomic
def delete_saved_search(user: Any, place: Place, saved_search_id: int) -> None:
    """Delete one of the person's own saved searches (someone else's is Http404: it is not
    theirs to know of). Its alerts stop and its feed address stops working."""
    require(user, "advisory.follow", place)
    deleted, _ = SavedSearch.objects.filter(pk=saved_search_id, user=user, place=place).delete()
    if not deleted:
        raise Http404("You have no saved search with that number. It may be deleted already.")


def found_by(saved: SavedSearch) -> list[Resource]:
    """What the saved search finds now (as its owner would see it)."""
    results = search(saved.place, saved.user, saved.query, **saved.filters())
    return results.resources


def saved_search_feed(token: str) -> tuple[SavedSearch, str, list[FeedEntry]]:
    """The saved search's feed: what it finds, newest first. The token is the permission."""
    saved = (
        SavedSearch.objects.filter(token=token[:64]).select_related("place", "user").first()
        if token
        else None
    )
    if saved is None or not saved.user.is_active:
        raise Http404("There is no feed at this address. Copy it again from your follow page.")
    results = search(saved.place, saved.user, saved.query, **saved.filters())
    ids = [r.pk for r in results.resources]
    resources = Resource.objects.filter(pk__in=ids)
    return saved, describe(saved), _entries(saved.place, resources, results.outputs)
