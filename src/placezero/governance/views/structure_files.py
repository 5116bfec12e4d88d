"""A place's governance structure as a file: the page (download, the starting templates, and
an import form for the place's officers), the download, and the import."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from placezero.accounts.permissions import has, requires
from placezero.web.forms import error_summary_items

from .. import services
from ..forms import ImportForm
from .common import the_place


def _page(request: HttpRequest, place, form: ImportForm, problems=(), status=200):
    errors = error_summary_items(form) + [
        {"href": "#id_structure_file", "message": p} for p in problems
    ]
    return render(
        request,
        "governance/structure.html",
        {
            "place": place,
            "form": form,
            "errors": errors,
            "problems": problems,
            "has_structure": services.has_structure(place),
            "can_import": has(request.user, "governance.manage", place),
            "templates": services.starting_templates(),
            "format_version": services.structure_files.VERSION,
        },
        status=status,
    )


@require_safe
@requires("governance.export")
def structure(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _page(request, the_place(request, place_slug), ImportForm())


@require_safe
@requires("governance.export")
def download(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    template = request.GET.get("template")
    if template:
        try:
            text = services.starting_template(template)
        except services.StructureFileError as error:
            return HttpResponse(error.problems[0], status=404, content_type="text/plain")
        name = f"governance-{template}.json"
    else:
        text, name = services.export_structure(place), f"governance-{place.slug}.json"
    response = HttpResponse(text, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
@requires("governance.manage", get_object=the_place)
def import_file(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, place, form, status=400)
    try:
        made = services.import_structure(
            place, form.cleaned_data["structure_file"], user=request.user
        )
    except services.StructureFileError as error:
        return _page(request, place, form, problems=error.problems, status=400)
    messages.success(
        request,
        f"Imported {made['bodies']} bodies, {made['powers']} powers, {made['routing_rules']} "
        f"routing rules and {made['principles']} principles into {place}.",
    )
    return redirect("governance:place", place_slug=place.slug)
