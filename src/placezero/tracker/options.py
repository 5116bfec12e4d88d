"""Choices of the tracker: themes, statuses, kinds of dependency."""

from __future__ import annotations

from django.db import models


class Theme(models.TextChoices):
    """The themes of the Net Zero Leicestershire Strategy and Action Plan 2023-2027
    (Leicestershire County Council, 2022), with adaptation, which the council's 2025
    priorities added, and the plan's cross-cutting actions."""

    TRANSPORT = "transport", "Transport"
    BUILDINGS_ENERGY = "buildings_energy", "Buildings and energy"
    RESOURCES_WASTE = "resources_waste", "Resources and waste"
    BUSINESS_ECONOMY = "business_economy", "Business and economy"
    COMMUNITIES = "communities", "Communities"
    NATURE_LAND = "nature_land", "Nature and land use"
    ADAPTATION = "adaptation", "Adaptation"
    CROSS_CUTTING = "cross_cutting", "Cross-cutting"


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    LATE = "late", "Late"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


# Statuses that need a reason, so a reader knows why.
STATUSES_WITH_REASON = {Status.AT_RISK, Status.LATE, Status.CANCELLED}
FINISHED = {Status.COMPLETED, Status.CANCELLED}


class DependencyKind(models.TextChoices):
    """`needs`: this action cannot finish before the other; `enables`: the other cannot
    finish before this one (the same edge read the other way); `conflicts`: the two pull
    against each other (no order, so never part of a cycle)."""

    NEEDS = "needs", "Needs"
    ENABLES = "enables", "Enables"
    CONFLICTS = "conflicts", "Conflicts with"
