"""The pathway tool in the public API: scenarios and their re-importable definitions, views
and their tables as JSON and GeoJSON, and errors that say what exists."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from django.test import Client

from placezero import tables as site_tables
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.pathways import services, tables
from placezero.pathways.tables import Column, Table, TableContext

BASE = "/api/places/leicestershire/pathway"
VIEW = "api-test"
PATHWAY_ENDPOINTS = {
    "/api/places/{slug}/pathway/scenarios",
    "/api/places/{slug}/pathway/scenarios/{key}",
    "/api/places/{slug}/pathway/scenarios/{key}/definition",
    "/api/places/{slug}/pathway/views",
    "/api/places/{slug}/pathway/views/{view}/tables/{table}",
    "/api/places/{slug}/pathway/views/{view}/tables/{table}.geojson",
}


def _households(context: TableContext) -> Table:
    """Households and 2050 emissions per zone, from the engine (one district if chosen)."""
    inputs, results = context.inputs, context.results
    last = len(results.years) - 1
    zones = range(len(inputs.zones))
    if context.area_code in inputs.districts:
        district = inputs.districts.index(context.area_code)
        zones = [z for z in zones if inputs.zone_district_index[z] == district]
    return Table(
        slug="zones",
        caption="Zones",
        columns=(
            Column("zone", "Zone"),
            Column("households", "Households", "homes"),
            Column("emissions", "Emissions in the last year", "tCO2e", 1),
        ),
        rows=tuple(
            {
                "zone": inputs.zones[z],
                "households": float(inputs.households[z]),
                "emissions": float(results.emissions_tco2e[z, last, :].sum()),
            }
            for z in zones
        ),
        about=context.about(),
        zone_key="zone",
    )


def _summary(context: TableContext) -> Table:
    total = float(context.results.emissions_tco2e[:, -1, :].sum())
    return Table(
        slug="summary",
        caption="Summary",
        columns=(Column("what", "What"), Column("emissions", "Emissions", "tCO2e")),
        rows=({"what": context.scenario_name, "emissions": total},),
        about=context.about(),
    )


@pytest.fixture
def api_tables() -> Iterator[str]:
    tables.register_table(VIEW, "zones")(_households)
    tables.register_table(VIEW, "summary")(_summary)
    yield VIEW
    site_tables.unregister(tables.namespace(VIEW))


@pytest.fixture
def saved(leicestershire):
    officer = UserFactory(role=Role.OFFICER, place=leicestershire)
    _, definition = services.default_definition(leicestershire)
    definition["levers"]["domestic_heat_pumps"] = 4
    scenario = services.create_scenario(
        leicestershire,
        name="All heat pumps",
        description="Every home heated by a heat pump.",
        definition=definition,
        user=officer,
    )
    return services.set_preferred(scenario, user=officer)


def test_schema_lists_the_pathway_endpoints(client):
    """Rule: every pathway endpoint is in the OpenAPI schema (so /api/docs shows it)."""
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert paths >= PATHWAY_ENDPOINTS


def test_schema_documents_the_definition_as_yaml(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    content = paths["/api/places/{slug}/pathway/scenarios/{key}/definition"]["get"]["responses"]
    assert "application/yaml" in content["200"]["content"]


def test_scenarios_list_saved_first_with_version_and_preferred_flag(saved):
    """Rule: the place's saved scenarios, with version and preferred flag, then the shipped."""
    found = Client().get(f"{BASE}/scenarios").json()
    assert found[0]["key"] == str(saved.pk)
    assert found[0]["version"] == saved.version and found[0]["preferred"] is True
    assert found[0]["kind"] == "saved"
    shipped = [s["key"] for s in found if s["kind"] == "shipped"]
    assert shipped == list(services.shipped_definitions())
    assert all(s["version"] is None and not s["preferred"] for s in found[1:])


def test_scenario_detail_has_its_definition(saved):
    body = Client().get(f"{BASE}/scenarios/{saved.pk}").json()
    assert body["name"] == "All heat pumps"
    assert body["definition"] == services.clean_definition(saved.definition)
    assert body["definition_url"].endswith(f"{BASE}/scenarios/{saved.pk}/definition")


def test_definition_yaml_reimports_to_the_same_scenario(saved, leicestershire):
    """Rule: the YAML file passes the engine's checks and is the saved definition."""
    response = Client().get(f"{BASE}/scenarios/{saved.pk}/definition")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/yaml")
    data = yaml.safe_load(response.content)
    assert data["name"] == saved.name
    assert data["description"] == saved.description
    scenario = services.engine_scenario(leicestershire, data, data["name"])
    assert scenario.levers["domestic_heat_pumps"].level == 4
    assert services.canonical(data) == services.canonical(saved.definition)


def test_shipped_definition_yaml_reimports(leicestershire):
    data = yaml.safe_load(Client().get(f"{BASE}/scenarios/balanced/definition").content)
    assert services.canonical(data) == services.canonical(
        services.shipped_definitions()["balanced"]
    )
    services.engine_scenario(leicestershire, data)


def test_unknown_scenario_lists_the_known_ones(saved):
    response = Client().get(f"{BASE}/scenarios/nothing")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert "No scenario 'nothing' in Leicestershire" in detail
    assert str(saved.pk) in detail and "balanced" in detail


def test_personal_copy_is_not_in_the_api(leicestershire):
    """Rule: a visitor's personal copy lives in their browser session, not the API."""
    assert Client().get(f"{BASE}/scenarios/mine").status_code == 404


