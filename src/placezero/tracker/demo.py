"""The demonstration action plan of Leicestershire (`manage.py load_tracker_demo`).

Written for the demo from the public outline of the Net Zero Leicestershire Strategy and
Action Plan 2023-2027 (Leicestershire County Council, approved December 2022: "lead,
enable, inspire", themes Transport; Buildings and Energy; Resources and Waste; Business and
Economy; Communities; Nature and Land Use; cross-cutting actions) and the programmes its
public material names (the Green Living Leicestershire home-warmth programme, the business
carbon-reduction support programme with the universities, the Quorn solar farm, collective
solar purchasing, the sustainable food plan, environment grants, the parish net zero
toolkit, tree planting, the local transport plan and the EV charging strategy), with the
council's own-estate plan and adaptation actions.

Every record is marked as demo. The owners are the real partner organisations (loaded by
`create_demo_accounts`); the lead officers are its made-up demo people. Dates, budgets,
the amounts linked to levers and the progress reported are illustrations written for the
demo, never the council's figures: each action says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction

from . import impact
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
from .powers import power_names

DATA = Path(__file__).with_name("demo_plan.yaml")
PLANS = {
    "strategy": ("Net Zero Leicestershire Strategy and Action Plan 2023-2027 (demo)", 2023, 2027),
    "own_estate": ("Leicestershire County Council own-estate net zero plan (demo)", 2023, 2030),
}
SOURCE = "https://www.leicestershire.gov.uk"
ILLUSTRATION = " Dates, budget and amounts are illustrations for the demo, not the council's."


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _related(field: str) -> Any:
    return Action._meta.get_field(field).related_model


@transaction.atomic
def load(place: Any) -> dict[str, int]:
    """Load (or reload) the demo plan of `place`; returns what it holds. Idempotent: demo
    records are replaced, everything else left alone."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    organisations = {o.name: o for o in _related("owner").objects.filter(place=place)}
    missing = sorted({row["owner"] for row in data["actions"]} - set(organisations))
    if missing:
        raise LookupError(
            f"These partner organisations are not loaded for {place}: {', '.join(missing)}. "
            "Run `manage.py create_demo_accounts` first."
        )
    users = {u.username: u for u in _related("lead_officer").objects.filter(is_demo=True)}
    areas = {a.code: a for a in place.areas.all()}
    # Only the demo's own actions are replaced: actions that demo governance decisions
    # created (D001.1, …) stay, and so do the plans they may belong to.
    own = [row["reference"] for row in data["actions"]]
    Action.objects.filter(place=place, is_demo=True, reference__in=own).delete()
    plans = {
        key: Plan.objects.update_or_create(
            place=place,
            title=title,
            defaults={"starts": starts, "ends": ends, "source_url": SOURCE, "is_demo": True},
        )[0]
        for key, (title, starts, ends) in PLANS.items()
    }
    actions = {
        row["reference"]: _action(place, row, plans, organisations, users, areas)
        for row in data["actions"]
    }
    for row in data["dependencies"]:
        Dependency.objects.create(
            action=actions[row["action"]],
            other=actions[row["other"]],
            kind=row["kind"],
            note="Demo dependency.",
        )
    for row in data["milestones"]:
        Milestone.objects.create(
            action=actions[row["action"]],
            title=row["title"],
            due=_date(row["due"]),
            completed_on=_date(row["completed"]),
        )
    for row in data["updates"]:
        action = actions[row["action"]]
        update = ProgressUpdate.objects.create(
            action=action,
            as_of=_date(row["as_of"]),
            status=row["status"],
            narrative=row["narrative"],
            is_demo=True,
        )
        link = action.lever_links.first()
        if link is not None and row["delivered"]:
            DeliveredOutput.objects.create(update=update, link=link, amount=row["delivered"])
    registered = power_names(place)
    for row in data.get("assessments", []):
        action = actions[row["action"]]
        action.co_benefits = list(row.get("co_benefits", []))
        action.deliverability = row.get("deliverability")
        action.powers_used = [key for key in row.get("powers", []) if key in registered]
        action.save(update_fields=["co_benefits", "deliverability", "powers_used"])
        for risk in row.get("risks", []):
            Risk.objects.create(action=action, **risk)
    for link in LeverLink.objects.filter(action__place=place, action__is_demo=True):
        impact.refresh_actual(link)
        link.save(update_fields=["delivered", "actual_by_year"])
    return {
        "plans": len(plans),
        "actions": len(actions),
        "updates": len(data["updates"]),
        "risks": Risk.objects.filter(action__place=place, action__is_demo=True).count(),
    }


def _action(
    place: Any, row: dict, plans: dict, organisations: dict, users: dict, areas: dict
) -> Action:
    start, end = (_date(d) for d in row["planned"])
    status = row["status"]
    plan = plans[row["plan"]]
    action = Action.objects.create(
        place=place,
        plan=plan,
        reference=row["reference"],
        title=row["title"],
        description=(
            f"Demo action written from the public outline of the "
            f"{plan.title.removesuffix(' (demo)')}.{ILLUSTRATION}"
        ),
        theme=row["theme"],
        owner=organisations[row["owner"]],
        lead_officer=users.get(row.get("lead", "")),
        area=areas.get(row.get("district", "")),
        status=status,
        status_reason=row.get("reason", ""),
        planned_start=start,
        planned_end=end,
        actual_start=start if status != "not_started" else None,
        actual_end=end if status == "completed" else None,
        budget_gbp=row.get("budget_gbp"),
        funding_source=row.get("funding", ""),
        is_demo=True,
    )
    if row.get("lever"):
        lever = row["lever"]
        cleaned = impact.clean_link(
            action, lever["key"], lever["amount"], lever["target_year"], None
        )
        link = LeverLink(action=action, lever=lever["key"], **cleaned)
        impact.refresh_expected(link)
        link.save()
    return action
