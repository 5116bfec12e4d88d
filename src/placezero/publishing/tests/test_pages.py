"""The published outputs page and its Atom feed: public, showing only what is on show,
filtered by audience and topic; the feed is valid Atom (RFC 4287)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.api.tests.factories import PlaceFactory
from placezero.publishing import services

from .conftest import REPORT

ATOM = "{http://www.w3.org/2005/Atom}"


def page_url(slug: str = "testshire", **query: str) -> str:
    url = reverse("publishing:place", kwargs={"place_slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def feed_url(slug: str = "testshire", **query: str) -> str:
    url = reverse("publishing:feed", kwargs={"place_slug": slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def reports(publish_report):
    publish_report("solar-farms", title="Solar farm sites", audiences=("investors",))
    publish_report(
        "heat-homes", title="Heat in homes", topics=("heat",), audiences=("public", "community")
    )
    publish_report("withdrawn", title="An old report")
    services.unpublish(REPORT, key="withdrawn")


def shown_keys(html: str) -> list[str]:
    return [part.split('"')[0] for part in html.split('data-output="')[1:]]


def someone(role: str | None, place) -> object | None:
    if role is None:
        return None
    if role == "admin":
        return UserFactory(role=Role.ADMINISTRATOR)
    if role == "other-place-officer":
        return UserFactory(role=Role.OFFICER, place=PlaceFactory())
    return UserFactory(role=role, place=place)


@pytest.mark.parametrize(
    "role",
    [None, Role.RESIDENT, Role.PARTNER_EDITOR, Role.OFFICER, "other-place-officer", "admin"],
)
def test_the_page_is_public_and_shows_only_what_is_published(client, reports, testshire, role):
    """Rule: everyone sees the same list; a withdrawn output shows to nobody."""
    user = someone(role, testshire)
    if user is not None:
        client.force_login(user)
    response = client.get(page_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert shown_keys(html) == [f"{REPORT}/heat-homes", f"{REPORT}/solar-farms"]
    assert "An old report" not in html
    assert "2 outputs" in html
    assert 'type="application/atom+xml"' in html


def test_the_page_filters_by_audience_and_topic(client, reports) -> None:
    html = client.get(page_url(audience="investors")).content.decode()
    assert shown_keys(html) == [f"{REPORT}/solar-farms"]
    assert "1 output for investors" in html
    html = client.get(page_url(topic="heat")).content.decode()
    assert shown_keys(html) == [f"{REPORT}/heat-homes"]
    # The feed link keeps the filters.
    assert f'href="{feed_url(topic="heat")}"' in html
    html = client.get(page_url(audience="officers")).content.decode()
    assert shown_keys(html) == []
    assert "Nothing published for Testshire matches these filters" in html


def test_a_filter_that_is_not_on_the_list_says_so(client, reports) -> None:
    response = client.get(page_url(audience="aliens", topic="moon"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose an audience from the list (aliens is not one)." in html
    assert "no output here is about moon" in html
    assert len(shown_keys(html)) == 2  # nothing is filtered by a choice that is not one


def test_another_places_outputs_stay_on_their_page(client, reports) -> None:
    PlaceFactory(slug="elsewhere", name="Elsewhere")
    html = client.get(page_url("elsewhere")).content.decode()
    assert shown_keys(html) == []
    assert "Nothing has been published for Elsewhere yet" in html


def test_an_unknown_place_is_not_found(client, db) -> None:
    assert client.get(page_url("atlantis")).status_code == 404
    assert client.get(feed_url("atlantis")).status_code == 404


def test_published_redirects_to_the_default_places_page(client, leicestershire) -> None:
    response = client.get(reverse("publishing:index"))
    assert response.status_code == 302
    assert response["Location"] == page_url("leicestershire")


def test_the_menu_links_to_the_places_published_outputs(client, reports) -> None:
    html = client.get(page_url()).content.decode()
    assert f'href="{page_url()}"' in html.split("</header>")[0]


def parse_feed(client: Client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_the_feed_is_valid_atom(client, reports) -> None:
    """Rule (RFC 4287 4.1): a feed has one id, title and updated, and an author; each entry
    an id, a title, an updated date and an alternate link (it has no content)."""
    feed = parse_feed(client, feed_url())
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "placezero for Testshire"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Heat in homes", "Solar farm sites"]
    ids = set()
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}id").text.startswith("tag:testserver,")
        ids.add(entry.find(f"{ATOM}id").text)
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link.get("href").startswith("http://testserver/reports/")
        assert entry.find(f"{ATOM}summary").text.startswith("What report")
        terms = {c.get("term") for c in entry.findall(f"{ATOM}category")}
        assert "Test report" in terms
    assert len(ids) == 2


def test_the_feed_filters_like_the_page(client, reports) -> None:
    feed = parse_feed(client, feed_url(audience="investors"))
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == [
        "Solar farm sites"
    ]
    assert "for investors" in feed.find(f"{ATOM}title").text


def test_the_feed_entry_id_stays_when_the_output_changes(client, reports, publish_report):
    before = parse_feed(client, feed_url(topic="heat")).find(f"{ATOM}entry/{ATOM}id").text
    publish_report("heat-homes", title="Heat in homes, revised", topics=("heat",))  # all audiences
    after = parse_feed(client, feed_url(topic="heat")).find(f"{ATOM}entry")
    assert after.find(f"{ATOM}id").text == before
    assert after.find(f"{ATOM}title").text == "Heat in homes, revised"


def test_a_feed_with_a_filter_that_is_not_one_is_a_bad_request(client, reports) -> None:
    response = client.get(feed_url(audience="aliens"))
    assert response.status_code == 400
    assert "Choose an audience from the list (aliens is not one)." in response.content.decode()
