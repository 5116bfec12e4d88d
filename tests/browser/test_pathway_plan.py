"""The plan on a page in a real browser: opened from the section menu, switched to a district,
its charts drawn, and its PDF downloaded and read; axe-core on every page visited."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

STAGES = (
    "Stage 1: Preparation",
    "Stage 2: Setting the scene",
    "Stage 3: Future energy scenarios",
    "Stage 4: Local area energy proposition",
    "Stage 5: Pathway and routemap",
    "Stage 6: Ready to deliver: next steps",
)


def _download_pdf(page: Page) -> tuple[str, str]:
    """Click the PDF link; the file's suggested name and its text (via pypdf)."""
    with page.expect_download() as info:
        page.locator("#plan-pdf-link").click()
    download = info.value
    assert download.failure() is None
    body = Path(download.path()).read_bytes()
    assert body.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(body))
    assert 1 <= len(reader.pages) <= 2
    return download.suggested_filename, "\n".join(p.extract_text() for p in reader.pages)


def _shown_2050_emissions(page: Page) -> str:
    """The scenario shown's 2050 emissions as the page prints them (first row)."""
    cell = page.locator("#table-scenarios-compared tbody tr").first.locator(
        '[data-column="y2050_tco2e"]'
    )
    return cell.inner_text().strip()


@pytest.fixture
def plan_page(page: Page, leicestershire_committed: Any, axe_check: Any) -> Page:
    page.goto("/places/leicestershire/pathway/")
    axe_check(page)
    page.locator(".pz-section-nav").get_by_role("link", name="Plan on a page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan on a page: Leicestershire")
    axe_check(page)
    return page


def test_plan_opens_from_the_section_menu_with_six_stages_and_charts(plan_page: Page) -> None:
    for stage in STAGES:
        expect(plan_page.get_by_role("heading", name=stage)).to_be_visible()
    for chart in ("chart-base-year-emissions", "chart-scenarios-compared"):
        expect(plan_page.locator(f"#{chart}")).to_have_attribute("data-chart-ready", "true")
    expect(plan_page.locator('[data-stage="1"]')).to_contain_text(
        "Leicester is a neighbouring area"
    )


def test_county_pdf_downloads_with_the_figures_on_the_page(plan_page: Page) -> None:
    shown = _shown_2050_emissions(plan_page)
    name, text = _download_pdf(plan_page)
    assert name.startswith("leicestershire-plan-") and name.endswith(".pdf")
    assert "Plan on a page: Leicestershire" in text
    for stage in STAGES:
        assert stage in text
    assert shown in text


def test_switch_to_a_district_and_download_its_pdf(plan_page: Page, axe_check: Any) -> None:
    county = _shown_2050_emissions(plan_page)
    plan_page.get_by_label("Plan for").select_option(label="Charnwood")
    plan_page.get_by_role("button", name="Show plan").click()
    expect(plan_page.get_by_role("heading", level=1)).to_have_text("Plan on a page: Charnwood")
    assert "area=E07000130" in plan_page.url
    axe_check(plan_page)
    district = _shown_2050_emissions(plan_page)
    assert district != county
    name, text = _download_pdf(plan_page)
    assert "charnwood" in name
    assert "Plan on a page: Charnwood" in text
    assert district in text


def test_unknown_area_page_lists_the_plans_that_exist(
    page: Page, leicestershire_committed: Any, axe_check: Any
) -> None:
    response = page.goto("/places/leicestershire/pathway/plan/?area=E06000016")
    assert response is not None and response.status == 404
    expect(page.locator("[data-problem]")).to_contain_text("E07000129 (Blaby)")
    axe_check(page)
    page.get_by_role("link", name="Melton").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan on a page: Melton")
    axe_check(page)
