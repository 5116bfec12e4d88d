""" "You said, we did": officers link a consultation to the tracker actions and partnership
decisions that respond; they are read through those apps' services and shown with the
results."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from placezero.accounts.tests.factories import OrganisationFactory
from placezero.governance.models import Body, Decision
from placezero.landscape import responses
from placezero.landscape.models import ResponseLink
from placezero.landscape.validation import ContributionError
from placezero.tracker.models import Action, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(leicestershire):
    plan = Plan.objects.create(place=leicestershire, title="Test plan", starts=2024, ends=2030)
    return Action.objects.create(
        place=leicestershire, plan=plan, owner=OrganisationFactory(place=leicestershire),
        reference="E2.1", title="Community solar on council land", theme="buildings_energy",
        planned_start=dt.date(2025, 1, 1), planned_end=dt.date(2027, 1, 1),
    )  # fmt: skip


@pytest.fixture
def decision(leicestershire):
    board = Body.objects.create(
        place=leicestershire, slug="board", name="Test board", kind="board", mandate="Test",
        quorum=1,
    )  # fmt: skip
    return Decision.objects.create(
        place=leicestershire, number=7, title="Site screening policy for solar farms",
        asked_for="Adopt it.", route="fast_track", body=board, approvals_needed=1,
        deadline=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip


def test_an_officer_links_an_action_and_a_decision(officer, consultation, action, decision):
    responses.add(consultation, kind="action", reference="e2.1", technology="ground_solar",
                  you_said="Solar is welcome on brownfield land", user=officer)  # fmt: skip
    responses.add(consultation, kind="decision", reference="D007", technology="",
                  you_said="Screen farms from villages", user=officer)  # fmt: skip
    shown = responses.responses_of(consultation)
    assert [s.target.reference for s in shown] == ["E2.1", "D007"]
    assert shown[0].target.url == reverse(
        "tracker:action", args=[consultation.place.slug, action.pk]
    )
    assert shown[1].target.title == decision.title
    assert ResponseLink.objects.first().history.get().history_user == officer
    # Shown with the results of the consultation, for the technology and for all.
    url = reverse("landscape:results", args=[consultation.place.slug])
    page = Client().get(url, {"technology": "ground_solar", "consultation": consultation.slug})
    body = page.content.decode()
    assert "You said, we did" in body and "E2.1: Community solar on council land" in body
    assert "D007: Site screening policy" in body
    wind = Client().get(url, {"technology": "onshore_wind", "consultation": consultation.slug})
    assert "E2.1" not in wind.content.decode() and "D007" in wind.content.decode()


def test_a_reference_that_does_not_exist_is_refused(officer, consultation, action):
    with pytest.raises(ContributionError) as caught:
        responses.add(consultation, kind="action", reference="Z9.9", technology="",
                      you_said="Something", user=officer)  # fmt: skip
    assert "no action 'Z9.9'" in caught.value.errors["reference"]
    with pytest.raises(ContributionError) as caught:
        responses.add(consultation, kind="decision", reference="D999", technology="",
                      you_said="", user=officer)  # fmt: skip
    assert {"reference", "you_said"} <= set(caught.value.errors)
    assert not ResponseLink.objects.exists()


def test_only_officers_of_the_place_link(consultation, action, other_officer, resident):
    for user in (resident, other_officer):
        with pytest.raises(PermissionDenied):
            responses.add(consultation, kind="action", reference="E2.1", technology="",
                          you_said="Something", user=user)  # fmt: skip
    assert not ResponseLink.objects.exists()


def test_a_removed_target_shows_as_removed(officer, consultation, action):
    responses.add(consultation, kind="action", reference="E2.1", technology="",
                  you_said="Something", user=officer)  # fmt: skip
    action.delete()
    (shown,) = responses.responses_of(consultation)
    assert shown.target is None
    page = Client().get(
        reverse("landscape:consultation", args=[consultation.place.slug, consultation.slug])
    )
    assert "no longer in the action plan" in page.content.decode()
