"""The sign-in journey in a real browser, with an axe accessibility check on each page.

Runs with `pytest -m browser` (needs Chromium: `make chromium`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from placezero.accounts.options import Role

from .factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = os.environ.get("PLACEZERO_CHROMIUM", shutil.which("chromium") or "")


@pytest.fixture
def page() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM:
        pytest.fail("Chromium is not installed: run `make chromium` or set PLACEZERO_CHROMIUM.")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls
    # (creating the user) are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser.new_page()
        browser.close()


# WCAG 2.2 level A and AA: the standard UK public sector websites must meet (Public Sector
# Bodies Accessibility Regulations 2018, as GOV.UK guidance applies them).
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page: object) -> None:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    assert results.violations_count == 0, results.generate_report()


def test_sign_in_with_a_mistake_then_correctly_reaches_your_account(
    page: object, live_server: object
) -> None:
    user = UserFactory(role=Role.OFFICER, first_name="Olu", last_name="Example")
    page.goto(f"{live_server.url}/accounts/profile/")
    assert page.locator("h1").inner_text() == "Sign in"
    assert_accessible(page)

    page.get_by_label("Username").fill(user.username)
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)

    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/accounts/profile/")
    assert "Olu Example" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_reset_request_page_is_accessible(page: object, live_server: object) -> None:
    page.goto(f"{live_server.url}/accounts/password-reset/")
    page.get_by_role("button", name="Send the link").click()
    assert page.get_by_role("link", name="Enter your email address").is_visible()
    assert_accessible(page)
