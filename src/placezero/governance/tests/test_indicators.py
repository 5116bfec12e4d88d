"""The evaluation's indicators per round and their trend: decisions within their time
limit, attendance, engagement (governance's records) and actions on time (the action
tracker, through `tracker.services.on_time_share`); the report as a web page with a chart
and its table, and as a PDF; a power's page with the tracker actions that use it."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from placezero.accounts.tests.factories import OrganisationFactory
from placezero.governance import from_tracker, indicators, services
from placezero.governance.models import Answer, Decision, Meeting
from placezero.governance.options import DecisionStatus, Route
from placezero.tracker import services as tracker_services
from placezero.tracker.models import Action, Plan
from placezero.tracker.options import Status, Theme

from .test_evaluation import a_round


def action(place: Any, reference: str, planned_end: date, **fields: Any) -> Action:
    plan = Plan.objects.get_or_create(place=place, title="Test plan", starts=2023, ends=2027)[0]
    owner = OrganisationFactory(place=place)
    values = {"status": Status.ON_TRACK, "theme": Theme.CROSS_CUTTING} | fields
    return Action.objects.create(
        place=place,
        plan=plan,
        owner=owner,
        reference=reference,
        title=f"Action {reference}",
        planned_start=date(2024, 1, 1),
        planned_end=planned_end,
        **values,
    )


def decided(place: Any, board: Any, officer: Any, on: datetime, deadline: datetime) -> Decision:
    proposal = services.Proposal(
        title="Heat pumps", asked_for="Approve.", route=Route.STANDARD, body=board
    )
    decision = services.propose(place, proposal, user=officer)
    Decision.objects.filter(pk=decision.pk).update(
        status=DecisionStatus.APPROVED, decided_at=on, deadline=deadline
    )
    return decision


@pytest.fixture
def record(bodies: dict, board_seats: list, officer: Any, leicestershire: Any) -> dict:
    """Two rounds (March 2025, March 2026) with a year of records between them."""
    place, board = leicestershire, bodies["partnership-board"]
    first = a_round(place, "Round 2025", date(2025, 3, 1))  # closes 1 April 2025
    second = a_round(place, "Round 2026", date(2026, 3, 1))  # closes 1 April 2026
    Meeting.objects.create(body=board, held_on=date(2025, 2, 1), agenda="A").attendees.set(
        board_seats[:3]
    )
    Meeting.objects.create(body=board, held_on=date(2025, 6, 1), agenda="B").attendees.set(
        board_seats
    )
    decided(
        place, board, officer, datetime(2025, 3, 15, tzinfo=UTC), datetime(2025, 3, 20, tzinfo=UTC)
    )
    decided(
        place, board, officer, datetime(2026, 3, 10, tzinfo=UTC), datetime(2026, 3, 5, tzinfo=UTC)
    )
    for seat in board_seats[:2]:
        services.answer(first.questions.first(), user=seat.user, score=3, evidence="Minutes")
    services.answer(second.questions.first(), user=board_seats[0].user, score=4, evidence="Minutes")
    done = {"status": Status.COMPLETED}
    action(place, "A1", date(2025, 3, 15), actual_end=date(2025, 3, 10), **done)  # on time
    action(place, "A2", date(2025, 2, 1), actual_end=date(2025, 3, 1), **done)  # late
    action(place, "B1", date(2025, 12, 1), status=Status.CANCELLED, status_reason="Dropped")
    action(place, "B2", date(2026, 1, 1))  # due, not finished
    action(place, "C1", date(2026, 11, 1), actual_end=date(2026, 10, 1), **done)  # after both
    return {"place": place, "first": first, "second": second}


def test_each_round_counts_its_own_period(record: dict) -> None:
    """Rule: a round covers the days after the previous round closed up to its own close."""
    first = services.round_figures(record["first"])
    second = services.round_figures(record["second"])
    assert (first.after, first.until) == (None, date(2025, 4, 1))
    assert (second.after, second.until) == (date(2025, 4, 1), date(2026, 4, 1))
    assert (first.decisions_in_time, second.decisions_in_time) == ((1, 1), (0, 1))
    assert (first.attendance, second.attendance) == ((3, 4), (4, 4))
    assert (first.engagement, second.engagement) == ((2, 4), (1, 4))


def test_actions_on_time_come_from_the_tracker(record: dict) -> None:
    place = record["place"]
    assert from_tracker.actions_on_time(place, after=None, until=date(2025, 4, 1)) == (1, 2)
    assert from_tracker.actions_on_time(place, after=date(2025, 4, 1), until=date(2026, 4, 1)) == (
        0,
        1,
    )


def test_the_trend_table_has_a_row_per_round_and_a_chart_drawn_from_it(record: dict) -> None:
    shown = indicators.evaluation(record["second"])
    rows = shown["trend_table"].rows
    assert [r["round"] for r in rows] == ["Round 2025", "Round 2026"]
    assert [r["decisions_in_time"] for r in rows] == [100.0, 0.0]
    assert [r["attendance"] for r in rows] == [75.0, 100.0]
    assert [r["engagement"] for r in rows] == [50.0, 25.0]
    assert [r["actions_on_time"] for r in rows] == [50.0, 0.0]
    assert shown["trend_chart"].kind == "bar"
    values = {i.name: i.value for i in shown["round_indicators"]}
    assert values["Share of actions on time"] == "0% (0 of 1)"
    assert values["Engagement"] == "25% (1 of 4)"


def test_the_first_round_s_trend_shows_only_itself(record: dict) -> None:
    rows = indicators.evaluation(record["first"])["trend_table"].rows
    assert [r["round"] for r in rows] == ["Round 2025"]


def test_the_report_page_shows_the_indicators_the_chart_and_its_table(record: dict) -> None:
    round_ = record["second"]
    url = reverse(
        "governance:round", kwargs={"place_slug": round_.place.slug, "round_id": round_.pk}
    )
    html = Client().get(url).content.decode()
    assert 'id="table-governance-trend"' in html
    assert "governance-trend-chart" in html
    assert "Share of actions on time" in html and "0% (0 of 1)" in html
    assert (
        reverse(
            "governance:round_pdf", kwargs={"place_slug": round_.place.slug, "round_id": round_.pk}
        )
        in html
    )
    assert Answer.objects.filter(question__round=round_).count() == 1


def test_the_report_is_a_tagged_pdf_with_the_same_figures(record: dict) -> None:
    round_ = record["second"]
    response = Client().get(
        reverse(
            "governance:round_pdf",
            kwargs={"place_slug": round_.place.slug, "round_id": round_.pk},
        )
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="leicestershire-governance-evaluation-round-2026.pdf"'
        in (response["Content-Disposition"])
    )
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert reader.metadata.title.startswith("Governance evaluation report: Round 2026")
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    for words in ("Scores by principle", "Share of actions on time", "25% (1 of 4)", "Round 2025"):
        assert words in text
    # The public report never names who answered.
    for seat in round_.place.bodies.get(slug="partnership-board").members.all():
        assert seat.user.last_name not in text


def test_closing_a_round_publishes_its_report(record: dict, officer: Any) -> None:
    from placezero.publishing import services as publishing

    services.close_round(record["second"], user=officer)
    published = publishing.outputs(place=record["place"], kind="governance.evaluation")
    assert [o.title for o in published] == ["Governance evaluation report: Round 2026"]


def test_a_power_s_page_lists_the_tracker_actions_that_use_it(
    record: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seam with the tracker: `tracker.services.actions_using_power(place, key)`."""
    place = record["place"]
    used = Action.objects.get(place=place, reference="B2")
    asked: list[tuple[Any, str]] = []

    def using(place_: Any, key: str) -> list[Action]:
        asked.append((place_, key))
        return [used] if key == "estates" else []

    monkeypatch.setattr(tracker_services, "actions_using_power", using, raising=False)
    url = reverse("governance:power", kwargs={"place_slug": place.slug, "power_key": "estates"})
    html = Client().get(url).content.decode()
    assert asked == [(place, "estates")]
    action_url = reverse("tracker:action", args=[place.slug, used.pk])
    assert f'href="{action_url}"' in html and "B2 Action B2" in html
    other = reverse(
        "governance:power", kwargs={"place_slug": place.slug, "power_key": "local-plan"}
    )
    assert (
        "No action in the action tracker uses this power yet"
        in Client().get(other).content.decode()
    )


def test_without_the_tracker_s_powers_the_page_says_so(record: dict, monkeypatch: Any) -> None:
    monkeypatch.delattr(tracker_services, "actions_using_power", raising=False)
    place = record["place"]
    url = reverse("governance:power", kwargs={"place_slug": place.slug, "power_key": "estates"})
    assert "does not record which powers" in Client().get(url).content.decode()


def test_the_powers_register_for_other_apps(bodies: dict, leicestershire: Any) -> None:
    entries = services.powers_for_place(leicestershire)
    estates = next(e for e in entries if e.key == "estates")
    assert estates.tier_label and estates.legal_basis
    assert len(entries) == services.powers_of(leicestershire).count()
