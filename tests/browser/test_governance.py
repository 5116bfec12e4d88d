"""Governance in a real browser.

A fast-track decision: an officer proposes it; a board member who declares an interest is
refused a vote; two members approve before the deadline; the decision notice is published
and links to the action it created. A second proposal passes its time limit and escalates
to the board, with the notification in the inbox. Then every page of the demo partnership
on a phone (390 px, nothing wider than the screen) and a desktop, as the public, an officer
and a member. axe-core checks every page visited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Page, expect

from placezero.accounts.demo import create_demo_accounts
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.governance import services
from placezero.governance.demo import load_governance_demo
from placezero.governance.models import Meeting
from placezero.governance.options import MemberRole
from placezero.governance.tests.factories import seat

pytestmark = pytest.mark.browser
GOVERNANCE = "/places/leicestershire/governance/"


def sign_in(page: Page, live_server: Any, user: Any) -> None:
    """Give the browser the session of `user` (and only theirs)."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


@pytest.fixture
def partnership(leicestershire_committed: Any) -> dict[str, Any]:
    place = leicestershire_committed
    services.install_structure(place, services.starting_template("two-tier-county"))
    board = services.body_of(place, "partnership-board")
    group = services.body_of(place, "buildings-energy")
    return {
        "place": place,
        "officer": UserFactory(role=Role.OFFICER, place=place, first_name="Olu"),
        "board": [seat(board, MemberRole.CHAIR), seat(board), seat(board)],
        "group": [seat(group, MemberRole.CHAIR), seat(group)],
    }


def propose(page: Page, title: str, body: str, cost: str, action: str) -> None:
    page.goto(GOVERNANCE)
    page.get_by_role("link", name="Propose a decision").first.click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Decision asked for").fill(f"Approve £{cost} for {title.lower()}.")
    page.get_by_label("Body to decide").select_option(label=body)
    # The route by keyboard: from the first radio, the arrow key moves to the fast track.
    page.get_by_label("Standard route").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Fast-track route")).to_be_checked()
    page.get_by_label("Cost (£)").fill(cost)
    page.get_by_label("Actions it creates").fill(action)
    page.get_by_role("button", name="Propose the decision").click()


def vote(page: Page, live_server: Any, user: Any, url: str) -> None:
    sign_in(page, live_server, user)
    page.goto(url)
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Record my vote").click()
    expect(page.get_by_text("Your vote is recorded.")).to_be_visible()


def test_a_fast_track_decision_from_proposal_to_notice_and_an_escalation(
    page: Page, live_server: Any, partnership: dict, axe_check: Callable[[Page], None]
) -> None:
    officer, (chair, interested, member) = partnership["officer"], partnership["board"]
    sign_in(page, live_server, officer)
    page.goto(GOVERNANCE)
    axe_check(page)
    propose(
        page,
        "Solar canopies at two depots",
        "Net zero partnership board",
        "40000",
        "Install solar canopies at two depots",
    )
    expect(page.get_by_role("heading", name="D001: Solar canopies at two depots")).to_be_visible()
    decision_url = page.url
    axe_check(page)

    # A member who declares an interest loses the vote, on the page and at the door.
    sign_in(page, live_server, interested.user)
    page.goto(decision_url)
    page.get_by_label("Your interest").fill("I am a director of the installer")
    page.get_by_role("button", name="Declare my interest").click()
    expect(page.get_by_text("You declared an interest in this decision")).to_be_visible()
    expect(page.get_by_role("button", name="Record my vote")).to_have_count(0)
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    refused = page.request.post(
        decision_url + "vote/",
        form={"choice": "approve"},
        headers={"X-CSRFToken": token, "Referer": decision_url},
    )
    assert refused.status == 403
    assert "You declared an interest in this decision" in refused.text()
    axe_check(page)

    # Two members approve before the deadline.
    vote(page, live_server, chair.user, decision_url)
    vote(page, live_server, member.user, decision_url)
    expect(page.get_by_text("D001 is approved.")).to_be_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # The notice is published (in the repository too) and links to what it created.
    page.get_by_role("link", name="Read the decision notice").click()
    expect(page.get_by_role("heading", name="Decision notice D001")).to_be_visible()
    axe_check(page)
    page.goto("/places/leicestershire/published/")
    expect(page.get_by_text("Decision notice D001: Solar canopies at two depots")).to_be_visible()
    page.go_back()
    # What it created is a tracker action (the tracker's outcome handler), in the action plan.
    page.get_by_role("link", name="Action: Install solar canopies at two depots").click()
    expect(
        page.get_by_role("heading", name="D001.1 Install solar canopies at two depots")
    ).to_be_visible()
    assert "/places/leicestershire/actions/" in page.url
    expect(page.get_by_text("Created by decision D001 (")).to_be_visible()
    axe_check(page)

    # A second proposal passes its time limit and escalates to the board.
    sign_in(page, live_server, officer)
    propose(
        page,
        "Heat pump studies for two libraries",
        "Buildings and energy working group",
        "18000",
        "Commission two heat pump studies",
    )
    expect(
        page.get_by_role("heading", name="D002: Heat pump studies for two libraries")
    ).to_be_visible()
    second = services.decision_of(partnership["place"], 2)
    said = services.check_deadlines(now=second.deadline + timedelta(minutes=1))
    assert said.startswith("1 escalated")
    sign_in(page, live_server, chair.user)
    page.reload()
    expect(page.get_by_role("heading", name="Escalations")).to_be_visible()
    expect(
        page.get_by_text("Buildings and energy working group missed its deadline")
    ).to_be_visible()
    # The board decides now: its chair may vote.
    expect(page.get_by_role("button", name="Record my vote")).to_be_visible()
    axe_check(page)
    # The notification is in the inbox of each board member (and the proposer's).
    page.goto("/inbox/")
    expect(
        page.get_by_role("link", name="D002 escalated to Net zero partnership board")
    ).to_be_visible()
    axe_check(page)


