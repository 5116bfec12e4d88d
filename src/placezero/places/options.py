"""Choices used across the places app."""

from __future__ import annotations

from django.db import models


class AreaKind(models.TextChoices):
    COUNTY = "county", "County"
    DISTRICT = "district", "District or borough"
    UNITARY = "unitary", "Unitary authority"


class AreaRole(models.TextChoices):
    """Whether the partnership plans for the area or works alongside it."""

    MEMBER = "member", "Part of the place"
    NEIGHBOUR = "neighbour", "Neighbour the partnership works with"


class TargetScope(models.TextChoices):
    AREA = "area", "The whole area"
    OWN_OPERATIONS = "own-operations", "The council's own operations"


class DatePrecision(models.TextChoices):
    """How precisely a source dates a decision (a target's valid_from)."""

    DAY = "day", "Exact date"
    MONTH = "month", "Month only"
    YEAR = "year", "Year only"
    ASSUMED = "assumed", "Not given by the source: assumed"
