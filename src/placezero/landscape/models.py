"""Consultations set up by officers, a resident's contribution to one (what they would
welcome or not, where), the moderation decisions and public reports about it, and the
"you said, we did" links from its results. All keep the shared history; the history
leaves out who contributed, from which client, the secret link and the optional questions
about the contributor, so it holds no personal data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .options import (
    AgeBand,
    Decision,
    ReportReason,
    ResponseKind,
    Shape,
    Stance,
    Status,
    Technology,
    Tenure,
)

DEFAULT_RETENTION_DAYS = 730  # two years after a consultation closes


class Consultation(models.Model):
    """What officers of the place ask, where, when, and what it will inform."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=60)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="what is being asked and why")
    # The area asked about: district (area) codes and zone codes; both empty: the whole place.
    district_codes = models.JSONField(default=list, blank=True)
    zone_codes = models.JSONField(default=list, blank=True)
    opens_on = models.DateField()
    closes_on = models.DateField()
    technologies = models.JSONField(default=list, help_text="Technology values asked about")
    asks_reason = models.BooleanField(default=True)
    # Optional structured questions: [{"key", "text", "choices": [..]}], answered by choice.
    questions = models.JSONField(default=list, blank=True)
    decisions_informed = models.TextField(help_text="the decisions this consultation informs")
    retention_days = models.PositiveIntegerField(
        default=DEFAULT_RETENTION_DAYS,
        help_text="days after closing before personal data is deleted or anonymised",
    )
    retention_done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["place", "slug"], name="landscape_consultation_slug")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("landscape:consultation", args=[self.place.slug, self.slug])

    def current_consent(self) -> ConsentText:
        return self.consents.order_by("-version").first()


class ConsentText(models.Model):
    """One version of a consultation's privacy notice and consent text. Editing either makes
    a new version; each contribution keeps the version its contributor agreed to."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="consents"
    )
    version = models.PositiveIntegerField()
    privacy_notice = models.TextField()
    consent_text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "version"], name="landscape_consent_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation} - consent version {self.version}"


# Left out of the history, the API and every public page.
PERSONAL_FIELDS = (
    "contributor", "client_key", "secret_hash", "age_band", "tenure", "postcode_district",
)  # fmt: skip


class Contribution(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="contributions"
    )
    consent = models.ForeignKey(ConsentText, on_delete=models.RESTRICT, related_name="+")
    zone = models.ForeignKey("places.Zone", on_delete=models.CASCADE, related_name="+")
    technology = models.CharField(max_length=30, choices=Technology.choices)
    stance = models.CharField(max_length=10, choices=Stance.choices)
    shape = models.CharField(max_length=10, choices=Shape.choices)
    geometry = models.JSONField(null=True, blank=True, help_text="GeoJSON geometry, WGS84")
    place_description = models.CharField(max_length=300, blank=True)
    reason = models.TextField(blank=True)
    answers = models.JSONField(
        default=dict, blank=True, help_text="structured question key -> choice"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # Personal data, never shown publicly and left out of the history: the account (if
    # any), a keyed hash of the client's address (rate limit only) and of the secret link.
    contributor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip
    client_key = models.CharField(max_length=64, db_index=True)
    secret_hash = models.CharField(max_length=64, unique=True)
    # Optional, separate questions about the contributor (for representativeness only).
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    tenure = models.CharField(max_length=10, choices=Tenure.choices, blank=True)
    postcode_district = models.CharField(max_length=4, blank=True)
    # Set when another client sent a near-identical contribution first (for moderators).
    possible_duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymised_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=list(PERSONAL_FIELDS))

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["place", "status"])]

    def __str__(self) -> str:
        return f"{self.get_technology_display()} - {self.get_stance_display()} ({self.zone_id})"

    def get_absolute_url(self) -> str:
        return reverse("landscape:moderate_one", args=[self.place.slug, self.pk])


class ModerationDecision(models.Model):
    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, related_name="decisions"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.CharField(max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} #{self.contribution_id}"


class Report(models.Model):
    """A member of the public's report that a published contribution should not be shown."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=ReportReason.choices)
    note = models.CharField(max_length=500, blank=True)
    client_key = models.CharField(max_length=64, db_index=True)  # rate limit only
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["client_key"])

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Report on #{self.contribution_id}: {self.get_reason_display()}"


class ResponseLink(models.Model):
    """ "You said, we did": an action of the tracker or a decision of the partnership that
    responds to what people said in a consultation (for one technology, or all)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="responses"
    )
    kind = models.CharField(max_length=10, choices=ResponseKind.choices)
    reference = models.CharField(max_length=20, help_text="action reference or decision number")
    technology = models.CharField(max_length=30, choices=Technology.choices, blank=True)
    you_said = models.CharField(max_length=500, help_text="what people said, in brief")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference} for {self.consultation}"
