"""People and records of the tracker's tests: Leicestershire (the committed pack) with two
partner organisations, a person of each role, and Rutland as another place."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from placezero.api.tests.factories import PlaceFactory
from placezero.tracker.models import Action, Plan
from placezero.tracker.options import Status, Theme


@pytest.fixture
def people(leicestershire: Any) -> SimpleNamespace:
    county = OrganisationFactory(name="Leicestershire County Council (test)", place=leicestershire)
    charnwood = OrganisationFactory(name="Charnwood Borough Council (test)", place=leicestershire)
    rutland = PlaceFactory(slug="rutland-test", name="Rutland")
    rutland_council = OrganisationFactory(name="Rutland County Council (test)", place=rutland)

    def person(role: Role, organisation: Any, editor: bool = False) -> Any:
        user = UserFactory(role=role)
        MembershipFactory(user=user, organisation=organisation, is_editor=editor)
        return user

    return SimpleNamespace(
        place=leicestershire,
        rutland=rutland,
        county=county,
        charnwood=charnwood,
        resident=UserFactory(role=Role.RESIDENT),
        member=person(Role.MEMBER, county),
        other_member=person(Role.MEMBER, charnwood),
        editor=person(Role.PARTNER_EDITOR, county, editor=True),
        other_editor=person(Role.PARTNER_EDITOR, charnwood, editor=True),
        officer=person(Role.OFFICER, county, editor=True),
        rutland_editor=person(Role.PARTNER_EDITOR, rutland_council, editor=True),
        rutland_officer=person(Role.OFFICER, rutland_council, editor=True),
        admin=UserFactory(role=Role.ADMINISTRATOR),
    )


@pytest.fixture
def plan(people: SimpleNamespace) -> Plan:
    return Plan.objects.create(
        place=people.place, title="Test plan 2023-2027", starts=2023, ends=2027
    )


def make_action(plan: Plan, owner: Any, reference: str, **fields: Any) -> Action:
    values = {
        "title": f"Action {reference}",
        "theme": Theme.BUILDINGS_ENERGY,
        "status": Status.ON_TRACK,
        "planned_start": dt.date(2024, 1, 1),
        "planned_end": dt.date(2026, 12, 31),
        **fields,
    }
    return Action.objects.create(
        place=plan.place, plan=plan, owner=owner, reference=reference, **values
    )


@pytest.fixture
def action(plan: Plan, people: SimpleNamespace) -> Action:
    """An action of the county council."""
    return make_action(plan, people.county, "B1")
