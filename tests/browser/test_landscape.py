"""Citizen landscaping in the browser (issue 14's "Done when"): an officer sets up the
consultation; a point marked by keyboard, an area drawn by keyboard and one by mouse, sent,
pre-moderated by an officer, published, and the acceptance of that zone changes on the
results map; the route without a map gives the same result; a published contribution is
reported and hidden in bulk. Every page passes axe."""

from __future__ import annotations

import datetime as dt
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
from placezero.landscape.models import Consultation, Contribution
from placezero.landscape.options import Shape, Status
from placezero.landscape.tests.conftest import open_consultation

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
    page.fill("#id_reason", f"Sent from the browser test: {technology}, {stance}")
    page.select_option("#id_tenure", "owns")
    page.check("#id_consent")
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


def set_up_consultation(page: Page, live_server: Any, place: Any, axe_check: Callable) -> Any:
    """An officer sets up the consultation in the browser, by keyboard and mouse."""
    sign_in_as(page, live_server, UserFactory(role=Role.OFFICER, place=place))
    page.goto(f"/places/{place.slug}/landscape/consultations/")
    page.get_by_role("link", name="Set up a consultation").first.click()
    axe_check(page)
    today = dt.date.today()
    page.fill("#id_title", "Where would you welcome low-carbon energy?")
    page.fill("#id_opens_on", (today - dt.timedelta(days=1)).isoformat())
    page.fill("#id_closes_on", (today + dt.timedelta(days=60)).isoformat())
    for label in ("Ground-mounted solar", "Onshore wind", "Heat network"):
        page.get_by_label(label, exact=True).check()
    page.fill("#id_questions_text", "Would you invest in community shares? | Yes | No")
    page.fill("#id_decisions_informed", "The county's acceptance limits for solar and wind.")
    page.fill("#id_privacy_notice", "The council keeps what you send for two years.")
    page.locator("#id_consent_text").focus()
    page.keyboard.type("I agree to the privacy notice.")
    page.get_by_role("button", name="Save the consultation").click()
    expect(page.locator("h1")).to_contain_text("Where would you welcome low-carbon energy?")
    expect(page.locator("#landscape-state")).to_contain_text("Open")
    axe_check(page)
    page.context.clear_cookies()
    return Consultation.objects.get(place=place)


def test_have_your_say_on_the_map_and_without(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    consultation = set_up_consultation(page, live_server, place, axe_check)
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
            consultation, technology="ground_solar", stance="welcome", user=AnonymousUser(),
            client_address=f"earlier-{n}", geometry=point, consent=True,
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

    # The public reports a published contribution; an officer hides it in bulk.
    page.goto(f"/places/{place.slug}/landscape/consultations/{consultation.slug}/said/")
    axe_check(page)
    reported = Contribution.objects.filter(technology="onshore_wind").get()
    page.locator(f"#contribution-{reported.pk}").get_by_role("link", name="Report").click()
    page.select_option("#id_reason", "off_topic")
    page.get_by_role("button", name="Report it").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("a moderator will look")
    officer = UserFactory(role=Role.OFFICER, place=place)
    sign_in_as(page, live_server, officer)
    page.goto(f"/places/{place.slug}/landscape/moderation/")
    expect(page.locator("h2", has_text="Reported by the public")).to_be_visible()
    axe_check(page)
    page.locator(f"#choose-{reported.pk}").check()
    page.select_option("#id_decision", "hide")
    page.fill("#id_reason", "Not about this consultation")
    page.get_by_role("button", name="Record the decision for those ticked").click()
    reported.refresh_from_db()
    assert reported.status == Status.HIDDEN


def test_bad_input_is_refused_clearly_in_the_browser(
    page: Page, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    open_consultation(place)
    page.goto(f"/places/{place.slug}/landscape/without-map/")
    page.fill("#id_reason", "<script>alert('x')</script>")
    page.get_by_role("button", name="Send").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose your neighbourhood")
    expect(summary).to_contain_text("plain text")
    expect(summary).to_contain_text("Tick the box to agree")
    axe_check(page)
    assert not Contribution.objects.exists()


def test_the_map_and_the_pathway_comparison_on_a_phone(
    page: Page, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    consultation = open_consultation(place)
    page.set_viewport_size({"width": 390, "height": 844})
    for path in (
        "landscape/",
        "landscape/without-map/",
        "landscape/consultations/",
        f"landscape/consultations/{consultation.slug}/",
        f"landscape/consultations/{consultation.slug}/said/",
        "landscape/results/",
        "landscape/pathway/",
    ):
        page.goto(f"/places/{place.slug}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{page.url} is {width} px wide"
        axe_check(page)
    expect(page.locator("h2", has_text="consumption basis")).to_be_visible()
