"""The national view in a real browser: two places of different tiers, the map of every
unitary and district (each area a link to its place), the tables beside it, axe clean."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def national(page: Page, leicestershire_committed: Any) -> Page:
    from placezero.datapack.reader import read_pack
    from placezero.places.loader import load_pack

    load_pack(read_pack("rutland"))
    page.goto("/places/")
    return page


def test_the_map_draws_every_unitary_and_district_as_links(national: Page) -> None:
    expect(national.locator("#national-map")).to_have_attribute("data-map-ready", "true")
    areas = national.locator('#national-map path[data-role="member"]')
    expect(areas).to_have_count(8)  # Leicestershire's seven districts and Rutland
    rutland = national.locator('#national-map path[data-area="E06000017"]')
    expect(rutland).to_have_attribute("role", "link")
    rutland.focus()
    expect(national.locator("#national-map-selection")).to_contain_text("Rutland")
    rutland.press("Enter")
    expect(national).to_have_url(re.compile(r"/places/rutland/$"))


def test_tables_group_like_with_like_and_say_not_run_yet(national: Page) -> None:
    expect(national.locator('table[data-tier="unitary"] tbody tr')).to_have_count(1)
    expect(national.locator('table[data-tier="district"] tbody tr')).to_have_count(7)
    cell = national.locator('tr[data-area="E06000017"] td[data-column="gap_percent"]')
    expect(cell).to_have_text("not run yet")


def test_the_national_view_passes_axe(national: Page, axe_check: Callable[[Page], None]) -> None:
    expect(national.locator("#national-map")).to_have_attribute("data-map-ready", "true")
    axe_check(national)
