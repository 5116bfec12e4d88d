"""One run's pages, for a job of any kind: its page with live progress (htmx polls the
status region every second until it ends), cancelling, and its result tables as files.

Who may see, cancel and download is the kind's business: each view asks the kind's
permission through `accounts.decorators.enforce`. What a kind shows above its tables
(summary, chart) is its own template (`JobKindSpec.result_template`)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from placezero.accounts.decorators import enforce
from placezero.accounts.permissions import has
from placezero.web.navigation import set_current_place

from .. import services, table_files
from ..models import Job
from ..options import FINISHED_JOB_STATUSES
from ..registry import JobKindSpec, registered_kinds
from ..templatetags.jobs_ui import job_tag_class

# HTTP 286 tells htmx to stop polling (https://htmx.org/docs/#polling).
HTMX_STOP_POLLING = 286


def _job(request: HttpRequest, job_id: int) -> tuple[Job, JobKindSpec]:
    try:
        job = services.get_job(job_id)
    except Job.DoesNotExist:
        raise Http404(f"There is no run {job_id}.") from None
    spec = registered_kinds().get(job.kind)
    if spec is None:
        raise Http404(f"Run {job_id} is of a kind this site no longer has ({job.kind}).")
    if job.place_id:
        set_current_place(request, job.place)
    return job, spec


def _results(job: Job, spec: JobKindSpec) -> dict[str, Any]:
    tables = services.result_tables(job)
    if not tables and not (job.result and spec.result_template):
        return {}
    extra = dict(spec.result_context(job, tables)) if spec.result_context and job.result else {}
    csv_url = reverse("jobs:download", kwargs={"job_id": job.pk, "fmt": "csv"})
    # The kind's chart (if any) is drawn from, and shown with, its first table.
    chart = extra.pop("chart", None)
    items = [
        {
            "table": table,
            "chart": chart if index == 0 else None,
            "downloads": [
                {"url": f"{csv_url}?table={table.slug}", "label": "CSV", "format": "csv"}
            ],
        }
        for index, table in enumerate(tables)
    ]
    return {
        "tables": tables,
        "items": items,
        "extra": extra,
        "template": spec.result_template if job.result else "",
        "table_template": table_files.TABLE_TEMPLATE,
    }


def _context(request: HttpRequest, job: Job, spec: JobKindSpec) -> dict[str, Any]:
    finished = job.status in FINISHED_JOB_STATUSES
    return {
        "layout": spec.layout_template,
        "place": job.place,
        "job": job,
        "spec": spec,
        "question": spec.describe(job),
        "details": list(spec.details(job)) if spec.details else [],
        "tag_class": job_tag_class(job),
        "progress_text": services.progress_text(job),
        "finished": finished,
        "can_cancel": not finished
        and not job.cancel_requested
        and has(request.user, spec.cancel_permission, job),
        "results": _results(job, spec) if finished else {},
        "message_lines": job.message.splitlines(),
    }


def _shown(request: HttpRequest, job_id: int) -> tuple[Job, JobKindSpec] | HttpResponse:
    """The run a page shows, looked after (see `services.look_after`); or the refusal."""
    job, spec = _job(request, job_id)
    if (refusal := enforce(request, spec.permission_to_view, job)) is not None:
        return refusal
    services.look_after(job)
    return job, spec


@require_GET
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    shown = _shown(request, job_id)
    if isinstance(shown, HttpResponse):
        return shown
    return render(request, "jobs/detail.html", _context(request, *shown))


@require_GET
def job_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    """The live part of a run's page, polled every second by htmx while the run goes on."""
    shown = _shown(request, job_id)
    if isinstance(shown, HttpResponse):
        return shown
    context = _context(request, *shown)
    response = render(request, "jobs/_progress.html", context | {"fragment": True})
    if context["finished"]:
        response.status_code = HTMX_STOP_POLLING
    return response


@require_POST
def job_cancel(request: HttpRequest, job_id: int) -> HttpResponse:
    job, spec = _job(request, job_id)
    if (refusal := enforce(request, spec.cancel_permission, job)) is not None:
        return refusal
    if job.status not in FINISHED_JOB_STATUSES:
        services.request_cancel(job, request.user)
    return redirect("jobs:detail", job_id=job.pk)


@require_GET
def job_download(request: HttpRequest, job_id: int, fmt: str) -> HttpResponse:
    """A finished run's result tables as one XLSX workbook, or (`?table=<slug>`) one table
    as CSV: the figures on the run's page, in the formats of every other download."""
    job, spec = _job(request, job_id)
    if (refusal := enforce(request, spec.permission_to_view, job)) is not None:
        return refusal
    tables = services.result_tables(job)
    if not tables:
        raise Http404(f"Run {job.pk} has no results to download: it is {job.get_status_display()}.")
    kind_name = job.kind.partition(".")[2]
    name = f"{job.place.slug}-run-{job.pk}-{kind_name}" if job.place_id else f"run-{job.pk}"
    if fmt == "xlsx":
        body: bytes | str = table_files.workbook(tables, job, spec.describe(job))
        content_type = table_files.XLSX_CONTENT_TYPE
    elif fmt == "csv":
        slug = request.GET.get("table", "")
        chosen = next((t for t in tables if t.slug == slug), None)
        if chosen is None:
            known = ", ".join(t.slug for t in tables)
            raise Http404(f"Run {job.pk} has no table '{slug}'. Its tables: {known}.")
        body, content_type, name = table_files.csv_text(chosen), table_files.CSV_CONTENT_TYPE, slug
    else:
        raise Http404(f"No download format '{fmt}' for a run: use xlsx or csv.")
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
