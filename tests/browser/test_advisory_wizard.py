"""The signposting wizard in a real browser, one question a page, as a parish council wanting
solar on its village hall and as a householder in fuel poverty: each gets the right resources
first, with the reasons, and the search and a resource page work; axe-core on every page."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def advice(page: Page, leicestershire_committed: Any, axe_check: Any) -> Page:
    from placezero.advisory.demo import load_demo

    load_demo()
    page.goto("/places/leicestershire/advice/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Advice and funding")
    axe_check(page)
    return page


def _answer(page: Page, axe_check: Any, heading: str, *labels: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    axe_check(page)
    for label in labels:
        page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Continue").click()


def _results(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("#wizard-results h3").all_inner_texts()]


def test_a_parish_council_wanting_solar_on_its_village_hall(advice: Page, axe_check: Any) -> None:
    page = advice
    page.get_by_role("button", name="Find what applies to you").click()
    axe_check(page)
    page.get_by_role("button", name="Start now").click()
    # Continuing without an answer says what to do, and the page still passes axe.
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select who you are asking for")
    axe_check(page)
    _answer(page, axe_check, "Who are you asking for?", "A parish or town council")
    _answer(page, axe_check, "Where are you?", "Melton")
    _answer(
        page,
        axe_check,
        "What do you want to do?",
        "Generate electricity, for example with solar panels",
    )
    _answer(
        page,
        axe_check,
        "Do any of these apply?",
        "Responsible for a community building, such as a village hall",
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("What applies to you")
    axe_check(page)
    first = _results(page)[:4]
    assert (
        "Solar panels on a village hall: a step-by-step guide for parish and town councils" in first
    )
    assert "Village hall energy grant (demo fund)" in first
    expect(page.locator("#wizard-results li").first).to_contain_text("For parish and town councils")
    expect(page.locator("#wizard-closed")).to_contain_text("Community Energy Fund")
    # The answers are in the address: the back link returns to the last question, answered.
    assert "who=parish" in page.url and "situation=community-building" in page.url
    page.get_by_role("link", name="Back", exact=True).click()
    expect(
        page.get_by_label("Responsible for a community building, such as a village hall")
    ).to_be_checked()
    page.go_back()
    page.get_by_role(
        "link",
        name="Solar panels on a village hall: a step-by-step guide for parish and town councils",
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Solar panels on a village hall")
    expect(page.locator(".govuk-warning-text")).to_contain_text("Demo content")
    axe_check(page)


def test_a_householder_in_fuel_poverty(advice: Page, axe_check: Any) -> None:
    page = advice
    page.goto("/places/leicestershire/advice/check/who/")
    _answer(page, axe_check, "Who are you asking for?", "I own my home")
    _answer(page, axe_check, "Where are you?", "Hinckley and Bosworth")
    _answer(page, axe_check, "What do you want to do?", "Cut energy use and bills")
    _answer(
        page, axe_check, "Do any of these apply?", "Struggling to pay energy bills or to keep warm"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("What applies to you")
    axe_check(page)
    first = _results(page)[:5]
    assert first[0] == "Warm Homes: Local Grant"
    assert "Warm Home Discount" in first
    expect(page.locator("#wizard-closed")).to_contain_text("Energy Company Obligation (ECO4)")


def test_search_and_a_tampered_wizard_link(advice: Page, axe_check: Any) -> None:
    page = advice
    page.get_by_label("Search advice and funding").fill("heat pump grant")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#search-results h3").first).to_have_text(
        "Boiler Upgrade Scheme: a grant towards a heat pump"
    )
    axe_check(page)
    page.goto(
        "/places/leicestershire/advice/check/results/?who=dragon&where=x&what=solar&situation=none"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We could not use some answers in this link"
    )
    expect(page.locator("#wizard-problems")).to_contain_text("dragon")
    axe_check(page)


def test_an_editor_adds_a_resource_and_follows_it(
    advice: Page, axe_check: Any, live_server: Any, leicestershire_committed: Any
) -> None:
    from django.conf import settings
    from django.test import Client

    from placezero.accounts.options import Role
    from placezero.accounts.tests.factories import UserFactory

    page = advice
    client = Client()
    client.force_login(UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire_committed))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.reload()
    page.get_by_role("link", name="Add a resource").click()
    axe_check(page)
    page.get_by_role("button", name="Save").click()  # nothing filled in
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    axe_check(page)
    page.get_by_label("Kind").select_option("guide")
    page.get_by_label("Title").fill("Orchard barn heat pumps")
    page.get_by_label("Slug").fill("orchard-barn-heat-pumps")
    page.get_by_label("Summary").fill("Heating old barns with heat pumps.")
    page.get_by_label("Body").fill("Read this <script>alert(1)</script> **first**.")
    page.get_by_label("Businesses").check()
    page.get_by_label("Heat pumps").check()
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Orchard barn heat pumps")
    expect(page.locator(".pz-advisory-body strong")).to_have_text("first")
    assert page.locator(".pz-advisory-body script").count() == 0
    axe_check(page)
    page.goto("/places/leicestershire/advice/follow/")
    axe_check(page)
    page.get_by_label("Heat pumps").check()
    page.get_by_role("button", name="Save what I follow").click()
    feed = page.locator("#feed-url").inner_text()
    axe_check(page)
    body = page.request.get(feed).text()
    assert "Orchard barn heat pumps" in body


def _sign_in(page: Page, live_server: Any, user: Any) -> None:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_an_editor_changes_the_wizards_rules_and_sees_the_flow(
    advice: Page, axe_check: Any, live_server: Any, leicestershire_committed: Any
) -> None:
    from placezero.accounts.options import Role
    from placezero.accounts.tests.factories import UserFactory

    page = advice
    _sign_in(
        page, live_server, UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire_committed)
    )
    page.reload()
    page.get_by_role("link", name="Change the wizard\u2019s questions and rules").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The wizard\u2019s questions and rules"
    )
    axe_check(page)
    page.get_by_role("link", name="Add an answer to What do you want to do?").click()
    axe_check(page)
    page.get_by_label("Value").fill("historic")
    page.get_by_label("Answer", exact=True).fill("Care for an old building")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Add a rule").click()
    page.get_by_label("When the answer is").select_option("what=historic")
    page.get_by_label("Resources about this topic rank higher").select_option("historic-buildings")
    page.get_by_label("By how much (1 to 9)").fill("12")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a weight from 1 to 9")
    axe_check(page)
    page.get_by_label("By how much (1 to 9)").fill("5")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#wizard-rule-table")).to_contain_text("Care for an old building")
    page.get_by_role("link", name="See the question flow").click()
    expect(page.locator("#wizard-flow-svg")).to_be_visible()
    expect(page.locator("#wizard-flow-text")).to_contain_text(
        "Care for an old building: ranks Historic buildings +5"
    )
    axe_check(page)
    # The wizard offers the new answer at once.
    page.goto("/places/leicestershire/advice/check/what/?who=householder&where=elsewhere")
    page.get_by_label("Care for an old building").check()
    page.get_by_role("button", name="Continue").click()
    _answer(page, axe_check, "Do any of these apply?", "None of these")
    expect(page.locator("#wizard-results li").first).to_contain_text("About historic buildings")
    page.goto("/places/leicestershire/advice/taxonomy/")
    axe_check(page)
    page.get_by_role("button", name="Add a topic").click()
    page.get_by_label("Slug").fill("water")
    page.get_by_label("Name").fill("Water saving")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#topic-list")).to_contain_text("Water saving")


def test_a_resident_saves_a_search_and_deletes_it(
    advice: Page, axe_check: Any, live_server: Any
) -> None:
    from placezero.accounts.options import Role
    from placezero.accounts.tests.factories import UserFactory

    page = advice
    _sign_in(page, live_server, UserFactory(role=Role.RESIDENT))
    page.goto("/places/leicestershire/advice/?q=solar&kind=funding")
    axe_check(page)
    page.get_by_role("button", name="Save this search and follow it").click()
    expect(page.locator("#saved-search-list")).to_contain_text("“solar”, type: Funding")
    axe_check(page)
    feed = page.locator("#saved-search-list a", has_text="Feed (Atom)").get_attribute("href")
    assert "<feed" in page.request.get(feed).text()
    page.get_by_role("button", name="Delete the saved search “solar”, type: Funding").click()
    expect(page.get_by_text("You have no saved searches")).to_be_visible()
    assert page.request.get(feed).status == 404
