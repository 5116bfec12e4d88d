"""Shared test data: points and areas inside a Leicestershire zone, people of each role."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from shapely.geometry import mapping, shape

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.api.tests.factories import PlaceFactory
from placezero.landscape import consultations, services
from placezero.landscape.models import Consultation
from placezero.landscape.options import Technology


@pytest.fixture
def zone(leicestershire: Any) -> Any:
    return services.zones(leicestershire)[0]


@pytest.fixture
def inside_point(zone: Any) -> dict[str, Any]:
    point = shape(zone.geometry).representative_point()
    return {"type": "Point", "coordinates": [point.x, point.y]}


@pytest.fixture
def inside_area(zone: Any) -> dict[str, Any]:
    outline = shape(zone.geometry)
    point = outline.representative_point()
    square = point.buffer(0.0005, cap_style="square").intersection(outline)
    return {"type": "Polygon", "coordinates": mapping(square.convex_hull)["coordinates"]}


@pytest.fixture
def officer(leicestershire: Any) -> Any:
    return UserFactory(role=Role.OFFICER, place=leicestershire)


@pytest.fixture
def other_place(db: None) -> Any:
    return PlaceFactory(slug="rutland-test", name="Rutland")


@pytest.fixture
def other_officer(other_place: Any) -> Any:
    return UserFactory(role=Role.OFFICER, place=other_place)


@pytest.fixture
def resident(db: None) -> Any:
    return UserFactory(role=Role.RESIDENT)


CONSULTATION_FIELDS = {
    "title": "Where would you welcome solar?",
    "summary": "Test consultation.",
    "decisions_informed": "The pathway's acceptance limits.",
    "privacy_notice": "We keep what you send for two years.",
    "consent_text": "I agree.",
    "technologies": list(Technology.values),
    "questions_text": "",
    "retention_days": 365,
}


def consultation_data(**changes: Any) -> dict[str, Any]:
    today = dt.date.today()
    values = CONSULTATION_FIELDS | {
        "opens_on": today - dt.timedelta(days=1), "closes_on": today + dt.timedelta(days=30)
    }  # fmt: skip
    return values | changes


def open_consultation(place: Any, **changes: Any) -> Any:
    """The place's test consultation, open today (made by an officer of the place)."""
    found = consultations.consultation_of(place, "where-would-you-welcome-solar")
    if found is not None and not changes:
        return found
    officer = UserFactory(role=Role.OFFICER, place=place)
    return consultations.create(place, consultation_data(**changes), user=officer)


@pytest.fixture
def consultation(leicestershire: Any) -> Any:
    return open_consultation(leicestershire)


def say(where: Any, user: Any, *, address: str = "192.0.2.1", **fields: Any) -> Any:
    """Submit with sensible defaults, to `where` (a consultation, or a place's open one)."""
    consultation = where if isinstance(where, Consultation) else open_consultation(where)
    values = {
        "technology": "ground_solar", "stance": "oppose", "reason": "Good farmland.",
        "consent": True,
    }  # fmt: skip
    values |= fields
    return services.submit(consultation, user=user, client_address=address, **values)
