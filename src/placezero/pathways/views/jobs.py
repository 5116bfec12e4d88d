"""Long runs: the list and start forms, one run's page with live progress, and cancelling.

Everyone may see runs and their results (the plan is public); starting one needs
`pathways.run_jobs`, cancelling `pathways.cancel_job` (the person who started it, or an
officer). The work itself is in `pathways.jobs`; these views only read and ask.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from placezero.accounts.decorators import enforce
from placezero.accounts.permissions import has, requires
from placezero.engine.optimise_inputs import PERIOD_END_YEARS
from placezero.places.services import list_places
from placezero.tables import About, csv, method_url, xlsx
from placezero.tables.charts import chart_from_table
from placezero.web.shortcuts import place_or_404

from .. import jobs
from ..models import PathwayJob
from ..options import FINISHED_JOB_STATUSES, JobKind, JobStatus
from ..tables import Column, Table
from .common import scenario_choices, selected

RUNS_LISTED = 50
# HTTP 286 tells htmx to stop polling (https://htmx.org/docs/#polling).
HTMX_STOP_POLLING = 286
JOB_SOURCE = "placezero pathway engine: least-cost optimisation (HiGHS), Monte Carlo and batch runs"
# The method page explaining each kind of run's figures.
JOB_METHOD_PAGES = {
    JobKind.OPTIMISE: "optimisation",
    JobKind.UNCERTAINTY: "uncertainty",
    JobKind.BATCH: "index",
}


def _about(job: PathwayJob) -> About:
    return About(source=JOB_SOURCE, method_url=method_url(JOB_METHOD_PAGES[job.kind]))


def _job(request: HttpRequest, place_slug: str, job_id: int) -> PathwayJob:
    place = place_or_404(place_slug, request)
    return get_object_or_404(PathwayJob.objects.select_related("place"), pk=job_id, place=place)


STATUS_TAGS = {
    JobStatus.QUEUED: "govuk-tag--grey",
    JobStatus.RUNNING: "govuk-tag--blue",
    JobStatus.SUCCEEDED: "govuk-tag--green",
    JobStatus.FAILED: "govuk-tag--red",
    JobStatus.CANCELLED: "govuk-tag--yellow",
}
FORM_FIELDS = (
    "kind",
    "goal",
    "target_year",
    "reduction_percent",
    "carbon_budget_tco2e",
    "samples",
    "scenario",
)


def _start_form(kind: str, values: dict[str, str], errors: dict[str, str]) -> dict[str, Any]:
    """One start form's prefix (for element ids), values and errors; the form that was not
    submitted shows its defaults."""
    submitted = values.get("kind") == kind
    defaults = {"goal": jobs.GOAL_REDUCTION, "target_year": str(PERIOD_END_YEARS[-1])}
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
        job_or_errors = _start(request, place, values)
        if isinstance(job_or_errors, PathwayJob):
            return redirect("pathways:job", place_slug=place.slug, job_id=job_or_errors.pk)
        errors = job_or_errors
    runs = PathwayJob.objects.filter(place=place).select_related("created_by")[:RUNS_LISTED]
    prefix = values.get("kind") if values.get("kind") in JobKind.values else JobKind.OPTIMISE
    context = {
        "place": place,
        "runs": [
            {
                "job": run,
                "question": jobs.describe_parameters(run),
                "tag_class": STATUS_TAGS[run.status],
                "progress_text": jobs.progress_text(run),
            }
            for run in runs
        ],
        "can_run": has(request.user, "pathways.run_jobs", place),
        "opt": _start_form(JobKind.OPTIMISE, values, errors),
        "mc": _start_form(JobKind.UNCERTAINTY, values, errors),
        "batch": _start_form(JobKind.BATCH, values, errors),
        "place_count": len(list_places()),
        "error_items": [
            {"href": f"#{prefix}-{field}" if field != "kind" else f"#{prefix}-form", "message": m}
            for field, m in errors.items()
        ],
        "choices": scenario_choices(request, place),
        "years": PERIOD_END_YEARS,
        "samples_min": jobs.SAMPLES_MIN,
        "samples_max": f"{jobs.SAMPLES_MAX:,}",
        "goal_reduction": jobs.GOAL_REDUCTION,
        "goal_budget": jobs.GOAL_BUDGET,
    }
    return render(request, "pathways/jobs/list.html", context, status=400 if errors else 200)


def _start(request: HttpRequest, place: Any, values: dict[str, str]) -> PathwayJob | dict:
    """Queue the run the form asks for; the form's errors (field → message) if it cannot."""
    try:
        selection = selected(request, place, values["scenario"])
    except Http404:
        return {"scenario": "Choose a scenario from the list."}
    parameters: dict[str, Any] = dict(values)
    if selection.scenario is None:
        parameters |= {"definition": selection.definition, "scenario_name": selection.name}
    try:
        return jobs.enqueue(place, values["kind"], parameters, request.user, selection.scenario)
    except jobs.JobParametersError as error:
        return error.errors


