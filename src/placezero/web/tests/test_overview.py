"""The overview page of a place, read through the Django test client against the committed
Leicestershire pack (and Rutland, to show any loaded place works)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from placezero.datapack.reader import read_pack
from placezero.places.loader import load_pack

STATIC = Path(__file__).resolve().parents[1] / "static"


def _emissions_cell(html: str, year: int, column: int) -> str:
    """The text of one cell in the emissions table's row for `year` (column 0 = first area)."""
    table = html[html.index('id="table-emissions"') :]
    row = table[table.index(f'data-row="{year}"') :]
    row = row[: row.index("</tr>")]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
    return cells[column].strip()


def _column(html: str, code: str) -> int:
    table = html[html.index('id="table-emissions"') :]
    head = table[: table.index("</thead>")]
    return re.findall(r'data-column="([A-Z0-9]+)"', head).index(code)


@pytest.fixture
def home_html(client: Client, leicestershire: Any) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_home_table_shows_north_west_leicestershire_2023(home_html: str) -> None:
    assert _emissions_cell(home_html, 2023, _column(home_html, "E07000134")) == "916.0"


def test_home_table_shows_oadby_and_wigston_2023(home_html: str) -> None:
    assert _emissions_cell(home_html, 2023, _column(home_html, "E07000135")) == "184.0"


def test_home_table_starts_in_2005(home_html: str) -> None:
    assert 'data-row="2005"' in home_html and 'data-row="2004"' not in home_html


def test_home_table_leaves_out_the_neighbour(home_html: str) -> None:
    """Leicester is not part of Leicestershire's total, so it is not in the stacked table."""
    head = home_html[home_html.index('id="table-emissions"') :]
    assert "E06000016" not in head[: head.index("</thead>")]


def test_home_table_folds_under_its_chart_and_cites_its_dataset(home_html: str) -> None:
    """Rule: the emissions table (a year a row) opens from "Show the data table" after the
    chart, scrolls sideways in its own region, and its about line links the dataset's entry
    on the Data sources page with the dataset's licence."""
    chart = home_html.index("data-emissions-chart")
    details = home_html.index('<details class="govuk-details pz-table-details"')
    assert chart < details < home_html.index('id="table-emissions"')
    region = home_html[home_html.rindex("<div", 0, home_html.index('id="table-emissions"')) :]
    assert region.startswith('<div class="pz-table-wrapper" role="region" aria-label=')
    about = home_html[home_html.index("data-table-about") :]
    about = about[: about.index("</p>")]
    assert 'href="/places/leicestershire/data-sources/#desnz-la-ghg"' in about
    assert 'rel="license">Open Government Licence v3.0</a>' in about
    assert 'href="/places/leicestershire/emissions.csv?measure=territorial" download' in (home_html)


def test_home_embeds_the_chart_figures(home_html: str) -> None:
    assert '<script id="emissions-chart-data" type="application/json">' in home_html


def test_home_embeds_the_district_map(home_html: str) -> None:
    assert '<script id="area-map-data" type="application/json">' in home_html


def test_map_script_adds_no_tile_layer() -> None:
    """The map draws only the embedded polygons: a tile layer would fetch from a tile server."""
    assert "tileLayer" not in (STATIC / "web" / "js" / "area-map.js").read_text()


def test_home_shows_the_current_area_target_and_its_predecessor(home_html: str) -> None:
    figure = re.sub(r"\s+", " ", home_html)
    assert '2050</span> <span class="pz-figure__label">net zero target for Leicestershire' in (
        figure
    )
    assert "(earlier 2045)" in figure


def test_home_cites_the_emissions_source(home_html: str) -> None:
    assert 'href="/places/leicestershire/data-sources/#desnz-la-ghg"' in home_html


def test_home_loads_nothing_from_other_sites(home_html: str) -> None:
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', home_html)
    assert sources and all(url.startswith("/") for url in sources)


def test_home_shows_per_person_figures_when_asked(client: Client, leicestershire: Any) -> None:
    html = client.get("/?measure=per-person").content.decode()
    assert "Territorial emissions per person, t CO2e per person, 2005 to 2023" in html


def test_htmx_request_gets_only_the_chart_and_table(client: Client, leicestershire: Any) -> None:
    html = client.get("/?measure=per-person", headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<div id="emissions">') and "<html" not in html


def test_overview_varies_by_htmx_header(client: Client, leicestershire: Any) -> None:
    """Whole page and fragment share an address: caches must not hand one out for the other."""
    assert "HX-Request" in client.get("/")["Vary"]


def test_csv_matches_the_table(client: Client, leicestershire: Any) -> None:
    response = client.get("/places/leicestershire/emissions.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, last = rows[0], rows[-1]
    assert last[0] == "2023"
    assert header[0] == "Year"  # the site's one CSV dialect: `label (unit)` headers
    assert last[header.index("North West Leicestershire (kt CO2e)")] == "916.0"
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    assert response.content.endswith(b"\r\n")


def test_csv_is_a_download(client: Client, leicestershire: Any) -> None:
    response = client.get("/places/leicestershire/emissions.csv?measure=per-person")
    assert response["Content-Disposition"] == (
        'attachment; filename="leicestershire-per-person-emissions.csv"'
    )


def test_unknown_place_is_not_found(client: Client, leicestershire: Any) -> None:
    assert client.get("/places/atlantis/").status_code == 404


def test_any_loaded_place_has_an_overview(client: Client, leicestershire: Any) -> None:
    load_pack(read_pack("rutland"))
    html = client.get("/places/rutland/").content.decode()
    assert '<h1 class="govuk-heading-xl">Rutland</h1>' in html
    assert 'data-column="E06000017"' in html


def test_overview_links_the_other_loaded_places(client: Client, leicestershire: Any) -> None:
    load_pack(read_pack("rutland"))
    html = client.get("/").content.decode()
    assert '<a class="govuk-link" href="/places/rutland/">Rutland</a>' in html


def test_home_without_a_loaded_place_says_how_to_load_it(
    client: Client, leicestershire: Any, settings: Any
) -> None:
    settings.PLACEZERO_DEFAULT_PLACE = "nowhere"
    html = client.get("/").content.decode()
    assert "placezero place load nowhere" in html


def test_overview_runs_a_bounded_number_of_queries(
    client: Client, leicestershire: Any, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(13):
        client.get("/")
