"""The service navigation: a registry every app adds its pages to, so the menu grows as
modules land and never links to a page that does not exist.

An app registers its items in its `AppConfig.ready()`:

    from placezero.web.navigation import register_nav_item
    register_nav_item("Pathway", "pathways:index", order=30, permission="pathways.view")

The base template shows an item only if its URL name resolves and, when it names a
permission, `placezero.accounts.permissions.has(user, permission)` allows it (a permission
nobody registered raises there: a typo must never show an item to everyone).
"""

from __future__ import annotations

from dataclasses import dataclass

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
) -> None:
    """Add (or replace, keyed by URL name) a navigation item. Lower `order` comes first."""
    _registry[url_name] = NavItem(label, url_name, order, permission, tuple(also_current_for))


def unregister_nav_item(url_name: str) -> None:
    """Remove an item; for tests and for apps that are switched off."""
    _registry.pop(url_name, None)


def registered_items() -> list[NavItem]:
    return sorted(_registry.values(), key=lambda item: (item.order, item.label))


def _is_current(request: HttpRequest, item: NavItem, url: str) -> bool:
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else None
    if view_name == item.url_name or view_name in item.also_current_for:
        return True
    # Pages below an item's URL (e.g. /data-sources/something/) belong to it; "/" would
    # otherwise claim every page.
    return url != "/" and request.path.startswith(url)


def links_for(request: HttpRequest) -> list[NavLink]:
    """The items this request's user may see, in order, with the current one marked."""
    links = []
    for item in registered_items():
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        if item.permission and not has(getattr(request, "user", None), item.permission):
            continue
        links.append(NavLink(item.label, url, _is_current(request, item, url)))
    return links
