"""The scenario workspace: list, create, copy, describe, edit (lever sliders with an htmx
preview), save with a version check, mark preferred, audit history, YAML export and import,
side-by-side comparison, and the personal copy anyone may play with.

Views stay thin: every change to a saved scenario goes through `services` (versioned and
audited); the lever form (`forms.LeverForm`) turns sliders into a checked definition.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_POST

from placezero.accounts.permissions import has, requires
from placezero.places.models import Place
from placezero.tables.charts import chart_from_table, stacked_kind

from .. import exports, services
from ..forms import COUNTY, DetailsForm, ImportForm, LeverForm, parse_scope
from ..models import PathwayScenario
from ..options import ChangeAction
from ..tables import engine_about
from ..templatetags.pathways_ui import EXPORT_FORMATS
from ..workspace_tables import (
    VIEW,
    Compared,
    compare_costs,
    compare_emissions,
    compare_headline,
    compare_levers,
    emissions_by_sector,
    headline_figures,
)
from .common import (
    Selection,
    personal_definition,
    place_or_404,
    save_personal_definition,
    scenario_choices,
    selected,
    table_context,
)

COMPARE_MIN, COMPARE_MAX = 2, 4
# Audit actions whose `after` is the scenario's whole definition (the rest hold details).
DEFINITION_ACTIONS = (
    ChangeAction.CREATED,
    ChangeAction.COPIED,
    ChangeAction.IMPORTED,
    ChangeAction.EDITED,
)
EDITOR = "pathways/workspace/editor.html"


def _saved(place: Place, scenario_id: int) -> PathwayScenario:
    return get_object_or_404(PathwayScenario, place=place, pk=scenario_id)


def _url(name: str, place: Place, **kwargs: Any) -> str:
    return reverse(f"pathways:{name}", kwargs={"place_slug": place.slug, **kwargs})


def error_items(*forms: Any) -> list[dict[str, str]]:
    """GOV.UK error summary items for forms, hidden fields' errors included (they are about
    the whole form, so they link to its first visible field)."""
    items = []
    for form in forms:
        first = next((f.auto_id for f in form.visible_fields()), "")
        for message in form.non_field_errors():
            items.append({"href": f"#{first}", "message": message})
        for field in form.hidden_fields():
            items += [{"href": f"#{first}", "message": m} for m in field.errors]
        for field in form.visible_fields():
            items += [{"href": f"#{field.auto_id}", "message": m} for m in field.errors]
    return items


# --- results of a definition ---------------------------------------------------------------


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
                "url": _url("export_table", place, **kwargs) + "?" + urlencode(params),
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
    context = {
        "place": place,
        "form": form,
        "scope": scope,
        "name": name,
        "scenario": scenario,
        "personal": personal,
        "starting_from": starting_from,
        "errors": errors if errors is not None else error_items(form),
        "can_edit": has(request.user, "pathways.edit_scenarios"),
        "show_names": has(request.user, "pathways.edit_scenarios"),
        "can_set_preferred": has(request.user, "pathways.set_preferred"),
        "downloads": download_links(place, str(scenario.pk), area_code)
        if downloads and scenario is not None
        else [],
        "choices": scenario_choices(request, place),
        **results_context(place, name, definition, area_code),
    }
    return render(request, EDITOR, context, status=status)


# --- the list ------------------------------------------------------------------------------


@require_GET
@requires("pathways.view")
def workspace(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    shipped = [
        {"key": stem, "name": str(data.get("name", stem)), "description": data.get("description")}
        for stem, data in services.shipped_definitions().items()
    ]
    return render(
        request,
        "pathways/workspace/list.html",
        {
            "place": place,
            "saved": services.scenarios_for(place),
            "shipped": shipped,
            "choices": scenario_choices(request, place),
            "can_edit": has(request.user, "pathways.edit_scenarios"),
            "show_names": has(request.user, "pathways.edit_scenarios"),
            "has_personal": personal_definition(request, place) is not None,
        },
    )


# --- the lever editor of a saved scenario -------------------------------------------------


@requires("pathways.view")
def scenario(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    """GET: the saved levers for an area. POST (without JavaScript): show results of the
    sliders, or switch the area keeping unsaved changes. Nothing is saved here."""
    place = place_or_404(place_slug, request)
    saved = _saved(place, scenario_id)
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
            {"errors": error_items(form)},
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
@requires("pathways.edit_scenarios")
def scenario_save(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = _saved(place, scenario_id)
    definition = services.clean_definition(saved.definition)
    form = LeverForm(request.POST, place=place)
    if not form.is_valid():
        return _render_editor(
            request,
            place,
            form=form,
            name=saved.name,
            definition=definition,
            scenario=saved,
            status=400,
        )
    version = form.cleaned_data.get("expected_version")
    if version is None:
        form.add_error(None, "The form did not say which version you edited: reload the page.")
        return _render_editor(
            request,
            place,
            form=form,
            name=saved.name,
            definition=definition,
            scenario=saved,
            status=400,
        )
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
            form=form,
            name=saved.name,
            definition=form.working_definition,
            scenario=saved,
            errors=[{"href": "#scenario-levers", "message": str(stale)}],
            status=409,
        )
    messages.success(request, f"Saved “{saved.name}”.")
    scope = form.cleaned_data["scope"]
    query = "" if scope.kind == COUNTY else f"?scope={scope.value}"
    return redirect(_url("scenario", place, scenario_id=saved.pk) + query)


# --- the personal copy --------------------------------------------------------------------


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
        return redirect(_url("play", place))
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


# --- create, copy, describe, prefer, history ----------------------------------------------


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
            copied = source.scenario
            created = services.create_scenario(
                place,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                definition=source.definition,
                user=request.user,
                copied_from=copied,
                action=ChangeAction.COPIED if source_key else ChangeAction.CREATED,
            )
            messages.success(request, f"Created “{created.name}” from “{source.name}”.")
            return redirect(_url("scenario", place, scenario_id=created.pk))
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
            "errors": error_items(form),
            "title": title,
            "source": source,
            "source_choices": choices,
            "fixed_source": bool(source_key),
        },
        status=400 if form.is_bound else 200,
    )


@requires("pathways.edit_scenarios")
def scenario_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    return _create(request, place, source_key=None, title="Create a scenario")


@requires("pathways.edit_scenarios")
def scenario_copy(request: HttpRequest, place_slug: str) -> HttpResponse:
    """Copy any scenario (saved, shipped, or the visitor's personal copy) into the plan."""
    place = place_or_404(place_slug, request)
    source_key = request.GET.get("source") or request.POST.get("source") or ""
    if not source_key:
        raise Http404("Say which scenario to copy (?source=).")
    return _create(request, place, source_key=source_key, title="Copy a scenario")


@requires("pathways.edit_scenarios")
def scenario_details(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = _saved(place, scenario_id)
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
                return redirect(_url("scenario", place, scenario_id=saved.pk))
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
        {"place": place, "scenario": saved, "form": form, "errors": errors or error_items(form)},
        status=400 if (errors or form.errors) else 200,
    )


@require_POST
@requires("pathways.set_preferred")
def scenario_preferred(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = _saved(place, scenario_id)
    services.set_preferred(saved, user=request.user)
    messages.success(request, f"“{saved.name}” is now the preferred pathway of the plan.")
    return redirect(_url("scenario", place, scenario_id=saved.pk))


@require_GET
@requires("pathways.view")
def scenario_history(request: HttpRequest, place_slug: str, scenario_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    saved = _saved(place, scenario_id)
    changes = saved.changes.select_related("changed_by").order_by("-changed_at", "-id")
    return render(
        request,
        "pathways/workspace/history.html",
        {
            "place": place,
            "scenario": saved,
            "changes": changes,
            "definition_actions": [str(a) for a in DEFINITION_ACTIONS],
            "show_names": has(request.user, "pathways.edit_scenarios"),
        },
    )


# --- files ---------------------------------------------------------------------------------


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
                definition = _definition_at(chosen.scenario, version)
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


def _definition_at(scenario: PathwayScenario, version: str) -> dict[str, Any]:
    """The levers a scenario had at a version, from its audit trail."""
    if not version.isdigit() or not 1 <= int(version) <= scenario.version:
        raise Http404(f"“{scenario.name}” has versions 1 to {scenario.version}.")
    change = (
        scenario.changes.filter(version__lte=int(version), action__in=DEFINITION_ACTIONS)
        .order_by("-version", "-id")
        .first()
    )
    if change is None or not isinstance(change.after, dict):
        raise Http404(f"The history of “{scenario.name}” does not hold version {version}.")
    return services.clean_definition(change.after)


@requires("pathways.edit_scenarios")
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
            return redirect(_url("scenario", place, scenario_id=created.pk))
    else:
        form = ImportForm(place=place)
    return render(
        request,
        "pathways/workspace/import.html",
        {"place": place, "form": form, "errors": error_items(form)},
        status=400 if form.errors else 200,
    )


# --- comparison ----------------------------------------------------------------------------


@require_GET
@requires("pathways.view")
def compare(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    choices = scenario_choices(request, place)
    known = {c["key"] for c in choices}
    keys = list(dict.fromkeys(k for k in request.GET.getlist("s") if k))
    errors = []
    if request.GET.getlist("s") or "s" in request.GET:
        unknown = [k for k in keys if k not in known]
        if unknown:
            errors.append(
                f"There is no scenario “{unknown[0]}” in {place.name}: choose from the list."
            )
        elif len(keys) < COMPARE_MIN:
            errors.append(f"Choose at least {COMPARE_MIN} different scenarios to compare.")
        elif len(keys) > COMPARE_MAX:
            errors.append(f"Choose at most {COMPARE_MAX} scenarios to compare side by side.")
    context: dict[str, Any] = {
        "place": place,
        "choices": choices,
        "chosen": keys,
        "errors": [{"href": "#compare-choices", "message": m} for m in errors],
    }
    if keys and not errors:
        compared = []
        for key in keys:
            chosen = selected(request, place, key)
            compared.append(
                Compared(
                    chosen.key,
                    chosen.name,
                    chosen.definition,
                    services.run(place, chosen.definition),
                )
            )
        about = engine_about(place)
        emissions = compare_emissions(compared, about)
        context.update(
            compared=compared,
            headline_table=compare_headline(compared, about),
            emissions_table=emissions,
            emissions_chart=chart_from_table(
                emissions,
                x="year",
                kind="line",
                title="Total greenhouse gas emissions by scenario",
            ),
            levers_table=compare_levers(compared, about),
            costs_table=compare_costs(compared, about),
        )
    return render(
        request, "pathways/workspace/compare.html", context, status=400 if errors else 200
    )
