"""Following and feeds: a follower's secret Atom feed and a topic's public feed list new
resources and the outputs other modules publish, with nobody typing them in."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.advisory import outputs, services
from placezero.advisory.tests.conftest import client_for


@pytest.fixture
def published_plan(monkeypatch: pytest.MonkeyPatch, demo: Any) -> SimpleNamespace:
    """A plan on a page as the publishing registry hands it back (until publishing lands,
    through the repository's one call site)."""
    plan = SimpleNamespace(
        kind="pathways.plan",
        key=f"{demo.slug}:plan",
        place=demo,
        title="Leicestershire plan on a page",
        summary="The preferred pathway to net zero, stage by stage.",
        url=f"/places/{demo.slug}/pathway/plan/",
        audiences=("public",),
        topics=("net-zero-planning", "solar"),
        updated_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
    )
    monkeypatch.setattr(
        outputs, "_publishing_outputs", lambda place: [plan] if place == demo else []
    )
    return plan


@pytest.mark.django_db
def test_a_published_plan_appears_in_the_repository(
    demo: Any, published_plan: Any, client: Any
) -> None:
    results = services.search(demo, AnonymousUser(), "plan")
    assert [o.title for o in results.outputs] == ["Leicestershire plan on a page"]
    page = client.get(f"/places/{demo.slug}/advice/").content.decode()
    assert "Published by the partnership" in page and "Leicestershire plan on a page" in page


@pytest.mark.django_db
def test_a_published_plan_reaches_a_followers_feed(
    demo: Any, published_plan: Any, people: dict
) -> None:
    person = people["resident"]
    client = client_for(person)
    response = client.post(f"/places/{demo.slug}/advice/follow/", {"topics": ["net-zero-planning"]})
    assert response.status_code == 302
    follow = services.follow_of(person, demo)
    feed = client_for(None).get(f"/advice/feeds/{follow.token}/")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Leicestershire plan on a page" in body
    assert "Local area energy planning: the method" in body  # a followed resource
    assert "Loft insulation" not in body  # not followed


@pytest.mark.django_db
def test_a_reset_token_retires_the_old_feed(demo: Any, people: dict) -> None:
    person = people["resident"]
    follow = services.set_follow(person, demo, topics=["solar"], audiences=[])
    old = follow.token
    client_for(person).post(f"/places/{demo.slug}/advice/follow/", {"action": "reset"})
    assert client_for(None).get(f"/advice/feeds/{old}/").status_code == 404
    new = services.follow_of(person, demo).token
    assert client_for(None).get(f"/advice/feeds/{new}/").status_code == 200


@pytest.mark.django_db
def test_unfollowing_everything_removes_the_follow(demo: Any, people: dict) -> None:
    person = people["resident"]
    services.set_follow(person, demo, topics=["solar"], audiences=[])
    assert services.set_follow(person, demo, topics=[], audiences=[]) is None
    assert services.follow_of(person, demo) is None


@pytest.mark.django_db
def test_an_unknown_topic_in_a_follow_is_refused(demo: Any, people: dict) -> None:
    response = client_for(people["resident"]).post(
        f"/places/{demo.slug}/advice/follow/", {"topics": ["nope"]}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
def test_a_topic_feed_is_public(demo: Any, published_plan: Any, client: Any) -> None:
    feed = client.get(f"/places/{demo.slug}/advice/topics/solar/feed/")
    assert feed.status_code == 200
    body = feed.content.decode()
    assert "Solar panels for your home" in body and "Leicestershire plan on a page" in body
    assert client.get(f"/places/{demo.slug}/advice/topics/none-such/feed/").status_code == 404
    assert client.get("/advice/feeds/not-a-token/").status_code == 404


def test_publishing_audiences_map_onto_the_repository() -> None:
    assert outputs.repository_audiences(("residents",)) == ("householders", "tenants")
    assert "parishes" in outputs.repository_audiences(("public",))
