"""The tracker's door: plans, actions, milestones, dependencies, lever links and progress.

Every function that changes something asks `accounts.permissions.require` first, validates
at the edge (a ValidationError naming the field and how to fix it), and writes in one
transaction, so a refusal or a bad value leaves nothing half-written. History is recorded by
django-simple-history on every model; who made a change comes from the request (its
middleware) or from `_by(obj, user)`, which services use for every write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from placezero.accounts.permissions import require

from . import announce, graph, impact
from .models import (
    Action,
    DeliveredOutput,
    Dependency,
    LeverLink,
    Milestone,
    Plan,
    ProgressUpdate,
    Risk,
)
from .options import FINISHED, STATUSES_WITH_REASON, CoBenefit, DependencyKind, Level, Status, Theme
from .powers import actions_using_power, power_choices
from .priority import priorities, priority_weights, set_priority_weights
from .reports import issue_report, reports_of

if TYPE_CHECKING:
    from placezero.places.models import Place

__all__ = [
    "ACTION_FIELDS",
    "actions_of",
    "actions_using_power",
    "add_dependency",
    "add_milestone",
    "add_risk",
    "complete_milestone",
    "create_action",
    "create_plan",
    "issue_report",
    "link_lever",
    "on_time_share",
    "plans_of",
    "post_update",
    "power_choices",
    "priorities",
    "priority_weights",
    "remove_dependency",
    "remove_risk",
    "reports_of",
    "set_priority_weights",
    "update_action",
]

# What a person may set on an action (the form, the spreadsheet and the demo use these).
ACTION_FIELDS = (
    "plan",
    "reference",
    "title",
    "description",
    "theme",
    "owner",
    "lead_officer",
    "area",
    "status",
    "status_reason",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "budget_gbp",
    "funding_source",
    "deliverability",
    "co_benefits",
    "powers_used",
)


def _by(obj: Any, user: Any) -> Any:
    """Record `user` as who made this change in its history (django-simple-history reads
    `_history_user`), inside a request or not."""
    obj._history_user = user if getattr(user, "is_authenticated", False) else None
    return obj


def plans_of(place: Place) -> list[Plan]:
    return list(Plan.objects.filter(place=place))


def actions_of(place: Place) -> Any:
    return Action.objects.filter(place=place).select_related("owner", "plan", "area")


def on_time_share(
    place: Place, *, due_after: dt.date | None = None, due_by: dt.date | None = None
) -> tuple[int, int]:
    """(finished on time, due): of the place's actions planned to end after `due_after` and
    by `due_by` (never later than today; cancelled actions left out), how many are completed
    with an actual end on or before their planned end. Read by governance's evaluation
    (docs/method/governance-evaluation.md); every action of a plan is public."""
    today = dt.date.today()
    due_by = min(due_by or today, today)
    due = Action.objects.filter(place=place, planned_end__lte=due_by).exclude(
        status=Status.CANCELLED
    )
    if due_after is not None:
        due = due.filter(planned_end__gt=due_after)
    on_time = due.filter(
        status=Status.COMPLETED,
        actual_end__isnull=False,
        actual_end__lte=models.F("planned_end"),
    )
    return on_time.count(), due.count()


@transaction.atomic
def create_plan(place: Place, *, title: str, starts: int, ends: int, user: Any, **extra) -> Plan:
    require(user, "tracker.import", place)
    if ends < starts:
        raise ValidationError({"ends": "The last year must be the first year or after it."})
    plan = Plan(place=place, title=title, starts=starts, ends=ends, **extra)
    _by(plan, user).save()
    return plan


def check_action(action: Action) -> None:
    """Validate an action's fields together; raises ValidationError naming each field."""
    errors: dict[str, str] = {}
    place = action.place
    if action.plan_id and action.plan.place_id != place.pk:
        errors["plan"] = f"Choose a plan of {place}."
    if action.owner_id and action.owner.place_id != place.pk:
        errors["owner"] = f"{action.owner} is not a partner organisation of {place}."
    if action.area_id and action.area.place_id != place.pk:
        errors["area"] = f"Choose a district of {place}."
    if action.theme not in Theme.values:
        errors["theme"] = "Choose one of the themes: " + ", ".join(Theme.labels) + "."
    if action.status not in Status.values:
        errors["status"] = "Choose one of the statuses: " + ", ".join(Status.labels) + "."
    elif action.status in STATUSES_WITH_REASON and not action.status_reason.strip():
        errors["status_reason"] = (
            f"Say why the action is {Status(action.status).label.lower()}: readers need the reason."
        )
    for start, end, words in (
        ("planned_start", "planned_end", "planned"),
        ("actual_start", "actual_end", "actual"),
    ):
        first, last = getattr(action, start), getattr(action, end)
        if first and last and last < first:
            errors[end] = (
                f"The {words} end ({last:%d %B %Y}) is before the {words} start "
                f"({first:%d %B %Y}): the end must be on or after the start."
            )
    benefits = list(action.co_benefits or [])
    unknown = [b for b in benefits if b not in CoBenefit.values]
    if unknown or len(set(benefits)) != len(benefits):
        errors["co_benefits"] = (
            "Choose co-benefits from the list, each once: "
            + ", ".join(CoBenefit.labels)
            + (f" (not {', '.join(map(str, unknown))})" if unknown else "")
            + "."
        )
    powers = list(action.powers_used or [])
    known = dict(power_choices(place))
    strangers = [k for k in powers if k not in known]
    if strangers or len(set(powers)) != len(powers):
        errors["powers_used"] = (
            f"Choose powers from {place}'s register of local powers, each once"
            + (f": {', '.join(map(str, strangers))} is not in it" if strangers else "")
            + ". An officer adds a power to the register on the governance pages."
        )
    if action.budget_gbp is not None and action.budget_gbp < 0:
        errors["budget_gbp"] = "A budget cannot be negative."
    clash = Action.objects.filter(place=place, reference=action.reference).exclude(pk=action.pk)
    if action.reference and clash.exists():
        errors["reference"] = f"{place} already has an action {action.reference}."
    if errors:
        raise ValidationError(errors)
    action.full_clean(exclude=["place", "plan", "owner", "area", "lead_officer"])


