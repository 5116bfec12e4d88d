"""Feedback in the browser: from the phase banner to the form, sent, the secret link shown,
and an officer marking it reviewed; every page passes axe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.feedback.models import Feedback

pytestmark = pytest.mark.browser


def test_feedback_from_the_banner_to_review(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    page.goto("/places/leicestershire/pathway/")
    page.locator("#phase-banner-feedback").click()
    expect(page.locator("h1")).to_have_text("Give feedback on placezero")
    axe_check(page)
    page.get_by_label("Satisfied", exact=True).check()
    page.get_by_label("How could we improve it?").fill("Say what MSOA means sooner.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator("h1")).to_have_text("Thank you for your feedback")
    expect(page.locator("#feedback-link")).to_contain_text("/feedback/mine/")
    axe_check(page)
    feedback = Feedback.objects.get()
    assert feedback.page == "/places/leicestershire/pathway/"
    assert feedback.satisfaction == "satisfied"

    client = Client()
    client.force_login(UserFactory(role=Role.OFFICER))
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )
    page.goto("/feedback/review/")
    expect(page.locator(f"#feedback-{feedback.pk}")).to_contain_text("Say what MSOA means")
    axe_check(page)
    page.get_by_role("button", name="Mark reviewed").click()
    expect(page.locator(f"#feedback-{feedback.pk}")).to_contain_text("Reviewed")
    feedback.refresh_from_db()
    assert feedback.status == "reviewed"


def test_an_empty_message_is_refused_in_the_browser(
    page: Page, leicestershire_committed: Any, axe_check: Callable
) -> None:
    page.goto("/feedback/")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your feedback")
    axe_check(page)
    assert Feedback.objects.count() == 0
