"""An action's page, and the forms that create and change an action."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from placezero.accounts.permissions import has, requires
from placezero.tables import About, Column, Table
from placezero.tables.charts import chart_from_table
from placezero.web.forms import add_service_errors

from .. import dashboard, impact, priority, services
from ..forms import (
    ActionForm,
    DependencyForm,
    LeverLinkForm,
    MilestoneDoneForm,
    MilestoneForm,
    RiskForm,
    UpdateForm,
)
from ..models import Action
from ..options import CoBenefit
from ..powers import power_names
from .common import action_of_request, place_of_request


def trajectory_table(action: Action) -> Table:
    links = list(action.lever_links.all())
    rows = []
    for year in range(dashboard.FIRST_YEAR, dashboard.LAST_YEAR + 1):
        key = str(year)
        rows.append(
            {
                "year": year,
                "expected": sum(link.expected_by_year.get(key, 0.0) for link in links),
                "actual": sum(link.actual_by_year.get(key, 0.0) for link in links),
            }
        )
    return Table(
        slug="action-trajectory",
        caption=f"{action.reference}: expected and actual savings",
        columns=(
            Column("year", "Year"),
            Column("expected", "Expected", "tCO2e a year"),
            Column("actual", "Achieved by delivered outputs", "tCO2e a year"),
        ),
        rows=tuple(rows),
        about=About(dashboard.ENGINE_SOURCE),
        notes=(
            "Savings against the reference scenario (every lever at level 1); expected from "
            "the amounts linked to levers, actual from the outputs reported in updates.",
        ),
    )


def action_context(request: HttpRequest, action: Action, **forms: object) -> dict:
    user = request.user
    may_edit = has(user, "tracker.edit_action", action)
    may_update = has(user, "tracker.post_update", action)
    table = trajectory_table(action)
    links = list(action.lever_links.all())
    weights = services.priority_weights(action.place)
    powers = power_names(action.place)
    return {
        "place": action.place,
        "co_benefits": [
            CoBenefit(key).label for key in action.co_benefits if key in CoBenefit.values
        ],
        "powers": [
            (key, powers.get(key, f"{key} (no longer in the register)"))
            for key in action.powers_used
        ],
        "priority": services.priorities(action.place, weights).get(action.pk),
        "weights": weights,
        "factor_labels": priority.LABELS,
        "risks": action.risks.all(),
        "risk_form": forms.get("risk_form") or (RiskForm() if may_edit else None),
        "action": action,
        "links": [(link, impact.lever_title(link.lever)) for link in links],
        "milestones": action.milestones.all(),
        "needs": action.dependencies.select_related("other"),
        "needed_by": action.dependents.select_related("action"),
        "updates": action.updates.prefetch_related("outputs__link").select_related("author"),
        "may_edit": may_edit,
        "may_update": may_update,
        "may_see_contacts": has(user, "tracker.see_contacts", action.place),
        "trajectory": table,
        "trajectory_chart": chart_from_table(table, x="year", series=["expected", "actual"])
        if links
        else None,
        "milestone_form": forms.get("milestone_form") or (MilestoneForm() if may_edit else None),
        "done_form": MilestoneDoneForm() if may_update else None,
        "dependency_form": forms.get("dependency_form")
        or (DependencyForm(action=action) if may_edit else None),
        "link_form": forms.get("link_form") or (LeverLinkForm() if may_edit else None),
        "update_form": forms.get("update_form")
        or (UpdateForm(action=action, initial={"status": action.status}) if may_update else None),
    }


@requires("tracker.view", get_object=action_of_request)
def action_page(request: HttpRequest, place_slug: str, action_id: int) -> HttpResponse:
    action = action_of_request(request, place_slug, action_id)
    return render(request, "tracker/action.html", action_context(request, action))


@requires("tracker.create_action", get_object=place_of_request)
def action_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    form = ActionForm(request.POST or None, place=place)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.ACTION_FIELDS}
        try:
            action = services.create_action(place, user=request.user, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("tracker:action", place_slug=place.slug, action_id=action.pk)
    return render(request, "tracker/action_form.html", {"place": place, "form": form})


@requires("tracker.edit_action", get_object=action_of_request)
def action_edit(request: HttpRequest, place_slug: str, action_id: int) -> HttpResponse:
    action = action_of_request(request, place_slug, action_id)
    form = ActionForm(request.POST or None, instance=action, place=action.place)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.ACTION_FIELDS}
        try:
            # A fresh copy, so the service compares against what is saved.
            services.update_action(Action.objects.get(pk=action.pk), user=request.user, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("tracker:action", place_slug=place_slug, action_id=action.pk)
    return render(
        request, "tracker/action_form.html", {"place": action.place, "form": form, "action": action}
    )
