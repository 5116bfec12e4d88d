"""Long runs: the list of a place's runs and the forms that start them.

Everyone may see runs and their results (the plan is public); starting one needs
`pathways.run_jobs`. A run's own page (progress, cancel, results) is the jobs app's
(`jobs:detail`); the kinds, their checks and runners are in `pathways.runs`.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from placezero.accounts.decorators import enforce
from placezero.accounts.permissions import has, requires
from placezero.jobs import JobParametersError
from placezero.jobs import services as jobs
from placezero.places.services import list_places
from placezero.web.shortcuts import place_or_404

from ..runs import FORM_KINDS, KINDS, optimise, periods, uncertainty
from .common import scenario_choices, selected

RUNS_LISTED = 50
FORM_FIELDS = (
    "kind",
    "goal",
    "target_year",
    "reduction_percent",
    "carbon_budget_tco2e",
    "samples",
    "scenario",
    "acceptance",
)
KIND_WORDS = {
    "optimise": "Least-cost optimisation",
    "uncertainty": "Monte Carlo uncertainty",
    "batch": "Every place on this site",
}


def _start_form(kind: str, values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    """One start form's prefix (for element ids), values and errors; the form that was not
    submitted shows its defaults."""
    submitted = values.get("kind") == kind
    defaults = {"goal": optimise.GOAL_REDUCTION, "target_year": str(periods.final_year())}
    return {
        "prefix": kind,
        "values": (defaults | values) if submitted else defaults,
        "errors": errors if submitted else {},
    }


@requires("pathways.view")
@require_http_methods(["GET", "POST"])
def job_list(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        refusal = enforce(request, "pathways.run_jobs", place)
        if refusal is not None:
            return refusal
        values = {key: request.POST.get(key, "").strip() for key in FORM_FIELDS}
        started = _start(request, place, values)
        if not isinstance(started, dict):
            return redirect("jobs:detail", job_id=started.pk)
        errors = started
    prefix = values.get("kind") if values.get("kind") in FORM_KINDS else "optimise"
    context = {
        "place": place,
        "runs": jobs.jobs_for(request.user, place=place, kinds=KINDS, limit=RUNS_LISTED),
        "runs_caption": f"Long runs for {place.name}, newest first",
        "can_run": has(request.user, "pathways.run_jobs", place),
        "opt": _start_form("optimise", values, errors),
        "mc": _start_form("uncertainty", values, errors),
        "batch": _start_form("batch", values, errors),
        "place_count": len(list_places()),
        "error_items": [
            {"href": f"#{prefix}-{field}" if field != "kind" else f"#{prefix}-form", "message": m}
            for field, m in errors.items()
        ],
        "choices": scenario_choices(request, place),
        "years": periods.target_years(),
        "samples_min": uncertainty.SAMPLES_MIN,
        "samples_max": f"{uncertainty.SAMPLES_MAX:,}",
        "goal_reduction": optimise.GOAL_REDUCTION,
        "goal_budget": optimise.GOAL_BUDGET,
    }
    return render(request, "pathways/jobs/list.html", context, status=400 if errors else 200)


def _start(request: HttpRequest, place: Any, values: dict[str, str]) -> Any:
    """Queue the run the form asks for; the form's errors (field → message) if it cannot."""
    kind = FORM_KINDS.get(values["kind"])
    if kind is None:
        kinds = ", ".join(f"{key} ({words})" for key, words in KIND_WORDS.items())
        return {"kind": f"Choose what to run: {kinds}."}
    try:
        selection = selected(request, place, values["scenario"])
    except Http404:
        return {"scenario": "Choose a scenario from the list."}
    parameters: dict[str, Any] = dict(values)
    parameters |= {"definition": selection.definition, "scenario_name": selection.name}
    try:
        return jobs.enqueue(kind, parameters, request.user, place=place, subject=selection.scenario)
    except JobParametersError as error:
        return error.errors


@requires("pathways.view")
@require_GET
def job_moved(request: HttpRequest, place_slug: str, job_id: int) -> HttpResponse:
    """A run's old address (/places/<slug>/pathway/runs/<id>/): its page is now the jobs
    app's, with the same number."""
    place_or_404(place_slug, request)
    return redirect("jobs:detail", job_id=job_id, permanent=True)
