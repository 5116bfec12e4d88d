"""History and notifications in the browser, on a phone (390 px): a scenario's field-by-field
history, the inbox and the notification choices read without sideways scrolling, work by
keyboard and pass axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.activity import services as activity
from placezero.pathways import services as pathways

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def sign_in_as(page: Page, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def fits_a_phone(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def test_a_scenarios_history_reads_on_a_phone(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    place = leicestershire_committed
    officer = UserFactory(role=Role.OFFICER, place=place)
    _, definition = pathways.default_definition(place)
    scenario = pathways.create_scenario(
        place, name="Draft plan", description="A draft.", definition=definition, user=officer
    )
    pathways.update_details(
        scenario, name="Final plan", description="Agreed.", expected_version=1, user=officer
    )
    page.set_viewport_size(PHONE)
    page.goto(f"/places/{place.slug}/pathway/scenarios/{scenario.pk}/history/")
    expect(page.locator("text=Field by field")).to_be_visible()
    expect(page.locator('tr[data-field="name"]')).to_contain_text("Final plan")
    fits_a_phone(page)
    axe_check(page)


def test_the_inbox_and_choices_work_by_keyboard_on_a_phone(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable[[Page], None]
) -> None:
    person = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire_committed)
    activity.notify(
        person,
        "jobs.finished",
        title="Optimisation: run 7 has finished",
        body="Least cost to 2050.",
        url="/",
        place=leicestershire_committed,
    )
    sign_in_as(page, live_server, person)
    page.set_viewport_size(PHONE)
    page.goto("/inbox/")
    expect(page.locator("#header-inbox")).to_contain_text("1")
    expect(page.locator("#notifications")).to_contain_text("Optimisation: run 7 has finished")
    fits_a_phone(page)
    axe_check(page)
    mark = page.locator("#notifications button", has_text="Mark as read")
    expect(mark).to_contain_text("Optimisation: run 7 has finished")  # said to screen readers
    mark.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#notifications")).to_contain_text("Mark as unread")
    expect(page.locator("#header-inbox .govuk-tag")).to_have_count(0)

    page.goto("/inbox/settings/")
    fits_a_phone(page)
    axe_check(page)
    # Every app's kinds are listed (governance's too): choose for the jobs kind.
    jobs_kind = page.get_by_role("group", name="A run you started has ended")
    jobs_kind.get_by_label("In one email a day, with everything still unread").check()
    page.get_by_role("button", name="Save").press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved")
    assert activity.email_choices_of(person)["jobs.finished"] == "daily"
