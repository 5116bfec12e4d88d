"""The governance seam: an approved decision creates tracker actions (tracker.create_actions),
in the approval's transaction, and the decision links to them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.governance import registered_outcome_handlers
from placezero.governance import services as governance
from placezero.governance.models import Body, Decision, DecisionLink, Power
from placezero.governance.options import DecisionStatus, MemberRole, Route, VoteChoice
from placezero.governance.tests.factories import seat
from placezero.tracker import services
from placezero.tracker.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(people: Any) -> Body:
    admin = UserFactory(role=Role.ADMINISTRATOR)
    governance.import_structure(
        people.place, governance.starting_template("two-tier-county"), user=admin
    )
    return Body.objects.get(place=people.place, slug="partnership-board")


def _decide(board: Body, proposer: Any, creates: str) -> Decision:
    seats = [seat(board, MemberRole.CHAIR), seat(board)]
    proposal = governance.Proposal(
        title="Solar canopies at two depots",
        asked_for="Approve £40,000 for solar canopies.",
        route=Route.FAST_TRACK,
        body=board,
        cost_gbp=Decimal(40000),
        creates=creates,
        powers=list(Power.objects.filter(place=board.place, key="estates")),
    )
    decision = governance.propose(board.place, proposal, user=proposer)
    for member in seats:
        governance.cast_vote(decision, user=member.user, choice=VoteChoice.APPROVE)
    decision.refresh_from_db()
    return decision


def test_the_tracker_handler_replaces_governance_s_own() -> None:
    keys = [handler.key for handler in registered_outcome_handlers()]
    assert "tracker.create_actions" in keys
    assert "governance.record_outcome" not in keys


def test_an_approved_decision_creates_actions_owned_by_the_proposer_s_organisation(
    board: Body, people: Any, plan: Plan
) -> None:
    decision = _decide(board, people.officer, "Install canopies\n- Report generation")
    assert decision.status == DecisionStatus.APPROVED
    created = list(services.actions_of(people.place).order_by("reference"))
    assert [(a.reference, a.title) for a in created] == [
        ("D001.1", "Install canopies"),
        ("D001.2", "Report generation"),
    ]
    first = created[0]
    assert first.owner == people.county  # the officer's organisation
    assert first.plan == plan
    assert first.theme == "cross_cutting" and first.status == "not_started"
    assert first.planned_start == decision.decided_at.date()
    assert first.powers_used == ["estates"]
    assert "Created by decision D001" in first.history.get().history_change_reason
    links = DecisionLink.objects.filter(decision=decision)
    assert [(link.label, link.url) for link in links] == [
        ("Action: Install canopies", f"/places/{people.place.slug}/actions/{first.pk}/"),
        ("Action: Report generation", f"/places/{people.place.slug}/actions/{created[1].pk}/"),
    ]
    assert [a.reference for a in services.actions_using_power(people.place, "estates")] == [
        "D001.1",
        "D001.2",
    ]


def test_without_a_plan_the_decision_makes_one(board: Body, people: Any) -> None:
    decision = _decide(board, people.officer, "Install canopies")
    plan = Plan.objects.get(place=people.place)
    year = decision.decided_at.year
    assert plan.title == f"Decisions of the Leicestershire partnership, {year}"
    assert services.actions_of(people.place).get().plan == plan


def test_a_decision_that_creates_nothing_makes_no_action(board: Body, people: Any) -> None:
    decision = _decide(board, people.officer, "  \n")
    assert decision.status == DecisionStatus.APPROVED
    assert not services.actions_of(people.place).exists()


def test_a_taken_reference_gets_the_next_free_one(board: Body, people: Any, plan: Plan) -> None:
    from .conftest import make_action

    make_action(plan, people.county, "D001.1", title="Made by hand")
    _decide(board, people.officer, "Install canopies")
    references = sorted(services.actions_of(people.place).values_list("reference", "title"))
    assert references == [("D001.1", "Made by hand"), ("D001.1-2", "Install canopies")]
