"""The history of a resource includes its audiences and topics (the many-to-many
taxonomies): an editor who changes them sees "added …; removed …" among the changes."""

from __future__ import annotations

from typing import Any

import pytest

from placezero.activity.history import changes_of
from placezero.advisory.models import Resource
from placezero.advisory.tests.conftest import client_for
from placezero.advisory.tests.test_curation import FORM


@pytest.mark.django_db
def test_changes_of_audiences_and_topics_are_recorded_and_shown(demo: Any, people: dict) -> None:
    client = client_for(people["editor"])
    base = f"/places/{demo.slug}/advice/resources/"
    assert client.post(base + "new/", FORM).status_code == 302
    changed = {**FORM, "audiences": ["businesses", "community-groups"], "topics": ["solar"]}
    assert client.post(base + f"{FORM['slug']}/edit/", changed).status_code == 302

    resource = Resource.objects.get(slug=FORM["slug"])
    changes: dict[str, Any] = {}
    for change in changes_of(resource):  # newest first: keep each field's latest change
        changes.setdefault(change.field, change)
    assert changes["audiences"].after == "Businesses, Community groups and charities"
    assert changes["audiences"].detail == "added Community groups and charities"
    assert changes["topics"].detail == "added Solar power; removed Heat pumps"
    assert changes["topics"].who == people["editor"]

    page = client.get(base + f"{FORM['slug']}/").content.decode()
    assert "(added Solar power; removed Heat pumps)" in page
    assert "(added Community groups and charities)" in page
