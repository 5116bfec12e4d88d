"""Progress reports: the list (and, for officers, the form that issues one), a report's
page and its PDF, both drawn from the snapshot frozen when it was issued."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from placezero.accounts.permissions import has, requires
from placezero.web.forms import add_service_errors, error_summary_items
from placezero.web.pdf import pdf_response

from .. import services
from ..forms import ReportForm
from ..models import ProgressReport
from .common import place_of_request


def _list(request: HttpRequest, place, form=None, status: int = 200) -> HttpResponse:
    may_issue = has(request.user, "tracker.issue_report", place)
    if form is None and may_issue:
        form = ReportForm()
    return render(
        request,
        "tracker/reports.html",
        {
            "place": place,
            "reports": services.reports_of(place),
            "form": form if may_issue else None,
            "errors": error_summary_items(form) if form is not None and form.errors else None,
        },
        status=status,
    )


@requires("tracker.view", get_object=place_of_request)
def report_list(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _list(request, place_of_request(request, place_slug))


@require_POST
@requires("tracker.issue_report", get_object=place_of_request)
def report_issue(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    form = ReportForm(request.POST)
    if form.is_valid():
        try:
            report = services.issue_report(place, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("tracker:report", place_slug=place.slug, report_id=report.pk)
    return _list(request, place, form, status=400)


def _report(request: HttpRequest, place_slug: str, report_id: int, **_: object) -> ProgressReport:
    place = place_of_request(request, place_slug)
    return get_object_or_404(
        ProgressReport.objects.select_related("place"), place=place, pk=report_id
    )


def _context(report: ProgressReport) -> dict:
    return {"place": report.place, "report": report, "snap": report.snapshot}


@requires("tracker.view", get_object=_report)
def report_page(request: HttpRequest, place_slug: str, report_id: int) -> HttpResponse:
    report = _report(request, place_slug, report_id)
    return render(request, "tracker/report.html", _context(report))


@requires("tracker.view", get_object=_report)
def report_pdf(request: HttpRequest, place_slug: str, report_id: int) -> HttpResponse:
    report = _report(request, place_slug, report_id)
    return pdf_response(
        request,
        "tracker/report_print.html",
        _context(report),
        f"{report.place.slug}-progress-report-{report.pk}-{slugify(str(report.period_end))}",
    )
