"""The spreadsheet round trip's pages: download every action; upload, dry run, apply."""

from __future__ import annotations

import base64

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from placezero.accounts.permissions import requires
from placezero.tables import xlsx
from placezero.web.forms import error_summary_items

from .. import spreadsheet
from ..forms import ImportForm
from .common import place_of_request

SESSION_KEY = "tracker-import-{slug}"


@requires("tracker.export", get_object=place_of_request)
def export(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    data = spreadsheet.export_workbook(place, user=request.user)
    response = HttpResponse(data, content_type=xlsx.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{slugify(place.name)}-actions.xlsx"'
    return response


@requires("tracker.import", get_object=place_of_request)
def import_page(request: HttpRequest, place_slug: str) -> HttpResponse:
    """GET: the upload form. POST with a file: the dry run (nothing changes; the file is
    kept in the session). POST "apply": the real import of the file checked last."""
    place = place_of_request(request, place_slug)
    key = SESSION_KEY.format(slug=place.slug)
    context = {"place": place, "form": ImportForm()}
    status = 200
    if request.method == "POST" and "apply" in request.POST:
        stored = request.session.get(key)
        if not stored:
            context["errors"] = [
                {"href": "#id_file", "message": "Check a file first: nothing was imported."}
            ]
            status = 400
        else:
            report = spreadsheet.apply(place, base64.b64decode(stored), user=request.user)
            if report.applied:
                del request.session[key]
            context["report"] = report
            status = 200 if report.applied else 400
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            data = form.cleaned_data["file"].read()
            report = spreadsheet.check(place, data, user=request.user)
            context["report"] = report
            if report.ok:
                request.session[key] = base64.b64encode(data).decode("ascii")
            else:
                request.session.pop(key, None)
                status = 400
        else:
            context["errors"] = error_summary_items(form)
            status = 400
    return render(request, "tracker/import.html", context, status=status)
