"""The advisory repository: resources (guides, case studies, tools, funding, events,
datasets, advice services), the taxonomies editors extend (audiences, topics), documents
attached to resources, and what people follow.

Other apps never read these models: they use `advisory.services`. A resource's changes are
recorded by the shared history (`HistoricalRecords`, django-simple-history).
"""

from __future__ import annotations

import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .options import ResourceKind, ResourceStatus


class Audience(models.Model):
    """Who a resource is for (householders, parish and town councils, …)."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=100)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    """What a resource is about. `synonyms` are other words people search with ("PV" for
    solar): search indexes them with the resource's tags."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    synonyms = models.CharField(
        max_length=300, blank=True, help_text="other words for this topic, separated by commas"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ResourceQuerySet(models.QuerySet["Resource"]):
    def live(self) -> ResourceQuerySet:
        """Published and past their publishing time (a later time is scheduled publishing)."""
        return self.filter(status=ResourceStatus.PUBLISHED, published_at__lte=timezone.now())

    def for_place(self, place: object) -> ResourceQuerySet:
        """The resources of a place and those for everywhere (no place)."""
        return self.filter(models.Q(place=place) | models.Q(place__isnull=True))


class Resource(models.Model):
    place = models.ForeignKey(
        "places.Place",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="advisory_resources",
        help_text="empty for a resource that applies everywhere (a national scheme)",
    )
    area_codes = models.JSONField(
        default=list,
        blank=True,
        help_text="GSS codes of the districts it is limited to; empty for the whole place",
    )
    kind = models.CharField(max_length=20, choices=ResourceKind.choices)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(max_length=400)
    body = models.TextField(blank=True, help_text="Markdown; rendered and sanitised on the page")
    url = models.URLField(blank=True, help_text="the provider's own page")
    provider = models.CharField(max_length=200, blank=True)
    audiences = models.ManyToManyField(Audience, related_name="resources")
    topics = models.ManyToManyField(Topic, related_name="resources")
    status = models.CharField(
        max_length=20, choices=ResourceStatus.choices, default=ResourceStatus.DRAFT
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="when it appears; a later time schedules it"
    )
    opens_on = models.DateField(null=True, blank=True)
    closes_on = models.DateField(null=True, blank=True, help_text="funding: the deadline")
    amount = models.CharField(max_length=200, blank=True, help_text="funding: how much")
    eligibility = models.TextField(blank=True, help_text="funding: who and where may apply")
    is_demo = models.BooleanField(default=False, help_text="written for the demonstration")
    # Audience and topic names and topic synonyms, kept by `search.index_resource`: the
    # "tags" column of full-text search (weighted between title and body).
    search_tags = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Audiences and topics are tracked too: each change of them is a revision, which the
    # shared history shows as "Audiences: added …; removed …".
    history = HistoricalRecords(m2m_fields=[audiences, topics])
    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self) -> str:
        return self.title

    def is_live(self) -> bool:
        """Published and past its publishing time."""
        return (
            self.status == ResourceStatus.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_open(self, today: date | None = None) -> bool:
        """Funding still taking applications (no deadline counts as open)."""
        today = today or timezone.localdate()
        if self.opens_on and self.opens_on > today:
            return False
        return self.closes_on is None or self.closes_on >= today

    def is_closed(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.closes_on is not None and self.closes_on < today


class ResourceDocument(models.Model):
    """A file attached to a resource, checked by content before it is kept (`documents`)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="advisory/documents/%Y/")
    media_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Follow(models.Model):
    """What one person follows in one place; their Atom feed is at a secret URL."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisory_follows"
    )
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    audiences = models.ManyToManyField(Audience, blank=True, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "place"], name="advisory_one_follow_per_place")
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.place}"