def _results(job: PathwayJob) -> dict[str, Any]:
    """Tables (and a chart) of a finished run, rebuilt from its stored JSON result."""
    if job.status != JobStatus.SUCCEEDED or not job.result:
        return {}
    if job.kind == JobKind.OPTIMISE:
        return _optimisation_results(job)
    if job.kind == JobKind.BATCH:
        return _batch_results(job)
    return _uncertainty_results(job)


def _batch_results(job: PathwayJob) -> dict[str, Any]:
    result = job.result
    years = result["years"]
    table = Table(
        slug=f"run-{job.pk}-places",
        caption=f"“{result['scenario_name']}” in every place on this site",
        columns=(
            Column("place", "Place"),
            Column("zones", "Zones", "count"),
            Column("base_tco2e", "Base year emissions", "tCO2e"),
            *(Column(f"y{year}_tco2e", f"Emissions {year}", "tCO2e") for year in years),
            Column("cut_percent", f"Cut by {years[-1]}", "%", 1),
            Column("capex_gbp", "Capital cost to 2050", "GBP"),
            Column("zones_short_of_headroom", "Zones short of network headroom", "count"),
        ),
        rows=tuple(result["places"]),
        about=_about(job),
        notes=tuple(
            f"This scenario's {part} overrides name one place's codes: they were left out, so "
            "every place ran the scenario's place-wide lever levels."
            for part in result["left_out"]
        ),
    )
    chart = chart_from_table(
        table,
        x="place",
        series=["base_tco2e", *(f"y{year}_tco2e" for year in years)],
        kind="bar",
        dom_id=f"chart-run-{job.pk}",
    )
    summary = [{"label": "Places run", "value": f"{len(result['places']):,}"}]
    return {"summary": summary, "tables": [table], "chart": chart}


