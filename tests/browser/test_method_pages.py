"""The method pages read on a phone and pass axe; their wide tables scroll in their own
region, not the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/method/", "/method/assumptions/"])
def test_method_page_on_a_phone(
    page: Page, leicestershire_committed: Any, axe_check: Callable[[Page], None], path: str
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