class BestBet(models.Model):
    """An editor's choice: for these queries, this resource comes first ("BUS" is the Boiler
    Upgrade Scheme, not a bus timetable). Queries match after normalisation: case, order,
    repeated words and punctuation do not matter (`search.normalise`)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="best_bets")
    queries = models.TextField(help_text="one query a line, e.g. “BUS grant”")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "best bet"

    def __str__(self) -> str:
        return f"{self.resource}: {', '.join(self.queries.splitlines())}"


class AlertSent(models.Model):
    """That a follower has been told about a resource (new, or its deadline near): each
    alert goes once, however often the periodic task runs."""

    class Kind(models.TextChoices):
        NEW = "new", "New resource"
        DEADLINE = "deadline", "Deadline approaching"

    follow = models.ForeignKey(Follow, on_delete=models.CASCADE, related_name="alerts")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["follow", "resource", "kind"], name="advisory_alert_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.resource} to {self.follow.user}"


class SavedSearch(models.Model):
    """A search (its words and filters, as in the URL) a person saved and follows: new
    resources it finds reach them through the shared notifications and its own Atom feed,
    at a secret address. Only its owner sees it; deleting it stops both."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advisory_saved_searches"
    )
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    query = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, blank=True, choices=ResourceKind.choices)
    topic = models.SlugField(max_length=40, blank=True)
    audience = models.SlugField(max_length=40, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "place", "query", "kind", "topic", "audience"],
                name="advisory_saved_search_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.query or '(no words)'} in {self.place}"

    def filters(self) -> dict[str, str]:
        return {"kind": self.kind, "topic": self.topic, "audience": self.audience}


class SavedSearchAlert(models.Model):
    """That a saved search's owner has been told of a resource it found: once each."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="alerts")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "resource"], name="advisory_saved_search_alert_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource} to {self.saved_search.user}"


# --- the signposting wizard's rules, as each place's editors keep them ----------------------
# Until a place's editors first change them, a place has no rows here and the wizard reads
# `data/wizard.yaml`; their first change copies that into these rows (`wizard_rules.seed`).


class WizardQuestion(models.Model):
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    key = models.SlugField(max_length=30, help_text="its name in the wizard's addresses")
    title = models.CharField(max_length=200)
    hint = models.CharField(max_length=300, blank=True)
    error = models.CharField(max_length=200, help_text="what the page says when it is not answered")
    multiple = models.BooleanField(default=False, help_text="several answers may be chosen")
    districts = models.BooleanField(
        default=False, help_text="its answers are the place's districts"
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["place", "key"], name="advisory_wizard_question_key")
        ]

    def __str__(self) -> str:
        return self.title


class WizardOption(models.Model):
    question = models.ForeignKey(WizardQuestion, on_delete=models.CASCADE, related_name="options")
    value = models.SlugField(max_length=40, help_text="its value in the wizard's addresses")
    label = models.CharField(max_length=200)
    hint = models.CharField(max_length=300, blank=True)
    audience = models.ForeignKey(
        Audience,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="the audience this answer means: what is offered must be for it",
    )
    funding_first = models.BooleanField(default=False, help_text="funding ranks higher")
    exclusive = models.BooleanField(
        default=False, help_text="like “None of these”: cannot be chosen with another answer"
    )
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "value"], name="advisory_wizard_option_value"
            )
        ]

    def __str__(self) -> str:
        return self.label


class WizardRule(models.Model):
    """When `question` is answered `answer`, resources about `topic` score `weight`. The
    question and answer are named by key and value (as the wizard's addresses are) and
    checked against the place's questions when saved (`wizard_rules.save_rule`)."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    question = models.SlugField(max_length=30)
    answer = models.SlugField(max_length=40)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="+")
    weight = models.PositiveSmallIntegerField(default=1)
    reason = models.CharField(
        max_length=200, blank=True, help_text="what the results page says; empty: “About …”"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["question", "answer", "-weight", "pk"]

    def __str__(self) -> str:
        return f"{self.question}={self.answer} → {self.topic} +{self.weight}"
