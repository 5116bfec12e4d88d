"""The local powers an action uses: keys of the governance register of powers, read through
governance's door (`governance.services.powers_of`), and the reverse question governance
asks (`actions_using_power`, re-exported by `tracker.services`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from placezero.governance import services as governance

from .models import Action

if TYPE_CHECKING:
    from placezero.places.models import Place


def power_choices(place: Place) -> list[tuple[str, str]]:
    """(key, name) of every power in the place's register."""
    return [(power.key, power.name) for power in governance.powers_of(place)]


def power_names(place: Place) -> dict[str, str]:
    return dict(power_choices(place))


def actions_using_power(place: Place, power_key: str) -> Any:
    """The public actions of the place that use the power `power_key` (every action of a
    plan is public), by reference. The keys live in a JSON list, which SQLite cannot query
    by element, so the place's lists are read and matched here: one small query."""
    ids = [
        pk
        for pk, keys in Action.objects.filter(place=place).values_list("pk", "powers_used")
        if power_key in (keys or [])
    ]
    return Action.objects.filter(pk__in=ids).select_related("owner", "plan", "area")
