"""Evaluation against the governance principles: members answer each round's scored
questions with evidence; the report gives each principle's mean score, its trend across
rounds, and the indicators read from the partnership's own records.

Method (docs/method/governance-evaluation.md): a principle's score in a round is the mean of
every answer to its questions (1 to 5); nothing is weighted or invented. Each round also
counts the partnership's own records over its period (`round_figures`); the share of actions
on time comes from the action tracker, joined in `governance.indicators` (outside this door,
which the tracker itself reads).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import mean
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from placezero.accounts.permissions import require

from .. import announce
from ..models import Answer, Decision, EvaluationRound, Principle, Question
from ..options import SCORES, DecisionStatus, RoundStatus
from .errors import GovernanceRefusal
from .history import save_by
from .structure import attendance

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from placezero.places.models import Place


def principles_of(place: Place) -> QuerySet[Principle]:
    return Principle.objects.filter(place=place)


def rounds_of(place: Place) -> QuerySet[EvaluationRound]:
    return EvaluationRound.objects.filter(place=place)


def round_of(place: Place, round_id: int) -> EvaluationRound | None:
    return rounds_of(place).filter(pk=round_id).first()


def questions_of(round_: EvaluationRound) -> QuerySet[Question]:
    return round_.questions.select_related("principle")


def answers_of(round_: EvaluationRound, *, user: Any) -> QuerySet[Answer]:
    require(user, "governance.view_answers", round_)
    return Answer.objects.filter(question__round=round_).select_related(
        "question__principle", "respondent"
    )


def own_answers(round_: EvaluationRound, user: Any) -> dict[int, Answer]:
    if not getattr(user, "is_authenticated", False):
        return {}
    found = Answer.objects.filter(question__round=round_, respondent=user)
    return {a.question_id: a for a in found}


@transaction.atomic
def answer(question: Question, *, user: Any, score: Any, evidence: str) -> Answer:
    require(user, "governance.answer", question.round)
    # Read the round again under a lock: one closing now must not take a late answer.
    round_ = EvaluationRound.objects.select_for_update().get(pk=question.round_id)
    if round_.status != RoundStatus.OPEN:
        raise GovernanceRefusal(f"{round_} is closed; answers can no longer change.")
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if score not in {value for value, _ in SCORES}:
        raise GovernanceRefusal("Choose a score from 1 (not at all) to 5 (fully).", "score")
    if not evidence.strip():
        raise GovernanceRefusal(
            "Give the evidence for your score: what you saw, with a link or paper if you can.",
            "evidence",
        )
    found = Answer.objects.filter(question=question, respondent=user).first() or Answer(
        question=question, respondent=user
    )
    found.score, found.evidence = score, evidence.strip()
    return save_by(found, user)


@dataclass(frozen=True)
class PrincipleScore:
    principle: Principle
    answers: int
    mean_score: float | None
    previous_mean: float | None

    @property
    def trend(self) -> str:
        if self.mean_score is None or self.previous_mean is None:
            return "no earlier round"
        change = self.mean_score - self.previous_mean
        if abs(change) < 0.05:
            return "unchanged"
        return f"{'up' if change > 0 else 'down'} {abs(change):.1f}"


@dataclass(frozen=True)
class Indicator:
    name: str
    value: str
    basis: str


def _means(round_: EvaluationRound) -> dict[int, tuple[int, float | None]]:
    scores: dict[int, list[int]] = {}
    for principle_id, score in Answer.objects.filter(question__round=round_).values_list(
        "question__principle_id", "score"
    ):
        scores.setdefault(principle_id, []).append(score)
    return {pid: (len(s), mean(s)) for pid, s in scores.items()}


def report(round_: EvaluationRound) -> list[PrincipleScore]:
    earlier = (
        rounds_of(round_.place).filter(opens_on__lt=round_.opens_on).order_by("-opens_on").first()
    )
    now_means = _means(round_)
    before = _means(earlier) if earlier else {}
    return [
        PrincipleScore(
            principle=p,
            answers=now_means.get(p.pk, (0, None))[0],
            mean_score=now_means.get(p.pk, (0, None))[1],
            previous_mean=before.get(p.pk, (0, None))[1],
        )
        for p in principles_of(round_.place)
    ]


def indicators(place: Place) -> list[Indicator]:
    """The indicators the partnership's own records give."""
    decided = Decision.objects.filter(place=place, decided_at__isnull=False)
    total = decided.count()
    in_time = sum(1 for d in decided if d.decided_within_time_limit())
    open_count = Decision.objects.filter(place=place, status=DecisionStatus.OPEN).count()
    return [
        Indicator(
            "Decisions within their time limit",
            f"{in_time} of {total}" if total else "no decisions taken yet",
            "decisions taken before their deadline without escalation",
        ),
        Indicator("Decisions open now", str(open_count), "proposals awaiting their body"),
        _attendance(place),
    ]


