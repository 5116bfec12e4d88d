"""The web shell in a real browser: the overview's figures, chart and map, keyboard access,
the data sources page, and an accessibility check on every page visited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SCREENSHOT = "/tmp/placezero-home.png"
DISTRICTS = 7


def _cell(page: Page, year: int, area_code: str) -> str:
    """The emissions table's cell for one year and area, found by its column header (the
    table opened from its "Show the data table" details first)."""
    details = page.locator("details:has(#table-emissions)")
    if not details.evaluate("element => element.open"):
        details.locator("summary").click()
    headers = page.locator("#table-emissions thead th")
    codes = [headers.nth(i).get_attribute("data-column") for i in range(headers.count())]
    row = page.locator(f'#table-emissions tr[data-row="{year}"] > *')
    return row.nth(codes.index(area_code)).inner_text().strip()


@pytest.fixture
def home(page: Page, leicestershire_committed: Any) -> Page:
    page.goto("/")
    return page


def test_home_table_shows_north_west_leicestershire_2023(home: Page) -> None:
    assert _cell(home, 2023, "E07000134") == "916.0"


def test_home_table_shows_oadby_and_wigston_2023(home: Page) -> None:
    assert _cell(home, 2023, "E07000135") == "184.0"


def test_home_chart_renders(home: Page) -> None:
    canvas = home.locator("canvas[data-emissions-chart]")
    expect(canvas).to_have_attribute("data-chart-ready", "true")
    box = canvas.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 200


def test_home_map_draws_the_seven_districts_without_tiles(home: Page) -> None:
    expect(home.locator("#area-map")).to_have_attribute("data-map-ready", "true")
    expect(home.locator('#area-map path[data-role="member"]')).to_have_count(DISTRICTS)
    assert home.locator("#area-map .leaflet-tile").count() == 0


def test_home_map_draws_leicester_as_a_neighbour(home: Page) -> None:
    expect(home.locator("#area-map")).to_have_attribute("data-map-ready", "true")
    leicester = home.locator('#area-map path[data-area="E06000016"]')
    expect(leicester).to_have_attribute("data-role", "neighbour")


def test_map_area_announces_its_name_and_figure_on_focus(home: Page) -> None:
    expect(home.locator("#area-map")).to_have_attribute("data-map-ready", "true")
    area = home.locator('#area-map path[aria-label^="North West Leicestershire"]')
    area.focus()
    expect(home.locator("#area-map-selection")).to_contain_text("North West Leicestershire")
    expect(home.locator("#area-map-selection")).to_contain_text("t CO2e per person")


def test_first_tab_reaches_the_skip_link(home: Page) -> None:
    home.keyboard.press("Tab")
    focused = home.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"


def test_skip_link_moves_focus_to_main(home: Page) -> None:
    home.keyboard.press("Tab")
    home.keyboard.press("Enter")
    assert home.evaluate("document.activeElement.id") == "main-content"


def test_switching_to_per_person_redraws_without_reload(home: Page) -> None:
    home.evaluate("window.__sameDocument = true")
    home.get_by_label("Territorial emissions per person").check()
    expect(home.locator("#table-emissions caption")).to_contain_text("t CO2e per person")
    expect(home.locator("canvas[data-emissions-chart]")).to_have_attribute(
        "data-chart-ready", "true"
    )
    assert home.evaluate("window.__sameDocument") is True


def test_back_after_switching_measure_shows_the_territorial_chart_again(home: Page) -> None:
    home.get_by_label("Territorial emissions per person").check()
    expect(home.locator("#table-emissions caption")).to_contain_text("t CO2e per person")
    home.go_back()
    expect(home.locator("#table-emissions caption")).to_contain_text("kt CO2e")
    # A live chart and map, not a snapshot of their markup.
    # A function, not a string: a string would be eval'd, which the page's CSP refuses.
    home.wait_for_function(
        "() => window.Chart"
        " && Chart.getChart(document.querySelector('canvas[data-emissions-chart]'))"
    )
    home.locator('#area-map path[data-area="E07000134"]').focus()
    expect(home.locator("#area-map-selection")).to_contain_text("North West Leicestershire")


def test_home_passes_axe(home: Page, axe_check: Callable[[Page], None]) -> None:
    expect(home.locator("#area-map")).to_have_attribute("data-map-ready", "true")
    axe_check(home)
    home.screenshot(path=SCREENSHOT, full_page=True)


def test_data_sources_lists_datasets_with_licences(
    page: Page, leicestershire_committed: Any
) -> None:
    page.goto("/data-sources/")
    section = page.locator("section#desnz-la-ghg")
    expect(section).to_contain_text("UK local authority greenhouse gas emissions")
    expect(section.locator("[data-licence]")).to_have_text("Open Government Licence v3.0")
    assert page.locator("section[id]").count() >= 10


@pytest.mark.parametrize(
    "path", ["/data-sources/", "/accessibility/", "/privacy/", "/licence/", "/no-such-page/"]
)
def test_page_passes_axe(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None], path: str
) -> None:
    page.goto(path)
    axe_check(page)
