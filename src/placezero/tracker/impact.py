"""An action's impact on emissions, from the pathway engine (through `pathways.services`).

Expected: the action moves one lever by `amount` (in the lever's deployment unit, counted
cumulatively, or a 0-1 share for levers without a unit) from nothing in its start year to
the full amount in its target year, held there after. The engine runs the place with and
without that contribution on its reference scenario (every lever at level 1) and the
difference, by year, is the tCO2e a year the action avoids. A district action moves its
district; a place-wide one is spread over the districts by their share of homes (unit
levers) or applies its share everywhere (share levers).

Actual: the same with the outputs delivered so far (cumulative, by the years of the updates
that reported them), held flat after the latest. See docs/method/tracker-impact.md.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from placezero.pathways import services as pathways

if TYPE_CHECKING:
    from .models import Action, LeverLink

SHARE_UNIT = "share (0 to 1)"
FIRST_YEAR, LAST_YEAR = 2020, 2050
METHOD = "reference scenario (every lever at level 1) with and without the contribution"


def lever_choices() -> list[tuple[str, str]]:
    return [(key, f"{lever.title} ({unit_of(key)})") for key, lever in pathways.LEVERS.items()]


def lever_title(key: str) -> str:
    lever = pathways.LEVERS.get(key)
    return lever.title if lever else key


def unit_of(key: str) -> str:
    """What an amount of this lever counts: its deployment unit, or a share."""
    return pathways.LEVERS[key].deployment_unit or SHARE_UNIT


def clean_link(
    action: Action, lever: str, amount: Any, target_year: Any, start_year: Any
) -> dict[str, Any]:
    errors: dict[str, str] = {}
    if lever not in pathways.LEVERS:
        raise ValidationError({"lever": "Choose one of the pathway levers."})
    unit = unit_of(lever)
    start = int(start_year) if start_year else max(action.planned_start.year, FIRST_YEAR)
    try:
        amount = float(amount)
    except (TypeError, ValueError):
        amount = None
    if amount is None or amount <= 0:
        errors["amount"] = f"Give the amount the action delivers in {unit}, more than 0."
    elif unit == SHARE_UNIT and amount > 1:
        errors["amount"] = "A share is between 0 and 1 (0.05 is 5 %)."
    try:
        target = int(target_year)
    except (TypeError, ValueError):
        target = 0
    if not FIRST_YEAR <= start <= LAST_YEAR:
        errors["start_year"] = f"The start year must be between {FIRST_YEAR} and {LAST_YEAR}."
    if not start <= target <= LAST_YEAR:
        errors["target_year"] = (
            f"The target year must be between the start year ({start}) and {LAST_YEAR}."
        )
    if errors:
        raise ValidationError(errors)
    return {"unit": unit, "amount": amount, "start_year": start, "target_year": target}


def _by_district(action: Action, lever: str, schedule: dict[int, float]) -> dict:
    shares = pathways.district_shares(action.place)
    if action.area_id and action.area.code in shares:
        return {action.area.code: schedule}
    if unit_of(lever) == SHARE_UNIT:
        return {code: schedule for code in shares}
    return {code: {y: v * share for y, v in schedule.items()} for code, share in shares.items()}


def _impact(action: Action, lever: str, schedule: dict[int, float]) -> dict[str, float]:
    by_year = pathways.contribution_impact(
        action.place, lever, _by_district(action, lever, schedule)
    )
    return {str(year): round(value, 1) for year, value in by_year.items()}


def refresh_expected(link: LeverLink) -> None:
    """Store the engine's expected impact on the link (not saved here)."""
    schedule = {link.start_year: 0.0, link.target_year: link.amount}
    if link.start_year == link.target_year:
        schedule = {link.target_year: link.amount}
    link.expected_by_year = _impact(link.action, link.lever, schedule)
    link.expected_tco2e = link.expected_by_year.get(str(link.target_year))
    place = link.action.place
    link.computed_with = f"place data {place.pack_digest[:12]}; {METHOD}"
    link.computed_at = timezone.now()
    refresh_actual(link)


def refresh_actual(link: LeverLink) -> None:
    """Store the actual trajectory from the outputs delivered so far (not saved here)."""
    by_year: dict[int, float] = defaultdict(float)
    if link.pk:
        for year, amount in link.outputs.values_list("update__as_of__year", "amount"):
            by_year[year] += amount
    total, schedule = 0.0, {}
    for year in sorted(by_year):
        total += by_year[year]
        schedule[year] = total
    link.delivered = total
    if not schedule:
        link.actual_by_year = {}
        return
    first = min(schedule)
    schedule = {min(first - 1, link.start_year): 0.0, **schedule}
    link.actual_by_year = _impact(link.action, link.lever, schedule)


def years_between(first: int, last: int) -> list[str]:
    return [str(y) for y in range(first, last + 1)]
