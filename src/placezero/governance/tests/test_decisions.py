"""Decisions: routing by rules and powers, fast-track deadlines, declared interests, votes,
approval creating what the decision creates, and nothing half-written on a refusal."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from placezero.governance import (
    OutcomeHandler,
    register_outcome_handler,
    services,
    unregister_outcome_handler,
)
from placezero.governance.models import Decision, DecisionLink, Power, RecordedOutcome, Vote
from placezero.governance.options import DecisionStatus, Route, VoteChoice
from placezero.publishing import services as publishing
from placezero.tracker import services as tracker


def proposal(body: Any, **changes: Any) -> services.Proposal:
    values = {
        "title": "Solar canopies at two county depots",
        "asked_for": "Approve £40,000 from the programme budget for solar canopies.",
        "route": Route.FAST_TRACK,
        "body": body,
        "cost_gbp": Decimal("40000"),
        "creates": "Install solar canopies at two depots\nReport generation after a year",
    }
    return services.Proposal(**(values | changes))


@pytest.fixture
def fast(bodies: dict, officer: Any, board_seats: list) -> Decision:
    return services.propose(
        bodies["partnership-board"].place, proposal(bodies["partnership-board"]), user=officer
    )


def test_a_fast_track_proposal_gets_the_rule_s_time_limit_and_approvals(
    bodies: dict, officer: Any
) -> None:
    """Rule: the deadline is the proposal time plus the matching rule's time limit."""
    board = bodies["partnership-board"]
    now = timezone.now()
    decision = services.propose(board.place, proposal(board), user=officer, now=now)
    assert decision.reference == "D001"
    assert decision.deadline == now + timedelta(days=7)
    assert decision.approvals_needed == 2
    assert decision.status == DecisionStatus.OPEN
    assert decision.history.get().history_user == officer  # recorded outside a request too


def test_a_body_without_the_power_is_refused_and_nothing_is_written(
    bodies: dict, officer: Any
) -> None:
    group = bodies["transport"]
    waste = Power.objects.get(place=group.place, key="waste-disposal")
    with pytest.raises(services.GovernanceRefusal) as refused:
        services.propose(group.place, proposal(group, powers=(waste,)), user=officer)
    assert refused.value.field == "body"
    assert "Transport working group does not hold the power “Waste disposal”" in str(refused.value)
    assert "exercised here by Net zero partnership board" in str(refused.value)
    assert not Decision.objects.exists()


def test_a_cost_over_the_route_s_limit_is_refused_with_the_limit(
    bodies: dict, officer: Any
) -> None:
    group = bodies["transport"]
    with pytest.raises(services.GovernanceRefusal) as refused:
        services.propose(group.place, proposal(group, cost_gbp=Decimal("60000")), user=officer)
    assert "up to £50,000; this proposal costs £60,000" in str(refused.value)
    assert not Decision.objects.exists()


def test_a_member_with_a_declared_interest_is_refused(fast: Decision, board_seats: list) -> None:
    interested = board_seats[1]
    services.declare_interest(fast, user=interested.user, description="Director of the installer")
    with pytest.raises(PermissionDenied) as refused:
        services.cast_vote(fast, user=interested.user, choice=VoteChoice.APPROVE)
    assert "You declared an interest in this decision" in str(refused.value)
    assert not Vote.objects.exists()


def test_two_approvals_before_the_deadline_approve_and_create_the_actions(
    fast: Decision, board_seats: list, told: list
) -> None:
    services.cast_vote(fast, user=board_seats[0].user, choice=VoteChoice.APPROVE)
    fast.refresh_from_db()
    assert fast.status == DecisionStatus.OPEN
    services.cast_vote(fast, user=board_seats[2].user, choice=VoteChoice.APPROVE)
    fast.refresh_from_db()
    assert fast.status == DecisionStatus.APPROVED
    assert fast.decided_within_time_limit() is True
    # The tracker's outcome handler took over from governance's own: real tracker actions.
    assert not RecordedOutcome.objects.exists()
    created = list(tracker.actions_of(fast.place).filter(reference__startswith="D001."))
    titles = [action.title for action in created]
    assert titles == ["Install solar canopies at two depots", "Report generation after a year"]
    links = list(DecisionLink.objects.filter(decision=fast))
    assert [link.label for link in links] == [f"Action: {t}" for t in titles]
    assert {link.handler for link in links} == {"tracker.create_actions"}
    assert [link.url for link in links] == [
        f"/places/{fast.place.slug}/actions/{action.pk}/" for action in created
    ]
    page = Client().get(links[0].url)
    assert page.status_code == 200
    assert "Install solar canopies at two depots" in page.content.decode()
    published = publishing.outputs(place=fast.place, kind="governance.decision")
    assert [(o.key, o.url) for o in published] == [
        (f"{fast.place.slug}-D001", f"/places/{fast.place.slug}/governance/decisions/1/notice/")
    ]
    decided = [t for t in told if t["kind"] == "governance.decided"]
    assert len(decided) == 1
    assert fast.proposed_by in decided[0]["recipients"]