@transaction.atomic
def create_action(place: Place, *, user: Any, **fields: Any) -> Action:
    """A new action of the place; its owner must be an organisation the person may edit for."""
    unknown = set(fields) - set(ACTION_FIELDS) - {"is_demo"}
    if unknown:
        raise TypeError(f"Unknown action fields: {', '.join(sorted(unknown))}")
    action = Action(place=place, **fields)
    require(user, "tracker.create_action", place)
    require(user, "tracker.edit_action", action)
    check_action(action)
    _by(action, user).save()
    announce.plan_changed(place)
    return action


@transaction.atomic
def update_action(action: Action, *, user: Any, **fields: Any) -> Action:
    require(user, "tracker.edit_action", action)
    current = Action.objects.select_for_update().get(pk=action.pk)
    for name, value in fields.items():
        if name not in ACTION_FIELDS:
            raise TypeError(f"Unknown action field: {name}")
        setattr(current, name, value)
    # A change of owner must be one the person may also make for the new owner.
    require(user, "tracker.edit_action", current)
    check_action(current)
    _by(current, user).save()
    announce.plan_changed(current.place)
    return current


@transaction.atomic
def add_milestone(action: Action, *, title: str, due: dt.date, user: Any) -> Milestone:
    require(user, "tracker.edit_action", action)
    if not title.strip():
        raise ValidationError({"title": "Give the milestone a title."})
    milestone = Milestone(action=action, title=title.strip(), due=due)
    _by(milestone, user).save()
    return milestone


@transaction.atomic
def complete_milestone(milestone: Milestone, *, completed_on: dt.date, user: Any) -> Milestone:
    require(user, "tracker.post_update", milestone)
    milestone.completed_on = completed_on
    _by(milestone, user).save(update_fields=["completed_on"])
    return milestone


@transaction.atomic
def add_dependency(
    action: Action, *, other: Action, kind: str, user: Any, note: str = ""
) -> Dependency:
    """`action` needs / enables / conflicts with `other`; an order that would make a cycle
    (A needs B needs … needs A) is refused, naming the cycle."""
    require(user, "tracker.edit_action", action)
    if kind not in DependencyKind.values:
        raise ValidationError({"kind": "Choose needs, enables or conflicts with."})
    if other.place_id != action.place_id:
        raise ValidationError({"other": f"Choose an action of {action.place}."})
    if other.pk == action.pk:
        raise ValidationError({"other": "An action cannot depend on itself."})
    if Dependency.objects.filter(action=action, other=other, kind=kind).exists():
        raise ValidationError({"other": "This dependency is already recorded."})
    # Lock the place's dependencies so two people cannot each add half of a cycle.
    list(Dependency.objects.select_for_update().filter(action__place_id=action.place_id))
    cycle = graph.cycle_if_added(action.place, action, other, kind)
    if cycle:
        path = " → ".join(cycle)
        raise ValidationError(
            {
                "other": f"This would make a cycle of dependencies, each action finishing "
                f"before the next: {path}. An action would have to finish before itself. "
                "Remove one of those dependencies first, or record the link as “conflicts "
                "with”."
            }
        )
    dependency = Dependency(action=action, other=other, kind=kind, note=note)
    _by(dependency, user).save()
    return dependency


@transaction.atomic
def remove_dependency(dependency: Dependency, *, user: Any) -> None:
    require(user, "tracker.edit_action", dependency)
    _by(dependency, user).delete()