@transaction.atomic
def close_round(round_: EvaluationRound, *, user: Any) -> EvaluationRound:
    """Close the round to answers and publish its report to the advisory repository."""
    require(user, "governance.manage", round_)
    round_ = EvaluationRound.objects.select_for_update().get(pk=round_.pk)
    if round_.status == RoundStatus.CLOSED:
        raise GovernanceRefusal(f"{round_} is already closed.")
    round_.status = RoundStatus.CLOSED
    save_by(round_, user, update_fields=["status"])
    publish_report(round_)
    return round_


def publish_report(round_: EvaluationRound) -> None:
    scored = [row for row in report(round_) if row.mean_score is not None]
    means = "; ".join(f"{row.principle.name} {row.mean_score:.1f}" for row in scored)
    announce.publish_notice(
        kind=announce.REPORT,
        place=round_.place,
        key=f"{round_.place.slug}-round-{round_.pk}",
        title=f"Governance evaluation report: {round_.name}",
        summary=f"Mean scores from 1 to 5 by principle: {means or 'no answers'}.",
        url=reverse(
            "governance:round", kwargs={"place_slug": round_.place.slug, "round_id": round_.pk}
        ),
        updated_at=timezone.now(),
    )


@transaction.atomic
def update_principle(
    principle: Principle, *, user: Any, name: str, wording: str, indicators: str
) -> Principle:
    """Name and word a principle as the partnership does, with its indicators."""
    require(user, "governance.manage", principle)
    if not name.strip():
        raise GovernanceRefusal("Enter the principle's name.", "name")
    if not wording.strip():
        raise GovernanceRefusal("Enter the principle as the partnership words it.", "wording")
    principle.name, principle.wording = name.strip(), wording.strip()
    principle.indicators = "\n".join(
        line.strip() for line in indicators.splitlines() if line.strip()
    )
    save_by(principle, user, update_fields=["name", "wording", "indicators"])
    return principle


def _attendance(place: Place) -> Indicator:
    came, expected = attendance(place)
    value = (
        f"{100 * came / expected:.0f}% ({came} of {expected} seats)"
        if expected
        else ("no meetings recorded yet")
    )
    return Indicator(
        "Attendance at meetings",
        value,
        "voting members present, out of those sitting on the day, over every meeting",
    )


@dataclass(frozen=True)
class RoundFigures:
    """What the partnership's own records say about a round's period: from the day after
    the previous round closed (`after`; None for the first round) to the day this one
    closes, or today while that is still to come (`until`). Each pair is (counted, out of)."""

    round: EvaluationRound
    after: date | None
    until: date
    decisions_in_time: tuple[int, int]
    attendance: tuple[int, int]
    engagement: tuple[int, int]
    mean_score: float | None


def _period(round_: EvaluationRound) -> tuple[date | None, date]:
    earlier = (
        rounds_of(round_.place).filter(opens_on__lt=round_.opens_on).order_by("-opens_on").first()
    )
    return (earlier.closes_on if earlier else None), min(round_.closes_on, timezone.localdate())


def round_figures(round_: EvaluationRound) -> RoundFigures:
    after, until = _period(round_)
    decided = Decision.objects.filter(
        place=round_.place, decided_at__isnull=False, decided_at__date__lte=until
    ).prefetch_related("escalations")
    if after is not None:
        decided = decided.filter(decided_at__date__gt=after)
    decided = list(decided)
    seated = {
        seat.user_id for body in round_.place.bodies.all() for seat in body.sitting_members(until)
    }
    answered = set(
        Answer.objects.filter(question__round=round_).values_list("respondent_id", flat=True)
    )
    scores = list(Answer.objects.filter(question__round=round_).values_list("score", flat=True))
    return RoundFigures(
        round=round_,
        after=after,
        until=until,
        decisions_in_time=(sum(1 for d in decided if d.decided_within_time_limit()), len(decided)),
        attendance=attendance(round_.place, held_after=after, held_by=until),
        engagement=(len(answered & seated), len(seated)),
        mean_score=mean(scores) if scores else None,
    )


def rounds_figures(place: Place, *, up_to: EvaluationRound | None = None) -> list[RoundFigures]:
    """Every round's figures, oldest first (only those opened by `up_to`, if given)."""
    rounds = rounds_of(place).order_by("opens_on")
    if up_to is not None:
        rounds = rounds.filter(opens_on__lte=up_to.opens_on)
    return [round_figures(r) for r in rounds]
