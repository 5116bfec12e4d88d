"""Changing the partnership in the browser: bodies (name, kind, parent, quorum, mandate, terms
of reference as a new version), members' seats and terms, and the routing rules that say
which body decides what. Officers of the place only (`governance.manage`); each change is
validated whole, written in one transaction and kept in the shared history with who made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.text import slugify

from placezero.accounts.permissions import require

from ..models import Body, BodyMember, RoutingRule
from ..options import BodyKind, MemberRole, Route
from .errors import GovernanceRefusal
from .history import create_by, save_by
from .structure import check_term

if TYPE_CHECKING:
    from placezero.places.models import Place


@dataclass(frozen=True)
class BodyDetails:
    """What a person sets on a body. The terms of reference are a versioned document: a
    change raises `terms_version` by one, and the history keeps every earlier version."""

    name: str
    kind: str
    mandate: str
    quorum: int | None
    parent: Body | None = None
    terms_of_reference: str = ""


def _check_body(place: Place, details: BodyDetails, body: Body | None) -> None:
    if not details.name.strip():
        raise GovernanceRefusal("Enter the body's name.", "name")
    if details.kind not in BodyKind.values:
        raise GovernanceRefusal("Choose the kind of body.", "kind")
    if not details.mandate.strip():
        raise GovernanceRefusal("Say what the body is for and what it may decide.", "mandate")
    if details.quorum is None or details.quorum < 1:
        raise GovernanceRefusal(
            "Enter the quorum: the votes that must be cast before it can decide, 1 or more.",
            "quorum",
        )
    if details.kind == BodyKind.PACT:
        pacts = Body.objects.filter(place=place, kind=BodyKind.PACT)
        if body is not None:
            pacts = pacts.exclude(pk=body.pk)
        if pacts.exists():
            raise GovernanceRefusal(
                f"{place}'s partnership already has its Pact. Choose another kind of body.",
                "kind",
            )
        if body is not None and (body.routing_rules.exists() or body.children.exists()):
            raise GovernanceRefusal(
                f"{body} takes decisions or has bodies reporting to it; the Pact does neither. "
                "Keep its kind, or move its rules and bodies first.",
                "kind",
            )
    same_name = Body.objects.filter(place=place, name__iexact=details.name.strip())
    if body is not None:
        same_name = same_name.exclude(pk=body.pk)
    if same_name.exists():
        raise GovernanceRefusal(
            f"{place}'s partnership already has a body called “{details.name.strip()}”. "
            "Choose another name.",
            "name",
        )
    parent = details.parent
    if parent is None:
        return
    if parent.place_id != place.pk:
        raise GovernanceRefusal(f"Choose a body of {place}'s partnership to report to.", "parent")
    if parent.kind == BodyKind.PACT:
        raise GovernanceRefusal(
            "The Pact is a group of signatories, not a body that others report to. Choose "
            "the board or a working group.",
            "parent",
        )
    at: Body | None = parent
    while at is not None:  # a body cannot report to itself, directly or round a loop
        if body is not None and at.pk == body.pk:
            raise GovernanceRefusal(
                f"{parent} reports to {body} (directly or through others), so {body} "
                "cannot report to it. Choose a body above it.",
                "parent",
            )
        at = at.parent


def _free_slug(place: Place, name: str) -> str:
    base = slugify(name)[:70] or "body"
    slug, n = base, 2
    while Body.objects.filter(place=place, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_body(place: Place, details: BodyDetails, *, user: Any) -> Body:
    """A new body of the place's partnership (terms of reference version 1)."""
    require(user, "governance.manage", place)
    _check_body(place, details, None)
    return create_by(
        Body,
        user,
        place=place,
        slug=_free_slug(place, details.name),
        name=details.name.strip(),
        kind=details.kind,
        parent=details.parent,
        mandate=details.mandate.strip(),
        terms_of_reference=details.terms_of_reference.strip(),
        quorum=details.quorum,
    )


@transaction.atomic
def update_body(body: Body, details: BodyDetails, *, user: Any) -> Body:
    """Change a body; new terms of reference become its next version (the slug, and so its
    address, stays)."""
    require(user, "governance.manage", body)
    body = Body.objects.select_for_update().get(pk=body.pk)
    _check_body(body.place, details, body)
    terms = details.terms_of_reference.strip()
    if terms != body.terms_of_reference:
        body.terms_of_reference = terms
        body.terms_version += 1
    body.name, body.kind, body.parent = details.name.strip(), details.kind, details.parent
    body.mandate, body.quorum = details.mandate.strip(), details.quorum
    return save_by(body, user)


def terms_versions(body: Body) -> list[dict[str, Any]]:
    """Every version of the body's terms of reference, newest first: its number, text and
    when it was recorded (from the shared history)."""
    seen: dict[int, dict[str, Any]] = {}
    for row in body.history.order_by("history_date"):
        seen.setdefault(
            row.terms_version,
            {"version": row.terms_version, "text": row.terms_of_reference, "on": row.history_date},
        )
    return sorted(seen.values(), key=lambda v: v["version"], reverse=True)


