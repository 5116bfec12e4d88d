"""Bad input on the governance pages: each refused with its message on the field, status
400, nothing written."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from placezero.governance import services
from placezero.governance.models import Decision, Power, Vote
from placezero.governance.options import Route


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form(body: Any, **changes: Any) -> dict[str, Any]:
    return {
        "title": "Bus shelters with solar lighting",
        "asked_for": "Approve £20,000 for solar lit bus shelters.",
        "body": body.pk,
        "route": Route.FAST_TRACK,
        "cost_gbp": "20000",
        "creates": "Fit solar lighting to ten shelters",
    } | changes


@pytest.fixture
def propose_url(leicestershire: Any) -> str:
    return f"/places/{leicestershire.slug}/governance/decisions/new/"


def test_a_proposal_to_a_body_without_the_power_shows_who_holds_it(
    bodies: dict, officer: Any, propose_url: str
) -> None:
    waste = Power.objects.get(place=bodies["transport"].place, key="waste-disposal")
    response = client_for(officer).post(propose_url, form(bodies["transport"], powers=[waste.pk]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "does not hold the power “Waste disposal”" in page
    assert not Decision.objects.exists()


def test_a_carbon_effect_without_its_basis_is_refused(
    bodies: dict, officer: Any, propose_url: str
) -> None:
    response = client_for(officer).post(
        propose_url, form(bodies["transport"], carbon_change_tco2e_per_year="-12.5")
    )
    assert response.status_code == 400
    assert "Say how the carbon effect was estimated" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_good_proposal_goes_to_its_page(bodies: dict, officer: Any, propose_url: str) -> None:
    response = client_for(officer).post(propose_url, form(bodies["transport"]))
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert response["Location"] == services.url_of(decision)
    assert decision.cost_gbp == Decimal("20000")


def test_a_vote_after_the_deadline_shows_why_on_the_page(
    bodies: dict, officer: Any, board_seats: list
) -> None:
    board = bodies["partnership-board"]
    proposal = services.Proposal(
        title="Late", asked_for="Approve it.", route=Route.FAST_TRACK, body=board
    )
    decision = services.propose(
        board.place, proposal, user=officer, now=timezone.now() - timedelta(days=8)
    )
    response = client_for(board_seats[0].user).post(
        services.url_of(decision) + "vote/", {"choice": "approve"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The time limit for D001 passed" in page
    assert "votes are closed" in page
    assert not Vote.objects.exists()
