"""The published outputs page on a phone: an officer marks the preferred pathway, a visitor
finds it and the plan on a page on Leicestershire's published outputs, filters them by
keyboard, and follows the feed link; axe-core on each page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.pathways import services

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_a_visitor_filters_the_published_outputs_on_a_phone(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    place = leicestershire_committed
    officer = UserFactory(role=Role.OFFICER, place=place)
    scenario = services.create_scenario(
        place,
        name="Agreed pathway",
        description="The pathway the partnership agreed.",
        definition=services.shipped_definitions()["balanced"],
        user=officer,
    )
    services.set_preferred(scenario, user=officer)

    page.set_viewport_size(PHONE)
    page.goto("/places/leicestershire/published/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Published outputs")
    outputs = page.locator("[data-output]")
    # The plan on a page, the preferred pathway, and the replication guide every place has.
    expect(outputs).to_have_count(3)
    expect(page.get_by_role("link", name="Leicestershire: plan on a page")).to_be_visible()
    expect(
        page.get_by_role("link", name="Replicating the programme for another council")
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    axe_check(page)

    # By keyboard: choose a topic and submit the form.
    page.get_by_label("Topic", exact=True).focus()
    page.get_by_label("Topic", exact=True).select_option("heat")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(
        re.compile(r"/places/leicestershire/published/\?audience=&topic=heat$")
    )
    expect(page.get_by_role("heading", name="2 outputs about heat")).to_be_visible()
    page.get_by_label("Written for", exact=True).select_option("investors")
    page.get_by_role("button", name="Show outputs").click()
    expect(page.get_by_role("heading", name="2 outputs for investors about heat")).to_be_visible()
    axe_check(page)

    # A choice that is not on the list is explained, not failed.
    page.goto("/places/leicestershire/published/?audience=aliens")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose an audience from the list")
    axe_check(page)

    feed = page.request.get("/places/leicestershire/published/feed.atom?topic=heat")
    assert feed.ok
    titles = [e.text for e in ET.fromstring(feed.body()).iter("{http://www.w3.org/2005/Atom}title")]
    assert "Preferred pathway for Leicestershire: Agreed pathway" in titles

    # The plan on a page link goes to the plan.
    page.goto("/places/leicestershire/published/")
    page.get_by_role("link", name="Leicestershire: plan on a page").click()
    expect(page).to_have_url(re.compile(r"/places/leicestershire/pathway/plan/$"))
