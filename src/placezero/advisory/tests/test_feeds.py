"""Following and feeds: a follower's secret Atom feed and a topic's public feed list new
resources and the outputs other modules publish, with nobody typing them in."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.advisory import outputs, services
from placezero.advisory.tests.conftest import client_for
from placezero.publishing import services as publishing


@pytest.fixture
def published_plan(demo: Any) -> Any:
    """The plan on a page that the pathways module published when Leicestershire was loaded
    (through the publishing registry): nobody typed it into the repository."""
    (plan,) = publishing.outputs(place=demo, kind="pathways.plan")
    return plan


@pytest.mark.django_db
def test_a_published_plan_appears_in_the_repository(
    demo: Any, published_plan: Any, client: Any
) -> None:
    results = services.search(demo, AnonymousUser(), "plan")
    assert published_plan.title in [o.title for o in results.outputs]
    page = client.get(f"/places/{demo.slug}/advice/").content.decode()
    assert "Published by the partnership" in page and published_plan.title in page
    # Its free topics ("net zero pathway", "heat") are the repository's topics.
    (output,) = [o for o in results.outputs if o.key == published_plan.key]
    assert {"net-zero-planning", "heat-pumps"} <= set(output.topics)


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
    assert published_plan.title in body
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
    assert "Solar panels for your home" in body
    assert published_plan.title not in body  # the plan is not about solar
    plan_feed = client.get(f"/places/{demo.slug}/advice/topics/net-zero-planning/feed/")
    assert published_plan.title in plan_feed.content.decode()
    assert client.get(f"/places/{demo.slug}/advice/topics/none-such/feed/").status_code == 404
    assert client.get("/advice/feeds/not-a-token/").status_code == 404


def test_publishing_audiences_map_onto_the_repository() -> None:
    assert outputs.repository_audiences(("residents",)) == ("householders", "tenants")
    assert "parishes" in outputs.repository_audiences(("public",))
