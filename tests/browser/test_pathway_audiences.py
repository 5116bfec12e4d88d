"""The five audience views in a real browser: reached from the section menu, each draws its
charts and zone map, holds the engine's figures in its tables, lets a keyboard reach a zone,
and passes the accessibility check."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

MENU = {
    "Overview": ("public", "zone-map"),
    "Officers": ("officers", "officers-zone-map"),
    "Investors": ("investors", None),
    "Network": ("network", "network-zone-map"),
    "Community energy": ("community", "community-zone-map"),
}


def _engine_totals(place: Any) -> Any:
    from placezero.pathways import services

    return services.run(place, services.default_definition(place)[1])


def _first_cell(page: Page, table: str, column: str, show_table: Any) -> str:
    return (
        show_table(page, f"table-{table}")
        .locator(f'tbody [data-column="{column}"]')
        .first.inner_text()
    )


def test_each_audience_view_from_the_section_menu(
    page: Page,
    leicestershire_committed: Any,
    axe_check: Callable[[Page], None],
    show_table: Callable[[Page, str], Any],
) -> None:
    results = _engine_totals(leicestershire_committed)
    total = results.total_emissions_tco2e.sum(axis=0)
    page.goto("/pathway/")
    axe_check(page)
    for label, (name, map_id) in MENU.items():
        page.locator(".pz-section-nav").get_by_role("link", name=label, exact=True).click()
        expect(page.locator('.pz-section-nav [aria-current="page"]')).to_have_text(label)
        expect(page.locator("canvas[data-chart-ready]").first).to_be_visible()
        assert page.locator("[data-summary] li").count() >= 2, name
        if map_id is not None:
            expect(page.locator(f"#{map_id}")).to_have_attribute("data-map-ready", "true")
            zone = page.locator(f"#{map_id} path[data-zone]").first
            expect(zone).to_have_attribute("tabindex", "0")
            zone.focus()
            assert page.evaluate("document.activeElement.getAttribute('data-zone')")
            expect(page.locator(f"#{map_id}-status")).not_to_be_empty()
        if name in ("public", "officers"):
            # the base-year total of the sector table is the engine's place total
            shown = (
                show_table(page, "table-emissions-by-sector")
                .locator('tbody tr:first-child [data-column="total"]')
                .inner_text()
            )
            assert float(shown.replace(",", "")) == pytest.approx(total[0], abs=1)
        if name == "investors":
            shown = page.locator('#table-capex-by-district tbody [data-column="total"]')
            values = [float(v.replace(",", "")) for v in shown.all_inner_texts()]
            assert sum(values) == pytest.approx(results.capex_gbp.sum(), rel=1e-4)
        if name == "network":
            first = _first_cell(page, "zones", "year_exceeded", show_table)
            assert first == str(int(results.network.first_year_exceeded[0]) or "\u2013")
        axe_check(page)


def test_zone_pages_by_keyboard(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    """Rule: a zone chosen on the map with Enter opens its story (public) or its peak
    against capacity (network)."""
    page.goto("/places/leicestershire/pathway/?area=E07000129")
    expect(page.locator("#zone-map")).to_have_attribute("data-map-ready", "true")
    zone = page.locator("#zone-map path[data-zone]").first
    code = zone.get_attribute("data-zone")
    zone.focus()
    zone.press("Enter")
    page.wait_for_url(f"**zone={code}**")
    expect(page.locator("#zone-story")).to_be_visible()
    assert "area=E07000129" in page.url
    expect(page.locator("#zone-picker")).to_have_value(code)
    axe_check(page)
    # the network operator's view: Enter on a zone shows its peak against capacity
    page.goto("/places/leicestershire/pathway/network/")
    expect(page.locator("#network-zone-map")).to_have_attribute("data-map-ready", "true")
    zone = page.locator("#network-zone-map path[data-zone]").nth(2)
    code = zone.get_attribute("data-zone")
    zone.focus()
    zone.press("Enter")
    page.wait_for_url(f"**zone={code}**")
    expect(page.locator("#zone-detail canvas[data-chart-ready]")).to_be_visible()
    expect(page.locator(f"#table-zone-{code}-peak")).to_be_attached()
    axe_check(page)


def test_officers_map_recoloured_by_another_output(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    """Rule: choosing an output re-colours the map in place (htmx), legend and all."""
    page.goto("/places/leicestershire/pathway/officers/")
    expect(page.locator("#officers-zone-map")).to_have_attribute("data-map-ready", "true")
    page.select_option("#output-picker", "peak_2050_mw")
    expect(page.locator("#officers-zone-map-legend-heading")).to_contain_text(
        "Peak electricity demand in 2050"
    )
    expect(page.locator("#officers-zone-map")).to_have_attribute("data-map-ready", "true")
    assert "output=" not in page.url  # swapped in place, not a new page
    axe_check(page)


def test_officers_macc_draws_bars_as_wide_as_the_tonnes_saved(
    page: Page, leicestershire_committed: Any
) -> None:
    """Rule: the marginal abatement cost curve is a true MACC: one bar per lever along a
    linear axis of cumulative tonnes, each as wide as the emissions it saves."""
    page.goto("/places/leicestershire/pathway/officers/")
    canvas = page.locator("canvas[data-pathway-chart='chart-macc-data']")
    expect(canvas).to_have_attribute("data-chart-ready", "true")
    bars = canvas.evaluate(
        "canvas => Chart.getChart(canvas).data.datasets"
        ".map(d => [d.data[0].x, d.data[1].x, d.data[0].y])"
    )
    assert len(bars) >= 5
    assert all(b[1] > b[0] for b in bars)  # every bar has a width
    assert all(later[0] == earlier[1] for earlier, later in itertools.pairwise(bars))
    heights = [b[2] for b in bars]
    assert heights == sorted(heights)  # cheapest first
