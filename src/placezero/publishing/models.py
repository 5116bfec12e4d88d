"""The published outputs: one `PublishedOutput` per kind and key (the publishing module's
stable id for it), with its audiences and topics as `OutputTag` rows so both databases can
filter by them. Withdrawing an output keeps its row (with `withdrawn_at`), so publishing it
again keeps the date it was first published."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class OutputFacet(models.TextChoices):
    AUDIENCE = "audience", "Audience"
    TOPIC = "topic", "Topic"


class PublishedOutputQuerySet(models.QuerySet["PublishedOutput"]):
    def published(self) -> PublishedOutputQuerySet:
        """Outputs on show: published and not withdrawn since."""
        return self.filter(withdrawn_at__isnull=True)


class PublishedOutput(models.Model):
    kind = models.CharField(max_length=100)
    key = models.CharField(max_length=200)
    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    summary = models.TextField()
    # A path on this site ("/places/leicestershire/pathway/plan/") or an http(s) address.
    url = models.CharField(max_length=500)
    # When the output itself last changed (its module says, or the last publish that changed
    # what is shown); re-publishing the same thing keeps it.
    updated_at = models.DateTimeField(db_index=True)
    published_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = PublishedOutputQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="one_output_per_kind_and_key")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.kind} {self.key})"

    def _tag_values(self, facet: str) -> tuple[str, ...]:
        return tuple(tag.value for tag in self.tags.all() if tag.facet == facet)

    @property
    def audiences(self) -> tuple[str, ...]:
        return self._tag_values(OutputFacet.AUDIENCE)

    @property
    def topics(self) -> tuple[str, ...]:
        return self._tag_values(OutputFacet.TOPIC)


class OutputTag(models.Model):
    """One audience or topic of an output."""

    output = models.ForeignKey(PublishedOutput, on_delete=models.CASCADE, related_name="tags")
    facet = models.CharField(max_length=20, choices=OutputFacet.choices)
    value = models.CharField(max_length=50)
    # The order the publisher gave, kept for display.
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["facet", "position", "value"]
        constraints = [
            models.UniqueConstraint(fields=["output", "facet", "value"], name="one_tag_each")
        ]
        indexes = [models.Index(fields=["facet", "value"])]

    def __str__(self) -> str:
        return f"{self.facet}: {self.value}"
