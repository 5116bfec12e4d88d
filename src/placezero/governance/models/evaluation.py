"""The governance principles (data the partnership words itself) and evaluation rounds in
which members answer scored questions with evidence."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..options import RoundStatus


class Principle(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="principles")
    order = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    wording = models.TextField(help_text="the principle as the partnership words it")
    indicators = models.TextField(blank=True, help_text="how it is judged, one indicator a line")
    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "order"]
        constraints = [
            models.UniqueConstraint(fields=["place", "order"], name="governance_principle_order")
        ]

    def __str__(self) -> str:
        return self.name

    def indicator_list(self) -> list[str]:
        return [line.strip() for line in self.indicators.splitlines() if line.strip()]


class EvaluationRound(models.Model):
    place = models.ForeignKey(
        "places.Place", on_delete=models.CASCADE, related_name="evaluation_rounds"
    )
    name = models.CharField(max_length=200)
    opens_on = models.DateField()
    closes_on = models.DateField()
    status = models.CharField(max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    is_demo = models.BooleanField(default=False, help_text="made up for the demonstration")
    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "-opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")),
                name="governance_round_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="questions")
    principle = models.ForeignKey(Principle, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()

    class Meta:
        ordering = ["round", "principle__order", "pk"]

    def __str__(self) -> str:
        return self.text


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    respondent = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="governance_answers"
    )
    score = models.PositiveSmallIntegerField()
    evidence = models.TextField()
    answered_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(default=False, help_text="made up for the demonstration")
    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "answered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "respondent"], name="governance_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="governance_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.respondent}: {self.score} on {self.question}"