@transaction.atomic
def link_lever(
    action: Action,
    *,
    lever: str,
    amount: float,
    target_year: int,
    user: Any,
    start_year: int | None = None,
) -> LeverLink:
    """Link (or re-link) the action to a pathway lever with the amount it moves it, and store
    the engine's expected impact with it."""
    require(user, "tracker.edit_action", action)
    cleaned = impact.clean_link(action, lever, amount, target_year, start_year)
    link = LeverLink.objects.filter(action=action, lever=lever).first() or LeverLink(
        action=action, lever=lever
    )
    for name, value in cleaned.items():
        setattr(link, name, value)
    impact.refresh_expected(link)
    _by(link, user).save()
    announce.plan_changed(action.place)
    return link


@transaction.atomic
def post_update(
    action: Action,
    *,
    user: Any,
    as_of: dt.date,
    status: str,
    narrative: str,
    evidence_url: str = "",
    status_reason: str = "",
    outputs: Mapping[str, tuple[float, str]] | None = None,
    is_demo: bool = False,
) -> ProgressUpdate:
    """Progress on an action: a status with its reason, a narrative, evidence, and outputs
    delivered since the last update as {lever: (amount, unit)}. An output must be for a
    lever the action is linked to and in that link's unit."""
    require(user, "tracker.post_update", action)
    errors: dict[str, str] = {}
    if status not in Status.values:
        errors["status"] = "Choose one of the statuses: " + ", ".join(Status.labels) + "."
    elif status in STATUSES_WITH_REASON and not status_reason.strip():
        errors["status_reason"] = f"Say why the action is {Status(status).label.lower()}."
    if not narrative.strip():
        errors["narrative"] = "Say what happened since the last update."
    if as_of > dt.date.today():
        errors["as_of"] = "The update reports progress to a date that has not come yet."
    links = {link.lever: link for link in action.lever_links.all()}
    delivered = []
    for lever, (amount, unit) in (outputs or {}).items():
        link = links.get(lever)
        if link is None:
            errors[f"output_{lever}"] = "The action is not linked to this lever."
        elif unit != link.unit:
            errors[f"output_{lever}"] = (
                f"Outputs for {impact.lever_title(lever)} are counted in {link.unit}, "
                f"not {unit or 'no unit'}."
            )
        elif amount is None or amount < 0:
            errors[f"output_{lever}"] = f"Give the {link.unit} delivered as 0 or more."
        elif amount:
            delivered.append((link, float(amount)))
    if errors:
        raise ValidationError(errors)
    current = Action.objects.select_for_update().get(pk=action.pk)
    update = ProgressUpdate(
        action=current,
        as_of=as_of,
        status=status,
        narrative=narrative.strip(),
        evidence_url=evidence_url,
        author=user if getattr(user, "is_authenticated", False) else None,
        is_demo=is_demo,
    )
    _by(update, user).save()
    for link, amount in delivered:
        _by(DeliveredOutput(update=update, link=link, amount=amount), user).save()
        # The actual trajectory follows the outputs (one engine run per lever reported).
        impact.refresh_actual(link)
        _by(link, user).save(update_fields=["delivered", "actual_by_year"])
    current.status, current.status_reason = status, status_reason.strip()
    if current.actual_start is None and status != Status.NOT_STARTED:
        current.actual_start = as_of
    if status in FINISHED and current.actual_end is None:
        current.actual_end = as_of
    _by(current, user).save()
    announce.plan_changed(current.place)
    return update


def _level(value: Any, name: str, errors: dict[str, str]) -> int | None:
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = None
    if level not in Level.values:
        errors[name] = f"Choose the {name} from 1 (very low) to 5 (very high)."
        return None
    return level


@transaction.atomic
def add_risk(
    action: Action,
    *,
    description: str,
    likelihood: Any,
    impact: Any,
    mitigation: str = "",
    user: Any,
) -> Risk:
    """A risk to the action's delivery, scored 1-5 for likelihood and for impact."""
    require(user, "tracker.edit_action", action)
    errors: dict[str, str] = {}
    if not (description or "").strip():
        errors["description"] = "Describe the risk: what could go wrong."
    elif len(description.strip()) > 500:
        errors["description"] = "Describe the risk in 500 characters or fewer."
    levels = {
        "likelihood": _level(likelihood, "likelihood", errors),
        "impact": _level(impact, "impact", errors),
    }
    if errors:
        raise ValidationError(errors)
    risk = Risk(
        action=action,
        description=description.strip(),
        likelihood=levels["likelihood"],
        impact=levels["impact"],
        mitigation=(mitigation or "").strip(),
    )
    _by(risk, user).save()
    return risk


@transaction.atomic
def remove_risk(risk: Risk, *, user: Any) -> None:
    require(user, "tracker.edit_action", risk)
    _by(risk, user).delete()
