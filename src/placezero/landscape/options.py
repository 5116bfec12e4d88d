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


class Decision(models.TextChoices):
    APPROVE = "approve", "Approve and publish"
    REJECT = "reject", "Reject"


class Shape(models.TextChoices):
    POINT = "point", "A point on the map"
    AREA = "area", "An area drawn on the map"
    DESCRIBED = "described", "A place described in words"
