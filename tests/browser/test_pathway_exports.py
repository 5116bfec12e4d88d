"""Downloads from a pathway page in a real browser: the CSV, XLSX and GeoJSON links under a
table give files that parse, and their figures are the figures the page shows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Download, Page

pytestmark = pytest.mark.browser

PAGE = "/places/leicestershire/pathway/officers/?scenario=balanced"
VIEW = "officers"
TABLE = "emissions-by-sector"  # a table without zones: CSV and XLSX
ZONE_TABLE = "zones"  # a table with a zone column: GeoJSON as well
NO_FIGURE = "\u2013"  # what the page shows for a missing figure


def _screen_table(page: Page, slug: str, show_table: Any) -> tuple[list[str], list[list[str]]]:
    """The table as shown (its details opened if it is folded): headers and cell texts."""
    table = show_table(page, f"table-{slug}")
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    rows = []
    for row in table.locator("tbody tr").all():
        rows.append([c.strip() for c in row.locator("th, td").all_inner_texts()])
    return headers, rows


def _as_csv_text(shown: str) -> str:
    """A page cell as the CSV writes it: no thousands separators, empty for no figure."""
    return "" if shown == NO_FIGURE else shown.replace(",", "")


def _download(page: Page, slug: str, fmt: str) -> tuple[Download, bytes]:
    link = page.locator(f'a[data-format="{fmt}"][href*="/export/{VIEW}/{slug}.{fmt}"]')
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.failure() is None
    return download, Path(download.path()).read_bytes()


@pytest.fixture
def officers(page: Page, leicestershire_committed: Any, axe_check: Any) -> Page:
    page.goto(PAGE)
    axe_check(page)
    return page


def test_csv_link_downloads_the_tables_figures(officers: Page, show_table: Any) -> None:
    headers, rows = _screen_table(officers, TABLE, show_table)
    download, body = _download(officers, TABLE, "csv")
    assert download.suggested_filename == f"leicestershire-{VIEW}-{TABLE}-balanced.csv"
    parsed = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert parsed[0] == headers  # "Label (unit)" on the page and in the file
    assert len(parsed) - 1 == len(rows) > 0
    for file_row, screen_row in zip(parsed[1:], rows, strict=True):
        assert file_row == [_as_csv_text(cell) for cell in screen_row]
    # A table without zones offers no GeoJSON link.
    links = officers.locator(f'a[href*="/export/{VIEW}/{TABLE}."]')
    assert sorted(links.evaluate_all("els => els.map(e => e.dataset.format)")) == ["csv", "xlsx"]


def test_xlsx_link_downloads_a_workbook_with_about_and_the_table(
    officers: Page, show_table: Any
) -> None:
    headers, rows = _screen_table(officers, TABLE, show_table)
    download, body = _download(officers, TABLE, "xlsx")
    assert download.suggested_filename.endswith(f"{TABLE}-balanced.xlsx")
    workbook = load_workbook(io.BytesIO(body))
    assert workbook.sheetnames == ["About", TABLE]
    about = {r[0]: r[1] for r in workbook["About"].iter_rows(values_only=True) if r[0]}
    assert about["Place"] == "Leicestershire"
    assert "Open Government Licence v3.0" in about["Licence"]
    sheet = workbook[TABLE]
    assert [c.value for c in sheet[1]] == headers
    for file_row, screen_row in zip(
        sheet.iter_rows(min_row=2, values_only=True), rows, strict=True
    ):
        for value, shown in zip(file_row, screen_row, strict=True):
            if isinstance(value, int | float):
                # The cell keeps the full value; the page shows it to the column's decimals.
                decimals = len(shown.split(".")[1]) if "." in shown else 0
                assert f"{value:.{decimals}f}" == _as_csv_text(shown)
            else:
                assert (value or NO_FIGURE) == shown


def test_geojson_link_downloads_zones_with_boundaries_and_values(
    officers: Page, show_table: Any
) -> None:
    _, rows = _screen_table(officers, ZONE_TABLE, show_table)
    download, body = _download(officers, ZONE_TABLE, "geojson")
    assert download.suggested_filename.endswith(".geojson")
    data = json.loads(body)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(rows) > 0
    keys = [column["key"] for column in data["columns"]]
    for feature, screen_row in zip(data["features"], rows, strict=True):
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        shown = dict(zip(keys, screen_row, strict=True))
        assert feature["id"] in shown.values()
        for key, value in feature["properties"].items():
            if key in shown and isinstance(value, int | float) and not isinstance(value, bool):
                cell = shown[key]
                decimals = len(cell.split(".")[1]) if "." in cell else 0
                assert f"{value:.{decimals}f}" == _as_csv_text(cell), key
