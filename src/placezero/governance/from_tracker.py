"""What governance reads from the action tracker, through its door (`tracker.services`):
the share of actions finished on time, for the evaluation, and the actions that use a power
of the register, for the power's page.

Only governance's views and `indicators` import this module, never `governance.services`:
the tracker reads governance's door (the powers register), and an import of the tracker from
there would go round a circle.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from placezero.tracker import services as tracker

if TYPE_CHECKING:
    from placezero.places.models import Place


def actions_on_time(place: Place, *, after: date | None, until: date) -> tuple[int, int]:
    """(completed by their planned end, due): actions planned to end after `after` and by
    `until` (cancelled ones left out)."""
    return tracker.on_time_share(place, due_after=after, due_by=until)


def tracker_records_powers() -> bool:
    """Whether the tracker records the powers its actions use (its `actions_using_power`)."""
    return callable(getattr(tracker, "actions_using_power", None))


def actions_using_power(place: Place, power_key: str) -> list[Any]:
    """The tracker's actions of the place that use the power `power_key`, by reference;
    empty while the tracker does not record powers used (`tracker_records_powers`)."""
    if not tracker_records_powers():
        return []
    return sorted(tracker.actions_using_power(place, power_key), key=lambda a: a.reference)
