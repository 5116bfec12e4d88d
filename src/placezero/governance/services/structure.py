"""Reading and changing the partnership: its bodies, members with terms, and the Pact."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction

from placezero.accounts.permissions import require

from ..models import Body, BodyMember, Meeting, PactSignatory, Power, RoutingRule
from ..options import BodyKind, MemberRole
from .errors import GovernanceRefusal
from .history import create_by, save_by

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from placezero.places.models import Place


def bodies_of(place: Place) -> QuerySet[Body]:
    return Body.objects.filter(place=place).select_related("parent").order_by("kind", "name")


def body_of(place: Place, slug: str) -> Body | None:
    return Body.objects.filter(place=place, slug=slug).select_related("parent").first()


def pact_of(place: Place) -> Body | None:
    return Body.objects.filter(place=place, kind=BodyKind.PACT).first()


def signatories_of(pact: Body) -> QuerySet[PactSignatory]:
    return pact.signatories.select_related("organisation")


def members_of(body: Body) -> QuerySet[BodyMember]:
    return body.members.select_related("user", "organisation").order_by(
        "role", "user__last_name", "user__first_name"
    )


def powers_of(place: Place) -> QuerySet[Power]:
    return Power.objects.filter(place=place).prefetch_related("exercised_by")


def rules_of(place: Place) -> QuerySet[RoutingRule]:
    return RoutingRule.objects.filter(place=place).select_related(
        "body", "escalate_to", "body__parent"
    )


def organisations_of(place: Place) -> QuerySet[Any]:
    """The organisations of the place that may hold seats (through the seat's relation, so
    governance never imports the accounts models)."""
    organisation = BodyMember._meta.get_field("organisation").related_model
    return organisation.objects.filter(place=place).order_by("name")


def check_term(term_start: date | None, term_end: date | None) -> None:
    if term_start is None:
        raise GovernanceRefusal("Enter the date the term starts.", "term_start")
    if term_end is not None and term_end < term_start:
        raise GovernanceRefusal(
            f"The term ends on {term_end:%-d %B %Y}, before it starts on "
            f"{term_start:%-d %B %Y}. Enter an end date on or after the start, or leave it "
            "blank for an open-ended term.",
            "term_end",
        )


@transaction.atomic
def add_member(
    body: Body,
    *,
    user: Any,
    person: Any,
    organisation: Any,
    role: str,
    term_start: date | None,
    term_end: date | None = None,
    interests: str = "",
    is_demo: bool = False,
) -> BodyMember:
    """Give `person` a seat on `body` for `organisation` (one of the place's, and theirs)."""
    require(user, "governance.manage", body)
    check_term(term_start, term_end)
    if role not in MemberRole.values:
        raise GovernanceRefusal("Choose the member's role on the body.", "role")
    if organisation is None or organisation.place_id != body.place_id:
        raise GovernanceRefusal(
            f"Choose an organisation of {body.place}'s partnership.", "organisation"
        )
    if not person.memberships.filter(organisation=organisation).exists():
        raise GovernanceRefusal(
            f"{person} is not a member of {organisation}. A seat is held for an organisation "
            "the person belongs to: add the membership first, or choose their organisation.",
            "organisation",
        )
    overlapping = body.members.filter(user=person, term_end__isnull=True) | body.members.filter(
        user=person, term_end__gte=term_start
    )
    if overlapping.exists():
        raise GovernanceRefusal(
            f"{person} already has a seat on {body} for this time. End that term first.",
            "person",
        )
    return create_by(
        BodyMember,
        user,
        body=body,
        user=person,
        organisation=organisation,
        role=role,
        term_start=term_start,
        term_end=term_end,
        interests=interests,
        is_demo=is_demo,
    )


@transaction.atomic
def update_power(power: Power, *, user: Any, exercised_by: list[Body], delegation: str) -> Power:
    """Say which bodies exercise a power here, and how it reaches them."""
    require(user, "governance.manage", power)
    strangers = [b for b in exercised_by if b.place_id != power.place_id]
    if strangers:
        raise GovernanceRefusal(
            f"Choose bodies of {power.place}'s partnership only.", "exercised_by"
        )
    power.delegation = delegation.strip()
    save_by(power, user, update_fields=["delegation"])
    power.exercised_by.set(exercised_by)
    return power


def meetings_of(body: Body) -> QuerySet[Meeting]:
    return body.meetings.prefetch_related("attendees__user")


@transaction.atomic
def record_meeting(
    body: Body,
    *,
    user: Any,
    held_on: date | None,
    agenda: str,
    papers: str = "",
    minutes: str = "",
    attendees: list[BodyMember] = (),  # type: ignore[assignment]
    is_demo: bool = False,
) -> Meeting:
    """Record a meeting of `body`: its agenda, papers, minutes and who of its members came."""
    require(user, "governance.manage", body)
    if held_on is None:
        raise GovernanceRefusal("Enter the date the meeting was held.", "held_on")
    if not agenda.strip():
        raise GovernanceRefusal("Enter the agenda, one item a line.", "agenda")
    sitting = set(body.sitting_members(held_on).values_list("pk", flat=True))
    strangers = [str(seat.user) for seat in attendees if seat.pk not in sitting]
    if strangers:
        raise GovernanceRefusal(
            f"{', '.join(strangers)} did not sit on {body} on {held_on:%-d %B %Y}. Tick only "
            "members whose term includes the meeting's date.",
            "attendees",
        )
    meeting = create_by(
        Meeting,
        user,
        body=body,
        held_on=held_on,
        agenda=agenda.strip(),
        papers=papers.strip(),
        minutes=minutes.strip(),
        is_demo=is_demo,
    )
    meeting.attendees.set(attendees)
    return meeting


def attendance(
    place: Any, *, held_after: date | None = None, held_by: date | None = None
) -> tuple[int, int]:
    """(seats filled at meetings, seats there were to fill): every voting member sitting on
    the day of each meeting of the place's bodies counts once per meeting; optionally only
    the meetings held after `held_after` and on or before `held_by`."""
    came = expected = 0
    meetings = Meeting.objects.filter(body__place=place)
    if held_after is not None:
        meetings = meetings.filter(held_on__gt=held_after)
    if held_by is not None:
        meetings = meetings.filter(held_on__lte=held_by)
    for meeting in meetings.select_related("body").prefetch_related("attendees"):
        voting = set(meeting.body.voting_members(meeting.held_on).values_list("pk", flat=True))
        expected += len(voting)
        came += len(voting & {a.pk for a in meeting.attendees.all()})
    return came, expected
