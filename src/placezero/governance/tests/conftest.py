"""Fixtures for governance tests: Leicestershire set up from the two-tier county starting
template, with seated members on the board and on a working group."""

from __future__ import annotations

from typing import Any

import pytest

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.api.tests.factories import PlaceFactory
from placezero.governance import services
from placezero.governance.models import Body, BodyMember
from placezero.governance.options import MemberRole

from .factories import seat


@pytest.fixture
def administrator(db: None) -> Any:
    return UserFactory(role=Role.ADMINISTRATOR)


@pytest.fixture
def bodies(leicestershire: Any, administrator: Any) -> dict[str, Body]:
    services.import_structure(
        leicestershire, services.starting_template("two-tier-county"), user=administrator
    )
    return {b.slug: b for b in Body.objects.filter(place=leicestershire)}


@pytest.fixture
def rutland(db: None) -> Any:
    return PlaceFactory(slug="rutland-test", name="Rutland")


@pytest.fixture
def officer(leicestershire: Any) -> Any:
    return UserFactory(role=Role.OFFICER, place=leicestershire)


@pytest.fixture
def board_seats(bodies: dict[str, Body]) -> list[BodyMember]:
    board = bodies["partnership-board"]
    return [seat(board, MemberRole.CHAIR), seat(board), seat(board), seat(board)]


@pytest.fixture
def group_seats(bodies: dict[str, Body]) -> list[BodyMember]:
    group = bodies["buildings-energy"]
    return [seat(group, MemberRole.CHAIR), seat(group), seat(group, MemberRole.OBSERVER)]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every notification governance sends, as the single call site receives it."""
    sent: list[dict[str, Any]] = []
    from placezero.governance import announce

    def record(recipients: Any, kind: str, **details: Any) -> int:
        people = list(dict.fromkeys(recipients))
        sent.append({"kind": kind, "recipients": people, **details})
        return len(people)

    monkeypatch.setattr(announce, "notify_people", record)
    return sent
