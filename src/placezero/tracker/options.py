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


class CoBenefit(models.TextChoices):
    """What an action does for people and places besides cutting emissions: the co-benefit
    families of the Climate Change Committee's local authority work and of the UK Health
    Security Agency's guidance on climate and health."""

    HEALTH = "health", "Health and wellbeing"
    FUEL_POVERTY = "fuel_poverty", "Fuel poverty"
    JOBS = "jobs", "Jobs and skills"
    NATURE = "nature", "Nature and biodiversity"
    AIR_QUALITY = "air_quality", "Air quality"
    ACTIVE_TRAVEL = "active_travel", "Active travel"
    RESILIENCE = "resilience", "Resilience to a changing climate"
    ENERGY_SECURITY = "energy_security", "Energy security"
    COST_SAVINGS = "cost_savings", "Lower running costs"
    COMMUNITY = "community", "Community wealth and ownership"


class Level(models.IntegerChoices):
    """A five-point scale for a risk's likelihood and impact (the usual 5 by 5 risk matrix)."""

    VERY_LOW = 1, "1 - very low"
    LOW = 2, "2 - low"
    MEDIUM = 3, "3 - medium"
    HIGH = 4, "4 - high"
    VERY_HIGH = 5, "5 - very high"


class Deliverability(models.IntegerChoices):
    """How sure the owner is the action can be delivered as planned (funding, powers,
    capacity, supply chain), as judged by its owner or the place's officers."""

    VERY_HARD = 1, "1 - very hard to deliver"
    HARD = 2, "2 - hard"
    UNCERTAIN = 3, "3 - uncertain"
    LIKELY = 4, "4 - likely"
    ASSURED = 5, "5 - assured (funded, powers in hand)"
