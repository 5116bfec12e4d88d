"""Curating on the site's own pages: a place's editor adds a resource, which appears in
search at once; bad input gets the GOV.UK error summary and nothing is saved; a resource
scheduled for later stays hidden until its time."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from placezero.advisory import services
from placezero.advisory.models import Resource
from placezero.advisory.tests.conftest import client_for

FORM = {
    "kind": "funding",
    "title": "Quornshire orchard heat grant",
    "slug": "quornshire-orchard-heat",
    "summary": "Heat pumps for orchard barns.",
    "body": "Apply **early**.",
    "audiences": ["businesses"],
    "topics": ["heat-pumps"],
    "opens_on": "2026-01-01",
    "closes_on": "2027-01-01",
    "status": "published",
}


@pytest.mark.django_db
def test_an_editor_adds_a_resource_that_search_finds(demo: Any, people: dict) -> None:
    response = client_for(people["editor"]).post(f"/places/{demo.slug}/advice/resources/new/", FORM)
    assert response.status_code == 302
    resource = Resource.objects.get(slug="quornshire-orchard-heat")
    assert resource.place == demo and resource.is_live()
    assert resource.history.first().history_user == people["editor"]
    found = services.search(demo, AnonymousUser(), "orchard barns").resources
    assert [r.slug for r in found[:1]] == ["quornshire-orchard-heat"]


@pytest.mark.django_db
def test_bad_input_is_explained_and_nothing_is_saved(demo: Any, people: dict) -> None:
    bad = {**FORM, "closes_on": "2025-01-01", "slug": "loft-insulation", "topics": ["nope"]}
    response = client_for(people["editor"]).post(f"/places/{demo.slug}/advice/resources/new/", bad)
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text
    assert "The closing date must be on or after the opening date" in text
    assert "Resource with this Slug already exists" in text
    assert "Select a valid choice" in text
    assert not Resource.objects.filter(title=FORM["title"]).exists()


@pytest.mark.django_db
def test_a_scheduled_resource_waits_for_its_time(demo: Any, people: dict) -> None:
    later = (timezone.now() + timezone.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    client = client_for(people["editor"])
    client.post(f"/places/{demo.slug}/advice/resources/new/", {**FORM, "published_at": later})
    resource = Resource.objects.get(slug="quornshire-orchard-heat")
    assert not resource.is_live()
    assert services.search(demo, AnonymousUser(), "orchard").count == 0
    page = client.get(f"/places/{demo.slug}/advice/resources/{resource.slug}/")
    assert page.status_code == 200 and "scheduled for" in page.content.decode()
    assert client_for(people["resident"]).get(page.request["PATH_INFO"]).status_code == 403


@pytest.mark.django_db
def test_a_scheduled_resource_appears_at_its_time_and_followers_hear_then(
    demo: Any, people: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scheduled publishing is a query-time filter (`live()`), and the hourly alerts task
    picks the resource up once its time has come: nothing needs to run at that moment."""
    from placezero.activity import services as activity
    from placezero.advisory import alerts

    follower = people["resident"]
    services.set_follow(follower, demo, topics=["heat-pumps"], audiences=[])
    later = timezone.now() + timezone.timedelta(days=2)
    services.save_resource(
        people["editor"], demo,
        {**{k: v for k, v in FORM.items() if k not in ("audiences", "topics")},
         "opens_on": None, "closes_on": None, "published_at": later},
        audiences=["businesses"], topics=["heat-pumps"],
    )  # fmt: skip
    assert services.search(demo, AnonymousUser(), "orchard").count == 0
    assert alerts.send_alerts().startswith("0 new-resource")

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timezone.timedelta(days=3))
    assert [r.slug for r in services.search(demo, AnonymousUser(), "orchard").resources] == [
        "quornshire-orchard-heat"
    ]
    page = client_for(None).get(f"/places/{demo.slug}/advice/resources/quornshire-orchard-heat/")
    assert page.status_code == 200
    assert alerts.send_alerts().startswith("1 new-resource")
    assert activity.inbox_of(follower)[0].title == "New: Quornshire orchard heat grant"
