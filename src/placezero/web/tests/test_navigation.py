"""The service navigation: what other apps register, who sees it, and which item is current."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.test import Client, RequestFactory
from django.urls import resolve

from placezero.accounts.options import Role
from placezero.accounts.permissions import UnknownPermission
from placezero.accounts.tests.factories import UserFactory
from placezero.web.navigation import (
    links_for,
    register_nav_item,
    registered_items,
    set_current_place,
    unregister_nav_item,
)


@pytest.fixture
def extra_items() -> Iterator[list[str]]:
    """URL names a test registers; removed again afterwards."""
    names: list[str] = []
    yield names
    for name in names:
        unregister_nav_item(name)


@dataclass
class Place:
    slug: str


def _request(path: str, user: object | None = None, place: str | None = None) -> HttpRequest:
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    request.resolver_match = resolve(path)
    if place:
        set_current_place(request, Place(place))
    return request


def test_modules_are_registered_in_order() -> None:
    assert [link.label for link in links_for(_request("/privacy/"))] == [
        "Overview",
        "Governance",
        "Pathway plan",
        "Action plan",
        "Community energy",
        "Have your say",
        "Advice and funding",
        "Published",
        "Data sources",
        "How the figures are made",
    ]
    # Each module its own place: with two equal orders the menu would follow the order in
    # which apps happen to be installed.
    orders = [item.order for item in registered_items()]
    assert len(orders) == len(set(orders)), sorted(orders)


def test_item_whose_url_does_not_resolve_is_hidden(extra_items: list[str]) -> None:
    register_nav_item("Pathway", "pathways:no_such_page", order=30)
    extra_items.append("pathways:no_such_page")
    assert "Pathway" not in [link.label for link in links_for(_request("/privacy/"))]


def test_item_is_hidden_from_a_visitor_the_permission_refuses(extra_items: list[str]) -> None:
    register_nav_item("Admin", "admin:index", order=99, permission="admin.access")
    extra_items.append("admin:index")
    assert "Admin" not in [link.label for link in links_for(_request("/privacy/"))]


@pytest.mark.django_db
def test_item_is_shown_to_a_user_the_permission_allows(extra_items: list[str]) -> None:
    register_nav_item("Admin", "admin:index", order=99, permission="admin.access")
    extra_items.append("admin:index")
    officer = UserFactory(role=Role.OFFICER)
    assert "Admin" in [link.label for link in links_for(_request("/privacy/", officer))]


def test_item_with_an_unregistered_permission_fails_loudly(extra_items: list[str]) -> None:
    register_nav_item("Typo", "admin:index", order=99, permission="admin.acces")
    extra_items.append("admin:index")
    with pytest.raises(UnknownPermission):
        links_for(_request("/privacy/"))


def test_data_sources_is_current_on_its_page() -> None:
    links = links_for(_request("/data-sources/"))
    assert [link.label for link in links if link.current] == ["Data sources"]


def test_overview_is_current_on_a_place_page() -> None:
    links = links_for(_request("/places/rutland/", place="rutland"))
    assert [link.label for link in links if link.current] == ["Overview"]


def test_only_data_sources_is_current_on_a_places_data_sources() -> None:
    links = links_for(_request("/places/rutland/data-sources/", place="rutland"))
    assert [link.label for link in links if link.current] == ["Data sources"]


def test_menu_stays_in_the_place_being_viewed() -> None:
    links = links_for(_request("/places/rutland/", place="rutland"))
    assert [link.url for link in links] == [
        "/places/rutland/",
        "/places/rutland/governance/",
        "/places/rutland/pathway/",
        "/places/rutland/actions/",
        "/places/rutland/community/",
        "/places/rutland/landscape/",
        "/places/rutland/advice/",
        "/places/rutland/published/",
        "/places/rutland/data-sources/",
        "/method/",  # the method is the same for every place
    ]


@pytest.mark.django_db
def test_menu_of_an_unknown_place_links_the_default_place(client: Client) -> None:
    html = client.get("/places/atlantis/").content.decode()
    menu = html[html.index('id="navigation"') : html.index("</nav>")]
    assert 'href="/"' in menu and "atlantis" not in menu


def test_menu_links_the_default_place_elsewhere() -> None:
    links = links_for(_request("/privacy/"))
    assert [link.url for link in links] == [
        "/",
        "/governance/",
        "/pathway/",
        "/actions/",
        "/community/",
        "/landscape/",
        "/advice/",
        "/published/",
        "/data-sources/",
        "/method/",
    ]


def test_nothing_is_current_on_a_page_outside_the_menu() -> None:
    assert not [link for link in links_for(_request("/privacy/")) if link.current]


@pytest.mark.django_db
def test_base_template_marks_the_current_item_with_aria_current(client: Client) -> None:
    html = client.get("/accessibility/").content.decode()
    assert 'aria-current="page"' not in html
    html = client.get("/data-sources/").content.decode()
    assert 'href="/data-sources/" aria-current="page"' in html
