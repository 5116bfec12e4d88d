"""Exports of the pathway tables: CSV, XLSX and GeoJSON files hold the table's figures, the
download URLs honour the page's scenario and area, and wrong links say what exists. (The
writers' own rules are pinned in `placezero/tables/tests`.)"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from placezero import tables as site_tables
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.engine.dimensions import SECTORS
from placezero.pathways import exports, services, tables
from placezero.pathways.tables import Column, Table, TableContext
from placezero.tables import csv as table_csv
from placezero.tables import geojson, xlsx

VIEW = "export-test"
YEAR = 2030


def _sector_table(context: TableContext) -> Table:
    """Emissions by sector in one year, from the engine (optionally one district's zones)."""
    results, inputs = context.results, context.inputs
    year_index = list(results.years).index(YEAR)
    zones = _zone_indexes(context)
    emissions = results.emissions_tco2e[zones, year_index, :].sum(axis=0)
    return Table(
        slug="emissions-by-sector",
        caption=f"Emissions by sector in {YEAR}, {context.scenario_name}",
        columns=(Column("sector", "Sector"), Column("emissions", "Emissions", "tCO2e", 1)),
        rows=tuple(
            {"sector": sector, "emissions": float(emissions[i])}
            for i, sector in enumerate(inputs.sectors)
        ),
        about=context.about(),
        notes=("Test table.",),
    )


def _zone_table(context: TableContext) -> Table:
    results, inputs = context.results, context.inputs
    year_index = list(results.years).index(YEAR)
    totals = results.emissions_tco2e[:, year_index, :].sum(axis=1)
    return Table(
        slug="emissions-by-zone",
        caption=f"Emissions by zone in {YEAR}",
        columns=(
            Column("zone", "Zone"),
            Column("emissions", "Emissions", "tCO2e"),
            Column("households", "Households", "homes"),
        ),
        rows=tuple(
            {
                "zone": inputs.zones[z],
                "emissions": float(totals[z]),
                "households": float(inputs.households[z]),
            }
            for z in _zone_indexes(context)
        ),
        about=context.about(),
        zone_key="zone",
    )


def _zone_indexes(context: TableContext) -> list[int]:
    inputs = context.inputs
    if context.area_code is None:
        return list(range(len(inputs.zones)))
    if context.area_code in inputs.zones:
        return [inputs.zones.index(context.area_code)]
    district = inputs.districts.index(context.area_code)
    return [z for z, d in enumerate(inputs.zone_district_index) if d == district]


@pytest.fixture
def export_tables() -> Iterator[str]:
    """Two test tables registered under their own view, removed afterwards."""
    tables.register_table(VIEW, "emissions-by-sector")(_sector_table)
    tables.register_table(VIEW, "emissions-by-zone")(_zone_table)
    yield VIEW
    site_tables.unregister(tables.namespace(VIEW))


@pytest.fixture
def context(leicestershire) -> TableContext:
    name, definition = services.default_definition(leicestershire)
    return TableContext(
        place=leicestershire,
        scenario_name=name,
        results=services.run(leicestershire, definition),
        inputs=services.place_inputs(leicestershire),
    )


def _url(name: str, **kwargs: str) -> str:
    return reverse(f"pathways:{name}", kwargs={"place_slug": "leicestershire", **kwargs})


# --- scenario files ---------------------------------------------------------------------


def test_definition_yaml_round_trips_through_the_engine(leicestershire):
    """Rule: the scenario file re-imports to the same definition."""
    import yaml

    shipped = services.shipped_definitions()["balanced"]
    definition = services.clean_definition(shipped)
    text = exports.definition_yaml("Balanced copy", "A copy.", definition)
    data = yaml.safe_load(text)
    assert data["name"] == "Balanced copy" and data["description"] == "A copy."
    scenario = services.engine_scenario(leicestershire, data, data["name"])
    original = services.engine_scenario(leicestershire, definition, "Balanced copy")
    assert scenario.levers == original.levers
    assert scenario.districts == original.districts
    assert services.canonical(data) == services.canonical(definition)


# --- table exports from the engine ----------------------------------------------------


def test_csv_parses_back_to_the_tables_numbers(context, export_tables):
    """Rule: every CSV figure is the table's figure at the column's decimals."""
    (table,) = tables.tables_for(VIEW, context, only="emissions-by-sector")
    rows = list(csv.DictReader(io.StringIO(table_csv.write(table))))
    assert [r["Sector"] for r in rows] == list(SECTORS)
    for parsed, row in zip(rows, table.rows, strict=True):
        assert float(parsed["Emissions (tCO2e)"]) == pytest.approx(row["emissions"], abs=0.05)
    assert sum(r["emissions"] for r in table.rows) > 0


def test_geojson_features_carry_zone_geometry_and_values(context, export_tables):
    """Rule: each zone's feature has its boundary from the place and the table's values."""
    from placezero.places import services as places

    (table,) = tables.tables_for(VIEW, context, only="emissions-by-zone")
    zones = places.zones_geojson(context.place)
    data = geojson.feature_collection(table, zones)
    assert len(data["features"]) == len(table.rows) == len(context.inputs.zones)
    boundaries = {f["properties"]["code"]: f["geometry"] for f in zones["features"]}
    for feature, row in zip(data["features"], table.rows, strict=True):
        assert feature["id"] == row["zone"]
        assert feature["geometry"] == boundaries[row["zone"]]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert feature["properties"]["emissions"] == row["emissions"]
    assert {c["key"]: c["unit"] for c in data["columns"]}["emissions"] == "tCO2e"
    assert data["licence"] == "Open Government Licence v3.0"
    assert data["about"] == table.about.as_dict()


# --- download views -------------------------------------------------------------------


def test_csv_download_is_named_for_place_view_table_and_scenario(
    leicestershire, export_tables, context
):
    """Rule: the file name says what the file is; the content is the page's table."""
    url = _url("export_table", view=VIEW, table="emissions-by-sector", fmt="csv")
    response = Client().get(url, {"scenario": "balanced"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response.content.endswith(b"\r\n") and b"\n" not in response.content.replace(
        b"\r\n", b""
    )  # the site's one dialect: CRLF line ends
    assert response["Content-Disposition"] == (
        f'attachment; filename="leicestershire-{VIEW}-emissions-by-sector-balanced.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == len(SECTORS)


def test_download_honours_the_pages_scenario(leicestershire, export_tables):
    """Rule: `?scenario=` picks the scenario, so two scenarios give different figures."""
    url = _url("export_table", view=VIEW, table="emissions-by-sector", fmt="csv")
    baseline = Client().get(url, {"scenario": "baseline-no-new-action"}).content
    balanced = Client().get(url, {"scenario": "balanced"}).content
    assert baseline != balanced


def test_download_of_a_saved_scenario_names_its_version(leicestershire, export_tables):
    """Rule: a saved scenario's file carries its name and version."""
    _, definition = services.default_definition(leicestershire)
    scenario = services.create_scenario(
        leicestershire,
        name="Fast heat",
        description="",
        definition=definition,
        user=UserFactory(role=Role.OFFICER, place=leicestershire),
    )
    url = _url("export_table", view=VIEW, table="emissions-by-sector", fmt="csv")
    response = Client().get(url, {"scenario": str(scenario.pk)})
    assert f"-fast-heat-v{scenario.version}.csv" in response["Content-Disposition"]


def test_download_honours_the_area(leicestershire, export_tables):
    """Rule: `?area=` gives the area's figures, only its zones on the map."""
    inputs = services.place_inputs(leicestershire)
    district = inputs.districts[0]
    expected = sum(1 for d in inputs.zone_district_index if d == 0)
    url = _url("export_table", view=VIEW, table="emissions-by-zone", fmt="geojson")
    response = Client().get(url, {"area": district})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert len(data["features"]) == expected
    assert data["area"] == district


def test_unknown_area_lists_the_districts(leicestershire, export_tables):
    url = _url("export_table", view=VIEW, table="emissions-by-zone", fmt="csv")
    response = Client().get(url, {"area": "E07999999"})
    assert response.status_code == 404
    text = response.content.decode()
    assert "No district 'E07999999'" in text
    assert services.place_inputs(leicestershire).districts[0] in text


def test_xlsx_download_has_the_about_and_table_sheets(leicestershire, export_tables):
    url = _url("export_table", view=VIEW, table="emissions-by-zone", fmt="xlsx")
    response = Client().get(url)
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["About", "emissions-by-zone"]
    sheet = workbook["emissions-by-zone"]
    zones = services.place_inputs(leicestershire).zones
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == list(zones)


def test_whole_view_downloads_as_one_workbook(leicestershire, export_tables):
    """Rule: a view's XLSX has every table of the view, a sheet each."""
    response = Client().get(_url("export_view", view=VIEW))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="leicestershire-{VIEW}-balanced.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["About", "emissions-by-sector", "emissions-by-zone"]
    about = {row[0]: row[1] for row in workbook["About"].iter_rows(values_only=True) if row[0]}
    assert about["Place"] == "Leicestershire" and about["View"] == VIEW
    assert about["Area"] == "The whole place" and about["Scenario"] == "A balanced middle path"
    assert about["Licence"] == "Open Government Licence v3.0"
    assert about["emissions-by-zone"] == "Emissions by zone in 2030"


def test_geojson_of_a_table_without_zones_is_a_404_saying_why(leicestershire, export_tables):
    url = _url("export_table", view=VIEW, table="emissions-by-sector", fmt="geojson")
    response = Client().get(url)
    assert response.status_code == 404
    assert "has no zones" in response.content.decode()
    assert "CSV or XLSX" in response.content.decode()


@pytest.mark.parametrize(
    ("view", "table", "fmt", "message"),
    [
        (VIEW, "emissions-by-sector", "pdf", "No 'pdf' download. Formats: csv, xlsx, geojson"),
        (VIEW, "nothing", "csv", "No table 'nothing' in the view 'export-test'. Its tables: "),
        ("nowhere", "x", "csv", "No pathway view 'nowhere' has tables. Views with tables: "),
    ],
)
def test_unknown_format_table_or_view_is_a_404_naming_what_exists(
    leicestershire, export_tables, view, table, fmt, message
):
    response = Client().get(_url("export_table", view=view, table=table, fmt=fmt))
    assert response.status_code == 404
    text = response.content.decode()
    assert message in text
    if "Its tables" in message:
        assert "emissions-by-sector, emissions-by-zone" in text
    if "Views with tables" in message:
        assert VIEW in text


def test_unknown_scenario_is_a_404(leicestershire, export_tables):
    url = _url("export_table", view=VIEW, table="emissions-by-sector", fmt="csv")
    assert Client().get(url, {"scenario": "no-such"}).status_code == 404


@pytest.mark.parametrize("role", [None, Role.RESIDENT, Role.PARTNER_EDITOR, Role.OFFICER])
def test_downloads_are_public(leicestershire, export_tables, role):
    """Rule: the plan's figures are open to everyone, signed in or not (pathways.view)."""
    client = Client()
    if role is not None:
        client.force_login(UserFactory(role=role))
    url = _url("export_table", view=VIEW, table="emissions-by-sector", fmt="csv")
    assert client.get(url).status_code == 200


def test_download_of_the_personal_copy_uses_the_visitors_session(leicestershire, export_tables):
    """Rule: `?scenario=mine` downloads the visitor's own lever settings (kept in the session)."""
    client = Client()
    definition = services.clean_definition(services.shipped_definitions()["baseline-no-new-action"])
    session = client.session
    session[f"pathways:{leicestershire.slug}:personal"] = definition
    session.save()
    url = _url("export_table", view=VIEW, table="emissions-by-sector", fmt="csv")
    mine = client.get(url, {"scenario": "mine"})
    baseline = client.get(url, {"scenario": "baseline-no-new-action"})
    assert mine.status_code == 200
    assert mine.content == baseline.content
    assert mine["Content-Disposition"].endswith('-mine.csv"')


def test_every_registered_table_downloads_in_each_format_it_offers(leicestershire):
    """Rule: every table of every view (the audience views, the workspace) downloads as CSV
    and XLSX, and as GeoJSON when it has zones; each view as one workbook."""
    client = Client()
    views = [view for view in tables.views() if view not in (VIEW,)]
    assert {"public", "officers", "investors", "network", "community"} <= set(views)
    for view in views:
        response = client.get(_url("export_view", view=view))
        assert response.status_code == 200, (view, response.content[:300])
        workbook = load_workbook(io.BytesIO(response.content))
        about = site_tables.About("test")
        assert workbook.sheetnames[1:] == xlsx.sheet_names(
            [Table(slug, "", (), (), about) for slug in tables.table_slugs(view)]
        )
        for slug in tables.table_slugs(view):
            for fmt in ("csv", "geojson"):
                response = client.get(_url("export_table", view=view, table=slug, fmt=fmt))
                if fmt == "geojson" and response.status_code == 404:
                    assert "has no zones" in response.content.decode(), (view, slug)
                    continue
                assert response.status_code == 200, (view, slug, fmt, response.content[:300])
                if fmt == "geojson":
                    features = json.loads(response.content)["features"]
                    assert features and all(f["geometry"] for f in features), (view, slug)