def test_views_list_their_tables(leicestershire, api_tables):
    found = {v["view"]: v for v in Client().get(f"{BASE}/views").json()}
    assert [t["slug"] for t in found[VIEW]["tables"]] == ["zones", "summary"]
    assert found[VIEW]["tables"][0]["url"].endswith(f"{BASE}/views/{VIEW}/tables/zones")
    assert found[VIEW]["workbook_url"].endswith(f"/pathway/export/{VIEW}.xlsx")


def test_table_json_has_columns_with_units_rows_and_source(leicestershire, api_tables):
    body = Client().get(f"{BASE}/views/{VIEW}/tables/zones", {"scenario": "balanced"}).json()
    assert body["caption"] == "Zones"
    assert {c["key"]: c["unit"] for c in body["columns"]}["emissions"] == "tCO2e"
    inputs = services.place_inputs(leicestershire)
    assert [r["zone"] for r in body["rows"]] == list(inputs.zones)
    assert body["scenario"]["key"] == "balanced"
    assert body["scenario"]["name"] == "A balanced middle path"
    assert body["scenario"]["line"].startswith("Strong action on heat")
    assert body["source"] and "Open Government Licence" in body["licence"]
    about = body["about"]
    assert about["source"] == body["source"] and about["licence"] == body["licence"]
    assert about["licence_url"].startswith("https://www.nationalarchives.gov.uk/")
    assert "Open Government Licence" in about["attribution"]
    assert {c["key"]: c["decimals"] for c in body["columns"]}["emissions"] == 1


def test_table_follows_the_scenario(saved, api_tables):
    """Rule: ?scenario= picks the figures; the default is the preferred pathway."""
    url = f"{BASE}/views/{VIEW}/tables/summary"
    default = Client().get(url).json()
    chosen = Client().get(url, {"scenario": str(saved.pk)}).json()
    baseline = Client().get(url, {"scenario": "baseline-no-new-action"}).json()
    assert default["rows"] == chosen["rows"]
    assert chosen["rows"][0]["what"] == "All heat pumps"
    assert baseline["rows"][0]["emissions"] != chosen["rows"][0]["emissions"]


def test_table_geojson_joins_zone_boundaries(leicestershire, api_tables):
    inputs = services.place_inputs(leicestershire)
    district = inputs.districts[1]
    response = Client().get(f"{BASE}/views/{VIEW}/tables/zones.geojson", {"area": district})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    expected = [z for i, z in enumerate(inputs.zones) if inputs.zone_district_index[i] == 1]
    assert [f["id"] for f in data["features"]] == expected
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in data["features"])
    assert data["area"] == district


def test_geojson_of_a_table_without_zones_says_what_to_use(leicestershire, api_tables):
    response = Client().get(f"{BASE}/views/{VIEW}/tables/summary.geojson")
    assert response.status_code == 404
    assert "has no zones" in response.json()["detail"]


def test_unknown_view_and_table_name_what_exists(leicestershire, api_tables):
    response = Client().get(f"{BASE}/views/nowhere/tables/zones")
    assert response.status_code == 404
    assert "No view 'nowhere'" in response.json()["detail"] and VIEW in response.json()["detail"]
    response = Client().get(f"{BASE}/views/{VIEW}/tables/nothing")
    assert response.status_code == 404
    assert response.json()["detail"].endswith("Known tables: zones, summary.")


def test_unknown_area_is_a_422_listing_the_districts(leicestershire, api_tables):
    response = Client().get(f"{BASE}/views/{VIEW}/tables/zones", {"area": "E07999999"})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["parameter"] == "area"
    assert "E07999999" in problem["msg"]
    assert services.place_inputs(leicestershire).districts[0] in problem["msg"]


def test_unknown_place_lists_the_places(db):
    response = Client().get("/api/places/nowhere/pathway/scenarios")
    assert response.status_code == 404
    assert "No place 'nowhere'" in response.json()["detail"]


def test_the_api_offers_no_way_to_change_scenarios(leicestershire):
    """Rule: the API is read-only (no sign-in or key): POST is not allowed."""
    response = Client().post(f"{BASE}/scenarios", {"name": "x"}, content_type="application/json")
    assert response.status_code == 405


def test_definition_yaml_imports_in_the_workspace(saved, leicestershire):
    """Rule: the API's file is one the scenario workspace's import accepts, unchanged."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from placezero.pathways.forms import ImportForm

    body = Client().get(f"{BASE}/scenarios/{saved.pk}/definition").content
    upload = SimpleUploadedFile("all-heat-pumps.yaml", body, content_type="application/yaml")
    form = ImportForm(data={"name": "Imported"}, files={"file": upload}, place=leicestershire)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["definition"] == services.clean_definition(saved.definition)
    assert form.cleaned_data["description"] == saved.description


def test_the_audience_views_tables_are_in_the_api(leicestershire):
    """Rule: every registered view is listed, and its tables answer with the site's figures."""
    views = {
        v["view"]: [t["slug"] for t in v["tables"]] for v in Client().get(f"{BASE}/views").json()
    }
    for view in ("public", "officers", "investors", "network", "community"):
        assert views.get(view) == tables.table_slugs(view), view
    body = Client().get(f"{BASE}/views/officers/tables/emissions-by-sector").json()
    assert body["rows"] and all(c["label"] for c in body["columns"])
    assert any(c["unit"] for c in body["columns"])
