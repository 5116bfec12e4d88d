"""The writers: one CSV dialect, XLSX with its About sheet, GeoJSON joined to boundaries and
the API's JSON, each from the same `Table`."""

from __future__ import annotations

import csv as stdlib_csv
import io
import json as stdlib_json
from datetime import date

import numpy as np
import pytest
from openpyxl import load_workbook

from placezero.tables import About, Column, Table, csv, geojson, json, xlsx

from .factories import ABOUT, SMALL, table

GEOMETRY = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
ZONES = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "geometry": GEOMETRY, "properties": {"code": "E02000001", "name": "A"}}
    ],
}
ZONE_TABLE = Table(
    "zones",
    "Zones",
    (Column("zone", "Zone"), Column("v", "Value", "t", 1)),
    ({"zone": "E02000001", "v": np.float64(2.5)}, {"zone": "E02999999", "v": float("nan")}),
    ABOUT,
    zone_key="zone",
)


# --- CSV --------------------------------------------------------------------------------


def test_csv_dialect_is_rfc_4180_with_crlf_and_one_header_row():
    """Rule: the site's one CSV dialect: CRLF line ends (the last line too), fields quoted
    only when they need it, one header row of `label (unit)`, then data and nothing else."""
    text = csv.write(SMALL)
    assert text == ('Name,Cost (GBP),Count (homes)\r\n"Blaby, north",1234.57,12\r\nMelton,,3\r\n')
    assert not text.startswith("\ufeff")  # UTF-8 without a byte order mark


def test_csv_parses_back_to_the_screens_figures():
    rows = list(stdlib_csv.reader(io.StringIO(csv.write(SMALL))))
    assert rows == [
        ["Name", "Cost (GBP)", "Count (homes)"],
        ["Blaby, north", "1234.57", "12"],
        ["Melton", "", "3"],
    ]


def test_csv_quotes_a_quote_by_doubling_it():
    quoted = Table("q", "Q", (Column("n", 'The "best"'),), ({"n": 'a "b"'},), ABOUT)
    assert csv.write(quoted) == '"The ""best"""\r\n"a ""b"""\r\n'


# --- XLSX -------------------------------------------------------------------------------


def _about_sheet(book) -> dict:
    return {row[0]: row[1:] for row in book["About"].iter_rows(values_only=True) if row[0]}


def test_xlsx_opens_on_an_about_sheet_with_source_licence_and_attribution():
    """Rule: the About sheet says what the file is of, when it was made, each table's
    source, method page, licence and attribution."""
    body = xlsx.workbook(
        [SMALL], facts=[("Place", "Leicestershire"), ("Scenario", "balanced")],
        made_on=date(2026, 11, 29),
    )  # fmt: skip
    book = load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["About", "small"]
    about = _about_sheet(book)
    assert about["Place"][0] == "Leicestershire" and about["Scenario"][0] == "balanced"
    assert about["Made on"][0] == "2026-11-29"
    assert about["Licence"][0] == "Open Government Licence v3.0"
    assert about["Licence text"][0].startswith("https://www.nationalarchives.gov.uk/")
    assert about["Attribution"][0] == "Contains test data."
    assert about["Sheet"][:6] == ("Table", "Source", "Method", "Licence", "Attribution", "Notes")
    assert about["small"][:6] == (
        "Small",
        "Test source",
        "/method/equations/#emissions",
        "Open Government Licence v3.0",
        "Contains test data.",
        "A note.",
    )


def test_xlsx_about_sheet_lists_every_licence_of_its_tables():
    other = table("other", about=About("Elsewhere", licence="CC BY 4.0", attribution="By X."))
    about = _about_sheet(load_workbook(io.BytesIO(xlsx.workbook([SMALL, other]))))
    assert about["Licence"][0] == "Open Government Licence v3.0; CC BY 4.0"
    assert about["Attribution"][0] == "Contains test data.; By X."


def test_xlsx_keeps_full_values_formatted_to_the_columns_decimals():
    """Rule: the cell keeps the value, the number format shows the screen's figure."""
    sheet = load_workbook(io.BytesIO(xlsx.workbook([SMALL])))["small"]
    assert [c.value for c in sheet[1]] == ["Name", "Cost (GBP)", "Count (homes)"]
    assert sheet[1][0].font.bold
    assert sheet["B2"].value == pytest.approx(1234.567)
    assert sheet["B2"].number_format == "#,##0.00"
    assert sheet["C2"].number_format == "#,##0"
    assert sheet["B3"].value is None


def test_xlsx_writes_numpy_numbers_as_numbers_and_non_finite_as_empty():
    sheet = load_workbook(io.BytesIO(xlsx.workbook([ZONE_TABLE])))["zones"]
    assert [c.value for c in sheet[2]] == ["E02000001", 2.5]
    assert [c.value for c in sheet[3]] == ["E02999999", None]


def test_sheet_names_are_valid_and_unique():
    """Rule: Excel's 31-character limit and forbidden characters never break a workbook."""
    long, odd, slash = table("a" * 40), table("about"), table("a/b:c")
    names = xlsx.sheet_names([long, long, odd, slash])
    assert names == ["a" * 31, "a" * 29 + "-2", "about-2", "a-b-c"]


def test_a_workbook_needs_a_table():
    with pytest.raises(ValueError, match="at least one table"):
        xlsx.workbook([])


# --- GeoJSON ----------------------------------------------------------------------------


def test_geojson_joins_rows_to_their_boundaries_by_the_zone_column():
    """Rule: each row is a Feature on its zone's boundary, with the row's values; a zone
    missing from the boundaries keeps its values with a null geometry."""
    data = geojson.feature_collection(ZONE_TABLE, ZONES, facts={"place": "Test"})
    first, missing = data["features"]
    assert first["id"] == "E02000001" and first["geometry"] == GEOMETRY
    assert first["properties"] == {"zone": "E02000001", "v": 2.5, "zone_name": "A"}
    assert missing["geometry"] is None and missing["properties"]["v"] is None
    assert data["title"] == "Zones" and data["place"] == "Test"
    assert data["columns"][1] == {"key": "v", "label": "Value", "unit": "t", "decimals": 1}
    assert data["about"] == ABOUT.as_dict() and data["licence"] == ABOUT.licence
    stdlib_json.dumps(data, allow_nan=False)  # raises on NaN or a numpy number


def test_geojson_of_a_table_without_zones_says_to_use_csv_or_xlsx():
    with pytest.raises(geojson.NoZones, match=r"has no zones.*CSV or XLSX"):
        geojson.feature_collection(SMALL, ZONES)


# --- JSON -------------------------------------------------------------------------------


def test_json_has_columns_with_units_rows_and_about():
    data = json.to_json(SMALL)
    assert data["columns"][1] == {"key": "cost", "label": "Cost", "unit": "GBP", "decimals": 2}
    assert data["rows"][1] == {"name": "Melton", "cost": None, "count": 3.0}
    assert data["about"] == {
        "source": "Test source",
        "source_url": "",
        "method_url": "/method/equations/#emissions",
        "licence": "Open Government Licence v3.0",
        "licence_url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "attribution": "Contains test data.",
    }
    assert data["notes"] == ["A note."] and data["zone_key"] is None


def test_json_is_plain_even_for_numpy_and_nan():
    text = stdlib_json.dumps(json.to_json(ZONE_TABLE), allow_nan=False)
    assert stdlib_json.loads(text)["rows"] == [
        {"zone": "E02000001", "v": 2.5},
        {"zone": "E02999999", "v": None},
    ]
