"""Tables on a phone (390 px wide): the page never scrolls sideways, wide tables scroll in
their own labelled region that the keyboard reaches, long tables open from "Show the data
table" by keyboard, and each page passes axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = (
    "/",
    "/places/leicestershire/pathway/?scenario=balanced",
    "/places/leicestershire/pathway/officers/?scenario=balanced",
    "/places/leicestershire/pathway/investors/?scenario=balanced",
    "/places/leicestershire/pathway/network/?scenario=balanced",
    "/places/leicestershire/pathway/community/?scenario=balanced",
    "/places/leicestershire/pathway/plan/?scenario=balanced",
    "/places/leicestershire/community/",
    "/places/leicestershire/community/opportunities/",
)


@pytest.mark.parametrize("path", PAGES)
def test_page_reads_on_a_phone_without_sideways_scrolling(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None], path: str
) -> None:
    page.set_viewport_size(PHONE)
    page.goto(path)
    for details in page.locator("details.pz-table-details").all():
        details.evaluate("element => { element.open = true; }")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], f"{path} is {page_width} px wide"
    regions = page.locator(".pz-table-wrapper")
    assert regions.count() > 0
    for region in regions.all():
        expect(region).to_have_attribute("role", "region")
        expect(region).to_have_attribute("tabindex", "0")
        assert region.get_attribute("aria-label")
    axe_check(page)


def test_a_long_table_opens_by_keyboard_and_its_region_takes_focus(
    page: Page, leicestershire_committed: Any
) -> None:
    page.set_viewport_size(PHONE)
    page.goto("/places/leicestershire/pathway/officers/?scenario=balanced")
    table = page.locator("#table-emissions-by-sector")
    expect(table).to_be_hidden()
    summary = page.locator("details:has(#table-emissions-by-sector) summary")
    expect(summary).to_contain_text("Show the data table")
    summary.focus()
    page.keyboard.press("Enter")
    expect(table).to_be_visible()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused.startswith("Emissions by sector and year")
    scrolled = page.evaluate(
        "() => { const r = document.activeElement; r.scrollLeft = 200; return r.scrollLeft; }"
    )
    assert scrolled > 0  # the region, not the page, scrolls sideways