@transaction.atomic
def update_member(
    seat: BodyMember,
    *,
    user: Any,
    role: str,
    term_start: date | None,
    term_end: date | None,
    interests: str = "",
) -> BodyMember:
    """Change a seat's role, term dates and declared standing interests. A term ending
    before it starts is refused; so is a term that would overlap the person's other seat
    on the same body."""
    require(user, "governance.manage", seat.body)
    check_term(term_start, term_end)
    if role not in MemberRole.values:
        raise GovernanceRefusal("Choose the member's role on the body.", "role")
    others = seat.body.members.filter(user=seat.user).exclude(pk=seat.pk)
    for other in others:
        ends_before = term_end is not None and term_end < other.term_start
        starts_after = other.term_end is not None and term_start > other.term_end
        if not (ends_before or starts_after):
            raise GovernanceRefusal(
                f"{seat.user} has another seat on {seat.body} from "
                f"{other.term_start:%-d %B %Y}; the two terms would overlap. Change the "
                "dates so that one ends before the other starts.",
                "term_start",
            )
    seat = BodyMember.objects.select_for_update().get(pk=seat.pk)
    seat.role, seat.term_start, seat.term_end = role, term_start, term_end
    seat.interests = interests.strip()
    return save_by(seat, user)


@dataclass(frozen=True)
class RuleDetails:
    """A routing rule: on `route`, `body` may decide up to `max_cost_gbp` (None: any cost)
    with `approvals_needed` approvals within `time_limit_days`, then the decision escalates
    to `escalate_to` (None: the body's parent)."""

    body: Body | None
    route: str
    approvals_needed: int | None
    time_limit_days: int | None
    max_cost_gbp: Decimal | None = None
    escalate_to: Body | None = None


def _check_rule(place: Place, details: RuleDetails, rule: RoutingRule | None) -> None:
    body = details.body
    if body is None or body.place_id != place.pk:
        raise GovernanceRefusal(f"Choose a body of {place}'s partnership to decide.", "body")
    if body.kind == BodyKind.PACT:
        raise GovernanceRefusal(
            "The Pact's signatories do not take decisions; choose the board or a group.", "body"
        )
    if details.route not in Route.values:
        raise GovernanceRefusal("Choose the route: standard or fast-track.", "route")
    if details.max_cost_gbp is not None and details.max_cost_gbp < 0:
        raise GovernanceRefusal(
            "The cost limit cannot be negative; leave it blank for no limit.", "max_cost_gbp"
        )
    if details.approvals_needed is None or details.approvals_needed < 1:
        raise GovernanceRefusal("A decision needs at least 1 approval.", "approvals_needed")
    if details.time_limit_days is None or details.time_limit_days < 1:
        raise GovernanceRefusal("Enter the time limit in whole days, 1 or more.", "time_limit_days")
    target = details.escalate_to
    if target is not None:
        if target.place_id != place.pk or target.kind == BodyKind.PACT:
            raise GovernanceRefusal(
                f"Choose a body of {place}'s partnership to escalate to.", "escalate_to"
            )
        if target.pk == body.pk:
            raise GovernanceRefusal(
                f"A decision of {body} cannot escalate to {body} itself. Choose the body "
                "above it, or leave it blank for its parent.",
                "escalate_to",
            )
    same = RoutingRule.objects.filter(
        place=place, body=body, route=details.route, max_cost_gbp=details.max_cost_gbp
    )
    if rule is not None:
        same = same.exclude(pk=rule.pk)
    if same.exists():
        raise GovernanceRefusal(
            f"{body} already has a {Route(details.route).label.lower()} rule with this cost "
            "limit. Change that rule instead, or give this one another limit.",
            "max_cost_gbp",
        )


@transaction.atomic
def create_rule(place: Place, details: RuleDetails, *, user: Any) -> RoutingRule:
    require(user, "governance.manage", place)
    _check_rule(place, details, None)
    return create_by(RoutingRule, user, place=place, **details.__dict__)


@transaction.atomic
def update_rule(rule: RoutingRule, details: RuleDetails, *, user: Any) -> RoutingRule:
    require(user, "governance.manage", rule)
    rule = RoutingRule.objects.select_for_update().get(pk=rule.pk)
    _check_rule(rule.place, details, rule)
    for name, value in details.__dict__.items():
        setattr(rule, name, value)
    return save_by(rule, user)


def rule_of(place: Place, rule_id: int) -> RoutingRule | None:
    return (
        RoutingRule.objects.filter(place=place, pk=rule_id)
        .select_related("body", "escalate_to", "body__parent")
        .first()
    )


def seat_of_body(body: Body, seat_id: int) -> BodyMember | None:
    return body.members.filter(pk=seat_id).select_related("user", "organisation").first()
