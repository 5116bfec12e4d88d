"""The action tracker in a real browser, along issue 13's "Done when": an officer creates an
action, links it to a lever and sees its expected impact; posts an update with delivered
outputs and sees the actual trajectory and the dashboard change; adds a dependency that
would make a cycle and is refused. Every page visited passes axe-core."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import TEST_PASSWORD, UserFactory
from placezero.tracker.models import Action, Plan

pytestmark = pytest.mark.browser


def _sign_in(page: Page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).not_to_have_text("Sign in")


def test_an_officer_tracks_an_action_from_lever_to_dashboard(
    page: Page,
    leicestershire_committed: Any,
    axe_check: Callable[[Page], None],
    show_table: Callable[[Page, str], Any],
) -> None:
    place = leicestershire_committed
    officer = UserFactory(role=Role.OFFICER, place=place)
    owner = officer.memberships.get().organisation
    plan = Plan.objects.create(place=place, title="County action plan", starts=2023, ends=2027)
    grid = Action.objects.create(
        place=place, plan=plan, owner=owner, reference="G1", title="Grid capacity study",
        theme="buildings_energy", planned_start=dt.date(2024, 1, 1),
        planned_end=dt.date(2025, 1, 1),
    )  # fmt: skip
    _sign_in(page, officer.username)

    page.goto(f"/places/{place.slug}/actions/")
    expect(page.locator("h1")).to_have_text("Action plan dashboard")
    before = page.locator("[data-summary]").inner_text()
    axe_check(page)

    # Create an action; a backwards date range first, refused with the dates.
    page.goto(f"/places/{place.slug}/actions/new/")
    page.get_by_label("Plan", exact=True).select_option(label="County action plan")
    page.get_by_label("Reference", exact=True).fill("H1")
    page.get_by_label("Title", exact=True).fill("Heat pumps in Charnwood")
    page.get_by_label("Theme", exact=True).select_option(label="Buildings and energy")
    page.get_by_label("Lead organisation", exact=True).select_option(label=owner.name)
    page.get_by_label("District", exact=True).select_option(label="Charnwood (E07000130)")
    page.get_by_label("Status", exact=True).select_option(label="On track")
    page.get_by_label("Planned start").fill("2025-04-01")
    page.get_by_label("Planned end").fill("2024-03-31")
    page.get_by_role("button", name="Create action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("before the planned start")
    axe_check(page)
    page.get_by_label("Planned end").fill("2028-03-31")
    page.get_by_role("button", name="Create action").click()
    expect(page.locator("h1")).to_have_text("H1 Heat pumps in Charnwood")

    # Link it to a lever: the engine's expected impact appears.
    page.get_by_text("Link to a pathway lever").click()
    page.get_by_label("Pathway lever").select_option("domestic_heat_pumps")
    page.get_by_label("Amount the action delivers").fill("4000")
    page.get_by_label("Target year").fill("2028")
    page.get_by_role("button", name="Link and compute impact").click()
    expected = page.locator("[data-lever=domestic_heat_pumps] [data-expected]")
    expect(expected).to_have_text(re.compile(r"^[1-9][0-9]?,[0-9]{3}$"))
    axe_check(page)

    # Post an update with delivered outputs: the actual trajectory follows.
    page.get_by_text("Post an update").click()
    page.get_by_label("What happened").fill("The first thousand heat pumps are installed.")
    page.get_by_label("Domestic heat pumps: heat pumps added delivered").fill("1000")
    page.get_by_role("button", name="Post update").click()
    expect(page.locator("[data-lever=domestic_heat_pumps] [data-delivered]")).to_have_text(
        "1,000 heat pumps added"
    )
    trajectory = show_table(page, "table-action-trajectory")
    actual_2030 = trajectory.locator("tr", has_text="2030").locator("td").nth(1).inner_text()
    assert float(actual_2030.replace(",", "")) > 0
    expect(page.locator(".pz-history")).to_contain_text("Changed")
    axe_check(page)

    # The dashboard changed: two actions, and delivered outputs now avoid emissions.
    page.goto(f"/places/{place.slug}/actions/")
    expect(page.locator("[data-figure=total]")).to_have_text("2")
    after = page.locator("[data-summary]").inner_text()
    assert after != before and "outputs delivered so far avoid 0 " not in after

    # H1 needs G1; then G1 needs H1 would be a cycle, refused with the cycle named.
    page.goto(f"/places/{place.slug}/actions/{Action.objects.get(reference='H1').pk}/")
    page.get_by_text("Add a dependency").click()
    page.get_by_label("This action", exact=True).select_option(label="Needs")
    page.get_by_label("Other action", exact=True).select_option(label=str(grid))
    page.get_by_role("button", name="Add dependency").click()
    expect(page.locator("[data-dependencies]")).to_contain_text("needs G1 Grid capacity study")
    page.goto(f"/places/{place.slug}/actions/{grid.pk}/")
    page.get_by_text("Add a dependency").click()
    page.get_by_label("This action", exact=True).select_option(label="Needs")
    page.get_by_label("Other action", exact=True).select_option(label="H1 Heat pumps in Charnwood")
    page.get_by_role("button", name="Add dependency").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("cycle of dependencies")
    expect(page.locator(".govuk-error-summary")).to_contain_text("H1 → G1 → H1")
    axe_check(page)
    assert grid.dependencies.count() == 0


PHONE = {"width": 390, "height": 844}


def test_the_demo_plan_reads_on_a_phone(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    from placezero.accounts.demo import create_demo_accounts
    from placezero.tracker import demo

    place = leicestershire_committed
    create_demo_accounts(place)
    demo.load(place)
    heat_pumps = Action.objects.get(place=place, reference="B2")
    page.set_viewport_size(PHONE)
    for path in (
        f"/places/{place.slug}/actions/",
        f"/places/{place.slug}/actions/all/?theme=buildings_energy",
        f"/places/{place.slug}/actions/all/?sort=priority",
        f"/places/{place.slug}/actions/priority/",
        f"/places/{place.slug}/actions/reports/",
        f"/places/{place.slug}/actions/{heat_pumps.pk}/",
    ):
        page.goto(path)
        for details in page.locator("details").all():
            details.evaluate("element => { element.open = true; }")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide"
        axe_check(page)
    # The public see the plan and its progress, not who leads each action.
    expect(page.locator("[data-lever=domestic_heat_pumps] [data-delivered]")).to_have_text(
        "120 heat pumps added"
    )
    expect(page.locator("main")).not_to_contain_text("Lead officer")


def test_an_officer_weighs_risks_priorities_and_issues_a_frozen_report(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    from placezero.accounts.demo import create_demo_accounts
    from placezero.tracker import demo

    place = leicestershire_committed
    create_demo_accounts(place)
    demo.load(place)
    officer = UserFactory(role=Role.OFFICER, place=place)
    _sign_in(page, officer.username)
    study = Action.objects.get(place=place, reference="B6")  # not assessed in the demo

    # Co-benefits and deliverability on the action's form (GOV.UK checkboxes).
    page.goto(f"/places/{place.slug}/actions/{study.pk}/edit/")
    page.get_by_label("Fuel poverty").check()
    page.get_by_label("Health and wellbeing").check()
    page.get_by_label("Deliverability").select_option(label="4 - likely")
    axe_check(page)
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("[data-co-benefits]")).to_have_text("Health and wellbeing, Fuel poverty")

    # A risk: a bad one is refused field by field, then a good one is listed with its score.
    page.get_by_text("Add a risk").click()
    page.get_by_role("button", name="Add risk").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)
    page.get_by_label("Risk", exact=True).fill("Too few accredited installers in the county")
    page.get_by_label("Likelihood").select_option("4")
    page.get_by_label("Impact if it happens").select_option("3")
    page.get_by_label("Mitigation").fill("Train installers with the colleges")
    page.get_by_role("button", name="Add risk").click()
    expect(page.locator("[data-risk]")).to_contain_text("12")
    expect(page.locator("[data-priority]")).to_be_visible()
    axe_check(page)
    _fits_a_phone(page, axe_check)

    # Weights: only impact counts; the list sorted by priority puts the largest saving first.
    page.goto(f"/places/{place.slug}/actions/priority/")
    page.get_by_label("Impact (expected savings)").fill("1")
    page.get_by_label("Deliverability", exact=True).fill("0")
    page.get_by_label("Cost per tonne").fill("0")
    page.get_by_role("button", name="Save the weights").click()
    expect(page.locator(".pz-history")).to_contain_text("Changes to the weights")
    axe_check(page)
    page.goto(f"/places/{place.slug}/actions/all/")
    page.get_by_role("link", name="Sort by priority, highest first").click()
    expect(page.locator("[aria-sort=descending]")).to_contain_text("Priority")
    first = page.locator("[data-table=actions] tbody tr").first.locator("[data-priority]")
    expect(first).to_have_text("100")
    axe_check(page)

    # The dependency diagram and its words on the dashboard.
    page.goto(f"/places/{place.slug}/actions/")
    expect(page.locator("svg[data-svg=dependencies] title")).to_have_count(1)
    expect(page.locator("[data-diagram-text]")).to_contain_text("Stage 1")
    axe_check(page)

    # A report for a period, frozen when issued; its PDF is offered.
    page.goto(f"/places/{place.slug}/actions/reports/")
    page.get_by_label("Period starts").fill("2024-01-01")
    page.get_by_label("Period ends").fill("2023-01-01")
    page.get_by_role("button", name="Issue the report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("before it starts")
    axe_check(page)
    page.get_by_label("Period ends").fill("2024-12-31")
    page.get_by_role("button", name="Issue the report").click()
    expect(page.locator("h1")).to_contain_text("action plan progress, 1 January 2024")
    expect(page.locator("[data-report-issued]")).to_contain_text("frozen")
    expect(page.get_by_role("link", name="Download this report (PDF)")).to_be_visible()
    axe_check(page)
    _fits_a_phone(page, axe_check)


def _fits_a_phone(page: Page, axe_check: Callable[[Page], None]) -> None:
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"
    axe_check(page)
    page.set_viewport_size({"width": 1280, "height": 900})
