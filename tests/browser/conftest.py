"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every request to anything but the live server is blocked and fails the test, which proves
the pages load nothing from a CDN or any other site. `axe_check(page)` runs axe-core on the
page and fails on any serious or critical violation, listing them readably.

Needs the front end built (`make static`) and Chromium at /usr/bin/chromium
(`make chromium`); `make test-browser` does both.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, Route, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# database access from it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STATIC_DIR = Path(__file__).resolve().parents[2] / "src" / "placezero" / "web" / "static"
BLOCKING_IMPACTS = ("serious", "critical")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/browser is a browser test (`-m browser` / `-m "not browser"`)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make chromium` (apt-get install it).")
    if not (STATIC_DIR / "css" / "placezero.css").exists():
        pytest.fail("The front end is not built: run `make static` (npm ci, then npm run build).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_server: Any) -> Iterator[Page]:
    """A fresh page whose requests may only go to the live server; any other request is
    aborted and fails the test when it ends."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    console_errors: list[str] = []

    def only_live_server(route: Route, request: Request) -> None:
        if request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    context.route("**/*", only_live_server)
    browser_page = context.new_page()

    def record_console_error(message: Any) -> None:
        # A failed load is reported below with its address; the console line has none.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            console_errors.append(message.text)

    def record_broken_resource(response: Any) -> None:
        # The page itself may be an error page on purpose (404); what it loads may not.
        if response.status >= 400 and response.request.resource_type != "document":
            console_errors.append(f"{response.status} for {response.url}")

    browser_page.on("console", record_console_error)
    browser_page.on("response", record_broken_resource)
    browser_page.on("pageerror", lambda error: console_errors.append(str(error)))
    yield browser_page
    context.close()
    assert not outside, "The page tried to load from outside the site:\n" + "\n".join(outside)
    assert not console_errors, "The page logged errors:\n" + "\n".join(console_errors)


def _describe(violation: dict[str, Any]) -> str:
    targets = [" ".join(map(str, node.get("target", []))) for node in violation["nodes"]]
    lines = [
        f"[{violation['impact']}] {violation['id']}: {violation['help']}",
        f"  {violation['helpUrl']}",
    ]
    lines += [f"  at {target}" for target in targets[:10]]
    if len(targets) > 10:
        lines.append(f"  … and {len(targets) - 10} more")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_check() -> Callable[[Page], None]:
    """`axe_check(page)`: fail on any serious or critical axe-core violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(browser_page: Page) -> None:
        results = axe.run(browser_page)
        blocking = [
            v for v in results.response["violations"] if v.get("impact") in BLOCKING_IMPACTS
        ]
        assert not blocking, (
            f"axe-core found {len(blocking)} serious or critical accessibility problem(s) on "
            f"{browser_page.url}:\n" + "\n".join(_describe(v) for v in blocking)
        )

    return check


@pytest.fixture(scope="session")
def show_table() -> Callable[[Page, str], Any]:
    """Open the "Show the data table" details a long table is folded in (as a person would,
    by its summary), and return the table by its id."""

    def show(browser_page: Page, table_id: str) -> Any:
        details = browser_page.locator(f"details:has(#{table_id})")
        if details.count() and not details.first.evaluate("element => element.open"):
            details.first.locator("summary").click()
        return browser_page.locator(f"#{table_id}")

    return show
