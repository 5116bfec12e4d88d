"""The partnership: its bodies (board, working groups, task-and-finish groups, the Pact),
their members with terms, and the Pact's signatory organisations."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from ..options import VOTING_ROLES, BodyKind, MemberRole


class Body(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="bodies")
    slug = models.SlugField(max_length=80)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="the body this one reports to, and where its decisions escalate",
    )
    mandate = models.TextField(help_text="what the body is for and may decide")
    terms_of_reference = models.TextField(blank=True)
    terms_version = models.PositiveIntegerField(
        default=1, help_text="raised each time the terms of reference change"
    )
    quorum = models.PositiveIntegerField(
        default=2, help_text="votes that must be cast before a decision can be taken"
    )
    is_demo = models.BooleanField(default=False, help_text="made up for the demonstration")
    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "parent_id", "name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.UniqueConstraint(fields=["place", "slug"], name="governance_body_slug_unique"),
            models.CheckConstraint(condition=Q(quorum__gte=1), name="governance_quorum_at_least_1"),
        ]

    def __str__(self) -> str:
        return self.name

    def sitting_members(self, on: date | None = None) -> models.QuerySet[BodyMember]:
        """Members whose term includes `on` (today by default)."""
        on = on or date.today()
        return self.members.filter(term_start__lte=on).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=on)
        )

    def voting_members(self, on: date | None = None) -> models.QuerySet[BodyMember]:
        return self.sitting_members(on).filter(role__in=VOTING_ROLES)


class BodyMember(models.Model):
    """A person's seat on a body, for the organisation they represent, for a term."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="governance_seats"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="governance_seats"
    )
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    term_start = models.DateField()
    term_end = models.DateField(null=True, blank=True, help_text="blank while open-ended")
    interests = models.TextField(
        blank=True, help_text="standing interests the member has declared (register of interests)"
    )
    is_demo = models.BooleanField(default=False, help_text="made up for the demonstration")
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "user__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="governance_term_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation}) on {self.body}"

    @property
    def place(self) -> object:
        """The place of the body the seat is on (what place-scoped permissions ask)."""
        return self.body.place

    @property
    def votes(self) -> bool:
        return self.role in VOTING_ROLES

    def sits_on(self, on: date | None = None) -> bool:
        on = on or date.today()
        return self.term_start <= on and (self.term_end is None or self.term_end >= on)


class PactSignatory(models.Model):
    """An organisation that signed the place's Pact, and what it committed to."""

    pact = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="signatories")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="pact_signatures"
    )
    signed_on = models.DateField()
    commitment = models.TextField()
    is_demo = models.BooleanField(default=False, help_text="made up for the demonstration")
    history = HistoricalRecords()

    class Meta:
        ordering = ["pact", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["pact", "organisation"], name="governance_one_signature_per_pact"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} signed {self.pact}"
