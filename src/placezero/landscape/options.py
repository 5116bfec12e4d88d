"""Choices of the landscape app: technologies asked about, stances, moderation states."""

from __future__ import annotations

from django.db import models


class Technology(models.TextChoices):
    GROUND_SOLAR = "ground_solar", "Ground-mounted solar"
    ROOFTOP_SOLAR = "rooftop_solar", "Rooftop solar"
    ONSHORE_WIND = "onshore_wind", "Onshore wind"
    HEAT_NETWORK = "heat_network", "Heat network"
    EV_CHARGING = "ev_charging", "Public electric vehicle charging"
    BATTERY = "battery", "Battery storage"
    TREE_PLANTING = "tree_planting", "Tree planting"


# The pathway engine's least-cost technology each landscape technology limits (engine names,
# `engine.optimise_inputs.TECHNOLOGIES`). Technologies the optimiser does not choose between
# are collected and shown, but constrain nothing.
ENGINE_TECHNOLOGY = {
    Technology.GROUND_SOLAR: "solar_ground_mw",
    Technology.ROOFTOP_SOLAR: "solar_rooftop_mw",
    Technology.ONSHORE_WIND: "onshore_wind_mw",
}


class Stance(models.TextChoices):
    WELCOME = "welcome", "I would welcome it here"
    NEUTRAL = "neutral", "I do not mind either way"
    OPPOSE = "oppose", "I would not want it here"


class Status(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    HIDDEN = "hidden", "Hidden after publication"


class Decision(models.TextChoices):
    APPROVE = "approve", "Approve and publish"
    REJECT = "reject", "Reject"
    HIDE = "hide", "Hide (withdraw from publication)"
    KEEP = "keep", "Keep published and dismiss the reports"


# Which decision applies to a contribution in which state, and the state it leads to.
TRANSITIONS = {
    (Decision.APPROVE, Status.PENDING): Status.PUBLISHED,
    (Decision.REJECT, Status.PENDING): Status.REJECTED,
    (Decision.HIDE, Status.PUBLISHED): Status.HIDDEN,
    (Decision.KEEP, Status.PUBLISHED): Status.PUBLISHED,
}
NEEDS_REASON = {Decision.REJECT, Decision.HIDE}


class Shape(models.TextChoices):
    POINT = "point", "A point on the map"
    AREA = "area", "An area drawn on the map"
    DESCRIBED = "described", "A place described in words"


# Optional questions about the contributor, asked separately and never shown publicly.
class AgeBand(models.TextChoices):
    UNDER_25 = "16-24", "16 to 24"
    FROM_25 = "25-34", "25 to 34"
    FROM_35 = "35-49", "35 to 49"
    FROM_50 = "50-64", "50 to 64"
    FROM_65 = "65-74", "65 to 74"
    FROM_75 = "75+", "75 or over"


class Tenure(models.TextChoices):
    """Three groups that add up to Census 2021 TS054's households (tenure_* in the pack)."""

    OWNS = "owns", "I own my home (outright, with a mortgage or in shared ownership)"
    SOCIAL = "social", "I rent from the council or a housing association"
    PRIVATE = "private", "I rent privately, or live rent free"


class ReportReason(models.TextChoices):
    PERSONAL = "personal", "It names or identifies someone"
    ABUSIVE = "abusive", "It is abusive or offensive"
    SPAM = "spam", "It is spam or advertising"
    OFF_TOPIC = "off_topic", "It is not about this consultation"
    OTHER = "other", "Something else"


class ResponseKind(models.TextChoices):
    ACTION = "action", "An action in the action plan"
    DECISION = "decision", "A decision of the partnership"
