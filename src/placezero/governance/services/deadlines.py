"""Time limits: reminders a day before a decision's deadline, and escalation when it passes.

`check_deadlines()` is the periodic task `governance.deadlines` (registered in
`GovernanceConfig.ready`, run by the jobs workers). An overdue open decision goes to the
body its rule names (`RoutingRule.escalate_to`, else the deciding body's parent) with a new
time limit from that body's rule for the same route (the original limit when it has none),
and its votes start again there; with nowhere to go it lapses. Each step is one transaction
that re-reads the decision under a lock, so two workers never escalate it twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from .. import announce
from ..models import Body, Decision, Escalation, RoutingRule
from ..options import DecisionStatus
from .decisions import _move, people_to_tell, url_of, when

REMIND_BEFORE = timedelta(days=1)
CHECK_EVERY = timedelta(minutes=5)


def escalation_target(decision: Decision) -> Body | None:
    if decision.rule is not None:
        return decision.rule.escalation_body()
    return decision.body.parent


def _rule_at(body: Body, decision: Decision) -> RoutingRule | None:
    rules = RoutingRule.objects.filter(body=body, route=decision.route)
    fitting = [r for r in rules if r.max_cost_gbp is None or decision.cost_gbp <= r.max_cost_gbp]
    return min(fitting, key=lambda r: (r.max_cost_gbp is None, r.max_cost_gbp or 0), default=None)


@transaction.atomic
def escalate(decision: Decision, *, now: datetime | None = None) -> Escalation | None:
    """Send an overdue decision on (None, and the decision lapses, with nowhere to go)."""
    now = now or timezone.now()
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("body", "rule")
        .get(pk=decision.pk)
    )
    if not decision.overdue(now):
        return None
    source = decision.body
    target = escalation_target(decision)
    if target is None:
        _move(decision, DecisionStatus.LAPSED, now)
        announce.notify_people(
            people_to_tell(decision),
            announce.ESCALATED,
            title=f"{decision.reference} lapsed: {decision.title}",
            body=f"The time limit passed on {when(decision.deadline)} and {source} has no "
            "body above it to escalate to.",
            url=url_of(decision),
            place=decision.place,
        )
        return None
    rule = _rule_at(target, decision)
    limit = timedelta(days=rule.time_limit_days if rule else decision.rule.time_limit_days)
    escalation = Escalation.objects.create(
        decision=decision,
        from_body=source,
        to_body=target,
        at=now,
        missed_deadline=decision.deadline,
        new_deadline=now + limit,
    )
    decision.body = target
    decision.rule = rule or decision.rule
    decision.approvals_needed = rule.approvals_needed if rule else decision.approvals_needed
    decision.deadline = escalation.new_deadline
    decision.reminded_at = None
    decision.save(update_fields=["body", "rule", "approvals_needed", "deadline", "reminded_at"])
    announce.notify_people(
        people_to_tell(decision),
        announce.ESCALATED,
        title=f"{decision.reference} escalated to {target}: {decision.title}",
        body=f"{source} did not decide by {when(escalation.missed_deadline)}, so the proposal "
        f"went to {target}. It must be decided by {when(escalation.new_deadline)}.",
        url=url_of(decision),
        place=decision.place,
    )
    return escalation


@transaction.atomic
def remind(decision: Decision, *, now: datetime) -> int:
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.reminded_at is not None or not decision.is_open:
        return 0
    voted = decision.votes.values("member")
    waiting = decision.body.voting_members().exclude(pk__in=voted).select_related("user")
    decision.reminded_at = now
    decision.save(update_fields=["reminded_at"])
    return announce.notify_people(
        [seat.user for seat in waiting],
        announce.REMINDER,
        title=f"{decision.reference} closes {when(decision.deadline)}: {decision.title}",
        body=f"{decision.body} must decide by {when(decision.deadline)}, or it escalates.",
        url=url_of(decision),
        place=decision.place,
    )


def check_deadlines(now: datetime | None = None) -> str:
    """Escalate every overdue open decision and remind voters of those closing soon."""
    now = now or timezone.now()
    open_decisions = Decision.objects.filter(status=DecisionStatus.OPEN)
    escalated = lapsed = 0
    for decision in open_decisions.filter(deadline__lt=now):
        if escalate(decision, now=now) is None:
            lapsed += 1
        else:
            escalated += 1
    reminded = 0
    closing = open_decisions.filter(
        deadline__gte=now, deadline__lte=now + REMIND_BEFORE, reminded_at__isnull=True
    )
    for decision in closing:
        reminded += remind(decision, now=now)
    return f"{escalated} escalated, {lapsed} lapsed, {reminded} reminders sent."


def periodic_task() -> Any:
    from placezero.jobs import PeriodicSpec

    return PeriodicSpec(
        key="governance.deadlines",
        every=CHECK_EVERY,
        run=check_deadlines,
        description="Remind voters of decisions closing within a day; escalate overdue ones",
    )
