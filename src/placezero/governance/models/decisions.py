"""Decisions: a proposal routed to a body that holds the powers it uses, approved or rejected
by that body's members before a deadline, escalated when the deadline passes, and linked to
what it creates."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..options import DecisionStatus, Route, VoteChoice


class Decision(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveIntegerField(help_text="the place's running number of proposals")
    title = models.CharField(max_length=200)
    asked_for = models.TextField(help_text="the decision asked for, in one or two sentences")
    options = models.TextField(blank=True, help_text="the options considered")
    cost_gbp = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    carbon_change_tco2e_per_year = models.DecimalField(
        max_digits=12,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="estimated change in emissions, tonnes CO2e a year (negative is a cut)",
    )
    carbon_basis = models.CharField(
        max_length=300, blank=True, help_text="how the carbon estimate was made, or its source"
    )
    powers = models.ManyToManyField("governance.Power", blank=True, related_name="decisions")
    creates = models.TextField(blank=True, help_text="the actions the decision creates, one a line")
    route = models.CharField(max_length=20, choices=Route.choices)
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        related_name="decisions",
        help_text="the body deciding now (it changes when the decision escalates)",
    )
    rule = models.ForeignKey(
        "governance.RoutingRule", null=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    approvals_needed = models.PositiveIntegerField()
    status = models.CharField(
        max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.OPEN
    )
    proposed_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, help_text="made up for the demonstration")
    history = HistoricalRecords(m2m_fields=[powers])

    class Meta:
        ordering = ["place", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "number"], name="governance_decision_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(cost_gbp__gte=0), name="governance_decision_cost_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def reference(self) -> str:
        return f"D{self.number:03d}"

    @property
    def is_open(self) -> bool:
        return self.status == DecisionStatus.OPEN

    def overdue(self, now=None) -> bool:
        return self.is_open and (now or timezone.now()) > self.deadline

    def decided_within_time_limit(self) -> bool | None:
        """None while undecided; escalation counts as missing the time limit."""
        if self.decided_at is None:
            return None
        return self.decided_at <= self.deadline and not self.escalations.exists()


class Interest(models.Model):
    """A member's declaration of interest in one decision: they may not vote on it."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="interests")
    member = models.ForeignKey(
        "governance.BodyMember", on_delete=models.CASCADE, related_name="declared_interests"
    )
    description = models.TextField()
    declared_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decision", "declared_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "member"], name="governance_one_declaration_per_decision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member.user} declared an interest in {self.decision.reference}"


class Vote(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(
        "governance.BodyMember", on_delete=models.PROTECT, related_name="votes"
    )
    choice = models.CharField(max_length=10, choices=VoteChoice.choices)
    comment = models.TextField(blank=True)
    cast_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decision", "cast_at"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "member"], name="governance_one_vote")
        ]

    def __str__(self) -> str:
        return f"{self.member.user}: {self.get_choice_display()} on {self.decision.reference}"


class Escalation(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="escalations")
    from_body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="+")
    to_body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    missed_deadline = models.DateTimeField()
    new_deadline = models.DateTimeField()

    class Meta:
        ordering = ["decision", "at"]

    def __str__(self) -> str:
        return f"{self.decision.reference} escalated from {self.from_body} to {self.to_body}"


class DecisionLink(models.Model):
    """Something a decision created or changed, as its outcome handler reported it: the
    decision notice links to each."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="links")
    handler = models.CharField(max_length=80, help_text="the outcome handler that made it")
    label = models.CharField(max_length=300)
    url = models.CharField(max_length=500)

    class Meta:
        ordering = ["decision", "pk"]

    def __str__(self) -> str:
        return self.label


class RecordedOutcome(models.Model):
    """An action a decision creates, recorded by governance's own outcome handler until an
    action tracker registers one that makes real tracker actions."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="outcomes")
    title = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decision", "pk"]

    def __str__(self) -> str:
        return self.title
