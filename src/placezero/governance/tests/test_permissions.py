"""Governance permissions by role and place, for every service and every route.

People: the public, a registered resident, a member of a Leicestershire organisation who
sits on no body, a voting member of the board, partner editors and officers of Leicestershire
and of Rutland, and an administrator. Every governance route is found from the URL
configuration and must be listed in ROUTES (with the permission it asks), so a new route
cannot be forgotten. A refused person gets the sign-in page (the public) or a 403 page with
the reason, and nothing changes; an allowed one gets past the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape

from placezero.accounts.options import Role
from placezero.accounts.permissions import check
from placezero.accounts.tests.factories import UserFactory
from placezero.governance import services
from placezero.governance.models import (
    Answer,
    Body,
    BodyMember,
    Decision,
    EvaluationRound,
    Interest,
    Meeting,
    Question,
    RecordedOutcome,
    RoutingRule,
    Vote,
)
from placezero.governance.options import MemberRole, Route, VoteChoice

from .factories import seat

PEOPLE = [
    "public",
    "resident",
    "member_here",
    "board_member",
    "editor_here",
    "editor_other",
    "officer_here",
    "officer_other",
    "administrator",
]
# One letter per person in PEOPLE order: Y allowed, N refused.
MATRIX = {
    "governance.view":             "YYYYYYYYY",
    "governance.export":           "YYYYYYYYY",
    "governance.propose":          "NNNNYNYNY",
    "governance.manage":           "NNNNNNYNY",
    "governance.view_answers":     "NNNNNNYNY",
    "governance.vote":             "NNNYNNNNN",
    "governance.declare_interest": "NNNYNNNNN",
    "governance.answer":           "NNNYNNNNN",
}  # fmt: skip

# Every governance route: (HTTP method, the permission it asks first).
ROUTES = {
    "index": ("GET", "governance.view"),
    "place": ("GET", "governance.view"),
    "body": ("GET", "governance.view"),
    "member_new": ("POST", "governance.manage"),
    "meeting_new": ("POST", "governance.manage"),
    "meeting": ("GET", "governance.view"),
    "powers": ("GET", "governance.view"),
    "power_edit": ("GET", "governance.manage"),
    "principle_edit": ("GET", "governance.manage"),
    "pact": ("GET", "governance.view"),
    "decisions": ("GET", "governance.view"),
    "propose": ("POST", "governance.propose"),
    "decision": ("GET", "governance.view"),
    "vote": ("POST", "governance.vote"),
    "interest": ("POST", "governance.declare_interest"),
    "notice": ("GET", "governance.view"),
    "outcome": ("GET", "governance.view"),
    "principles": ("GET", "governance.view"),
    "round": ("GET", "governance.view"),
    "answer": ("POST", "governance.answer"),
    "answers": ("GET", "governance.view_answers"),
    "round_close": ("POST", "governance.manage"),
    "structure": ("GET", "governance.export"),
    "structure_file": ("GET", "governance.export"),
    "structure_import": ("POST", "governance.manage"),
    "body_new": ("POST", "governance.manage"),
    "body_edit": ("POST", "governance.manage"),
    "member_edit": ("POST", "governance.manage"),
    "power": ("GET", "governance.view"),
    "rules": ("GET", "governance.view"),
    "rule_new": ("POST", "governance.manage"),
    "rule_edit": ("POST", "governance.manage"),
    "round_pdf": ("GET", "governance.view"),
}


def routes(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield pattern.name, prefix + str(pattern.pattern)


def governance_routes() -> dict[str, str]:
    return dict(routes(get_resolver().namespace_dict["governance"][1].url_patterns))


@pytest.fixture
def world(bodies: dict[str, Body], leicestershire: Any, rutland: Any, officer: Any) -> dict:
    board = bodies["partnership-board"]
    seats = [seat(board, MemberRole.CHAIR), seat(board), seat(board)]
    people = {
        "public": AnonymousUser(),
        "resident": UserFactory(role=Role.RESIDENT),
        "member_here": UserFactory(role=Role.MEMBER, place=leicestershire),
        "board_member": seats[1].user,
        "editor_here": UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire),
        "editor_other": UserFactory(role=Role.PARTNER_EDITOR, place=rutland),
        "officer_here": officer,
        "officer_other": UserFactory(role=Role.OFFICER, place=rutland),
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
    }
    proposal = services.Proposal(
        title="Heat pumps in two libraries",
        asked_for="Approve £30,000 for heat pumps.",
        route=Route.FAST_TRACK,
        body=board,
        cost_gbp=Decimal(30000),
        creates="Fit heat pumps",
    )
    open_decision = services.propose(leicestershire, proposal, user=officer)
    decided = services.propose(leicestershire, proposal, user=officer)
    for voter in seats[:2]:
        services.cast_vote(decided, user=voter.user, choice=VoteChoice.APPROVE)
    round_ = EvaluationRound.objects.create(
        place=leicestershire,
        name="Round 1",
        opens_on=date(2026, 1, 1),
        closes_on=date(2026, 12, 31),
    )
    principle = leicestershire.principles.first()
    Question.objects.create(round=round_, principle=principle, text="How well?")
    meeting = Meeting.objects.create(body=board, held_on=date(2026, 6, 1), agenda="Welcome")
    return {
        "meeting": meeting,
        "people": people,
        "board": board,
        "decision": open_decision,
        "decided": decided,
        "round": round_,
        "place": leicestershire,
    }


CASES = [
    pytest.param(name, who, row[i] == "Y", id=f"{name}-{who}")
    for name, row in MATRIX.items()
    for i, who in enumerate(PEOPLE)
]


def _subject(name: str, world: dict) -> Any:
    if name in {"governance.vote", "governance.declare_interest"}:
        return world["decision"]
    if name in {"governance.answer", "governance.view_answers"}:
        return world["round"]
    return world["place"]


@pytest.mark.parametrize(("name", "who", "allowed"), CASES)
def test_permission_by_person(name: str, who: str, allowed: bool, world: dict) -> None:
    verdict = check(world["people"][who], name, _subject(name, world))
    assert verdict.allowed is allowed, verdict.reason
    assert verdict.reason


def test_every_governance_route_is_listed(world: dict) -> None:
    assert set(governance_routes()) == set(ROUTES)


def _url(name: str, route: str, world: dict) -> str:
    # The tracker's handler makes tracker actions now; governance's page for an outcome it
    # recorded itself (before a tracker was installed) still answers.
    outcome = world["decided"].outcomes.first() or RecordedOutcome.objects.create(
        decision=world["decided"], title="Recorded before the tracker was installed"
    )
    values = {
        "place_slug": world["place"].slug,
        "body_slug": world["board"].slug,
        "number": world["decided"].number if name in {"notice"} else world["decision"].number,
        "outcome_id": outcome.pk,
        "round_id": world["round"].pk,
        "power_key": "estates",
        "meeting_id": world["meeting"].pk,
        "order": 1,
        "seat_id": world["board"].members.first().pk,
        "rule_id": world["board"].routing_rules.first().pk,
    }
    kwargs = {k: values[k] for k in re.findall(r"<(?:\w+:)?(\w+)>", route)}
    return reverse(f"governance:{name}", kwargs=kwargs)


def _state() -> tuple:
    return tuple(
        model.objects.count()
        for model in (Decision, Vote, Interest, BodyMember, Answer, Body, RoutingRule)
    ) + tuple(BodyMember.objects.order_by("pk").values_list("role", "term_start", "term_end"))


@pytest.mark.parametrize("name", ROUTES)
def test_every_route_asks_its_permission(name: str, world: dict) -> None:
    """Each person in turn (an empty POST changes nothing even when allowed: the form is
    refused at the edge)."""
    method, permission = ROUTES[name]
    url = _url(name, governance_routes()[name], world)
    for who in PEOPLE:
        allowed = MATRIX[permission][PEOPLE.index(who)] == "Y"
        user = world["people"][who]
        client = Client()
        if who != "public":
            client.force_login(user)
        before = _state()
        response = client.post(url, {}) if method == "POST" else client.get(url)
        assert _state() == before, who
        if allowed:
            assert response.status_code not in (403, 500), who
            assert "/accounts/login/" not in response.get("Location", ""), who
        elif who == "public":
            assert response.status_code == 302, who
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 403, who
            reason = check(user, permission, _subject(permission, world)).reason
            assert escape(reason.split(".")[0]) in response.content.decode(), who


def test_services_refuse_people_of_another_place(world: dict) -> None:
    """Rule: every service that changes something checks, whoever calls it."""
    stranger = world["people"]["officer_other"]
    decision, board, round_ = world["decision"], world["board"], world["round"]
    seated = BodyMember.objects.filter(body=board).first()
    calls = {
        "propose": lambda: services.propose(
            world["place"],
            services.Proposal(title="x", asked_for="y", route=Route.STANDARD, body=board),
            user=stranger,
        ),
        "add_member": lambda: services.add_member(
            board,
            user=stranger,
            person=seated.user,
            organisation=seated.organisation,
            role=MemberRole.MEMBER,
            term_start=date(2026, 1, 1),
        ),
        "cast_vote": lambda: services.cast_vote(decision, user=stranger, choice=VoteChoice.APPROVE),
        "declare_interest": lambda: services.declare_interest(
            decision, user=stranger, description="x"
        ),
        "answer": lambda: services.answer(
            round_.questions.first(), user=stranger, score=3, evidence="x"
        ),
        "answers_of": lambda: services.answers_of(round_, user=stranger),
        "record_meeting": lambda: services.record_meeting(
            board, user=stranger, held_on=date(2026, 1, 1), agenda="Ours"
        ),
        "close_round": lambda: services.close_round(round_, user=stranger),
        "update_power": lambda: services.update_power(
            services.powers_of(world["place"]).first(),
            user=stranger,
            exercised_by=[],
            delegation="",
        ),
        "update_principle": lambda: services.update_principle(
            services.principles_of(world["place"]).first(),
            user=stranger,
            name="Ours",
            wording="Ours",
            indicators="",
        ),
        "create_body": lambda: services.create_body(
            world["place"],
            services.BodyDetails(name="Ours", kind="board", mandate="Ours", quorum=2),
            user=stranger,
        ),
        "update_body": lambda: services.update_body(
            board,
            services.BodyDetails(name="Ours", kind="board", mandate="Ours", quorum=2),
            user=stranger,
        ),
        "update_member": lambda: services.update_member(
            seated,
            user=stranger,
            role=MemberRole.OBSERVER,
            term_start=date(2026, 1, 1),
            term_end=None,
        ),
        "create_rule": lambda: services.create_rule(
            world["place"],
            services.RuleDetails(
                body=board,
                route=Route.STANDARD,
                approvals_needed=1,
                time_limit_days=5,
                max_cost_gbp=Decimal(1),
            ),
            user=stranger,
        ),
        "update_rule": lambda: services.update_rule(
            board.routing_rules.first(),
            services.RuleDetails(
                body=board,
                route=Route.STANDARD,
                approvals_needed=1,
                time_limit_days=5,
                max_cost_gbp=Decimal(1),
            ),
            user=stranger,
        ),
        "import_structure": lambda: services.import_structure(
            world["place"], services.starting_template("unitary"), user=stranger
        ),
    }
    before = _state()
    for name, call in calls.items():
        with pytest.raises(PermissionDenied):
            call()
        assert _state() == before, name
