"""Citizen landscaping in the browser (issue 14's "Done when"): a point marked by keyboard,
an area drawn by keyboard and one by mouse, sent, pre-moderated by an officer, published,
and the acceptance of that zone changes on the results map; the route without a map gives
the same result. Every page passes axe."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from playwright.sync_api import Page, expect
from shapely.geometry import shape

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.landscape import services
from placezero.landscape.models import Contribution
from placezero.landscape.options import Shape, Status

pytestmark = pytest.mark.browser


def sign_in_as(page: Page, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def zone_of(place: Any, geometry: dict[str, Any]) -> Any:
    drawn = shape(geometry)
    return next(z for z in services.zones(place) if shape(z.geometry).covers(drawn))


def send(page: Page, technology: str, stance: str) -> None:
    page.select_option("#id_technology", technology)
    page.select_option("#id_stance", stance)
    page.fill("#id_reason", "Sent from the browser test")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("h1")).to_contain_text("Thank you")


def acceptance_on_the_map(page: Page, place: Any, zone: Any) -> str:
    page.goto(f"/places/{place.slug}/landscape/results/?technology=ground_solar")
    path = page.locator(f'#landscape-results-map path[data-zone="{zone.code}"]')
    expect(path).to_have_count(1)
    return path.get_attribute("aria-label") or ""


def moderate_all(page: Page, live_server: Any, place: Any, axe_check: Callable) -> None:
    officer = UserFactory(role=Role.OFFICER, place=place)
    sign_in_as(page, live_server, officer)
    page.goto(f"/places/{place.slug}/landscape/moderation/")
    axe_check(page)
    while page.locator("a", has_text="Moderate").count():
        page.locator("a", has_text="Moderate").first.click()
        page.select_option("#id_decision", "approve")
        page.get_by_role("button", name="Record the decision").click()
        expect(page.locator("h1")).to_contain_text("waiting for moderation")
    page.context.clear_cookies()


def test_have_your_say_on_the_map_and_without(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    page.goto(f"/places/{place.slug}/landscape/")
    expect(page.locator("#landscape-draw-map .leaflet-pm-toolbar")).to_be_visible()
    axe_check(page)

    # By keyboard: focus the map, zoom in around its centre, mark a point at the cross.
    page.locator("#landscape-draw-map").focus()
    for _ in range(4):
        page.keyboard.press("Equal")
    page.wait_for_timeout(400)
    page.locator("#landscape-mark-point").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#landscape-draw-status")).to_contain_text("point is marked")
    point = json.loads(page.input_value("#id_geometry"))
    zone = zone_of(place, point)

    # Five residents had already welcomed ground-mounted solar there (published).
    officer = UserFactory(role=Role.OFFICER, place=place)
    for n in range(services.MINIMUM_RESPONSES):
        earlier = services.submit(
            place, technology="ground_solar", stance="welcome", user=AnonymousUser(),
            client_address=f"earlier-{n}", geometry=point,
        ).contribution  # fmt: skip
        services.moderate(earlier, decision="approve", reason="", user=officer)
    send(page, "ground_solar", "oppose")

    # By keyboard, an area: corners at the cross, the map moved with the arrow keys.
    page.goto(f"/places/{place.slug}/landscape/")
    page.locator("#landscape-draw-map").focus()
    for _ in range(6):
        page.keyboard.press("Equal")
    page.wait_for_timeout(400)
    for key in ("ArrowUp", "ArrowRight", "ArrowDown"):
        page.locator("#landscape-draw-map").focus()
        page.keyboard.press(key)
        page.wait_for_timeout(300)
        page.locator("#landscape-add-corner").focus()
        page.keyboard.press("Enter")
    page.locator("#landscape-finish-area").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#landscape-draw-status")).to_contain_text("area with 3 corners")
    send(page, "onshore_wind", "welcome")

    # By mouse, an area with Geoman's polygon tool around the map's centre.
    page.goto(f"/places/{place.slug}/landscape/")
    map_box = page.locator("#landscape-draw-map")
    page.locator("#landscape-draw-map").focus()
    for _ in range(6):
        page.keyboard.press("Equal")
    page.wait_for_timeout(400)
    page.get_by_role("button", name=re.compile("Draw Polygon", re.I)).click()
    box = map_box.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx, dy in ((-30, -20), (30, -20), (0, 30), (-30, -20)):
        page.mouse.click(cx + dx, cy + dy)
    expect(page.locator("#landscape-draw-status")).to_contain_text("area is drawn")
    send(page, "heat_network", "neutral")

    waiting = Contribution.objects.filter(place=place, status=Status.PENDING)
    assert sorted(waiting.values_list("shape", flat=True)) == [Shape.AREA, Shape.AREA, Shape.POINT]
    # Pre-moderated: nothing counts yet.
    assert "100 % accept" in acceptance_on_the_map(page, place, zone)
    moderate_all(page, live_server, place, axe_check)
    label = acceptance_on_the_map(page, place, zone)
    assert "83 % accept" in label and "6 responses" in label, label
    axe_check(page)
    row = page.locator(f'#table-landscape-acceptance tr:has-text("{zone.code}")')
    expect(row).to_contain_text("83")

    # Without a map: the same zone chosen from the list, the place described in words.
    page.goto(f"/places/{place.slug}/landscape/without-map/")
    axe_check(page)
    page.select_option("#id_zone_code", zone.code)
    page.fill("#id_place_description", "The field behind the school")
    send(page, "ground_solar", "oppose")
    moderate_all(page, live_server, place, axe_check)
    label = acceptance_on_the_map(page, place, zone)
    assert "71 % accept" in label and "7 responses" in label, label


def test_bad_input_is_refused_clearly_in_the_browser(
    page: Page, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    page.goto(f"/places/{place.slug}/landscape/without-map/")
    page.fill("#id_reason", "<script>alert('x')</script>")
    page.get_by_role("button", name="Send").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose your neighbourhood")
    expect(summary).to_contain_text("plain text")
    axe_check(page)
    assert not Contribution.objects.exists()


def test_the_map_and_the_pathway_comparison_on_a_phone(
    page: Page, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    page.set_viewport_size({"width": 390, "height": 844})
    for path in (
        "landscape/",
        "landscape/without-map/",
        "landscape/results/",
        "landscape/pathway/",
    ):
        page.goto(f"/places/{place.slug}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{page.url} is {width} px wide"
        axe_check(page)
    expect(page.locator("h2", has_text="consumption basis")).to_be_visible()
