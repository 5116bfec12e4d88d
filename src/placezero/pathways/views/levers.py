"""The lever editor: sliders for the whole place, a district or a zone, with an htmx preview
of the results; saving a saved scenario with a version check; and the personal copy anyone
may play with (kept in their session, never in the plan).

The lever form (`forms.LeverForm`) turns sliders into a checked definition; saving goes
through `services.update_levers` (versioned, audited, refused there for anyone who may not
edit this place's scenarios).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from placezero.accounts.permissions import has, requires
from placezero.tables.charts import chart_from_table, stacked_kind
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import COUNTY, LeverForm, parse_scope
from ..models import PathwayScenario
from ..templatetags.pathways_ui import EXPORT_FORMATS
from ..workspace_tables import VIEW, emissions_by_sector, headline_figures
from .common import (
    Selection,
    personal_definition,
    save_personal_definition,
    saved_scenario,
    scenario_choices,
    selected,
    table_context,
    the_scenario,
    url_for,
)

if TYPE_CHECKING:
    from placezero.places.models import Place

EDITOR = "pathways/workspace/editor.html"


def results_context(
    place: Place, name: str, definition: dict[str, Any], area_code: str | None = None
) -> dict[str, Any]:
    """What the results region shows: headline figures, the emissions chart and its table."""
    context = table_context(place, Selection("", name, definition), area_code)
    table = emissions_by_sector(context)
    sectors = [c.key for c in table.columns if c.key not in ("year", "total")]
    chart = chart_from_table(
        table,
        x="year",
        series=sectors,
        kind=stacked_kind(table, sectors),
        reference=["total"],
        title="Greenhouse gas emissions by sector",
    )
    figures = headline_figures(context.results, context.zone_mask)
    by_key = {f.key: f for f in figures}
    return {
        "area_name": context.area_name,
        "results_table": table,
        "results_chart": chart,
        "headline": figures,
        "summary_end": by_key.get("emissions_2050"),
        "summary_reduction": by_key["reduction_end"],
    }


def download_links(place: Place, key: str, area_code: str | None) -> list[dict[str, str]]:
    """Downloads of the emissions table of a saved or shipped scenario, naming it (the shared
    links carry only the page's own ?scenario=, which the editor's address does not have)."""
    params = {"scenario": key, **({"area": area_code} if area_code else {})}
    links = []
    for fmt, label in EXPORT_FORMATS:
        if fmt == "geojson":  # the table has no zone column
            continue
        kwargs = {"view": VIEW, "table": "emissions-by-sector", "fmt": fmt}
        links.append(
            {
                "url": url_for("export_table", place, **kwargs) + "?" + urlencode(params),
                "label": label,
                "format": fmt,
            }
        )
    return links


def _area_of(place: Place, scope_value: str | None) -> str | None:
    """The district whose results accompany a scope's sliders (None: the whole place)."""
    try:
        scope = parse_scope(place, scope_value)
    except ValidationError:  # an unknown area shows the whole place
        return None
    return scope.code if scope.kind == "district" else (scope.district or None)


def _render_editor(
    request: HttpRequest,
    place: Place,
    *,
    form: LeverForm,
    name: str,
    definition: dict[str, Any],
    scenario: PathwayScenario | None = None,
    personal: bool = False,
    errors: list[dict[str, str]] | None = None,
    status: int = 200,
    downloads: bool = False,
    starting_from: Selection | None = None,
) -> HttpResponse:
    scope = form.current_scope()
    area_code = _area_of(place, scope.value)
    can_edit = has(request.user, "pathways.edit_scenarios", scenario or place)
    context = {
        "place": place,
        "form": form,
        "scope": scope,
        "name": name,
        "scenario": scenario,
        "personal": personal,
        "starting_from": starting_from,
        "errors": errors if errors is not None else error_summary_items(form),
        "can_edit": can_edit,
        "show_names": can_edit,
        "can_set_preferred": has(request.user, "pathways.set_preferred", scenario or place),
        "downloads": download_links(place, str(scenario.pk), area_code)
        if downloads and scenario is not None
        else [],
        "choices": scenario_choices(request, place),
        **results_context(place, name, definition, area_code),
    }
    return render(request, EDITOR, context, status=status)


