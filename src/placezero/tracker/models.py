"""A place's action plan: plans, actions, milestones, dependencies, the pathway levers an
action moves (with the engine's expected impact), and progress updates with delivered
outputs. Every change is recorded in the shared history (django-simple-history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .options import Deliverability, DependencyKind, Level, Status, Theme


class ActionQuerySet(models.QuerySet["Action"]):
    def of_place(self, place: object) -> ActionQuerySet:
        return self.filter(place=place)


class Plan(models.Model):
    """A plan of the place: the county strategy and action plan, a council's own-estate
    plan, a district plan."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    starts = models.PositiveIntegerField(help_text="first year the plan covers")
    ends = models.PositiveIntegerField(help_text="last year the plan covers")
    source_url = models.URLField(blank=True, help_text="the public plan this is written from")
    is_demo = models.BooleanField(default=False, help_text="written for the demonstration")
    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "starts", "title"]
        constraints = [
            models.UniqueConstraint(fields=["place", "title"], name="tracker_plan_title_unique")
        ]

    def __str__(self) -> str:
        return self.title


class Action(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="actions")
    reference = models.CharField(max_length=20, help_text="e.g. T1.2, unique in the place")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    theme = models.CharField(max_length=20, choices=Theme.choices)
    owner = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="tracker_actions"
    )
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tracker_actions_led",
    )
    area = models.ForeignKey(
        "places.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="the district it covers; none for the whole place",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    status_reason = models.CharField(max_length=500, blank=True)
    planned_start = models.DateField()
    planned_end = models.DateField()
    actual_start = models.DateField(null=True, blank=True)
    actual_end = models.DateField(null=True, blank=True)
    budget_gbp = models.DecimalField(max_digits=14, decimal_places=0, null=True, blank=True)
    funding_source = models.CharField(max_length=200, blank=True)
    # Keys of options.CoBenefit, and keys of the local powers the action uses (the
    # governance register, read through governance.services.powers_of).
    co_benefits = models.JSONField(default=list, blank=True)
    powers_used = models.JSONField(default=list, blank=True)
    deliverability = models.PositiveSmallIntegerField(
        choices=Deliverability.choices,
        null=True,
        blank=True,
        help_text="how sure delivery is, 1 to 5; blank until assessed",
    )
    is_demo = models.BooleanField(default=False, help_text="written for the demonstration")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["place", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "reference"], name="tracker_action_reference_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("planned_start")),
                name="tracker_action_planned_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    # When the overdue reminder was last sent, so a reminder goes once per due date.
    reminded_for = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "due", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def place(self) -> object:
        return self.action.place


class Dependency(models.Model):
    """`action` needs / enables / conflicts with `other`."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="dependencies")
    other = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="dependents")
    kind = models.CharField(max_length=20, choices=DependencyKind.choices)
    note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "other", "kind"], name="tracker_dependency_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(action=models.F("other")), name="tracker_dependency_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action.reference} {self.get_kind_display().lower()} {self.other.reference}"

    @property
    def place(self) -> object:
        return self.action.place


class LeverLink(models.Model):
    """The amount an action moves a pathway lever by its target year (e.g. 4,000 heat pumps
    added in Charnwood by 2028), in the lever's deployment unit, and the expected impact the
    engine computed for it (a snapshot: the data version and method that produced it)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="lever_links")
    lever = models.CharField(max_length=60)
    unit = models.CharField(max_length=60)
    amount = models.FloatField()
    start_year = models.PositiveIntegerField()
    target_year = models.PositiveIntegerField()
    # The expected-impact snapshot: tCO2e a year avoided, by year, and what produced it.
    expected_by_year = models.JSONField(default=dict, blank=True)
    expected_tco2e = models.FloatField(
        null=True, blank=True, help_text="tCO2e a year avoided in the target year"
    )
    computed_with = models.CharField(max_length=200, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    # The actual trajectory: what the delivered outputs so far avoid, by year (refreshed
    # each time outputs are reported), and the outputs delivered so far.
    delivered = models.FloatField(default=0)
    actual_by_year = models.JSONField(default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "lever"]
        constraints = [
            models.UniqueConstraint(fields=["action", "lever"], name="tracker_lever_once")
        ]

    def __str__(self) -> str:
        return f"{self.lever}: {self.amount:g} {self.unit} by {self.target_year}"

    @property
    def place(self) -> object:
        return self.action.place


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    as_of = models.DateField(help_text="the date the update reports progress to")
    status = models.CharField(max_length=20, choices=Status.choices)
    narrative = models.TextField()
    evidence_url = models.URLField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    posted_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-as_of", "-pk"]

    def __str__(self) -> str:
        return f"{self.action.reference} at {self.as_of}"

    @property
    def place(self) -> object:
        return self.action.place


class DeliveredOutput(models.Model):
    """What an update reports delivered since the previous one, in the linked lever's unit."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="outputs")
    link = models.ForeignKey(LeverLink, on_delete=models.CASCADE, related_name="outputs")
    amount = models.FloatField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["update", "link"]
        constraints = [
            models.UniqueConstraint(fields=["update", "link"], name="tracker_output_once"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="tracker_output_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.amount:g} {self.link.unit}"


class Risk(models.Model):
    """A risk to an action's delivery, scored on the 5 by 5 matrix, and what is done about it."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(max_length=500)
    likelihood = models.PositiveSmallIntegerField(choices=Level.choices)
    impact = models.PositiveSmallIntegerField(choices=Level.choices)
    mitigation = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "pk"]

    def __str__(self) -> str:
        return self.description

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def place(self) -> object:
        return self.action.place


class PriorityWeights(models.Model):
    """How much each factor of an action's priority counts in a place (docs/method/
    tracker-priority.md); the place's officers change them, and every change is kept."""

    place = models.OneToOneField("places.Place", on_delete=models.CASCADE, related_name="+")
    impact = models.FloatField(default=1.0)
    deliverability = models.FloatField(default=1.0)
    cost = models.FloatField(default=1.0)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"impact {self.impact:g}, deliverability {self.deliverability:g}, cost {self.cost:g}"


class ProgressReport(models.Model):
    """A progress report for a period, frozen when issued: `snapshot` holds every figure and
    row the report shows, as they were at `issued_at`, and is never recomputed."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="tracker_report_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title