def _year_rows(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """Rows with the year as text, so the table shows 2030, not 2,030."""
    return tuple(row | {"year": str(row["year"])} for row in rows)


def _optimisation_results(job: PathwayJob) -> dict[str, Any]:
    result = job.result
    scenario_name = result["scenario_name"]
    emissions = Table(
        slug=f"run-{job.pk}-emissions",
        caption="Annual emissions in each period's end year: the least-cost plan against no "
        f"new action and “{scenario_name}”",
        columns=(
            Column("year", "Year"),
            Column("no_new_action_tco2e", "No new action", "tCO2e"),
            Column("scenario_tco2e", f"“{scenario_name}”", "tCO2e"),
            Column("plan_tco2e", "Least-cost plan", "tCO2e"),
            Column("target_tco2e", "Target", "tCO2e"),
        ),
        rows=_year_rows(result["emissions"]),
        about=_about(job),
    )
    technologies = result["technologies"]
    deployment = Table(
        slug=f"run-{job.pk}-deployment",
        caption="What the least-cost plan installs, in place by each year",
        columns=(
            Column("year", "Year"),
            *(
                Column(t["key"], t["title"], t["unit"], 1 if t["unit"] == "MW" else 0)
                for t in technologies
            ),
        ),
        rows=_year_rows(result["deployment"]),
        about=_about(job),
        notes=(
            "The least-cost mode chooses heat pumps and retrofit for homes, electric cars and "
            "vans, and solar and wind; other sectors stay at their no-new-action level in it.",
        ),
    )
    chart = chart_from_table(
        emissions,
        x="year",
        series=["no_new_action_tco2e", "scenario_tco2e", "plan_tco2e"],
        reference=["target_tco2e"] if any(r["target_tco2e"] for r in result["emissions"]) else [],
        dom_id=f"chart-run-{job.pk}",
    )
    cost_gbp = result["cost_gbp"]
    cost = (
        f"£{cost_gbp:,.0f}"
        if cost_gbp >= 0
        else f"a net saving of £{-cost_gbp:,.0f} (lower bills outweigh the spending)"
    )
    summary = [
        {"label": "Present value of the plan", "value": cost},
        {
            "label": "Network reinforcement bought",
            "value": f"{result['reinforcement_mw']:,.1f} MW",
        },
    ]
    return {
        "summary": summary,
        "binding": result["binding"],
        "tables": [emissions, deployment],
        "chart": chart,
    }


def _uncertainty_results(job: PathwayJob) -> dict[str, Any]:
    result = job.result
    low, _, high = (f"{p:g}" for p in result["percentiles"])
    bands = Table(
        slug=f"run-{job.pk}-emissions-band",
        caption=f"Annual emissions of “{result['scenario_name']}”: {low}th percentile, median "
        f"and {high}th percentile over {result['samples']:,} samples",
        columns=(
            Column("year", "Year"),
            Column("low", f"{low}th percentile", "tCO2e"),
            Column("median", "Median", "tCO2e"),
            Column("high", f"{high}th percentile", "tCO2e"),
        ),
        rows=_year_rows(result["emissions"]),
        about=_about(job),
        notes=(f"{result['varied']} assumptions varied over their low to high range.",),
    )
    outputs = Table(
        slug=f"run-{job.pk}-outputs",
        caption=f"Range of outcomes in {result['final_year']}",
        columns=(
            Column("output", "Outcome"),
            Column("unit", "Unit"),
            Column("low", f"{low}th percentile"),
            Column("median", "Median"),
            Column("high", f"{high}th percentile"),
        ),
        rows=tuple(result["outputs"]),
        about=_about(job),
    )
    chart = chart_from_table(
        bands, x="year", series=["median"], reference=["low", "high"], dom_id=f"chart-run-{job.pk}"
    )
    summary = [
        {"label": "Samples", "value": f"{result['samples']:,}"},
        {"label": "Assumptions varied", "value": f"{result['varied']}"},
    ]
    return {"summary": summary, "tables": [bands, outputs], "chart": chart}


def _job_context(request: HttpRequest, job: PathwayJob) -> dict[str, Any]:
    finished = job.status in FINISHED_JOB_STATUSES
    return {
        "place": job.place,
        "job": job,
        "question": jobs.describe_parameters(job),
        "tag_class": STATUS_TAGS[job.status],
        "progress_text": jobs.progress_text(job),
        "finished": finished,
        "can_cancel": not finished
        and not job.cancel_requested
        and has(request.user, "pathways.cancel_job", job),
        "results": _results(job) if finished else {},
        "message_lines": job.message.splitlines(),
    }


@requires("pathways.view")
@require_GET
def job_detail(request: HttpRequest, place_slug: str, job_id: int) -> HttpResponse:
    job = _job(request, place_slug, job_id)
    jobs.resume_waiting(job)
    return render(request, "pathways/jobs/detail.html", _job_context(request, job))


@requires("pathways.view")
@require_GET
def job_progress(request: HttpRequest, place_slug: str, job_id: int) -> HttpResponse:
    """The live part of a run's page, polled every second by htmx while the run goes on."""
    job = _job(request, place_slug, job_id)
    jobs.resume_waiting(job)
    context = _job_context(request, job)
    response = render(request, "pathways/jobs/_progress.html", context | {"fragment": True})
    if context["finished"]:
        response.status_code = HTMX_STOP_POLLING
    return response


@requires("pathways.cancel_job", _job)
@require_POST
def job_cancel(request: HttpRequest, place_slug: str, job_id: int) -> HttpResponse:
    job = _job(request, place_slug, job_id)
    if job.status not in FINISHED_JOB_STATUSES:
        job = jobs.request_cancel(job, request.user)
    return redirect("pathways:job", place_slug=place_slug, job_id=job.pk)


@requires("pathways.view")
@require_GET
def job_download(request: HttpRequest, place_slug: str, job_id: int, fmt: str) -> HttpResponse:
    """A finished run's result tables as one XLSX workbook, or (`?table=<slug>`) one table
    as CSV: the figures on the run's page, in the formats of every other download."""
    job = _job(request, place_slug, job_id)
    results = _results(job)
    if not results:
        raise Http404(f"Run {job.pk} has no results to download: it is {job.get_status_display()}.")
    tables = results["tables"]
    name = f"{job.place.slug}-run-{job.pk}-{job.kind}"
    if fmt == "xlsx":
        facts = [
            ("Place", job.place.name),
            ("Scenario", job.parameters.get("scenario_name", "")),
            ("Run", f"{job.get_kind_display()}: {jobs.describe_parameters(job)}"),
        ]
        body: bytes | str = xlsx.workbook(tables, facts=facts)
        content_type = xlsx.CONTENT_TYPE
    elif fmt == "csv":
        slug = request.GET.get("table", "")
        chosen = next((t for t in tables if t.slug == slug), None)
        if chosen is None:
            known = ", ".join(t.slug for t in tables)
            raise Http404(f"Run {job.pk} has no table '{slug}'. Its tables: {known}.")
        body, content_type, name = csv.write(chosen), csv.CONTENT_TYPE, slug
    else:
        raise Http404(f"No download format '{fmt}' for a run: use xlsx or csv.")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