@requires("pathways.view")
def scenario(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    """GET: the saved levers for an area. POST (without JavaScript): show results of the
    sliders, or switch the area keeping unsaved changes. Nothing is saved here."""
    place = place_or_404(place_slug, request)
    saved = saved_scenario(place, scenario_id)
    definition = services.clean_definition(saved.definition)
    if request.method != "POST":
        try:
            scope = parse_scope(place, request.GET.get("scope"))
        except ValidationError:
            raise Http404("No such area in this place.") from None
        form = LeverForm.for_definition(place, definition, scope, saved.version)
        return _render_editor(
            request,
            place,
            form=form,
            name=saved.name,
            definition=definition,
            scenario=saved,
            downloads=True,
        )
    return _show_posted(
        request, place, name=saved.name, saved_definition=definition, scenario=saved
    )


def _show_posted(
    request: HttpRequest,
    place: Place,
    *,
    name: str,
    saved_definition: dict[str, Any],
    scenario: PathwayScenario | None = None,
    personal: bool = False,
) -> HttpResponse:
    form = LeverForm(request.POST, place=place)
    if not form.is_valid():
        return _render_editor(
            request,
            place,
            form=form,
            name=name,
            definition=saved_definition,
            scenario=scenario,
            personal=personal,
            status=400,
        )
    working = form.working_definition
    if personal:
        save_personal_definition(request, place, working)
    version = form.cleaned_data.get("expected_version")
    if request.POST.get("action") == "scope":
        try:
            new_scope = parse_scope(place, form.cleaned_data.get("new_scope"))
        except ValidationError:
            new_scope = form.cleaned_data["scope"]
        form = LeverForm.for_definition(place, working, new_scope, version)
    else:
        form = LeverForm.for_definition(place, working, form.cleaned_data["scope"], version)
    return _render_editor(
        request,
        place,
        form=form,
        name=name,
        definition=working,
        scenario=scenario,
        personal=personal,
    )


@require_POST
@requires("pathways.play")
def scenario_preview(request: HttpRequest, place_slug: str) -> HttpResponse:
    """The htmx fragment for moved sliders: headline, emissions chart and table. Saves
    nothing to the plan (a personal copy is kept in the visitor's session)."""
    place = place_or_404(place_slug, request)
    form = LeverForm(request.POST, place=place, area_select=False)
    name = request.POST.get("scenario_name", "")[:120] or "Unsaved lever settings"
    if not form.is_valid():
        return render(
            request,
            "pathways/workspace/_preview_error.html",
            {"errors": error_summary_items(form)},
            status=400,  # htmx swaps a 400 in (htmx-config in web/base.html)
        )
    working = form.working_definition
    if request.POST.get("personal"):
        save_personal_definition(request, place, working)
    context = {
        "place": place,
        "name": name,
        **results_context(place, name, working, _area_of(place, request.POST.get("scope"))),
    }
    return render(request, "pathways/workspace/_preview.html", context)


@require_POST
@requires("pathways.edit_scenarios", get_object=the_scenario)
def scenario_save(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = saved_scenario(place, scenario_id)
    definition = services.clean_definition(saved.definition)
    form = LeverForm(request.POST, place=place)
    editor = {"form": form, "name": saved.name, "scenario": saved}
    if not form.is_valid():
        return _render_editor(request, place, definition=definition, status=400, **editor)
    version = form.cleaned_data.get("expected_version")
    if version is None:
        form.add_error(None, "The form did not say which version you edited: reload the page.")
        return _render_editor(request, place, definition=definition, status=400, **editor)
    try:
        services.update_levers(
            saved,
            definition=form.working_definition,
            expected_version=version,
            user=request.user,
        )
    except services.StaleScenario as stale:
        # Keep the person's sliders on the page; the results show what they set.
        return _render_editor(
            request,
            place,
            definition=form.working_definition,
            errors=[{"href": "#scenario-levers", "message": str(stale)}],
            status=409,
            **editor,
        )
    messages.success(request, f"Saved “{saved.name}”.")
    scope = form.cleaned_data["scope"]
    query = "" if scope.kind == COUNTY else f"?scope={scope.value}"
    return redirect(url_for("scenario", place, scenario_id=saved.pk) + query)


@requires("pathways.play")
def play(request: HttpRequest, place_slug: str) -> HttpResponse:
    """A personal copy in the session: anyone may move the levers; nothing reaches the plan
    unless an editor saves it as a new scenario."""
    place = place_or_404(place_slug, request)
    name = "Your personal copy"
    current = personal_definition(request, place)
    if current is None:
        _, current = services.default_definition(place)
    if request.method == "POST" and request.POST.get("action") == "reset":
        source = selected(request, place, request.POST.get("source", ""))
        save_personal_definition(request, place, source.definition)
        messages.success(request, f"Your personal copy now starts from “{source.name}”.")
        return redirect(url_for("play", place))
    if request.method == "POST":
        return _show_posted(request, place, name=name, saved_definition=current, personal=True)
    starting_from = None
    if request.GET.get("start"):
        # Shown, not stored: the copy changes only when the visitor moves a lever.
        starting_from = selected(request, place, request.GET["start"])
        current = starting_from.definition
    try:
        scope = parse_scope(place, request.GET.get("scope"))
    except ValidationError:
        raise Http404("No such area in this place.") from None
    form = LeverForm.for_definition(place, current, scope)
    return _render_editor(
        request,
        place,
        form=form,
        name=name,
        definition=current,
        personal=True,
        starting_from=starting_from,
    )
