"""Test data for governance: seats on a body for new people of new organisations of its place;
other apps' tests (and the browser tests) import these."""

from __future__ import annotations

from datetime import date
from typing import Any

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from placezero.governance.models import Body, BodyMember
from placezero.governance.options import MemberRole

TERM_START = date(2024, 4, 1)


def seat(body: Body, role: str = MemberRole.MEMBER, **user: Any) -> BodyMember:
    """A new person, a member of a new organisation of the body's place, seated on it."""
    person = UserFactory(role=user.pop("site_role", Role.MEMBER), **user)
    organisation = OrganisationFactory(place=body.place)
    MembershipFactory(user=person, organisation=organisation)
    return BodyMember.objects.create(
        body=body, user=person, organisation=organisation, role=role, term_start=TERM_START
    )
