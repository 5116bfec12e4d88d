"""The scenarios of a place's plan: the list, create, copy (of a saved or shipped scenario
or the personal copy), name and description, and marking the preferred pathway.

Every change goes through `services` (versioned, audited, and refused there too for anyone
who may not make it); the views ask first so a refusal is a 403 page with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from placezero.accounts.permissions import has, requires
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import scenario_titles, services
from ..forms import DetailsForm
from ..models import PathwayScenario
from ..options import ChangeAction
from .common import (
    personal_definition,
    saved_scenario,
    scenario_choices,
    selected,
    the_place,
    the_scenario,
    url_for,
)

if TYPE_CHECKING:
    from placezero.places.models import Place


@require_GET
@requires("pathways.view")
def workspace(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    shipped = [
        {"key": stem, "name": title.title, "line": title.line}
        for stem, data in services.shipped_for(place).items()
        for title in [scenario_titles.of_shipped(stem, data)]
    ]
    can_edit = has(request.user, "pathways.edit_scenarios", place)
    editable = PathwayScenario.objects.editable_by(request.user).filter(place=place)
    return render(
        request,
        "pathways/workspace/list.html",
        {
            "place": place,
            "saved": services.scenarios_for(place),
            "editable_ids": set(editable.values_list("pk", flat=True)) if can_edit else set(),
            "shipped": shipped,
            "choices": scenario_choices(request, place),
            "can_edit": can_edit,
            "show_names": can_edit,
            "has_personal": personal_definition(request, place) is not None,
        },
    )


def _source_choices(request: HttpRequest, place: Place) -> list[tuple[str, str]]:
    return [
        (c["key"], f"{c['label']} ({c['group'].lower()})") for c in scenario_choices(request, place)
    ]


def _create(
    request: HttpRequest, place: Place, *, source_key: str | None, title: str
) -> HttpResponse:
    choices = _source_choices(request, place)
    chosen = request.POST.get("source", source_key or services.DEFAULT_SHIPPED)
    if chosen not in {key for key, _ in choices}:
        raise Http404(f"No scenario '{chosen}' to start from.")
    source = selected(request, place, chosen)
    if request.method == "POST":
        form = DetailsForm(request.POST, place=place)
        if form.is_valid():
            created = services.create_scenario(
                place,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                definition=source.definition,
                user=request.user,
                copied_from=source.scenario,
                action=ChangeAction.COPIED if source_key else ChangeAction.CREATED,
            )
            messages.success(request, f"Created “{created.name}” from “{source.name}”.")
            return redirect(url_for("scenario", place, scenario_id=created.pk))
    else:
        initial_name = f"Copy of {source.name}" if source_key else ""
        description = source.scenario.description if source.scenario else ""
        form = DetailsForm(initial={"name": initial_name, "description": description}, place=place)
    return render(
        request,
        "pathways/workspace/new.html",
        {
            "place": place,
            "form": form,
            "errors": error_summary_items(form),
            "title": title,
            "source": source,
            "source_choices": choices,
            "fixed_source": bool(source_key),
        },
        status=400 if form.is_bound else 200,
    )


@requires("pathways.edit_scenarios", get_object=the_place)
def scenario_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    return _create(request, place, source_key=None, title="Create a scenario")


@requires("pathways.edit_scenarios", get_object=the_place)
def scenario_copy(request: HttpRequest, place_slug: str) -> HttpResponse:
    """Copy any scenario (saved, shipped, or the visitor's personal copy) into the plan."""
    place = place_or_404(place_slug, request)
    source_key = request.GET.get("source") or request.POST.get("source") or ""
    if not source_key:
        raise Http404("Say which scenario to copy (?source=).")
    return _create(request, place, source_key=source_key, title="Copy a scenario")


@requires("pathways.edit_scenarios", get_object=the_scenario)
def scenario_details(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = saved_scenario(place, scenario_id)
    errors: list[dict[str, str]] = []
    if request.method == "POST":
        form = DetailsForm(request.POST, place=place, scenario=saved)
        if form.is_valid():
            version = form.cleaned_data.get("expected_version") or saved.version
            try:
                services.update_details(
                    saved,
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                    expected_version=version,
                    user=request.user,
                )
            except services.StaleScenario as stale:
                errors = [{"href": "#id_name", "message": str(stale)}]
            else:
                messages.success(request, "Saved the name and description.")
                return redirect(url_for("scenario", place, scenario_id=saved.pk))
    else:
        form = DetailsForm(
            initial={
                "name": saved.name,
                "description": saved.description,
                "expected_version": saved.version,
            },
            place=place,
            scenario=saved,
        )
    return render(
        request,
        "pathways/workspace/details.html",
        {
            "place": place,
            "scenario": saved,
            "form": form,
            "errors": errors or error_summary_items(form),
        },
        status=400 if (errors or form.errors) else 200,
    )


@require_POST
@requires("pathways.set_preferred", get_object=the_scenario)
def scenario_preferred(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = saved_scenario(place, scenario_id)
    services.set_preferred(saved, user=request.user)
    messages.success(request, f"“{saved.name}” is now the preferred pathway of the plan.")
    return redirect(url_for("scenario", place, scenario_id=saved.pk))
