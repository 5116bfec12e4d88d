"""The governance seam: an approved decision creates tracker actions.

Governance calls every registered outcome handler inside the transaction that approves a
decision (`placezero.governance.outcomes`); the tracker registers `tracker.create_actions`
and retires governance's own `governance.record_outcome`, so a decision notice links to
real actions. Each line of the decision's `creates` becomes one action:

- plan: the place's plan covering the year of the decision (the latest starting, if
  several), else its latest plan, else a new plan of the partnership's decisions that year;
- owner: the proposer's organisation in the place, else the organisation of the first
  sitting member of the deciding body;
- theme cross-cutting, not started, planned from the decision date to the end of the plan
  (or a year, whichever is later), using the local powers the decision uses;
- reference `D<number>.<line>` (e.g. D001.1), so the action names its decision (`-2`, `-3`
  added if an action already has it; a demo decision replaces the previous demo load's).

A handler that raises rolls the whole approval back, so a decision with no organisation to
own its actions is refused in words rather than approved with nothing made.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from placezero.governance import CreatedLink, OutcomeHandler
from placezero.governance import services as governance

from .models import Action, Plan
from .options import Status, Theme

if TYPE_CHECKING:
    from placezero.places.models import Place

HANDLER_KEY = "tracker.create_actions"
RECORD_OUTCOME = "governance.record_outcome"
Organisation = Action._meta.get_field("owner").related_model


class NoOwner(RuntimeError):
    """Nobody in the place can own the actions a decision creates."""


def _titles(creates: str) -> list[str]:
    return [t for t in (line.strip().lstrip("-* ").strip() for line in creates.splitlines()) if t]


def plan_for(place: Place, on: dt.date, is_demo: bool = False) -> Plan:
    plans = Plan.objects.filter(place=place)
    current = plans.filter(starts__lte=on.year, ends__gte=on.year).order_by("-starts", "pk")
    plan = current.first() or plans.order_by("-ends", "-starts", "pk").first()
    if plan is None:
        plan, _ = Plan.objects.get_or_create(
            place=place,
            title=f"Decisions of the {place.name} partnership, {on.year}",
            defaults={"starts": on.year, "ends": on.year, "is_demo": is_demo},
        )
    return plan


def owner_for(decision: Any) -> Any:
    place = decision.place
    if decision.proposed_by_id:
        organisation = (
            Organisation.objects.filter(place=place, memberships__user=decision.proposed_by_id)
            .order_by("name")
            .first()
        )
        if organisation:
            return organisation
    for seat in governance.members_of(decision.body).select_related("organisation"):
        if seat.organisation.place_id == place.pk:
            return seat.organisation
    raise NoOwner(
        f"{decision.reference} cannot create its actions: neither its proposer nor any member "
        f"of {decision.body} belongs to an organisation of {place.name} that could own them. "
        "Add the proposer to their organisation first."
    )


def _free_reference(place: Place, wanted: str, is_demo: bool) -> str:
    """`wanted`, unless an action of the place has it: a demo decision replaces the demo
    action of a previous demo load (the demo is reloaded whole); otherwise the next free
    `wanted-2`, `wanted-3`, …"""
    taken = Action.objects.filter(place=place, reference=wanted).first()
    if taken is None:
        return wanted
    if is_demo and taken.is_demo:
        taken.delete()
        return wanted
    number = 2
    while Action.objects.filter(place=place, reference=f"{wanted}-{number}").exists():
        number += 1
    return f"{wanted}-{number}"


def create_actions(decision: Any) -> list[CreatedLink]:
    """The outcome handler: one tracker action per line of `decision.creates`."""
    titles = _titles(decision.creates)
    if not titles:
        return []
    place = decision.place
    decided = (decision.decided_at or decision.proposed_at).date()
    plan = plan_for(place, decided, decision.is_demo)
    owner = owner_for(decision)
    powers = sorted(decision.powers.values_list("key", flat=True))
    end_of_plan = dt.date(plan.ends, 12, 31)
    planned_end = max(end_of_plan, decided + dt.timedelta(days=365))
    links = []
    for number, title in enumerate(titles, start=1):
        action = Action(
            place=place,
            plan=plan,
            reference=_free_reference(place, f"{decision.reference}.{number}", decision.is_demo),
            title=title[:200],
            description=f"Created by decision {decision.reference} ({decision.title}): "
            f"{decision.asked_for}",
            theme=Theme.CROSS_CUTTING,
            owner=owner,
            status=Status.NOT_STARTED,
            planned_start=decided,
            planned_end=planned_end,
            powers_used=powers,
            is_demo=decision.is_demo,
        )
        action._change_reason = f"Created by decision {decision.reference}"
        action._history_user = decision.proposed_by
        action.save()
        url = reverse("tracker:action", kwargs={"place_slug": place.slug, "action_id": action.pk})
        links.append(CreatedLink(f"Action: {title}", url))
    from . import announce

    announce.plan_changed(place)
    return links


def register() -> None:
    """Take over from governance's own handler (called from the tracker's ready(); governance
    is installed before the tracker, so its handler is registered by then)."""
    from placezero.governance import (
        register_outcome_handler,
        registered_outcome_handlers,
        unregister_outcome_handler,
    )

    keys = {handler.key for handler in registered_outcome_handlers()}
    if RECORD_OUTCOME in keys:
        unregister_outcome_handler(RECORD_OUTCOME)
    if HANDLER_KEY not in keys:
        register_outcome_handler(
            OutcomeHandler(key=HANDLER_KEY, label="Creates tracker actions", handle=create_actions)
        )
