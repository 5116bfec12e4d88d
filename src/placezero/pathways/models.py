"""Pathway scenarios of a place (versioned, audited). Long runs made from them are
background jobs (`placezero.jobs`), registered in `pathways.runs`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from placezero.accounts.permissions import AnyUser, places_where

from .options import ChangeAction
from .permissions import EDIT_SCENARIOS_ROLE


class ScenarioQuerySet(models.QuerySet):
    """Lists that show only what the rules allow, beside the rules (`pathways.permissions`)."""

    def visible_for(self, user: AnyUser) -> ScenarioQuerySet:
        """Every scenario: the plan and its drafts are public (`pathways.view` is everyone)."""
        return self.all()

    def editable_by(self, user: AnyUser) -> ScenarioQuerySet:
        """The scenarios `user` may change: those of the places where they are a partner
        editor or above (`pathways.edit_scenarios`)."""
        return self.filter(place__in=places_where(user, EDIT_SCENARIOS_ROLE))


class PathwayScenario(models.Model):
    """A named set of lever settings for a place. `definition` is the engine's scenario
    mapping (`placezero.engine.scenario.scenario_from_mapping`); `version` rises with every
    saved change so two people editing at once cannot overwrite each other silently."""

    place = models.ForeignKey("places.Place", on_delete=models.CASCADE, related_name="scenarios")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    definition = models.JSONField(default=dict)
    version = models.PositiveIntegerField(default=1)
    is_preferred = models.BooleanField(
        default=False, help_text="the partnership's preferred pathway for the plan"
    )
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScenarioQuerySet.as_manager()
    # The shared history (placezero.activity): every save, field by field. ScenarioChange
    # below stays the scenario's version log (its actions and lever definitions).
    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "-is_preferred", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="scenario_name_unique"),
            models.UniqueConstraint(
                fields=["place"], condition=Q(is_preferred=True), name="one_preferred_pathway"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ScenarioChange(models.Model):
    """Who changed a scenario, when, and what it was before and after."""

    scenario = models.ForeignKey(PathwayScenario, on_delete=models.CASCADE, related_name="changes")
    version = models.PositiveIntegerField()
    action = models.CharField(max_length=20, choices=ChangeAction.choices)
    summary = models.TextField()
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scenario", "-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.scenario} v{self.version}: {self.summary}"
