"""Editors extend the taxonomies in the browser: a new topic with synonyms is offered on
the resource form and search finds its resources by a synonym; a duplicate is refused; the
change is in the history; people who are not editors cannot."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.activity.history import revisions_of
from placezero.advisory import services
from placezero.advisory.models import Resource, Topic
from placezero.advisory.tests.conftest import client_for


@pytest.mark.django_db
def test_an_editor_adds_a_topic_that_search_and_the_forms_use(demo: Any, people: dict) -> None:
    editor = client_for(people["editor"])
    base = f"/places/{demo.slug}/advice/"
    assert editor.get(base + "taxonomy/").status_code == 200
    response = editor.post(
        base + "taxonomy/topics/new/",
        {"slug": "water", "name": "Water saving", "synonyms": "rainwater,  water butt, rainwater"},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(slug="water")
    assert topic.synonyms == "rainwater, water butt"
    assert topic.history.first().history_user == people["editor"]
    assert "Water saving" in editor.get(base + "resources/new/").content.decode()

    guide = Resource.objects.get(slug="village-hall-solar-guide")
    guide.topics.add(topic)
    found = services.search(demo, AnonymousUser(), "water butt").resources
    assert guide in found[:3]

    editor.post(base + "taxonomy/topics/water/", {"name": "Saving water", "synonyms": "rainwater"})
    topic.refresh_from_db()
    assert topic.name == "Saving water" and topic.slug == "water"
    changes = [(c.field, c.after) for r in revisions_of(topic) for c in r.changes]
    assert ("name", "Saving water") in changes

    duplicate = editor.post(base + "taxonomy/audiences/new/", {"slug": "p2", "name": "tenants"})
    assert duplicate.status_code == 400
    assert "There is already a audience called" not in duplicate.content.decode()
    assert "There is already an audience called “tenants”" in duplicate.content.decode()
    assert client_for(people["member"]).get(base + "taxonomy/").status_code == 403
    assert editor.get(base + "taxonomy/colours/new/").status_code == 404
