"""The Leicestershire partnership for the demonstration (`manage.py load_governance_demo`).

The organisations are the real partners (created by `manage.py create_demo_accounts`); the
structure is the shipped two-tier county starting template; the people, their seats, the
Pact's list of signatories and commitments, the decisions and the evaluation answers are
invented and marked demo (the Pact's real signatories are not all named in public
material: the list here is illustrative). People have "Demo" in their surnames. Running it
again replaces the demo records and leaves everything else alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import services
from .models import (
    Body,
    BodyMember,
    Decision,
    EvaluationRound,
    Meeting,
    PactSignatory,
    Principle,
    Question,
)
from .options import MemberRole, RoundStatus, Route, VoteChoice

DEMO_PASSWORD_ENV = "PLACEZERO_DEMO_PASSWORD"  # the same variable as the accounts demo
DEMO_EMAIL_DOMAIN = "demo.placezero.invalid"
TEMPLATE = "two-tier-county"
TERM_START = date(2024, 4, 1)
TERM_END = date(2027, 3, 31)


class GovernanceDemoError(Exception):
    """The demo cannot be loaded (what is missing, and what to run first)."""


@dataclass(frozen=True)
class Seat:
    username: str
    first_name: str
    last_name: str
    organisation: str
    seats: tuple[tuple[str, str], ...]  # (body slug, role)
    interests: str = ""


CHAIR, MEMBER, OBSERVER, SUPPORT = (
    MemberRole.CHAIR,
    MemberRole.MEMBER,
    MemberRole.OBSERVER,
    MemberRole.OFFICER_SUPPORT,
)
BOARD, BUILDINGS, TRANSPORT, NATURE, COMMUNITY, PACT = (
    "partnership-board",
    "buildings-energy",
    "transport",
    "nature-land-use",
    "community-energy",
    "pact",
)
COUNTY = "Leicestershire County Council"
PEOPLE = [
    Seat("board-chair", "Priya", "Demo-Chair", COUNTY, ((BOARD, CHAIR),)),
    Seat("board-blaby", "Tom", "Demo-Blaby", "Blaby District Council", ((BOARD, MEMBER),)),
    Seat(
        "board-charnwood",
        "Hannah",
        "Demo-Charnwood",
        "Charnwood Borough Council",
        ((BOARD, MEMBER),),
    ),
    Seat("board-catapult", "Sam", "Demo-Catapult", "Energy Systems Catapult", ((BOARD, MEMBER),)),
    Seat(
        "board-greenfox",
        "Grace",
        "Demo-Greenfox",
        "Green Fox Community Energy",
        ((BOARD, MEMBER), (BUILDINGS, MEMBER), (COMMUNITY, CHAIR)),
        interests="Director of Green Fox Community Energy (demo)",
    ),
    Seat("board-dmu", "Amir", "Demo-Evaluator", "De Montfort University", ((BOARD, OBSERVER),)),
    Seat(
        "group-harborough",
        "Nadia",
        "Demo-Harborough",
        "Harborough District Council",
        ((BUILDINGS, CHAIR),),
    ),
    Seat(
        "group-nged",
        "Leo",
        "Demo-Network",
        "National Grid Electricity Distribution",
        ((BUILDINGS, MEMBER),),
    ),
    Seat(
        "group-loughborough",
        "Ruth",
        "Demo-Loughborough",
        "Loughborough University",
        ((BUILDINGS, MEMBER),),
    ),
    Seat(
        "group-hinckley",
        "Owen",
        "Demo-Hinckley",
        "Hinckley and Bosworth Borough Council",
        ((TRANSPORT, CHAIR),),
    ),
    Seat("group-cenex", "Isla", "Demo-Cenex", "Cenex", ((TRANSPORT, MEMBER),)),
    Seat("group-leicester", "Ben", "Demo-City", "Leicester City Council", ((TRANSPORT, MEMBER),)),
    Seat("group-forest", "Fern", "Demo-Forest", "National Forest Company", ((NATURE, CHAIR),)),
    Seat("group-ea", "Ed", "Demo-Agency", "Environment Agency", ((NATURE, MEMBER),)),
    Seat("group-melton", "Maya", "Demo-Melton", "Melton Borough Council", ((NATURE, MEMBER),)),
    Seat(
        "group-nwl",
        "Kit",
        "Demo-Northwest",
        "North West Leicestershire District Council",
        ((COMMUNITY, MEMBER),),
    ),
]
# Accounts made by `create_demo_accounts` that also take seats here.
EXISTING_SEATS = [
    ("officer", COUNTY, ((BOARD, SUPPORT), (BUILDINGS, SUPPORT))),
    ("member", "Green Fox Community Energy", ((COMMUNITY, MEMBER),)),
]
PACT_SIGNATORIES = [
    COUNTY,
    "Blaby District Council",
    "Charnwood Borough Council",
    "Harborough District Council",
    "Hinckley and Bosworth Borough Council",
    "Melton Borough Council",
    "North West Leicestershire District Council",
    "Oadby and Wigston Borough Council",
    "Green Fox Community Energy",
    "De Montfort University",
    "University of Leicester",
    "Loughborough University",
    "National Forest Company",
]
PACT_COMMITMENT = (
    "Act on climate and nature in our own operations, report progress each year and work with "
    "the other signatories (demo wording)."
)


def _password(username: str) -> str:
    return os.environ.get(DEMO_PASSWORD_ENV, "") or f"demo-{username}-2050"


def _organisations(place: Any) -> dict[str, Any]:
    found = {o.name: o for o in services.organisations_of(place)}
    missing = {p.organisation for p in PEOPLE} - set(found)
    if missing:
        raise GovernanceDemoError(
            f"The partner organisations are not attached to {place} yet (missing: "
            f"{', '.join(sorted(missing))}). Run `manage.py create_demo_accounts` first."
        )
    return found


def _person(seat: Seat, organisation: Any) -> Any:
    users = get_user_model()
    user = users.objects.filter(username=seat.username).first()
    if user is not None and not user.is_demo:
        raise GovernanceDemoError(
            f"A real account called {seat.username!r} exists, so the demo was not loaded. "
            "Rename that account or skip the governance demo; nothing was changed."
        )
    user = user or users(username=seat.username)
    user.first_name, user.last_name = seat.first_name, seat.last_name
    user.email = f"{seat.username}@{DEMO_EMAIL_DOMAIN}"
    user.role = "member"
    user.is_demo = True
    user.is_active = True
    user.set_password(_password(seat.username))
    user.save()
    user.memberships.update_or_create(
        organisation=organisation,
        defaults={"job_title": "Partnership representative (demo)", "is_demo": True},
    )
    return user


def _clear(place: Any) -> None:
    Decision.objects.filter(place=place, is_demo=True).delete()
    EvaluationRound.objects.filter(place=place, is_demo=True).delete()
    PactSignatory.objects.filter(pact__place=place, is_demo=True).delete()
    Meeting.objects.filter(body__place=place, is_demo=True).delete()
    BodyMember.objects.filter(body__place=place, is_demo=True).delete()


def _seat(body: Body, user: Any, organisation: Any, role: str, interests: str = "") -> None:
    BodyMember.objects.create(
        body=body,
        user=user,
        organisation=organisation,
        role=role,
        term_start=TERM_START,
        term_end=TERM_END,
        interests=interests,
        is_demo=True,
    )


def _seats(place: Any, organisations: dict[str, Any]) -> dict[str, Any]:
    bodies = {b.slug: b for b in Body.objects.filter(place=place)}
    users = {}
    for seat in PEOPLE:
        organisation = organisations[seat.organisation]
        users[seat.username] = user = _person(seat, organisation)
        for slug, role in seat.seats:
            _seat(bodies[slug], user, organisation, role, seat.interests)
    for username, organisation_name, seats in EXISTING_SEATS:
        user = get_user_model().objects.filter(username=username, is_demo=True).first()
        if user is None:
            continue
        users[username] = user
        for slug, role in seats:
            _seat(bodies[slug], user, organisations[organisation_name], role)
    return users


def _pact(place: Any, organisations: dict[str, Any]) -> int:
    pact = services.pact_of(place)
    for name in PACT_SIGNATORIES:
        PactSignatory.objects.create(
            pact=pact,
            organisation=organisations[name],
            signed_on=date(2023, 2, 1),
            commitment=PACT_COMMITMENT,
            is_demo=True,
        )
    return len(PACT_SIGNATORIES)


def _decisions(place: Any, users: dict[str, Any]) -> int:
    officer = users.get("officer")
    if officer is None:
        return 0
    now = timezone.now()
    board = services.body_of(place, BOARD)
    buildings = services.body_of(place, BUILDINGS)
    powers = {p.key: p for p in services.powers_of(place)}
    approved = services.propose(
        place,
        services.Proposal(
            title="Street lighting LED conversion, phase 3 (demo)",
            asked_for="Approve phase 3 of converting county street lights to LED.",
            options="Do nothing; convert in one phase; convert in three phases (recommended).",
            route=Route.STANDARD,
            body=board,
            cost_gbp=Decimal("420000"),
            powers=(powers["local-highway-authority"],),
            creates="Convert the remaining sodium street lights to LED\n"
            "Report the energy saved after a year",
            is_demo=True,
        ),
        user=officer,
        now=now - timedelta(days=20),
    )
    for username, days_ago in (("board-chair", 12), ("board-blaby", 11), ("board-catapult", 9)):
        services.cast_vote(
            approved,
            user=users[username],
            choice=VoteChoice.APPROVE,
            now=now - timedelta(days=days_ago),
        )
    waiting = services.propose(
        place,
        services.Proposal(
            title="Heat pump feasibility studies for two libraries (demo)",
            asked_for="Approve £18,000 for heat pump feasibility studies at two libraries.",
            route=Route.FAST_TRACK,
            body=buildings,
            cost_gbp=Decimal("18000"),
            powers=(powers["estates"],),
            creates="Commission heat pump feasibility studies at two libraries",
            is_demo=True,
        ),
        user=officer,
        now=now - timedelta(days=1),
    )
    services.declare_interest(
        waiting,
        user=users["board-greenfox"],
        description="Green Fox Community Energy may bid to install (demo)",
    )
    services.cast_vote(waiting, user=users["group-harborough"], choice=VoteChoice.APPROVE)
    return 2


# Made-up board meetings, spread so that each evaluation round's period has some (the
# attendance indicator and its trend read them).
MEETINGS = [
    (date(2025, 1, 22), ("board-chair", "board-blaby")),
    (date(2025, 11, 12), ("board-chair", "board-blaby", "board-charnwood")),
    (date(2026, 6, 10), ("board-chair", "board-blaby", "board-catapult", "board-greenfox")),
    (date(2026, 9, 16), ("board-chair", "board-charnwood", "board-catapult")),
]


def _meetings(place: Any) -> int:
    board = services.body_of(place, BOARD)
    seats = {s.user.username: s for s in board.members.select_related("user")}
    for held_on, present in MEETINGS:
        meeting = Meeting.objects.create(
            body=board,
            held_on=held_on,
            agenda="Welcome and declarations of interest\nProgress on the action plan\n"
            "Decisions on the fast-track route since the last meeting\nAny other business",
            papers="Action plan progress report (demo)",
            minutes="The board noted progress and the decisions taken since it last met (demo).",
            is_demo=True,
        )
        meeting.attendees.set([seats[u] for u in present if u in seats])
    return len(MEETINGS)


EVIDENCE = [
    "Board minutes record the decision and who took part (demo).",
    "Seen at the last two working group meetings (demo).",
    "The published decision notices (demo).",
]


def _evaluation(place: Any, users: dict[str, Any]) -> int:
    principles = list(Principle.objects.filter(place=place))
    respondents = [
        users[u] for u in ("board-chair", "board-blaby", "board-charnwood", "group-cenex")
    ]
    made = 0
    for name, opens, status, base in (
        ("Evaluation round 2024 to 2025 (demo)", date(2025, 3, 1), RoundStatus.CLOSED, 2),
        ("Evaluation round 2025 to 2026 (demo)", date(2026, 3, 1), RoundStatus.OPEN, 3),
    ):
        round_ = EvaluationRound.objects.create(
            place=place,
            name=name,
            opens_on=opens,
            closes_on=opens + timedelta(days=60),
            status=RoundStatus.OPEN,
            is_demo=True,
        )
        for principle in principles:
            question = Question.objects.create(
                round=round_,
                principle=principle,
                text=f"How well did the partnership meet “{principle.name}” this year?",
            )
            for i, user in enumerate(respondents):
                # Invented scores, spread around a level per round so the trend shows.
                score = min(5, max(1, base + (i + principle.order) % 3 - 1))
                services.answer(
                    question, user=user, score=score, evidence=EVIDENCE[i % len(EVIDENCE)]
                )
                made += 1
        round_.status = status
        round_.save(update_fields=["status"])
        if status == RoundStatus.CLOSED:
            services.publish_report(round_)
    return made


@transaction.atomic
def load_governance_demo(place: Any) -> dict[str, Any]:
    """Load (or reload) the demo partnership of `place`; what was made, with passwords."""
    organisations = _organisations(place)
    installed = False
    if not services.has_structure(place):
        services.install_structure(place, services.starting_template(TEMPLATE), is_demo=True)
        installed = True
    _clear(place)
    users = _seats(place, organisations)
    return {
        "structure_installed": installed,
        "signatories": _pact(place, organisations),
        "decisions": _decisions(place, users),
        "meetings": _meetings(place),
        "answers": _evaluation(place, users),
        "accounts": [
            (seat.username, seat.organisation, _password(seat.username)) for seat in PEOPLE
        ],
    }
