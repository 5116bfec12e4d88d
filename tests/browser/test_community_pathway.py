"""The Community Energy Pathway in a real browser, along the issue's "done when": a group
registers, completes its first steps with evidence and an officer's sign-off, adopts an
opportunity the model found, applies to a round; two reviewers score it while a third
declares a conflict and cannot open it; the panel approves with a condition; a claim is
approved by the officer and by finance and paid; the network page's totals change.
axe-core checks each kind of page on the way."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.community.services import fund
from placezero.community.steps import BY_NUMBER

pytestmark = pytest.mark.browser


def as_person(page: Page, live_server: Any, user: Any) -> None:
    """The browser becomes `user` (a fresh session)."""
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def test_a_group_goes_from_registering_to_a_paid_claim(
    page: Page, live_server: Any, leicestershire_committed: Any, axe_check: Callable
) -> None:
    place = leicestershire_committed
    slug = place.slug
    officer = UserFactory(role=Role.OFFICER, place=place)
    founder = UserFactory(role=Role.RESIDENT)
    reviewers = [UserFactory(role=Role.PARTNER_EDITOR, place=place) for _ in range(3)]
    finance = UserFactory(role=Role.PARTNER_EDITOR, place=place)
    now = timezone.now()
    fund_round = fund.open_round(
        place,
        user=officer,
        name="Feasibility round",
        stage="feasibility",
        budget_gbp=Decimal("100000"),
        max_award_gbp=Decimal("40000"),
        opens_at=now - timedelta(days=1),
        deadline=now + timedelta(days=30),
        eligibility="Groups of Leicestershire.",
        criteria=[("Benefit", 2), ("Deliverability", 1)],
        min_step=3,
    )
    for reviewer in reviewers:
        fund.name_to_team(fund_round, user=officer, member=reviewer, role="reviewer")
    fund.name_to_team(fund_round, user=officer, member=finance, role="finance")

    # The group registers.
    as_person(page, live_server, founder)
    page.goto(f"/places/{slug}/community/groups/register/")
    page.get_by_label("Name of the group").fill("Quorn Community Energy")
    page.get_by_label("District").select_option(label="Charnwood")
    page.get_by_label("Members").fill("30")
    axe_check(page)
    page.get_by_role("button", name="Register the group").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quorn Community Energy")
    group_url = page.url

    # Steps 1 and 2: the checklist and evidence, then the officer's sign-off.
    for number in (1, 2):
        as_person(page, live_server, founder)
        page.goto(group_url)
        for item in BY_NUMBER[number].checklist:
            page.get_by_label(item).check()
        page.get_by_label("Evidence", exact=True).fill(f"Evidence for step {number}.")
        page.get_by_role("button", name="Send for sign-off").click()
        expect(page.locator(f"[data-step-status='{number}']")).to_have_text("Waiting for sign-off")
        as_person(page, live_server, officer)
        page.goto(group_url)
        if number == 1:
            axe_check(page)
        page.get_by_label("Sign off the step").check()
        page.get_by_role("button", name="Record the decision").click()
        expect(page.locator(f"[data-step-status='{number}']")).to_have_text("Signed off")
    expect(page.locator("[data-current-step]")).to_have_text("3. Mentoring and capacity")

    # The group adopts an opportunity the model found in its district.
    as_person(page, live_server, founder)
    page.goto(group_url)
    page.get_by_role("link", name="See the opportunities in Charnwood").click()
    axe_check(page)
    page.locator("[data-opportunity] button").first.click()
    expect(page.locator("[data-payback]")).to_contain_text("years")
    axe_check(page)

    # It applies to the round.
    page.goto(f"/places/{slug}/community/fund/{fund_round.pk}/")
    page.get_by_role("link", name="Apply for Quorn Community Energy").click()
    page.get_by_label("Title of the work").fill("Feasibility of rooftop solar")
    page.get_by_label("What the money is for").fill("A feasibility study.")
    page.get_by_label("Amount requested (£)").fill("30000")
    page.get_by_label("Contact name").fill("Test Founder")
    page.get_by_label("Contact email").fill("founder@example.invalid")
    page.get_by_role("button", name="Submit the application").click()
    expect(page.locator("[data-application-status]")).to_have_text("Submitted")
    application_url = page.url

    # A third reviewer declares a conflict and cannot open it; two others score it.
    as_person(page, live_server, reviewers[2])
    page.goto(application_url)
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("If yes, what is it?").fill("I advise the group.")
    page.get_by_role("button", name="Declare").click()
    response = page.goto(application_url)
    assert response is not None and response.status == 403
    expect(page.locator("main")).to_contain_text("declared a conflict of interest")
    for reviewer, scores in ((reviewers[0], ("4", "3")), (reviewers[1], ("5", "Not applicable"))):
        as_person(page, live_server, reviewer)
        page.goto(application_url)
        page.get_by_label("No", exact=True).check()
        page.get_by_role("button", name="Declare").click()
        page.get_by_label("Benefit (weight 2)").select_option(label=scores[0])
        page.get_by_label("Deliverability (weight 1)").select_option(label=scores[1])
        page.get_by_role("button", name="Save your scores").click()
    expect(page.locator("[data-weighted-score]")).to_contain_text("2 reviewers scored")

    # The panel approves with a condition and agrees a milestone.
    as_person(page, live_server, officer)
    page.goto(application_url)
    page.get_by_label("Approve with conditions").check()
    page.get_by_label("Amount awarded (£, if approved)").fill("30000")
    page.get_by_label("Conditions", exact=True).fill("Share the study with the network.")
    page.get_by_label("Message to the group").fill("Approved with a condition.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("[data-application-status]")).to_have_text("Approved with conditions")
    for title, amount, due in (
        ("Study commissioned", "12000", "2027-03-31"),
        ("Study delivered", "18000", "2027-09-30"),
    ):
        page.get_by_text("Agree a milestone").click()
        page.get_by_label("Milestone", exact=True).fill(title)
        page.get_by_label("Amount (£)").fill(amount)
        page.get_by_label("Due (YYYY-MM-DD)").fill(due)
        page.get_by_role("button", name="Agree the milestone").click()
    page.get_by_label("Terms of the grant agreement").fill("Report within a year.")
    page.get_by_role("button", name="Issue the grant agreement").click()
    expect(page.locator("[data-agreement]")).to_contain_text("Share the study with the network.")
    axe_check(page)

    # The group accepts the agreement for itself, then claims the first milestone; the
    # network shows the award, nothing paid yet.
    as_person(page, live_server, founder)
    page.goto(application_url)
    page.get_by_label("Your office in the group").fill("Chair")
    page.get_by_label("I accept the terms, conditions and milestones for the group").check()
    page.get_by_role("button", name="Accept the agreement").click()
    expect(page.locator("[data-agreement-status]")).to_contain_text("by the group's Chair")
    page.get_by_label("Milestone", exact=True).select_option(index=1)
    page.get_by_label("Amount claimed (£)").fill("12000")
    page.get_by_label("Evidence the milestone is met").fill("The signed contract.")
    page.get_by_role("button", name="Send the claim").click()
    page.context.clear_cookies()
    page.goto(f"/places/{slug}/community/network/")
    expect(page.locator("[data-total='fund']")).to_have_text("£30,000 awarded, £0 paid")

    # The officer approves, finance approves and pays.
    as_person(page, live_server, officer)
    page.goto(application_url)
    page.get_by_role("button", name=re.compile("Approve as officer")).click()
    expect(page.locator("[data-claim-status]")).to_have_text("Waiting for finance")
    as_person(page, live_server, finance)
    page.goto(application_url)
    page.get_by_role("button", name=re.compile("Approve for finance")).click()
    page.get_by_label("Payment reference").fill("BACS-0001")
    page.get_by_role("button", name="Mark as paid").click()
    expect(page.locator("[data-claim-status]")).to_have_text("Paid")

    page.context.clear_cookies()
    page.goto(f"/places/{slug}/community/network/")
    expect(page.locator("[data-total='fund']")).to_have_text("£30,000 awarded, £12,000 paid")
    expect(page.locator("[data-total='groups']")).to_contain_text("1 in 1 of 7 districts")
    axe_check(page)

    # The group sends its end-of-grant report; the officer signs it off and the network's
    # members change to what the report says.
    as_person(page, live_server, founder)
    page.goto(application_url)
    page.get_by_label("Outputs: what the grant paid for and produced").fill("A study.")
    page.get_by_label("Grant spent (£)").fill("12000")
    page.get_by_label("Lessons for other groups").fill("Start early.")
    page.get_by_label("Installed capacity now operating (MW, 0 if none yet)").fill("0")
    page.get_by_label("Generation expected a year (MWh, 0 if none yet)").fill("0")
    page.get_by_label("Members now").fill("75")
    page.get_by_role("button", name="Send the end-of-grant report").click()
    expect(page.locator("[data-report-status]")).to_contain_text("Waiting for the officer")
    as_person(page, live_server, officer)
    page.goto(application_url)
    page.get_by_label("Sign off the report").check()
    page.get_by_role("button", name="Record the decision on the report").click()
    expect(page.locator("[data-report-status]")).to_contain_text("Signed off")
    axe_check(page)
    page.context.clear_cookies()
    page.goto(f"/places/{slug}/community/network/")
    expect(page.locator("[data-total='people']")).to_contain_text("75, ")
    # The directory's map: each district shaded, the group a point at its district's
    # centre, reachable by keyboard and announced; the table beside it says the same.
    page.goto(f"/places/{slug}/community/groups/")
    expect(page.locator("#group-map[data-map-ready='true']")).to_be_visible()
    point = page.locator("#group-map [data-role='point']")
    expect(point).to_have_count(1)
    point.focus()
    expect(page.locator("#group-map-selection")).to_contain_text("Charnwood: step")
    expect(page.locator("[data-groups-by-district]")).to_contain_text("No group yet")
    axe_check(page)
