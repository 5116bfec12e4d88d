"""The register of local powers as plain entries, for other apps (the action tracker lists
the powers an action uses from it) and for pages that need no model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Power

if TYPE_CHECKING:
    from placezero.places.models import Place


@dataclass(frozen=True)
class PowerEntry:
    """One power of a place's register: its stable key (unique in the place), name, topic,
    the tier of local government that holds it in law, and the Act and section."""

    key: str
    name: str
    topic: str
    topic_label: str
    tier: str
    tier_label: str
    legal_basis: str
    legal_basis_url: str


def powers_for_place(place: Place) -> list[PowerEntry]:
    """Every power in the place's register, by topic and name."""
    return [
        PowerEntry(
            key=power.key,
            name=power.name,
            topic=power.topic,
            topic_label=power.get_topic_display(),
            tier=power.tier,
            tier_label=power.get_tier_display(),
            legal_basis=power.legal_basis,
            legal_basis_url=power.legal_basis_url,
        )
        for power in Power.objects.filter(place=place).order_by("topic", "name")
    ]


def power_of(place: Place, key: str) -> Power | None:
    return Power.objects.filter(place=place, key=key).prefetch_related("exercised_by").first()
