"""Proposing, routing, voting on and deciding decisions.

The route is data (`RoutingRule`): a body may decide a proposal on a route when one of its
rules for that route allows the cost; the rule gives the approvals needed and the time limit.
The body must also exercise every power the proposal uses (`Power.exercised_by`). A decision
moves only through `_move` (open → approved, rejected or lapsed); everything a step writes is
in one transaction, so a refusal or a failing outcome handler leaves nothing half-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from placezero.accounts.permissions import require

from .. import announce
from ..models import Body, Decision, DecisionLink, Interest, Power, RoutingRule, Vote
from ..options import DecisionStatus, Route, VoteChoice
from ..outcomes import registered_outcome_handlers
from .errors import GovernanceRefusal
from .history import create_by, save_by

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from placezero.places.models import Place

# The only moves a decision makes (a workflow as data: STYLE.md, after Hypha).
TRANSITIONS: dict[str, set[str]] = {
    DecisionStatus.OPEN: {DecisionStatus.APPROVED, DecisionStatus.REJECTED, DecisionStatus.LAPSED},
    DecisionStatus.APPROVED: set(),
    DecisionStatus.REJECTED: set(),
    DecisionStatus.LAPSED: set(),
}


def when(moment: datetime) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


def decisions_of(place: Place) -> QuerySet[Decision]:
    return Decision.objects.filter(place=place).select_related("body", "proposed_by")


def decision_of(place: Place, number: int) -> Decision | None:
    return decisions_of(place).filter(number=number).first()


def url_of(decision: Decision, name: str = "decision") -> str:
    return reverse(
        f"governance:{name}", kwargs={"place_slug": decision.place.slug, "number": decision.number}
    )


# --- routing ------------------------------------------------------------------------------


def check_powers(body: Body, powers: list[Power]) -> None:
    held = set(body.powers.values_list("pk", flat=True))
    for power in powers:
        if power.place_id != body.place_id:
            raise GovernanceRefusal(f"{power} is not in {body.place}'s register.", "powers")
        if power.pk not in held:
            holders = ", ".join(str(b) for b in power.exercised_by.all()) or "no body here"
            raise GovernanceRefusal(
                f"{body} does not hold the power “{power}” ({power.legal_basis}); it is "
                f"exercised here by {holders}. Route the proposal to a body that holds it, "
                "or take the power out of the proposal.",
                "body",
            )


def choose_rule(body: Body, route: str, cost_gbp: Decimal) -> RoutingRule:
    """The rule of `body` for `route` with the smallest cost limit the cost fits in."""
    rules = list(RoutingRule.objects.filter(body=body, route=route))
    fitting = [r for r in rules if r.max_cost_gbp is None or cost_gbp <= r.max_cost_gbp]
    if fitting:
        return min(fitting, key=lambda r: (r.max_cost_gbp is None, r.max_cost_gbp or 0))
    route_name = Route(route).label.lower()
    if not rules:
        raise GovernanceRefusal(
            f"{body} takes no decisions on the {route_name}. Choose another route or body.",
            "route",
        )
    most = max(r.max_cost_gbp for r in rules if r.max_cost_gbp is not None)
    raise GovernanceRefusal(
        f"{body} may decide on the {route_name} up to £{most:,.0f}; this proposal costs "
        f"£{cost_gbp:,.0f}. Choose the standard route or a body with a higher limit.",
        "cost_gbp",
    )


# --- proposing ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    title: str
    asked_for: str
    route: str
    body: Body
    cost_gbp: Decimal = Decimal(0)
    options: str = ""
    carbon_change_tco2e_per_year: Decimal | None = None
    carbon_basis: str = ""
    powers: tuple[Power, ...] = ()
    creates: str = ""
    is_demo: bool = False


@transaction.atomic
def propose(
    place: Place, proposal: Proposal, *, user: Any, now: datetime | None = None
) -> Decision:
    require(user, "governance.propose", place)
    now = now or timezone.now()
    body = proposal.body
    if body.place_id != place.pk:
        raise GovernanceRefusal(f"Choose a body of {place}'s partnership.", "body")
    if not proposal.title.strip() or not proposal.asked_for.strip():
        raise GovernanceRefusal("Enter the title and the decision asked for.", "title")
    if proposal.cost_gbp < 0:
        raise GovernanceRefusal(
            "The cost cannot be negative; enter 0 if there is none.", "cost_gbp"
        )
    check_powers(body, list(proposal.powers))
    rule = choose_rule(body, proposal.route, proposal.cost_gbp)
    # Lock the place's row while numbering, so two proposals never share a number.
    type(place).objects.select_for_update().get(pk=place.pk)
    last = Decision.objects.filter(place=place).aggregate(Max("number"))["number__max"]
    decision = create_by(
        Decision,
        user,
        place=place,
        number=(last or 0) + 1,
        title=proposal.title.strip(),
        asked_for=proposal.asked_for.strip(),
        options=proposal.options,
        cost_gbp=proposal.cost_gbp,
        carbon_change_tco2e_per_year=proposal.carbon_change_tco2e_per_year,
        carbon_basis=proposal.carbon_basis,
        creates=proposal.creates,
        route=proposal.route,
        body=body,
        rule=rule,
        approvals_needed=rule.approvals_needed,
        proposed_by=user,
        proposed_at=now,
        deadline=now + timedelta(days=rule.time_limit_days),
        is_demo=proposal.is_demo,
    )
    decision.powers.set(proposal.powers)
    return decision


# --- interests and votes ------------------------------------------------------------------


@transaction.atomic
def declare_interest(decision: Decision, *, user: Any, description: str) -> Interest:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    require(user, "governance.declare_interest", decision)
    _still_open(decision)
    if not description.strip():
        raise GovernanceRefusal("Say what the interest is.", "description")
    seat = decision.body.sitting_members().get(user=user)
    if decision.votes.filter(member=seat).exists():
        raise GovernanceRefusal(
            "You have already voted on this decision. An interest is declared before voting; "
            "ask the chair to record it and set your vote aside.",
            "description",
        )
    interest = Interest.objects.filter(decision=decision, member=seat).first() or Interest(
        decision=decision, member=seat
    )
    interest.description = description.strip()
    return save_by(interest, user)


def _still_open(decision: Decision, now: datetime | None = None) -> None:
    if not decision.is_open:
        raise GovernanceRefusal(
            f"{decision.reference} is already {decision.get_status_display().lower()}; "
            "nothing more can be recorded on it."
        )
    if decision.overdue(now):
        after = decision.rule.escalation_body() if decision.rule else decision.body.parent
        next_step = (
            f"it now goes to {after} (escalation is checked every few minutes)"
            if after
            else "it lapses, as there is no body above to escalate to"
        )
        raise GovernanceRefusal(
            f"The time limit for {decision.reference} passed on {when(decision.deadline)}: "
            f"votes are closed and {next_step}.",
            "choice",
        )


@transaction.atomic
def cast_vote(
    decision: Decision, *, user: Any, choice: str, comment: str = "", now: datetime | None = None
) -> Vote:
    now = now or timezone.now()
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    require(user, "governance.vote", decision)
    _still_open(decision, now)
    if choice not in VoteChoice.values:
        raise GovernanceRefusal("Choose approve, reject or abstain.", "choice")
    seat = decision.body.sitting_members().get(user=user)
    if decision.votes.filter(member=seat).exists():
        raise GovernanceRefusal("You have already voted on this decision.", "choice")
    vote = create_by(
        Vote,
        user,
        decision=decision,
        member=seat,
        choice=choice,
        comment=comment.strip(),
        cast_at=now,
    )
    settle(decision, now=now, actor=user)
    return vote


@dataclass(frozen=True)
class Tally:
    approvals: int
    rejections: int
    abstentions: int
    eligible: int  # voting members without a declared interest
    needed: int
    quorum: int

    @property
    def cast(self) -> int:
        return self.approvals + self.rejections + self.abstentions

    @property
    def remaining(self) -> int:
        return max(self.eligible - self.cast, 0)

    @property
    def approved(self) -> bool:
        return self.approvals >= self.needed and self.cast >= self.quorum

    @property
    def cannot_pass(self) -> bool:
        return (
            self.approvals + self.remaining < self.needed
            or self.cast + self.remaining < self.quorum
        )


def tally(decision: Decision) -> Tally:
    """Votes of the body deciding now (an escalated decision starts again at its new body)."""
    votes = decision.votes.filter(member__body=decision.body)
    interested = decision.interests.filter(member__body=decision.body).values("member")
    eligible = decision.body.voting_members().exclude(pk__in=interested).count()
    count = {c: votes.filter(choice=c).count() for c in VoteChoice.values}
    return Tally(
        approvals=count[VoteChoice.APPROVE],
        rejections=count[VoteChoice.REJECT],
        abstentions=count[VoteChoice.ABSTAIN],
        eligible=eligible,
        needed=decision.approvals_needed,
        # The fast track exists to decide without waiting for a full meeting: its rule's
        # approvals stand in for the body's quorum.
        quorum=decision.body.quorum
        if decision.route == Route.STANDARD
        else decision.approvals_needed,
    )


def _move(decision: Decision, status: str, now: datetime, actor: Any = None) -> None:
    if status not in TRANSITIONS[decision.status]:
        raise GovernanceRefusal(
            f"{decision.reference} is {decision.get_status_display().lower()} and cannot "
            f"become {DecisionStatus(status).label.lower()}."
        )
    decision.status = status
    decision.decided_at = now
    save_by(decision, actor, update_fields=["status", "decided_at"])


def settle(decision: Decision, *, now: datetime, actor: Any = None) -> str:
    """Approve or reject the decision once its votes say so; its status afterwards."""
    counted = tally(decision)
    if counted.approved:
        _move(decision, DecisionStatus.APPROVED, now, actor)
        _carry_out(decision)
        _announce(decision, actor)
    elif counted.cannot_pass:
        _move(decision, DecisionStatus.REJECTED, now, actor)
        _announce(decision, actor)
    return decision.status


def _carry_out(decision: Decision) -> None:
    for handler in registered_outcome_handlers():
        for link in handler.handle(decision):
            DecisionLink.objects.create(
                decision=decision, handler=handler.key, label=link.label, url=link.url
            )


def people_to_tell(decision: Decision) -> list[Any]:
    people = [seat.user for seat in decision.body.sitting_members().select_related("user")]
    if decision.proposed_by is not None:
        people.insert(0, decision.proposed_by)
    return people


def _announce(decision: Decision, actor: Any) -> None:
    outcome = decision.get_status_display().lower()
    notice = url_of(decision, "notice")
    announce.publish_notice(
        place=decision.place,
        key=f"{decision.place.slug}-{decision.reference}",
        title=f"Decision notice {decision.reference}: {decision.title}",
        summary=f"{decision.body} {outcome} “{decision.asked_for}”",
        url=notice,
        updated_at=decision.decided_at,
    )
    announce.notify_people(
        people_to_tell(decision),
        announce.DECIDED,
        title=f"{decision.reference} {outcome}: {decision.title}",
        body=f"{decision.body} {outcome} the proposal. The decision notice is published.",
        url=notice,
        place=decision.place,
        actor=actor,
    )
