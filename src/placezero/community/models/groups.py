"""Groups, their journey through the six steps, mentors, projects and business cases."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..finance import BusinessCaseInputs
from ..options import LegalForm, ProjectStatus, Skill, StepStatus
from ..steps import BY_NUMBER, STEPS

USER = settings.AUTH_USER_MODEL


class CommunityGroup(models.Model):
    """A community energy organisation or emerging group, registered by its members.

    The group is an organisation of the place (`accounts.Organisation`, kind community
    energy): whoever registers it becomes a member who edits on its behalf, so the
    permission rules (`editor_of`) know who speaks for it. Only the group's own details are
    kept and shown here; its people are accounts, never listed on public pages."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="community_group"
    )
    area = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="+", help_text="the district"
    )
    name = models.CharField(max_length=200)
    legal_form = models.CharField(max_length=20, choices=LegalForm.choices)
    registration_number = models.CharField(max_length=40, blank=True)
    description = models.TextField(blank=True)
    members = models.PositiveIntegerField(default=0)
    volunteers = models.PositiveIntegerField(default=0)
    staff = models.PositiveIntegerField(default=0)
    contact_email = models.EmailField(
        blank=True, help_text="the group's own address (not a person's), shown on its profile"
    )
    website = models.URLField(blank=True)
    needs = models.JSONField(default=list, blank=True, help_text="skills the group asks for")
    current_step = models.PositiveSmallIntegerField(default=1)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="community_group_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def step(self):
        return BY_NUMBER.get(self.current_step, STEPS[-1])

    @property
    def launched(self) -> bool:
        return self.progress.filter(
            step_number=STEPS[-1].number, status=StepStatus.SIGNED_OFF
        ).exists()


class StepProgress(models.Model):
    """A group's work on one step: ticks, evidence, and the officer's sign-off."""

    group = models.ForeignKey(CommunityGroup, on_delete=models.CASCADE, related_name="progress")
    step_number = models.PositiveSmallIntegerField()
    checklist_done = models.JSONField(default=list, blank=True)
    evidence = models.TextField(blank=True)
    evidence_url = models.URLField(blank=True)
    status = models.CharField(
        max_length=20, choices=StepStatus.choices, default=StepStatus.IN_PROGRESS
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    officer_note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "step_number"]
        constraints = [
            models.UniqueConstraint(fields=["group", "step_number"], name="one_progress_per_step")
        ]

    def __str__(self) -> str:
        return f"{self.group}: step {self.step_number} ({self.get_status_display()})"

    @property
    def step(self):
        return BY_NUMBER[self.step_number]

    @property
    def place(self):
        return self.group.place


class Mentor(models.Model):
    """Someone who helps groups, with their skills, monthly capacity and home district."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    display_name = models.CharField(max_length=120)
    area = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    skills = models.JSONField(default=list)
    hours_per_month = models.PositiveSmallIntegerField(default=4)
    bio = models.TextField(blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["place", "display_name"]

    def __str__(self) -> str:
        return self.display_name

    def skill_labels(self) -> list[str]:
        return [Skill(s).label for s in self.skills if s in Skill.values]


class MentoringSession(models.Model):
    group = models.ForeignKey(CommunityGroup, on_delete=models.CASCADE, related_name="sessions")
    mentor = models.ForeignKey(Mentor, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField()
    hours = models.DecimalField(max_digits=5, decimal_places=2)
    outcome = models.TextField()
    logged_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.mentor} with {self.group} on {self.held_on}"

    @property
    def place(self):
        return self.group.place


class Project(models.Model):
    """An opportunity found by the model that a group adopted, with the engine's figures at
    the time of adoption (kept, so a later change to the plan does not rewrite them)."""

    group = models.ForeignKey(CommunityGroup, on_delete=models.CASCADE, related_name="projects")
    opportunity_key = models.CharField(max_length=60)
    name = models.CharField(max_length=200)
    technology = models.CharField(max_length=30)
    technology_label = models.CharField(max_length=60)
    zone_code = models.CharField(max_length=9)
    zone_name = models.CharField(max_length=200)
    mw = models.FloatField()
    mwh_per_year = models.FloatField()
    capex_gbp = models.FloatField()
    carbon_saved_tco2e_per_year = models.FloatField()
    headroom_kw = models.FloatField()
    score = models.FloatField()
    model_year = models.PositiveSmallIntegerField()
    scenario_name = models.CharField(max_length=120)
    status = models.CharField(
        max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.DEVELOPING
    )
    # What the group reported in a signed-off end-of-grant report; the network counts these
    # in place of the model's figures when they are given.
    reported_mw = models.FloatField(null=True, blank=True)
    reported_mwh_per_year = models.FloatField(null=True, blank=True)
    adopted_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    adopted_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "-adopted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "opportunity_key"], name="adopt_an_opportunity_once"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def place(self):
        return self.group.place


class BusinessCaseRecord(models.Model):
    """The editable inputs of a project's business case (the results are computed by
    `finance.business_case`, never stored, so they always match the inputs)."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="case")
    capex_gbp = models.FloatField()
    grant_gbp = models.FloatField(default=0)
    share_capital_gbp = models.FloatField(default=0)
    loan_gbp = models.FloatField(default=0)
    annual_output_mwh = models.FloatField()
    export_price_gbp_per_mwh = models.FloatField()
    onsite_share = models.FloatField()
    onsite_price_gbp_per_mwh = models.FloatField()
    opex_gbp_per_year = models.FloatField()
    degradation_per_year = models.FloatField()
    discount_rate = models.FloatField()
    lifetime_years = models.PositiveSmallIntegerField()
    community_benefit_share = models.FloatField(default=0)
    loan_rate = models.FloatField(default=0, help_text="a year, e.g. 0.06 for 6 %")
    loan_term_years = models.PositiveSmallIntegerField(default=0)
    share_interest_rate = models.FloatField(default=0, help_text="a year, e.g. 0.04 for 4 %")
    share_repayment_years = models.PositiveSmallIntegerField(
        default=0, help_text="0: the shares are not repaid within the asset's life"
    )
    updated_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    INPUT_FIELDS = (
        "capex_gbp",
        "grant_gbp",
        "annual_output_mwh",
        "export_price_gbp_per_mwh",
        "onsite_share",
        "onsite_price_gbp_per_mwh",
        "opex_gbp_per_year",
        "degradation_per_year",
        "discount_rate",
        "lifetime_years",
        "community_benefit_share",
        "loan_gbp",
        "loan_rate",
        "loan_term_years",
        "share_capital_gbp",
        "share_interest_rate",
        "share_repayment_years",
    )

    def __str__(self) -> str:
        return f"Business case of {self.project}"

    def inputs(self) -> BusinessCaseInputs:
        return BusinessCaseInputs(**{name: getattr(self, name) for name in self.INPUT_FIELDS})

    @property
    def place(self):
        return self.project.group.place
