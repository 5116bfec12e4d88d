"""The cache of what every visitor sees: a cookie-less visitor's second request is served
from the cache; a saved scenario or any change of the data makes the next one fresh; a
request with a cookie, a response that sets one and an error are never kept."""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.test import Client

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.pathways import services as pathways

PAGE = "/places/leicestershire/pathway/?scenario=balanced"


@pytest.fixture
def page_cache(settings):
    settings.CACHES = {
        **django_settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
    }
    settings.MIDDLEWARE = ["placezero.web.cache.PublicPageCacheMiddleware", *settings.MIDDLEWARE]
    from django.core.cache import caches

    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def test_a_cookie_less_visitor_gets_the_kept_page_until_the_data_changes(
    leicestershire, page_cache
):
    first = Client().get(PAGE)
    assert first["X-Placezero-Cache"] == "miss"
    again = Client().get(PAGE)
    assert again["X-Placezero-Cache"] == "hit"
    assert again.content == first.content

    officer = UserFactory(role=Role.OFFICER, place=leicestershire)
    _, definition = pathways.default_definition(leicestershire)
    pathways.create_scenario(
        leicestershire, name="New plan", description="", definition=definition, user=officer
    )
    fresh = Client().get(PAGE)
    assert fresh["X-Placezero-Cache"] == "miss"
    assert "New plan" in fresh.content.decode()


def test_signed_in_people_and_errors_are_never_served_from_the_cache(leicestershire, page_cache):
    client = Client()
    client.force_login(UserFactory(role=Role.OFFICER, place=leicestershire))
    for _ in range(2):
        assert "X-Placezero-Cache" not in client.get(PAGE)
    for _ in range(2):
        missing = Client().get("/places/atlantis/pathway/")
        assert missing.status_code == 404 and "X-Placezero-Cache" not in missing


def test_a_page_that_sets_a_cookie_is_not_kept(leicestershire, page_cache):
    for _ in range(2):
        response = Client().get("/accounts/login/")  # a form: it sets the CSRF cookie
        assert response.cookies and "X-Placezero-Cache" not in response


def test_without_a_pages_cache_nothing_is_kept(leicestershire, settings):
    settings.MIDDLEWARE = ["placezero.web.cache.PublicPageCacheMiddleware", *settings.MIDDLEWARE]
    assert "X-Placezero-Cache" not in Client().get(PAGE)


def test_a_cookie_no_page_depends_on_does_not_stop_the_shared_page(leicestershire, page_cache):
    """A consent flag or a CSRF token changes nothing on a page: the shared copy is served."""
    Client().get(PAGE)
    for cookies in ({"consent": "yes"}, {"csrftoken": "x" * 32}):
        client = Client()
        client.cookies.load(cookies)
        assert client.get(PAGE)["X-Placezero-Cache"] == "hit", cookies


@pytest.mark.parametrize("name", ["sessionid", "messages", "django_language"])
def test_a_cookie_a_page_depends_on_is_never_served_the_shared_page(
    leicestershire, page_cache, name
):
    Client().get(PAGE)
    client = Client()
    client.cookies[name] = "anything"
    assert "X-Placezero-Cache" not in client.get(PAGE)


def test_a_form_page_with_a_csrf_cookie_is_still_not_kept(leicestershire, page_cache):
    """Rendering the token sets the cookie again, so the page (holding that token) is not
    kept for anyone else."""
    client = Client()
    client.cookies["csrftoken"] = "y" * 32
    for _ in range(2):
        response = client.get("/accounts/login/")
        assert "X-Placezero-Cache" not in response
