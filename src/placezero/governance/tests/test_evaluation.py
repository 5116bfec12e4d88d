"""Evaluation rounds: members answer with evidence; the report is the mean per principle
with its trend; bad answers are refused."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.governance import services
from placezero.governance.models import Answer, EvaluationRound, Principle, Question
from placezero.publishing import services as publishing


def a_round(place: Any, name: str, opens: date) -> EvaluationRound:
    round_ = EvaluationRound.objects.create(
        place=place, name=name, opens_on=opens, closes_on=opens.replace(month=opens.month + 1)
    )
    for principle in Principle.objects.filter(place=place):
        Question.objects.create(round=round_, principle=principle, text=f"How well: {principle}?")
    return round_


@pytest.fixture
def rounds(bodies: dict, leicestershire: Any) -> tuple[EvaluationRound, EvaluationRound]:
    return a_round(leicestershire, "2025", date(2025, 3, 1)), a_round(
        leicestershire, "2026", date(2026, 3, 1)
    )


def test_the_report_is_the_mean_per_principle_with_its_trend(
    rounds: tuple, board_seats: list
) -> None:
    """Rule: a principle's score is the plain mean of its answers; the trend compares it with
    the round before."""
    first, second = rounds
    q1 = first.questions.get(principle__order=1)
    q2 = second.questions.get(principle__order=1)
    for seat, before, after in zip(board_seats[:2], (2, 3), (4, 4), strict=True):
        services.answer(q1, user=seat.user, score=before, evidence="Minutes of the March board")
        services.answer(q2, user=seat.user, score=after, evidence="Minutes of the March board")
    row = services.report(second)[0]
    assert (row.answers, row.mean_score, row.previous_mean) == (2, 4, 2.5)
    assert row.trend == "up 1.5"
    assert services.report(second)[1].mean_score is None


def test_someone_who_sits_on_no_body_may_not_answer(rounds: tuple, leicestershire: Any) -> None:
    outsider = UserFactory(role=Role.OFFICER, place=leicestershire)
    with pytest.raises(PermissionDenied, match="Only people who sit on a body"):
        services.answer(rounds[0].questions.first(), user=outsider, score=3, evidence="x")


@pytest.mark.parametrize(
    ("score", "evidence", "message"),
    [
        (6, "Minutes", "Choose a score from 1"),
        ("three", "Minutes", "Choose a score from 1"),
        (3, "  ", "Give the evidence for your score"),
    ],
)
def test_a_bad_answer_is_refused(
    rounds: tuple, board_seats: list, score: Any, evidence: str, message: str
) -> None:
    with pytest.raises(services.GovernanceRefusal, match=message):
        services.answer(
            rounds[0].questions.first(), user=board_seats[0].user, score=score, evidence=evidence
        )
    assert not Answer.objects.exists()


def test_answers_change_while_the_round_is_open_and_are_recorded(
    rounds: tuple, board_seats: list
) -> None:
    question, user = rounds[0].questions.first(), board_seats[0].user
    services.answer(question, user=user, score=2, evidence="First look")
    services.answer(question, user=user, score=4, evidence="After the May meeting")
    assert Answer.objects.get().score == 4
    assert [h.score for h in Answer.history.order_by("history_date")] == [2, 4]


def test_closing_a_round_publishes_its_report_once(
    rounds: tuple, board_seats: list, officer: Any
) -> None:
    first = rounds[0]
    services.answer(first.questions.first(), user=board_seats[0].user, score=4, evidence="Minutes")
    services.close_round(first, user=officer)
    published = publishing.outputs(place=first.place, kind="governance.evaluation")
    assert [o.title for o in published] == ["Governance evaluation report: 2025"]
    assert "Shared purpose 4.0" in published[0].summary
    with pytest.raises(services.GovernanceRefusal, match="already closed"):
        services.close_round(first, user=officer)
    with pytest.raises(services.GovernanceRefusal, match="is closed; answers can no longer"):
        services.answer(first.questions.first(), user=board_seats[1].user, score=2, evidence="x")
