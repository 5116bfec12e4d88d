"""The scenario workspace: who may play, preview, create, copy, edit, import and mark the
preferred pathway; versioned saves that refuse stale edits; the audit trail; the scenario file
that re-imports; the side-by-side comparison."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.pathways import services
from placezero.pathways.forms import (
    COUNTY,
    LeverForm,
    Scope,
    apply_levels,
    level_words,
    levels_in_scope,
    lever_field,
    preview_post_data,
)
from placezero.pathways.models import PathwayScenario, ScenarioChange
from placezero.pathways.options import ChangeAction
from placezero.places.services import get_place

LEICESTERSHIRE = "leicestershire"
LEVER = "domestic_heat_pumps"
DISTRICT = "E07000135"  # Oadby and Wigston


def url(name: str, place: Any, **kwargs: Any) -> str:
    return reverse(f"pathways:{name}", kwargs={"place_slug": place.slug, **kwargs})


def person(role: Role, place: Any = None, **names: str) -> Any:
    """Someone of `role` of `place` (default Leicestershire): a role counts only where the
    person belongs (residents belong nowhere: they hold no membership)."""
    if role == Role.RESIDENT:
        return UserFactory(role=role, **names)
    return UserFactory(role=role, place=place or get_place(LEICESTERSHIRE), **names)


def client_as(role: Role | None) -> Client:
    client = Client()
    if role is not None:
        client.force_login(person(role))
    return client


@pytest.fixture
def saved(leicestershire: Any) -> PathwayScenario:
    _, definition = services.default_definition(leicestershire)
    return services.create_scenario(
        leicestershire,
        name="Draft plan",
        description="A draft.",
        definition=definition,
        user=person(Role.OFFICER, leicestershire),
    )


def lever_post(definition: dict[str, Any], **changes: float) -> dict[str, str]:
    data = preview_post_data(definition)
    for key, level in changes.items():
        data.update(lever_field(key, level))
    return data


def table_total(html: str, year: int) -> str:
    """The 'Total' cell of one year in the emissions table of a page or fragment."""
    row = html.split(f'data-column="year">{year}</th>', 1)[1].split("</tr>", 1)[0]
    return row.split('data-column="total">', 1)[1].split("<", 1)[0]


# --- levels per scope ------------------------------------------------------------------


def test_district_sliders_store_only_levels_that_differ_from_the_place():
    """Rule: a district's sliders store overrides only where they differ from the place."""
    definition = {"levers": {LEVER: {"level": 3, "shape": "s-curve"}, "heat_networks": 2}}
    scope = Scope("district", DISTRICT)
    levels = levels_in_scope(definition, scope)
    levels[LEVER] = 3.5
    result = apply_levels(definition, scope, levels)
    assert result["districts"] == {DISTRICT: {LEVER: 3.5}}
    assert result["levers"][LEVER] == {"level": 3, "shape": "s-curve"}


def test_place_sliders_keep_a_levers_start_year_and_shape():
    definition = {"levers": {LEVER: {"level": 3, "start_year": 2027, "shape": "s-curve"}}}
    levels = levels_in_scope(definition, Scope(COUNTY))
    levels[LEVER] = 2.2
    result = apply_levels(definition, Scope(COUNTY), levels)
    assert result["levers"][LEVER] == {"level": 2.2, "start_year": 2027, "shape": "s-curve"}
    assert "heat_networks" not in result["levers"]  # still at 1: nothing written


def test_zone_levels_inherit_their_districts_override():
    definition = {"levers": {LEVER: 2}, "districts": {DISTRICT: {LEVER: 3}}}
    scope = Scope("zone", "E02005354", district=DISTRICT)
    assert levels_in_scope(definition, scope)[LEVER] == 3
    levels = levels_in_scope(definition, scope)
    result = apply_levels(definition, scope, levels)
    assert "zones" not in result  # the same as inherited: no override


# --- who may do what -------------------------------------------------------------------


