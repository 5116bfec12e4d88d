"""The register of local powers, and the routing rules (kept as data) that say which body
may decide what on which route."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..options import PowerTopic, Route, Tier


class Power(models.Model):
    """A power or duty that matters for net zero, the tier that holds it in law, and the
    bodies of the partnership that exercise it here (their own, or delegated to them)."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="powers")
    key = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    topic = models.CharField(max_length=30, choices=PowerTopic.choices)
    tier = models.CharField(max_length=30, choices=Tier.choices)
    legal_basis = models.CharField(max_length=300, help_text="the Act and section")
    legal_basis_url = models.URLField(blank=True, help_text="legislation.gov.uk address")
    exercised_by = models.ManyToManyField(
        "governance.Body",
        blank=True,
        related_name="powers",
        help_text="bodies of the partnership that exercise it or have it delegated",
    )
    delegation = models.TextField(
        blank=True, help_text="how the power reaches the partnership (delegation, agreement)"
    )
    history = HistoricalRecords(m2m_fields=[exercised_by])

    class Meta:
        ordering = ["place", "topic", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "key"], name="governance_power_key_unique")
        ]

    def __str__(self) -> str:
        return self.name


class RoutingRule(models.Model):
    """Which body may decide on which route, up to what cost, with how many approvals, in
    what time, and where a decision escalates when the time passes."""

    place = models.ForeignKey(
        "places.Place", on_delete=models.CASCADE, related_name="routing_rules"
    )
    body = models.ForeignKey(
        "governance.Body", on_delete=models.CASCADE, related_name="routing_rules"
    )
    route = models.CharField(max_length=20, choices=Route.choices)
    max_cost_gbp = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="the largest cost this body may decide on this route; blank for no limit",
    )
    approvals_needed = models.PositiveIntegerField(default=2)
    time_limit_days = models.PositiveIntegerField(
        help_text="days from proposal (or escalation) to the deadline"
    )
    escalate_to = models.ForeignKey(
        "governance.Body",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="escalations_in",
        help_text="where an undecided proposal goes when the time limit passes; blank for "
        "the body's parent",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "body", "route", "max_cost_gbp"]
        constraints = [
            models.CheckConstraint(
                condition=Q(approvals_needed__gte=1), name="governance_rule_needs_an_approval"
            ),
            models.CheckConstraint(
                condition=Q(time_limit_days__gte=1), name="governance_rule_time_limit_positive"
            ),
        ]

    def __str__(self) -> str:
        limit = f"up to £{self.max_cost_gbp:,.0f}" if self.max_cost_gbp is not None else "any cost"
        return f"{self.body}, {self.get_route_display().lower()}, {limit}"

    def escalation_body(self) -> models.Model | None:
        return self.escalate_to or self.body.parent
