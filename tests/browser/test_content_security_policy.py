"""The content security policy holds in a real browser: every main page of every module is
opened (as a visitor, and the staff pages as an officer of the place) and any violation the
browser reports fails the test, naming the page, the directive and what was blocked.

Two listeners, so neither can miss what the other sees: the `securitypolicyviolation` event
(installed before any page script runs, through Playwright's init script, which the policy
does not govern) and Chromium's console lines ("Refused to …")."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.browser

COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
    (event.sample ? " (" + event.sample + ")" : "")
  );
});
"""

PUBLIC = [
    "/",
    "/places/",
    "/places/leicestershire/",
    "/data-sources/",
    "/privacy/",
    "/pathway/",
    "/places/leicestershire/pathway/",
    "/places/leicestershire/pathway/my-area/",
    "/places/leicestershire/pathway/officers/",
    "/places/leicestershire/pathway/investors/",
    "/places/leicestershire/pathway/network/",
    "/places/leicestershire/pathway/community/",
    "/places/leicestershire/pathway/play/",
    "/places/leicestershire/pathway/compare/",
    "/places/leicestershire/pathway/plan/",
    "/places/leicestershire/pathway/runs/",
    "/governance/",
    "/places/leicestershire/governance/",
    "/places/leicestershire/governance/decisions/",
    "/actions/",
    "/places/leicestershire/actions/",
    "/landscape/",
    "/places/leicestershire/landscape/",
    "/places/leicestershire/landscape/without-map/",
    "/places/leicestershire/landscape/results/",
    "/community/",
    "/places/leicestershire/community/",
    "/places/leicestershire/community/groups/",
    "/advice/",
    "/places/leicestershire/advice/",
    "/places/leicestershire/advice/check/",
    "/places/leicestershire/published/",
    "/method/",
    "/api/docs",
    "/glossary/",
    "/feedback/",
]
STAFF = [
    "/places/leicestershire/pathway/scenarios/",
    "/places/leicestershire/landscape/moderation/",
    "/places/leicestershire/actions/new/",
    "/feedback/review/",
]


def _sign_in(page: Page, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def _violations(page: Page, paths: list[str]) -> list[str]:
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(COLLECT)
    found: list[str] = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, f"{path}: {response}"
        assert "content-security-policy" in response.headers, f"{path} has no policy"
        page.wait_for_load_state("networkidle")
        found += [f"{path}: {v}" for v in page.evaluate("window.__cspViolations")]
    return found + refused


def test_no_public_page_breaks_the_policy(page: Page, leicestershire_committed: Any) -> None:
    found = _violations(page, PUBLIC)
    assert not found, "Content security policy violations:\n" + "\n".join(found)


def test_no_staff_page_breaks_the_policy(
    page: Page, live_server: Any, leicestershire_committed: Any
) -> None:
    officer = UserFactory(role=Role.OFFICER, place=leicestershire_committed)
    _sign_in(page, live_server, officer)
    found = _violations(page, STAFF)
    assert not found, "Content security policy violations:\n" + "\n".join(found)


def test_the_policy_refuses_an_inline_script(
    browser: Browser, live_server: Any, leicestershire_committed: Any
) -> None:
    """The listeners work: a script written into the page is refused and reported (its own
    browser context: the `page` fixture would fail on the console line this causes)."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.add_init_script(COLLECT)
    page.goto("/privacy/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    ran, seen = page.evaluate("[window.ran === true, window.__cspViolations]")
    context.close()
    assert not ran
    assert any(v.startswith("script-src") for v in seen), seen