@pytest.mark.parametrize("role", [None, Role.RESIDENT])
def test_public_and_residents_can_play_and_preview(leicestershire, role):
    client = client_as(role)
    assert client.get(url("workspace", leicestershire)).status_code == 200
    assert client.get(url("play", leicestershire)).status_code == 200
    _, definition = services.default_definition(leicestershire)
    response = client.post(
        url("scenario_preview", leicestershire),
        lever_post(definition, **{LEVER: 4}),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert b'id="table-emissions-by-sector"' in response.content
    assert b'hx-swap-oob="innerHTML"' in response.content


@pytest.mark.parametrize("role", [None, Role.RESIDENT])
def test_public_and_residents_cannot_save_or_create(leicestershire, saved, role):
    client = client_as(role)
    before = saved.definition
    save = client.post(
        url("scenario_save", leicestershire, scenario_id=saved.pk),
        {**lever_post(saved.definition, **{LEVER: 4}), "expected_version": saved.version},
    )
    create = client.post(
        url("scenario_new", leicestershire), {"name": "Mine", "source": "balanced"}
    )
    assert save.status_code in (302, 403) and create.status_code in (302, 403)
    if role is None:
        assert "/accounts/" in save["Location"]  # sent to sign in
    saved.refresh_from_db()
    assert saved.definition == before and saved.version == 1
    assert not PathwayScenario.objects.filter(name="Mine").exists()


def test_residents_do_not_see_save_buttons(leicestershire, saved):
    page = client_as(Role.RESIDENT).get(url("scenario", leicestershire, scenario_id=saved.pk))
    assert page.status_code == 200
    assert b"Save version" not in page.content
    assert b"Make this the preferred pathway" not in page.content


def test_partner_editor_creates_copies_and_saves_levers(leicestershire):
    client = client_as(Role.PARTNER_EDITOR)
    response = client.post(
        url("scenario_new", leicestershire),
        {"name": "Fast heat pumps", "description": "Test.", "source": "balanced"},
    )
    created = PathwayScenario.objects.get(place=leicestershire, name="Fast heat pumps")
    assert response["Location"] == url("scenario", leicestershire, scenario_id=created.pk)
    assert created.definition == services.clean_definition(
        services.shipped_definitions()["balanced"]
    )
    copy = client.post(
        url("scenario_copy", leicestershire) + f"?source={created.pk}",
        {"name": "Fast heat pumps, copy", "description": "", "source": str(created.pk)},
    )
    assert copy.status_code == 302
    copied = PathwayScenario.objects.get(name="Fast heat pumps, copy")
    assert copied.copied_from == created
    assert copied.changes.get().action == ChangeAction.COPIED

    save = client.post(
        url("scenario_save", leicestershire, scenario_id=created.pk),
        {**lever_post(created.definition, **{LEVER: 4}), "expected_version": 1},
    )
    assert save.status_code == 302
    created.refresh_from_db()
    assert created.version == 2
    assert created.definition["levers"][LEVER]["level"] == 4


def test_saving_district_overrides(leicestershire, saved):
    client = client_as(Role.PARTNER_EDITOR)
    data = preview_post_data(saved.definition)
    data["scope"] = f"district:{DISTRICT}"
    data.update(lever_field("heat_networks", 3.7))
    response = client.post(
        url("scenario_save", leicestershire, scenario_id=saved.pk),
        {**data, "expected_version": 1},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?scope=district:{DISTRICT}")
    saved.refresh_from_db()
    assert saved.definition["districts"][DISTRICT]["heat_networks"] == 3.7
    page = client.get(response["Location"])
    assert b'value="3.7"' in page.content


def test_only_officers_mark_the_preferred_pathway(leicestershire, saved):
    target = url("scenario_preferred", leicestershire, scenario_id=saved.pk)
    assert client_as(Role.PARTNER_EDITOR).post(target).status_code == 403
    saved.refresh_from_db()
    assert not saved.is_preferred
    officer = client_as(Role.OFFICER)
    assert officer.post(target).status_code == 302
    saved.refresh_from_db()
    assert saved.is_preferred
    assert saved.changes.filter(action=ChangeAction.MARKED_PREFERRED).exists()


# --- versions and the audit trail ------------------------------------------------------


def test_stale_save_shows_who_changed_it_and_saves_nothing(leicestershire, saved):
    other = person(Role.OFFICER, first_name="Ola", last_name="Other")
    services.update_levers(saved, definition={"levers": {LEVER: 2}}, expected_version=1, user=other)
    client = client_as(Role.PARTNER_EDITOR)
    mine = lever_post(saved.definition, **{LEVER: 3.9})
    response = client.post(
        url("scenario_save", leicestershire, scenario_id=saved.pk),
        {**mine, "expected_version": 1},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "govuk-error-summary" in html and "Ola Other" in html and "was not saved" in html
    assert 'value="3.9"' in html  # the person's levers are still on the page
    saved.refresh_from_db()
    assert saved.version == 2 and saved.definition == {"levers": {LEVER: 2}}
    assert saved.changes.count() == 2


def test_audit_rows_say_who_and_what(leicestershire, saved):
    editor = person(Role.PARTNER_EDITOR, first_name="Eve", last_name="Editor")
    client = Client()
    client.force_login(editor)
    client.post(
        url("scenario_save", leicestershire, scenario_id=saved.pk),
        {**lever_post(saved.definition, **{LEVER: 4}), "expected_version": 1},
    )
    client.post(
        url("scenario_details", leicestershire, scenario_id=saved.pk),
        {"name": "Renamed plan", "description": "Now clearer.", "expected_version": 2},
    )
    latest = list(ScenarioChange.objects.filter(scenario=saved).order_by("id"))
    assert [c.action for c in latest] == [
        ChangeAction.CREATED,
        ChangeAction.EDITED,
        ChangeAction.DESCRIBED,
    ]
    assert latest[1].changed_by == editor and "Domestic heat pumps 3 → 4" in latest[1].summary
    page = client.get(url("scenario_history", leicestershire, scenario_id=saved.pk))
    assert "Eve Editor" in page.content.decode()
    assert "Domestic heat pumps 3 → 4" in page.content.decode()


def test_rename_to_an_existing_name_is_refused(leicestershire, saved):
    services.create_scenario(
        leicestershire, name="Other", description="", definition={}, user=person(Role.OFFICER)
    )
    response = client_as(Role.PARTNER_EDITOR).post(
        url("scenario_details", leicestershire, scenario_id=saved.pk),
        {"name": "other", "description": "", "expected_version": 1},
    )
    assert response.status_code == 400
    assert "already has a scenario called" in response.content.decode()
    saved.refresh_from_db()
    assert saved.name == "Draft plan"


# --- preview ---------------------------------------------------------------------------


def test_preview_recomputes_emissions_from_the_sliders(leicestershire):
    _, definition = services.default_definition(leicestershire)
    client = Client()
    low = client.post(url("scenario_preview", leicestershire), lever_post(definition, **{LEVER: 1}))
    high = client.post(
        url("scenario_preview", leicestershire), lever_post(definition, **{LEVER: 4})
    )
    low_2050 = float(table_total(low.content.decode(), 2050).replace(",", ""))
    high_2050 = float(table_total(high.content.decode(), 2050).replace(",", ""))
    assert high_2050 < low_2050
    expected = services.run(
        leicestershire,
        apply_levels(
            definition, Scope(COUNTY), {**levels_in_scope(definition, Scope(COUNTY)), LEVER: 4.0}
        ),
    )
    assert high_2050 == pytest.approx(expected.total_emissions_tco2e[:, -1].sum() / 1000, abs=0.05)


def test_preview_of_an_out_of_range_level_names_the_lever(leicestershire):
    _, definition = services.default_definition(leicestershire)
    response = Client().post(
        url("scenario_preview", leicestershire), lever_post(definition, **{LEVER: 7})
    )
    assert response.status_code == 400
    assert "Domestic heat pumps must be 4 or less" in response.content.decode()


def test_personal_copy_is_kept_in_the_session_not_the_plan(leicestershire):
    client = Client()
    _, definition = services.default_definition(leicestershire)
    response = client.post(
        url("play", leicestershire), {**lever_post(definition, **{LEVER: 1.5}), "action": "show"}
    )
    assert response.status_code == 200
    assert not PathwayScenario.objects.exists()
    page = client.get(url("play", leicestershire))
    assert 'value="1.5"' in page.content.decode()
    exported = client.get(url("scenario_export", leicestershire) + "?scenario=mine")
    assert yaml.safe_load(exported.content)["levers"][LEVER]["level"] == 1.5


def test_switching_area_keeps_unsaved_changes(leicestershire, saved):
    client = client_as(Role.PARTNER_EDITOR)
    data = {
        **lever_post(saved.definition, **{LEVER: 3.3}),
        "action": "scope",
        "new_scope": f"district:{DISTRICT}",
        "expected_version": 1,
    }
    page = client.post(url("scenario", leicestershire, scenario_id=saved.pk), data)
    html = page.content.decode()
    assert "Levers for Oadby and Wigston" in html
    assert "3.3" in html.split('name="definition"', 1)[1].split(">", 1)[0]
    saved.refresh_from_db()
    assert saved.version == 1


# --- files -----------------------------------------------------------------------------


def upload(name: str, text: str) -> io.BytesIO:
    file = io.BytesIO(text.encode())
    file.name = name
    return file


def test_yaml_export_reimports_to_an_equal_definition(leicestershire, saved):
    services.update_levers(
        saved,
        definition={**saved.definition, "zones": {"E02005354": {"heat_networks": 4}}},
        expected_version=1,
        user=person(Role.OFFICER),
    )
    saved.refresh_from_db()
    client = client_as(Role.PARTNER_EDITOR)
    exported = client.get(url("scenario_export", leicestershire, scenario_id=saved.pk))
    assert exported["Content-Disposition"] == 'attachment; filename="draft-plan.yaml"'
    response = client.post(
        url("scenario_import", leicestershire),
        {"file": upload("draft.yaml", exported.content.decode()), "name": "Reimported"},
    )
    assert response.status_code == 302
    imported = PathwayScenario.objects.get(name="Reimported")
    assert services.canonical(imported.definition) == services.canonical(saved.definition)
    assert imported.description == "A draft."
    assert imported.changes.get().action == ChangeAction.IMPORTED


def test_shipped_scenario_exports_and_json_imports(leicestershire):
    client = client_as(Role.PARTNER_EDITOR)
    exported = client.get(url("scenario_export", leicestershire) + "?scenario=balanced")
    data = yaml.safe_load(exported.content)
    # The file carries the title a person reads, not the shipped file's identifier.
    assert data["name"] == "A balanced middle path"
    response = client.post(
        url("scenario_import", leicestershire),
        {"file": upload("b.json", json.dumps({**data, "name": "Balanced JSON"}))},
    )
    assert response.status_code == 302
    imported = PathwayScenario.objects.get(name="Balanced JSON")
    assert services.canonical(imported.definition) == services.canonical(
        services.shipped_definitions()["balanced"]
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.yaml", "levers: {domestic_heat_pump: 3}", "unknown lever 'domestic_heat_pump'"),
        ("bad.yaml", "levers: {heat_networks: 9}", "out of range"),
        ("bad.yaml", "districts: {E0700999: {heat_networks: 2}}", "unknown district"),
        ("bad.yaml", "levers: [1, 2", "is not valid YAML"),
        ("bad.json", "{levers", "is not valid JSON"),
        ("bad.txt", "levers: {}", "upload a .yaml, .yml or .json file"),
        ("bad.yaml", "- just a list", "does not hold a scenario"),
        ("bad.yaml", "lever: {heat_networks: 2}", "unknown top-level key(s) lever"),
    ],
)
def test_bad_file_gives_a_clear_error_and_creates_nothing(leicestershire, name, text, message):
    response = client_as(Role.PARTNER_EDITOR).post(
        url("scenario_import", leicestershire), {"file": upload(name, text), "name": "Bad"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert message in html.replace("&#x27;", "'")
    assert not PathwayScenario.objects.exists()


def test_import_under_a_taken_name_is_refused(leicestershire, saved):
    response = client_as(Role.PARTNER_EDITOR).post(
        url("scenario_import", leicestershire),
        {"file": upload("x.yaml", "name: Draft plan\nlevers: {heat_networks: 2}")},
    )
    assert response.status_code == 400
    assert "already has a scenario called" in response.content.decode()
    assert PathwayScenario.objects.count() == 1


# --- comparison ------------------------------------------------------------------------


def test_compare_two_scenarios_side_by_side(leicestershire, saved):
    response = Client().get(
        url("compare", leicestershire) + f"?s={saved.pk}&s=baseline-no-new-action"
    )
    assert response.status_code == 200
    html = response.content.decode()
    for table in ("compare-headline", "compare-emissions", "compare-levers", "compare-costs"):
        assert f'id="table-{table}"' in html
    baseline = services.run(
        leicestershire, services.shipped_definitions()["baseline-no-new-action"]
    )
    expected = f"{baseline.total_emissions_tco2e[:, -1].sum() / 1000:,.1f}"
    row_2050 = html.split('id="table-compare-emissions"', 1)[1].split('">2050</th>', 1)[1]
    assert expected in row_2050.split("</tr>", 1)[0]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?s=balanced", "at least 2"),
        ("?s=balanced&s=nope", "no scenario “nope”"),
        (
            "?s=balanced&s=baseline-no-new-action&s=fes-consumer-transformation&s=mine&s=1",
            "at most 4",
        ),
    ],
)
def test_compare_says_what_is_wrong(leicestershire, saved, query, message):
    query = query.replace("s=1", f"s={saved.pk}")
    response = Client().get(url("compare", leicestershire) + query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_saved_scenarios_table_downloads_name_the_scenario(leicestershire, saved):
    """Rule: a download is the figure on the screen, so its link names the scenario shown."""
    page = Client().get(url("scenario", leicestershire, scenario_id=saved.pk))
    html = page.content.decode()
    csv_url = url(
        "export_table", leicestershire, view="workspace", table="emissions-by-sector", fmt="csv"
    )
    assert f'href="{csv_url}?scenario={saved.pk}"' in html
    csv = Client().get(f"{csv_url}?scenario={saved.pk}")
    assert csv.status_code == 200
    total = table_total(html, 2050).replace(",", "")
    assert total in csv.content.decode()


def test_trying_a_reference_scenario_shows_it_without_storing_it(leicestershire):
    client = Client()
    page = client.get(url("play", leicestershire) + "?start=baseline-no-new-action")
    html = page.content.decode()
    assert "These are the levers of “No new action (baseline)”" in html
    assert f'name="{"lever_" + LEVER}" value="1"' in html
    assert client.session.get(f"pathways:{leicestershire.slug}:personal") is None


def test_history_names_people_only_to_editors(leicestershire, saved):
    editor = person(Role.PARTNER_EDITOR, first_name="Eve", last_name="Editor")
    services.update_levers(
        saved, definition={"levers": {LEVER: 2}}, expected_version=1, user=editor
    )
    history = url("scenario_history", leicestershire, scenario_id=saved.pk)
    public = Client().get(history).content.decode()
    assert "Eve Editor" not in public and "partner editor" in public
    assert "Domestic heat pumps 3 → 2" in public
    assert "Eve Editor" in client_as(Role.OFFICER).get(history).content.decode()


def test_a_level_between_slider_steps_is_not_rounded_by_the_slider(leicestershire):
    """Rule: opening and saving a scenario changes only the levers the person moved."""
    definition = {"levers": {LEVER: 2.25, "heat_networks": 3}}
    form = LeverForm.for_definition(leicestershire, definition, Scope(COUNTY))
    assert form.fields[f"lever_{LEVER}"].widget.attrs["step"] == "any"
    assert form.fields["lever_heat_networks"].widget.attrs["step"] == "0.1"
    assert 'value="2.25"' in str(form[f"lever_{LEVER}"])


def test_sliders_say_where_a_trajectory_replaces_them(leicestershire):
    fes = services.shipped_definitions()["fes-consumer-transformation"]
    lever = next(iter(fes["trajectories"]))
    districts = len(fes["trajectories"][lever])
    page = Client().get(url("play", leicestershire) + "?start=fes-consumer-transformation")
    hint = page.content.decode().split(f'id="id_lever_{lever}-hint">', 1)[1].split("</div>")[0]
    assert f"In {districts} district" in hint and "no effect" in hint
    compared = Client().get(
        url("compare", leicestershire) + "?s=balanced&s=fes-consumer-transformation"
    )
    assert f"year-by-year deployment in {districts} district" in compared.content.decode()


def test_an_earlier_version_downloads_from_the_history(leicestershire, saved):
    original = saved.definition
    services.update_levers(
        saved, definition={"levers": {LEVER: 2}}, expected_version=1, user=person(Role.OFFICER)
    )
    services.update_details(
        saved,
        name="Draft plan",
        description="Later.",
        expected_version=2,
        user=person(Role.OFFICER),
    )
    history = Client().get(url("scenario_history", leicestershire, scenario_id=saved.pk))
    export = url("scenario_export", leicestershire, scenario_id=saved.pk)
    assert f'href="{export}?version=1"' in history.content.decode()
    first = yaml.safe_load(Client().get(f"{export}?version=1").content)
    assert first["name"] == "Draft plan (version 1)"
    assert services.canonical(first) == services.canonical(original)
    third = yaml.safe_load(Client().get(f"{export}?version=3").content)
    assert third["levers"] == {LEVER: 2}
    assert Client().get(f"{export}?version=9").status_code == 404


def test_emissions_chart_is_stacked_bars_when_land_use_goes_negative(leicestershire):
    """Rule: a negative series is never drawn as a stacked area (it would fill across)."""
    _, definition = services.default_definition(leicestershire)
    html = Client().post(url("scenario_preview", leicestershire), lever_post(definition))
    data = html.content.decode().split('id="chart-emissions-by-sector-data"', 1)[1]
    spec = json.loads(data.split(">", 1)[1].split("</script>", 1)[0])
    negative = any(v < 0 for s in spec["series"] for v in s["values"] if v is not None)
    assert spec["kind"] == ("stacked-bar" if negative else "area")


def test_sliders_tell_screen_readers_what_a_level_means(leicestershire):
    assert level_words(LEVER, 3) == "Level 3: 6 in 10 homes"
    assert level_words(LEVER, 2.5) == "Level 2.5, between 1 in 4 homes and 6 in 10 homes"
    form = LeverForm.for_definition(leicestershire, {"levers": {LEVER: 2.5}}, Scope(COUNTY))
    assert 'aria-valuetext="Level 2.5, between 1 in 4 homes' in str(form[f"lever_{LEVER}"])
