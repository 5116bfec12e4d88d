"""Shared test data: points and areas inside a Leicestershire zone, people of each role."""

from __future__ import annotations

from typing import Any

import pytest
from shapely.geometry import mapping, shape

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.api.tests.factories import PlaceFactory
from placezero.landscape import services


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


def say(place: Any, user: Any, *, address: str = "192.0.2.1", **fields: Any) -> Any:
    """Submit with sensible defaults."""
    values = {"technology": "ground_solar", "stance": "oppose", "reason": "Good farmland."}
    values |= fields
    return services.submit(place, user=user, client_address=address, **values)