G = GOVERNANCE


@pytest.fixture
def demo(leicestershire_committed: Any) -> Any:
    create_demo_accounts(leicestershire_committed)
    load_governance_demo(leicestershire_committed)
    return leicestershire_committed


def public_pages(place: Any) -> list[str]:
    meeting = Meeting.objects.filter(body__place=place).first()
    rounds = list(place.evaluation_rounds.values_list("pk", flat=True))
    return [
        G,
        G + "bodies/partnership-board/",
        G + "bodies/community-energy/",
        G + "powers/",
        G + "powers/estates/",
        G + "rules/",
        G + "pact/",
        G + "decisions/",
        G + "decisions/1/",
        G + "decisions/1/notice/",
        G + "decisions/2/",
        G + "principles/",
        *[G + f"evaluation/{pk}/" for pk in rounds],
        G + f"meetings/{meeting.pk}/",
        G + "structure/",
    ]


OFFICER_PAGES = [
    "decisions/new/",
    "bodies/partnership-board/members/new/",
    "bodies/partnership-board/meetings/new/",
    "powers/estates/edit/",
    "principles/1/edit/",
    "bodies/new/",
    "bodies/partnership-board/edit/",
    "rules/new/",
]


def check_page(page: Page, url: str, axe_check: Callable[[Page], None]) -> None:
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (url, width)
    axe_check(page)


def test_every_governance_page_on_a_phone_and_a_desktop(
    page: Page, live_server: Any, demo: Any, axe_check: Callable[[Page], None]
) -> None:
    page.goto("/")
    page.get_by_role("link", name="Governance").first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="The partnership")).to_be_visible()
    for url in public_pages(demo):
        check_page(page, url, axe_check)
    sign_in(page, live_server, get_user_model().objects.get(username="officer"))
    seat_id = services.body_of(demo, "partnership-board").members.first().pk
    rule_id = services.rules_of(demo).first().pk
    for url in [
        *OFFICER_PAGES,
        f"bodies/partnership-board/members/{seat_id}/edit/",
        f"rules/{rule_id}/edit/",
    ]:
        check_page(page, G + url, axe_check)
    # A member answers in the open round: the answer forms pass axe too.
    sign_in(page, live_server, get_user_model().objects.get(username="board-chair"))
    open_round = demo.evaluation_rounds.get(status="open")
    check_page(page, G + f"evaluation/{open_round.pk}/", axe_check)
    expect(page.get_by_role("button", name="Save this answer").first).to_be_visible()


def test_an_officer_changes_a_body_a_seat_and_a_rule(
    page: Page, live_server: Any, partnership: dict, axe_check: Callable[[Page], None]
) -> None:
    """The structure in the browser: new terms of reference become version 2; a term ending
    before it starts is refused in the error summary; a new delegation threshold is listed."""
    sign_in(page, live_server, partnership["officer"])
    page.goto(G + "bodies/buildings-energy/")
    page.get_by_role("link", name="Change Buildings and energy working group").click()
    page.get_by_label("Terms of reference").fill("Meets monthly; reports to the board.")
    page.get_by_label("Quorum").fill("3")
    page.get_by_role("button", name="Save the body").click()
    expect(page.get_by_role("heading", name="Terms of reference (version 2)")).to_be_visible()
    expect(page.get_by_text("Meets monthly; reports to the board.").first).to_be_visible()
    axe_check(page)

    member = partnership["group"][1]
    page.get_by_role("link", name=f"Change {member.user}'s seat").click()
    page.get_by_label("Term ends").fill("2020-01-01")
    page.get_by_role("button", name="Save the seat").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("before it starts")
    axe_check(page)
    page.get_by_label("Term ends").fill("2027-03-31")
    page.get_by_role("button", name="Save the seat").click()
    expect(page.get_by_text("31 Mar 2027").first).to_be_visible()

    page.goto(G + "rules/new/")
    page.get_by_label("Body that decides").select_option(label="Transport working group")
    page.get_by_label("Standard route").check()
    page.get_by_label("Largest cost it may decide (£)").fill("7500")
    page.get_by_label("Approvals needed").fill("2")
    page.get_by_label("Time limit (days)").fill("10")
    page.get_by_role("button", name="Add the rule").click()
    expect(page.locator("[data-rules]")).to_contain_text("7,500")
    axe_check(page)
