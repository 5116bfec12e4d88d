"""Open data of every public action: CSV, JSON and the API, with the same records."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import Client

from placezero.tracker import services

from .conftest import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def actions(plan: Any, people: Any) -> list[Any]:
    first = make_action(
        plan, people.county, "B1", co_benefits=["health", "jobs"], lead_officer=people.officer,
        title="=HYPERLINK(\"http://evil.example\",\"click\")",
    )  # fmt: skip
    second = make_action(plan, people.charnwood, "T1", is_demo=True)
    return [first, second]


def test_csv_has_every_action_neutralised_and_no_personal_data(actions: Any, people: Any) -> None:
    response = Client().get(f"/places/{people.place.slug}/actions/actions.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["Reference"] for r in rows] == ["B1", "T1"]
    assert rows[0]["Title"].startswith("'=HYPERLINK")
    assert rows[0]["Co-benefits (keys)"] == "health;jobs"
    assert rows[1]["Demo data"] == "yes"
    assert people.officer.username not in response.content.decode()


def test_json_and_api_give_the_same_records(actions: Any, people: Any) -> None:
    slug = people.place.slug
    body = json.loads(Client().get(f"/places/{slug}/actions/actions.json").content)
    assert [c["key"] for c in body["columns"]][:3] == ["reference", "title", "description"]
    assert body["about"]["method_url"] == "/method/tracker-open-data/"
    assert body["rows"][0]["co_benefits"] == ["health", "jobs"]
    api = Client().get(f"/api/places/{slug}/actions")
    assert api.status_code == 200
    assert api.json() == body["rows"]
    one = Client().get(f"/api/places/{slug}/actions/T1")
    assert one.json()["is_demo"] is True
    missing = Client().get(f"/api/places/{slug}/actions/NOPE")
    assert missing.status_code == 404
    assert "Known actions: B1, T1" in missing.content.decode()


def test_the_open_data_method_page_documents_every_field(people: Any) -> None:
    page = Client().get("/method/tracker-open-data/").content.decode()
    from placezero.tracker.opendata import COLUMNS

    for column in COLUMNS:
        assert f"<code>{column.key}</code>" in page, column.key
    assert services.actions_of(people.place).count() == 0
