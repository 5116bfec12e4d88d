"""Scenario files: any scenario (saved, at any version; shipped; the personal copy) as the
YAML file the engine reads, and the import of such a file as a new scenario of the plan."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from placezero.accounts.permissions import requires
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import exports, services
from ..forms import ImportForm
from ..options import ChangeAction
from .common import selected, the_place, url_for
from .history import definition_at


def scenario_file_text(name: str, description: str, definition: dict[str, Any]) -> str:
    """A scenario as the YAML file the engine and the import read (`exports.definition_yaml`),
    with a header saying what it is."""
    header = (
        "# placezero pathway scenario: lever levels 1 (no change) to 4 (most ambitious).\n"
        "# Format: src/placezero/engine/scenario.py. Import it on the scenarios page.\n"
    )
    return header + exports.definition_yaml(name, description, definition)


@require_GET
@requires("pathways.view")
def scenario_export(
    request: HttpRequest, place_slug: str, scenario_id: int | None = None
) -> HttpResponse:
    """The scenario file (YAML) of a saved scenario (`?version=` for an earlier version), or
    of a shipped scenario or the personal copy chosen with `?scenario=`."""
    place = place_or_404(place_slug, request)
    if scenario_id is not None:
        chosen = selected(request, place, str(scenario_id))
        name, description, definition = chosen.name, "", chosen.definition
        if chosen.scenario is not None:
            description = chosen.scenario.description
            version = request.GET.get("version", "")
            if version:
                definition = definition_at(chosen.scenario, version)
                name = f"{chosen.name} (version {version})"
    else:
        chosen = selected(request, place)
        shipped = services.shipped_definitions().get(chosen.key, {})
        name, definition = chosen.name, chosen.definition
        description = (
            chosen.scenario.description
            if chosen.scenario
            else str(shipped.get("description") or "")
        )
    text = scenario_file_text(name, description, definition)
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    filename = slugify(name) or "scenario"
    response["Content-Disposition"] = f'attachment; filename="{filename}.yaml"'
    return response


@requires("pathways.edit_scenarios", get_object=the_place)
def scenario_import(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, place=place)
        if form.is_valid():
            created = services.create_scenario(
                place,
                name=form.cleaned_data["scenario_name"],
                description=form.cleaned_data["description"],
                definition=form.cleaned_data["definition"],
                user=request.user,
                action=ChangeAction.IMPORTED,
            )
            messages.success(request, f"Imported “{created.name}”.")
            return redirect(url_for("scenario", place, scenario_id=created.pk))
    else:
        form = ImportForm(place=place)
    return render(
        request,
        "pathways/workspace/import.html",
        {"place": place, "form": form, "errors": error_summary_items(form)},
        status=400 if form.errors else 200,
    )
