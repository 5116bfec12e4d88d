"""The readiness fund: rounds, their criteria and team, applications, conflicts of interest,
scores, awards, milestones and claims. Changes that matter keep their history."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from ..options import (
    ApplicationStatus,
    ClaimStatus,
    MilestoneStatus,
    ReportStatus,
    Stage,
    TeamRole,
)

USER = settings.AUTH_USER_MODEL


class FundRound(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    stage = models.CharField(max_length=20, choices=Stage.choices)
    budget_gbp = models.DecimalField(max_digits=12, decimal_places=2)
    max_award_gbp = models.DecimalField(max_digits=12, decimal_places=2)
    opens_at = models.DateTimeField()
    deadline = models.DateTimeField()
    eligibility = models.TextField(help_text="who may apply, in plain words")
    min_step = models.PositiveSmallIntegerField(
        default=4, help_text="the step a group must have reached to apply"
    )
    is_demo = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "-deadline"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.opens_at <= timezone.now() <= self.deadline


class Criterion(models.Model):
    round = models.ForeignKey(FundRound, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["round", "order", "id"]

    def __str__(self) -> str:
        return self.title


class RoundTeamMember(models.Model):
    """A reviewer or finance approver of one round (named by an officer of the place)."""

    round = models.ForeignKey(FundRound, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20, choices=TeamRole.choices)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user", "role"], name="one_team_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.round})"

    @property
    def place(self):
        return self.round.place


class Application(models.Model):
    round = models.ForeignKey(FundRound, on_delete=models.PROTECT, related_name="applications")
    group = models.ForeignKey(
        "community.CommunityGroup", on_delete=models.PROTECT, related_name="applications"
    )
    project = models.ForeignKey(
        "community.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField()
    amount_requested_gbp = models.DecimalField(max_digits=12, decimal_places=2)
    status = models.CharField(
        max_length=30, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    # The applicant's own details, minimised to what the fund needs to reach them; never
    # shown publicly, exported and erased by the applicant (`services.personal_data`).
    contact_name = models.CharField(max_length=120, blank=True)
    contact_email = models.EmailField(blank=True)
    submitted_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    conditions = models.TextField(blank=True)
    determination_message = models.TextField(blank=True)
    determined_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    determined_at = models.DateTimeField(null=True, blank=True)

    # The contact details are left out of the history: the history is shown to reviewers,
    # and an applicant who erases their details must not leave copies behind.
    history = HistoricalRecords(excluded_fields=["contact_name", "contact_email"])

    class Meta:
        ordering = ["round", "-submitted_at", "id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.group})"

    @property
    def place(self):
        return self.round.place


class ConflictDeclaration(models.Model):
    """A reviewer's declaration about one application, made before they may open it."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="declarations"
    )
    reviewer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    has_conflict = models.BooleanField()
    details = models.TextField(blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="declare_once")
        ]

    def __str__(self) -> str:
        said = "a conflict" if self.has_conflict else "no conflict"
        return f"{self.reviewer} declared {said} with {self.application}"


class Score(models.Model):
    """One reviewer's score of one criterion: 0-5, or None for not applicable (left out of
    the weighted mean)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    reviewer = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer", "criterion"], name="score_once"
            )
        ]

    def __str__(self) -> str:
        shown = "not applicable" if self.value is None else self.value
        return f"{self.criterion}: {shown} by {self.reviewer}"


class Award(models.Model):
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="award")
    amount_gbp = models.DecimalField(max_digits=12, decimal_places=2)
    awarded_on = models.DateField()
    conditions = models.TextField(blank=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"£{self.amount_gbp:,.0f} to {self.application.group}"

    @property
    def place(self):
        return self.application.round.place

    @property
    def group(self):
        return self.application.group


class Milestone(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    amount_gbp = models.DecimalField(max_digits=12, decimal_places=2)
    due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=MilestoneStatus.choices, default=MilestoneStatus.PROPOSED
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["award", "due_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def place(self):
        return self.award.place


class Claim(models.Model):
    milestone = models.ForeignKey(Milestone, on_delete=models.PROTECT, related_name="claims")
    amount_gbp = models.DecimalField(max_digits=12, decimal_places=2)
    evidence = models.TextField()
    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    officer_approved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finance_approved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paid_on = models.DateField(null=True, blank=True)
    payment_reference = models.CharField(max_length=60, blank=True)
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-id"]

    def __str__(self) -> str:
        return f"£{self.amount_gbp:,.0f} for {self.milestone} ({self.get_status_display()})"

    @property
    def place(self):
        return self.milestone.award.place

    @property
    def award(self):
        return self.milestone.award


class GrantAgreement(models.Model):
    """The agreement of an award: the fund's terms, the panel's conditions and the milestones
    (agreed on the award before it is issued), issued by an officer and accepted for the
    group by one of its editors, with the date. Claims are made only once it is accepted."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="agreement")
    terms = models.TextField()
    conditions = models.TextField(blank=True, help_text="the panel's conditions of the award")
    issued_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    # The office the person accepting holds in the group (e.g. "Chair"), not their name:
    # the account records who it was.
    signatory_role = models.CharField(max_length=80, blank=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Grant agreement of {self.award}"

    @property
    def place(self):
        return self.award.place

    @property
    def accepted(self) -> bool:
        return self.accepted_at is not None


class EndOfGrantReport(models.Model):
    """What the group did with the grant, and the figures that feed the network's (members,
    volunteers, staff, installed MW and generation), signed off by an officer."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="report")
    outputs = models.TextField(help_text="what the grant paid for and produced")
    spend_gbp = models.DecimalField(max_digits=12, decimal_places=2)
    lessons = models.TextField()
    installed_mw = models.FloatField(default=0)
    generation_mwh_per_year = models.FloatField(default=0)
    members = models.PositiveIntegerField()
    volunteers = models.PositiveIntegerField()
    staff = models.PositiveIntegerField()
    status = models.CharField(
        max_length=20, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    officer_note = models.TextField(blank=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"End-of-grant report of {self.award} ({self.get_status_display()})"

    @property
    def place(self):
        return self.award.place
