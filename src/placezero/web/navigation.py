"""The service navigation: a registry every app adds its pages to, so the menu grows as
modules land and never links to a page that does not exist.

An app registers its items in its `AppConfig.ready()`:

    from placezero.web.navigation import register_nav_item
    register_nav_item("Pathway", "pathways:index", order=30, permission="pathways.view",
                      place_url_name="pathways:place")

`place_url_name` (optional) names the same page for one place, taking a `place_slug` argument;
it is used while the visitor is on a page of a place: a view that has found the place calls
`set_current_place(request, place)` (an unknown slug in the URL must not turn the menu into
links to pages that do not exist).

The base template shows an item only if its URL name resolves and, when it names a
permission, `placezero.accounts.permissions.has(user, permission)` allows it (a permission
nobody registered raises there: a typo must never show an item to everyone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from placezero.accounts.permissions import has


@dataclass(frozen=True)
class NavItem:
    """One entry in the registry: what to call it, where it goes, who may see it."""

    label: str
    url_name: str
    order: int
    permission: str | None = None
    # Other URL names whose pages count as this item (e.g. a place's own overview page).
    also_current_for: tuple[str, ...] = ()
    # The same page for a named place, taking `place_slug`: used while the visitor is on a page of
    # that place (/places/rutland/…), so the menu keeps them in Rutland.
    place_url_name: str | None = None


@dataclass(frozen=True)
class NavLink:
    """An item resolved for one request: ready for the template."""

    label: str
    url: str
    current: bool


_registry: dict[str, NavItem] = {}


def register_nav_item(
    label: str,
    url_name: str,
    order: int,
    permission: str | None = None,
    also_current_for: tuple[str, ...] = (),
    place_url_name: str | None = None,
) -> None:
    """Add (or replace, keyed by URL name) a navigation item. Lower `order` comes first."""
    _registry[url_name] = NavItem(
        label, url_name, order, permission, tuple(also_current_for), place_url_name
    )


def unregister_nav_item(url_name: str) -> None:
    """Remove an item; for tests and for apps that are switched off."""
    _registry.pop(url_name, None)


def registered_items() -> list[NavItem]:
    return sorted(_registry.values(), key=lambda item: (item.order, item.label))


def set_current_place(request: HttpRequest, place: Any) -> None:
    """Tell the menu which place this page is about, so its items link to that place."""
    request.placezero_place = place  # type: ignore[attr-defined]


def _place_slug(request: HttpRequest) -> str | None:
    place = getattr(request, "placezero_place", None)
    return place.slug if place is not None else None


def _url(item: NavItem, slug: str | None) -> str:
    if slug and item.place_url_name:
        try:
            return reverse(item.place_url_name, kwargs={"place_slug": slug})
        except NoReverseMatch:
            pass
    return reverse(item.url_name)


def _matches_view(request: HttpRequest, item: NavItem) -> bool:
    match = getattr(request, "resolver_match", None)
    names = {item.url_name, item.place_url_name, *item.also_current_for}
    return bool(match) and match.view_name in names


def _current_index(request: HttpRequest, items: list[NavItem], urls: list[str]) -> int | None:
    """The item whose page this is: by view name, else the item whose URL is the longest
    prefix of the path (/data-sources/x/ belongs to /data-sources/; "/" claims nothing)."""
    for index, item in enumerate(items):
        if _matches_view(request, item):
            return index
    prefixes = [
        (len(url), index)
        for index, url in enumerate(urls)
        if url != "/" and request.path.startswith(url)
    ]
    return max(prefixes)[1] if prefixes else None


def links_for(request: HttpRequest) -> list[NavLink]:
    """The items this request's user may see, in order, with the current one marked."""
    slug = _place_slug(request)
    items, urls = [], []
    for item in registered_items():
        try:
            url = _url(item, slug)
        except NoReverseMatch:
            continue
        if item.permission and not has(getattr(request, "user", None), item.permission):
            continue
        items.append(item)
        urls.append(url)
    current = _current_index(request, items, urls)
    return [
        NavLink(item.label, url, index == current)
        for index, (item, url) in enumerate(zip(items, urls, strict=True))
    ]
