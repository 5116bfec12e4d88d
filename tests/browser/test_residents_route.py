"""A resident's route: from the home page to a named neighbourhood's pathway story in three
clicks (counted), every page on the way passing axe, and the API docs too; on a phone the
officers page opens on its summary and first chart."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NEIGHBOURHOOD = "Loughborough - University"


def test_home_to_a_neighbourhoods_pathway_in_three_clicks(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    clicks = 0

    def click(link: Any) -> None:
        nonlocal clicks
        link.click()
        clicks += 1
        page.wait_for_load_state()
        axe_check(page)

    page.goto("/")
    axe_check(page)
    click(page.get_by_role("link", name="What it means for my area"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("your area")
    click(page.get_by_role("link", name="Charnwood", exact=True))
    expect(page.get_by_role("heading", name="Neighbourhoods in Charnwood")).to_be_visible()
    click(page.get_by_role("link", name=NEIGHBOURHOOD, exact=True))
    expect(page.locator("#zone-story-heading")).to_contain_text(NEIGHBOURHOOD)
    assert clicks <= 3


def test_searching_by_town_finds_its_neighbourhoods(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    page.goto("/places/leicestershire/pathway/my-area/")
    page.get_by_label("Search by district, town or neighbourhood").fill("loughborough")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.get_by_role("link", name=NEIGHBOURHOOD, exact=True)).to_be_visible()
    axe_check(page)


def test_api_docs_pass_axe(page: Page, leicestershire_committed: Any, axe_check) -> None:
    page.goto("/api/docs")
    page.locator(".opblock").first.wait_for()
    axe_check(page)


def test_officers_page_opens_on_its_summary_and_first_chart_on_a_phone(
    page: Page, leicestershire_committed: Any
) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/places/leicestershire/pathway/officers/?scenario=balanced")
    summary = page.locator("#summary")
    chart = page.locator("canvas[data-chart-ready]").first
    expect(summary).to_be_visible()
    expect(chart).to_be_visible()
    box = summary.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], f"the summary ends at {box}"
    box = chart.bounding_box()
    assert box["y"] <= PHONE["height"] - 60, f"the first chart starts at {box}"
    assert chart.evaluate("c => c.closest('section, div') !== null")
    expect(page.locator("h2").nth(1)).to_have_text("Emissions by sector")
