"""The scenario workspace in a real browser: a partner editor moves a lever with the keyboard
and sees the emissions chart and its table change without a page reload, then saves; two
scenarios side by side; a visitor's personal copy; an officer of another place who may look
but not change. axe-core checks every page visited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.api.tests.factories import PlaceFactory
from placezero.pathways import services

pytestmark = pytest.mark.browser

LEVER = "domestic_heat_pumps"
SLIDER = f"#id_lever_{LEVER}"
CHART_DATA = "#chart-emissions-by-sector-data"


def sign_in(page: Page, live_server: Any, role: Role, place: Any = None) -> None:
    """Give the browser the session of a signed-in person of this role (of `place`, where
    their role counts)."""
    client = Client()
    client.force_login(UserFactory(role=role, place=place))
    name = settings.SESSION_COOKIE_NAME
    session = client.cookies[name].value
    page.context.add_cookies([{"name": name, "value": session, "url": live_server.url}])


def total_2050(page: Page) -> str:
    """The 2050 total of the results table (opened from its details if it is folded: a
    moved lever redraws it folded)."""
    details = page.locator("details:has(#table-emissions-by-sector)")
    if details.count() and not details.evaluate("element => element.open"):
        details.locator("summary").click()
    row = page.locator("#table-emissions-by-sector tbody tr").filter(
        has=page.locator('th[data-column="year"]', has_text="2050")
    )
    return row.locator('td[data-column="total"]').inner_text().strip()


def move_lever(page: Page, presses: int) -> None:
    """Press the right arrow on the slider and wait for the recomputed fragment."""
    slider = page.locator(SLIDER)
    slider.focus()
    with page.expect_response(lambda r: "/scenarios/preview/" in r.url) as response:
        for _ in range(presses):
            page.keyboard.press("ArrowRight")
    assert response.value.status == 200
    page.wait_for_load_state("networkidle")  # the last of the debounced previews is in


def test_editor_moves_a_lever_sees_results_change_and_saves(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    _, definition = services.default_definition(leicestershire_committed)
    definition["levers"][LEVER] = {"level": 2, "shape": "s-curve"}
    author = UserFactory(role=Role.OFFICER, place=leicestershire_committed)
    scenario = services.create_scenario(
        leicestershire_committed, name="Draft", description="", definition=definition, user=author
    )
    sign_in(page, live_server, Role.PARTNER_EDITOR, leicestershire_committed)
    page.goto(f"/places/{leicestershire_committed.slug}/pathway/scenarios/{scenario.pk}/")
    expect(page.locator("canvas#chart-emissions-by-sector")).to_have_attribute(
        "data-chart-ready", "true"
    )
    axe_check(page)
    before_total, before_chart = total_2050(page), page.locator(CHART_DATA).text_content()
    url_before = page.url

    move_lever(page, 10)  # level 2 → 3

    expect(page.locator(f"#id_lever_{LEVER}-level")).to_have_text("3")
    expect(page.locator(SLIDER)).to_have_attribute("aria-valuetext", "Level 3: 6 in 10 homes")
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).textContent !== before",
        arg=[CHART_DATA, before_chart],
    )
    after_total = total_2050(page)
    assert after_total != before_total
    assert float(after_total.replace(",", "")) < float(before_total.replace(",", ""))
    expect(page.locator("canvas#chart-emissions-by-sector")).to_have_attribute(
        "data-chart-ready", "true"
    )
    expect(page.locator("#results-summary")).to_contain_text(after_total)
    assert page.url == url_before  # no page reload
    axe_check(page)

    page.get_by_role("button", name="Save version 2").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved “Draft”")
    expect(page.locator("#scenario-version")).to_contain_text("Version 2")
    assert total_2050(page) == after_total
    axe_check(page)
    scenario.refresh_from_db()
    assert scenario.definition["levers"][LEVER]["level"] == 3


def test_compare_two_scenarios(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    page.goto(f"/places/{leicestershire_committed.slug}/pathway/scenarios/")
    axe_check(page)
    # Scenarios are chosen by their titles, never their file names.
    page.get_by_label("A balanced middle path").check()
    page.get_by_label("No new action (baseline)").check()
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("h1")).to_have_text("Compare scenarios")
    emissions = page.locator("#table-compare-emissions")
    expect(emissions.locator("thead th")).to_have_count(3)
    expect(page.locator("#table-compare-levers")).to_contain_text("Domestic heat pumps")
    expect(page.locator("canvas#chart-compare-emissions")).to_have_attribute(
        "data-chart-ready", "true"
    )
    axe_check(page)


def test_visitor_plays_with_a_personal_copy(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    page.goto(f"/places/{leicestershire_committed.slug}/pathway/play/")
    axe_check(page)
    assert page.get_by_role("button", name="Save version").count() == 0
    before = total_2050(page)
    move_lever(page, 5)
    page.wait_for_function(
        "([selector, before]) => !document.querySelector(selector).innerText.includes(before)",
        arg=["#results-summary", before],
    )
    assert total_2050(page) != before
    axe_check(page)
    page.reload()  # the personal copy is kept in the session
    assert total_2050(page) != before
    assert not services.scenarios_for(leicestershire_committed)


def test_editor_creates_describes_imports_and_reads_history(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable, tmp_path: Any
) -> None:
    sign_in(page, live_server, Role.PARTNER_EDITOR, leicestershire_committed)
    page.goto(f"/places/{leicestershire_committed.slug}/pathway/scenarios/")
    page.get_by_role("link", name="Create a scenario").click()
    axe_check(page)
    page.get_by_role("button", name="Create scenario").click()  # no name: an error
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name")
    axe_check(page)
    page.get_by_label("Name", exact=True).fill("Quick wins")
    page.get_by_role("button", name="Create scenario").click()
    expect(page.locator("h1")).to_contain_text("Quick wins")

    page.get_by_role("link", name="Change name or description").click()
    axe_check(page)
    page.get_by_label("Description (optional)").fill("Cheap measures first.")
    page.get_by_role("button", name="Save name and description").click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()

    page.get_by_role("link", name="History of changes").click()
    expect(page.locator("#scenario-history tbody tr")).to_have_count(2)
    axe_check(page)

    bad = tmp_path / "bad.yaml"
    bad.write_text("levers: {heat_network: 2}\n", encoding="utf-8")
    page.goto(f"/places/{leicestershire_committed.slug}/pathway/scenarios/import/")
    axe_check(page)
    page.get_by_label("Scenario file").set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("unknown lever 'heat_network'")
    axe_check(page)


def test_an_officer_of_another_place_sees_the_plan_but_is_refused_with_the_reason(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    author = UserFactory(role=Role.OFFICER, place=place)
    _, definition = services.default_definition(place)
    scenario = services.create_scenario(
        place, name="County draft", description="", definition=definition, user=author
    )
    rutland = PlaceFactory(slug="rutland-demo", name="Rutland")
    sign_in(page, live_server, Role.OFFICER, rutland)

    page.goto(f"/places/{place.slug}/pathway/scenarios/")
    expect(page.locator("#saved-scenarios")).to_contain_text("County draft")
    expect(page.get_by_role("link", name="Create a scenario")).to_have_count(0)
    page.get_by_role("link", name="County draft", exact=True).click()
    expect(page.locator("h1")).to_contain_text("County draft")
    expect(page.get_by_role("button", name="Save version 2")).to_have_count(0)
    expect(page.get_by_role("button", name="Make this the preferred pathway")).to_have_count(0)
    axe_check(page)

    response = page.goto(f"/places/{place.slug}/pathway/scenarios/{scenario.pk}/details/")
    assert response is not None and response.status == 403
    expect(page.locator("main")).to_contain_text(
        "Only partner editors and officers of Leicestershire, and administrators, may do "
        "this. You are an officer of Rutland."
    )
    axe_check(page)