def test_a_vote_after_the_deadline_is_refused_and_nothing_is_written(
    fast: Decision, board_seats: list
) -> None:
    later = fast.deadline + timedelta(minutes=1)
    with pytest.raises(services.GovernanceRefusal) as refused:
        services.cast_vote(fast, user=board_seats[0].user, choice=VoteChoice.APPROVE, now=later)
    assert f"The time limit for {fast.reference} passed" in str(refused.value)
    assert "votes are closed" in str(refused.value)
    assert not Vote.objects.exists()


def test_an_overdue_working_group_decision_escalates_to_the_board_with_a_notification(
    bodies: dict, officer: Any, group_seats: list, board_seats: list, told: list
) -> None:
    group = bodies["buildings-energy"]
    decision = services.propose(group.place, proposal(group), user=officer)
    services.cast_vote(decision, user=group_seats[0].user, choice=VoteChoice.APPROVE)
    later = decision.deadline + timedelta(hours=1)
    assert services.check_deadlines(now=later) == "1 escalated, 0 lapsed, 0 reminders sent."
    decision.refresh_from_db()
    assert decision.body == bodies["partnership-board"]
    assert decision.deadline == later + timedelta(days=7)  # the board's fast-track limit
    assert decision.escalations.get().from_body == group
    escalated = [t for t in told if t["kind"] == "governance.escalated"]
    assert len(escalated) == 1
    assert {s.user for s in board_seats} <= set(escalated[0]["recipients"])
    # The group's vote does not count at the board: the board starts again.
    assert services.tally(decision).approvals == 0
    assert services.check_deadlines(now=later) == "0 escalated, 0 lapsed, 0 reminders sent."


def test_an_overdue_board_decision_with_nowhere_to_go_lapses(fast: Decision, told: list) -> None:
    services.check_deadlines(now=fast.deadline + timedelta(seconds=1))
    fast.refresh_from_db()
    assert fast.status == DecisionStatus.LAPSED
    assert told[-1]["kind"] == "governance.escalated"


def test_voters_are_reminded_once_a_day_before_the_deadline(
    fast: Decision, board_seats: list, told: list
) -> None:
    services.cast_vote(fast, user=board_seats[0].user, choice=VoteChoice.APPROVE)
    soon = fast.deadline - timedelta(hours=2)
    assert services.check_deadlines(now=soon) == "0 escalated, 0 lapsed, 3 reminders sent."
    assert board_seats[0].user not in told[-1]["recipients"]
    assert services.check_deadlines(now=soon).endswith("0 reminders sent.")


def test_rejections_that_leave_too_few_voters_reject(fast: Decision, board_seats: list) -> None:
    """Rule: rejected as soon as the approvals still possible fall below those needed."""
    for seat in board_seats[:3]:
        services.cast_vote(fast, user=seat.user, choice=VoteChoice.REJECT)
    fast.refresh_from_db()
    assert fast.status == DecisionStatus.REJECTED
    with pytest.raises(services.GovernanceRefusal, match="already rejected"):
        services.cast_vote(fast, user=board_seats[3].user, choice=VoteChoice.APPROVE)


def test_an_observer_may_not_vote(bodies: dict, officer: Any, group_seats: list) -> None:
    group = bodies["buildings-energy"]
    decision = services.propose(group.place, proposal(group), user=officer)
    with pytest.raises(PermissionDenied, match="as observer, a role that does not vote"):
        services.cast_vote(decision, user=group_seats[2].user, choice=VoteChoice.APPROVE)


def test_a_failing_outcome_handler_rolls_the_approval_back(
    fast: Decision, board_seats: list
) -> None:
    def broken(decision: Decision) -> list:
        raise RuntimeError("tracker is down")

    register_outcome_handler(OutcomeHandler("test.broken", "Breaks", broken))
    try:
        services.cast_vote(fast, user=board_seats[0].user, choice=VoteChoice.APPROVE)
        with pytest.raises(RuntimeError):
            services.cast_vote(fast, user=board_seats[1].user, choice=VoteChoice.APPROVE)
    finally:
        unregister_outcome_handler("test.broken")
    fast.refresh_from_db()
    assert fast.status == DecisionStatus.OPEN
    assert Vote.objects.count() == 1
    assert not RecordedOutcome.objects.exists()


def test_every_vote_is_in_the_shared_history_with_who_cast_it(
    fast: Decision, board_seats: list
) -> None:
    voter = board_seats[0].user
    client = Client()
    client.force_login(voter)
    response = client.post(
        f"/places/{fast.place.slug}/governance/decisions/{fast.number}/vote/",
        {"choice": VoteChoice.APPROVE},
    )
    assert response.status_code == 302
    record = Vote.history.get()
    assert record.history_user == voter
    assert record.choice == VoteChoice.APPROVE


def test_an_escalation_lands_in_the_new_body_s_inboxes(
    bodies: dict, officer: Any, group_seats: list, board_seats: list
) -> None:
    """Through the real notification door: inbox (and email, unless opted out)."""
    from placezero.activity import services as activity

    group = bodies["buildings-energy"]
    decision = services.propose(group.place, proposal(group), user=officer)
    services.check_deadlines(now=decision.deadline + timedelta(minutes=1))
    inbox = list(activity.inbox_of(board_seats[1].user))
    assert [n.title for n in inbox] == [
        "D001 escalated to Net zero partnership board: Solar canopies at two county depots"
    ]
    assert inbox[0].url == services.url_of(decision)
    assert activity.unread_count(officer) == 1  # the proposer hears too
