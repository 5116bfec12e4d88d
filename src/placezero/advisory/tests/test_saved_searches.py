"""Following a saved search: a signed-in person saves the search on the page (words and
filters), new resources it finds reach them through the shared notifications (an email with
an unsubscribe link, the inbox) and an Atom feed; their saved searches are listed only to
them and they can delete each. Bad input is refused with the reason and nothing saved."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest
from django.core import mail

from placezero.activity import services as activity
from placezero.advisory import alerts, services
from placezero.advisory.models import SavedSearch
from placezero.advisory.tests.conftest import client_for

ATOM = "{http://www.w3.org/2005/Atom}"
NEW_GUIDE = {
    "kind": "guide",
    "title": "Heat pumps for terraced houses",
    "slug": "heat-pumps-terraces",
    "summary": "Where the outdoor unit goes in a small yard.",
    "status": "published",
}


def _titles(feed: bytes) -> list[str]:
    root = ElementTree.fromstring(feed)
    return [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]


@pytest.mark.django_db
def test_a_saved_search_is_followed_by_email_inbox_and_feed(demo: Any, people: dict) -> None:
    person = people["resident"]
    client = client_for(person)
    base = f"/places/{demo.slug}/advice/"
    page = client.get(base + "?q=heat+pump&audience=householders").content.decode()
    assert "Save this search and follow it" in page

    response = client.post(base + "saved-searches/", {"q": "heat pump", "audience": "householders"})
    assert response.status_code == 302 and response["Location"].endswith("#saved-searches")
    saved = SavedSearch.objects.get(user=person)
    assert (saved.query, saved.audience, saved.kind) == ("heat pump", "householders", "")
    # Saving the same search again keeps one.
    client.post(base + "saved-searches/", {"q": "heat pump", "audience": "householders"})
    assert SavedSearch.objects.filter(user=person).count() == 1

    listing = client.get(base + "follow/").content.decode()
    assert "“heat pump”, for: Householders" in listing
    assert f"/advice/feeds/searches/{saved.token}/" in listing
    # Only its owner sees it.
    assert "heat pump" not in client_for(people["member"]).get(base + "follow/").content.decode()

    # What was there before saving is in the feed but is not "new": no alert.
    assert alerts.send_saved_search_alerts() == 0
    feed = client_for(None).get(f"/advice/feeds/searches/{saved.token}/")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    before = _titles(feed.content)
    assert before and all(isinstance(t, str) for t in before)

    services.save_resource(
        people["editor"], demo, NEW_GUIDE, audiences=["householders"], topics=["heat-pumps"]
    )
    services.save_resource(  # found by the words, but not for householders: not told
        people["editor"], demo, {**NEW_GUIDE, "slug": "heat-pumps-depots", "title": "Depots"},
        audiences=["businesses"], topics=["heat-pumps"],
    )  # fmt: skip
    mail.outbox.clear()
    assert alerts.send_saved_search_alerts() == 1
    assert alerts.send_saved_search_alerts() == 0  # each once
    inbox = activity.inbox_of(person)
    assert [n.title for n in inbox][:1] == [
        "New for your search “heat pump”, for: Householders: Heat pumps for terraced houses"
    ]
    assert inbox[0].url.endswith("/resources/heat-pumps-terraces/")
    assert len(mail.outbox) == 1 and "List-Unsubscribe" in mail.outbox[0].extra_headers
    assert "Heat pumps for terraced houses" in _titles(
        client_for(None).get(f"/advice/feeds/searches/{saved.token}/").content
    )

    # Unsubscribed from email: the inbox still hears, email does not.
    activity.opt_out(person, alerts.SAVED_SEARCH, "email")
    services.save_resource(
        people["editor"], demo, {**NEW_GUIDE, "slug": "heat-pumps-2", "title": "Heat pump noise"},
        audiences=["householders"], topics=["heat-pumps"],
    )  # fmt: skip
    mail.outbox.clear()
    assert alerts.send_saved_search_alerts() == 1
    assert mail.outbox == []

    # Deleting it stops the feed (and the alerts).
    other = client_for(people["member"]).post(base + f"saved-searches/{saved.pk}/delete/")
    assert other.status_code == 404 and SavedSearch.objects.filter(pk=saved.pk).exists()
    assert client.post(base + f"saved-searches/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    assert client_for(None).get(f"/advice/feeds/searches/{saved.token}/").status_code == 404
    assert "You have no saved searches" in client.get(base + "follow/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Type some words or choose a filter before you save a search."),
        ({"q": "  ;--  "}, "Type some words or choose a filter before you save a search."),
        ({"q": "solar", "topic": "nope"}, "There is no topic “nope”."),
        ({"q": "solar", "kind": "<script>"}, "is not a type of resource"),
        ({"q": "solar", "audience": "x" * 500}, "There is no audience"),
    ],
)
def test_a_bad_saved_search_is_refused_with_the_reason(
    leicestershire: Any, taxonomy: None, people: dict, data: dict, message: str
) -> None:
    response = client_for(people["resident"]).post(
        f"/places/{leicestershire.slug}/advice/saved-searches/", data
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text and message in text and "“<script>" not in text
    assert not SavedSearch.objects.exists()


@pytest.mark.django_db
def test_a_long_query_is_kept_shortened_and_anonymous_people_are_asked_to_sign_in(
    demo: Any, people: dict
) -> None:
    base = f"/places/{demo.slug}/advice/"
    anonymous = client_for(None)
    assert "Sign in to save this search" in anonymous.get(base + "?q=solar").content.decode()
    assert anonymous.post(base + "saved-searches/", {"q": "solar"}).status_code == 302
    assert not SavedSearch.objects.exists()
    client_for(people["resident"]).post(base + "saved-searches/", {"q": "solar " * 2000})
    assert len(SavedSearch.objects.get().query) == 200
