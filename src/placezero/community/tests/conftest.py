"""People and records for the community tests, in Leicestershire (the committed pack) and
another place (Rutland-like), so every rule can be checked per role and per place."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import MembershipFactory, UserFactory
from placezero.api.tests.factories import AreaFactory, PlaceFactory
from placezero.community.models import CommunityGroup, StepProgress
from placezero.community.options import StepStatus, TeamRole
from placezero.community.services import fund, grants, journey, projects
from placezero.places import services as places


def charnwood(place: Any) -> Any:
    return next(a for a in places.member_areas(place) if a.name == "Charnwood")


def advance(group: CommunityGroup, to_step: int) -> CommunityGroup:
    """Move a group to a step directly (set-up, not what is being tested)."""
    for number in range(1, to_step):
        StepProgress.objects.update_or_create(
            group=group, step_number=number, defaults={"status": StepStatus.SIGNED_OFF}
        )
    StepProgress.objects.get_or_create(group=group, step_number=to_step)
    group.current_step = to_step
    group.save()
    return group


@pytest.fixture
def world(leicestershire: Any) -> SimpleNamespace:
    other = PlaceFactory(slug="otherplace", name="Otherplace")
    AreaFactory(place=other, code="E06099999", name="Other district")
    w = SimpleNamespace(place=leicestershire, other=other)
    w.admin = UserFactory(role=Role.ADMINISTRATOR)
    w.officer = UserFactory(role=Role.OFFICER, place=leicestershire)
    w.officer2 = UserFactory(role=Role.OFFICER, place=leicestershire)
    w.other_officer = UserFactory(role=Role.OFFICER, place=other)
    w.partner = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    w.other_partner = UserFactory(role=Role.PARTNER_EDITOR, place=other)
    w.resident = UserFactory(role=Role.RESIDENT)
    w.founder = UserFactory(role=Role.RESIDENT)
    w.group = journey.register_group(
        leicestershire,
        user=w.founder,
        name="Test Community Energy",
        area_code=charnwood(leicestershire).code,
        legal_form="cbs",
        members=40,
        volunteers=6,
        staff=0,
    )
    w.group_member = UserFactory(role=Role.MEMBER)
    MembershipFactory(user=w.group_member, organisation=w.group.organisation, is_editor=False)
    w.other_founder = UserFactory(role=Role.RESIDENT)
    w.other_group = journey.register_group(
        leicestershire,
        user=w.other_founder,
        name="Another Energy Group",
        area_code=charnwood(leicestershire).code,
        legal_form="cic",
    )
    w.reviewer1 = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    w.reviewer2 = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    w.reviewer3 = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    w.finance = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)
    now = timezone.now()
    w.round = fund.open_round(
        leicestershire,
        user=w.officer,
        name="Feasibility round 1",
        stage="feasibility",
        budget_gbp=Decimal("200000"),
        max_award_gbp=Decimal("40000"),
        opens_at=now - timedelta(days=10),
        deadline=now + timedelta(days=10),
        eligibility="Community energy groups of Leicestershire at step 4 or later.",
        criteria=[("Community benefit", 3), ("Deliverability", 2), ("Value for money", 1)],
    )
    for reviewer in (w.reviewer1, w.reviewer2, w.reviewer3, w.founder):
        fund.name_to_team(w.round, user=w.officer, member=reviewer, role=TeamRole.REVIEWER)
    fund.name_to_team(w.round, user=w.officer, member=w.finance, role=TeamRole.FINANCE)
    return w


@pytest.fixture
def applied(world: SimpleNamespace) -> SimpleNamespace:
    """World with the group at step 5, a project adopted and an application submitted."""
    advance(world.group, 4)
    key = projects.opportunities(world.place)[0].key
    world.project = projects.adopt(world.group, user=world.founder, key=key)
    advance(world.group, 5)
    world.application = fund.apply(
        world.round,
        world.group,
        user=world.founder,
        title="Feasibility study",
        summary="A feasibility study of the site.",
        amount_requested_gbp=Decimal("30000"),
        contact_name="Alex Example",
        contact_email="alex@example.invalid",
        project=world.project,
    )
    return world


@pytest.fixture
def determined(applied: SimpleNamespace) -> SimpleNamespace:
    """An approved application with its award, before milestones and the agreement."""
    w = applied
    fund.determine(
        w.application,
        user=w.officer,
        outcome="approved_with_conditions",
        message="Approved.",
        conditions="Share the study with the network.",
        amount_gbp=Decimal("30000"),
    )
    w.application.refresh_from_db()
    w.award = w.application.award
    return w


def agree_milestones(w: SimpleNamespace) -> None:
    w.milestone = fund.add_milestone(
        w.award,
        user=w.officer,
        title="Study commissioned",
        amount_gbp=Decimal("12000"),
        due_on=timezone.localdate() + timedelta(days=30),
    )
    w.milestone2 = fund.add_milestone(
        w.award,
        user=w.officer,
        title="Study delivered",
        amount_gbp=Decimal("18000"),
        due_on=timezone.localdate() + timedelta(days=90),
    )


@pytest.fixture
def awarded(determined: SimpleNamespace) -> SimpleNamespace:
    """The award with two milestones and its grant agreement accepted by the group."""
    w = determined
    agree_milestones(w)
    w.agreement = grants.issue_agreement(
        w.award, user=w.officer, terms="Spend the grant on the study; report within a year."
    )
    grants.accept_agreement(w.agreement, user=w.founder, signatory_role="Chair", confirmed=True)
    w.milestone.refresh_from_db()
    w.milestone2.refresh_from_db()
    w.agreement.refresh_from_db()
    return w
