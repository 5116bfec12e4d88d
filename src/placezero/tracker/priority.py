"""An action's priority: impact times deliverability times cost per tonne, weighted by the place.

Method (docs/method/tracker-priority.md). Each factor is scored from 0 to 1 against the
place's other actions:

- impact: the engine's expected savings in the target years (tCO2e a year, the sum of the
  action's lever links) over the largest of any action of the place;
- deliverability: the owner's 1-5 judgement over 5;
- cost: the cheapest cost per tonne of the place over this action's, where the cost per
  tonne is the budget over the tonnes its expected savings avoid from 2020 to 2050 (the
  snapshot's years).

The priority is 100 times the weighted geometric mean of the factors, Π fᵢ^(wᵢ / Σw), so a
factor counts in proportion to its weight, a weight of 0 leaves it out, and an action weak
on one factor cannot be carried by another. An action missing a factor with a weight above
0 (no lever linked, deliverability not assessed, no budget) has no priority, and the page
says which factor is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from placezero.accounts.permissions import require

from .models import Action, LeverLink, PriorityWeights

if TYPE_CHECKING:
    from placezero.places.models import Place

FACTORS = ("impact", "deliverability", "cost")
LABELS = {
    "impact": "Impact (expected savings)",
    "deliverability": "Deliverability",
    "cost": "Cost per tonne",
}
MISSING = {
    "impact": "no expected savings: link the action to a pathway lever",
    "deliverability": "deliverability not assessed",
    "cost": "no budget, or no expected savings to divide it by",
}
MAX_WEIGHT = 10.0


@dataclass(frozen=True)
class Priority:
    score: float | None  # 0 to 100; None when a weighted factor is missing
    impact_tco2e: float | None  # expected tCO2e a year in the target years
    deliverability: int | None
    cost_per_tonne: float | None  # £ per tCO2e avoided, 2020-2050
    factors: dict[str, float]  # each factor's 0-1 score, where known
    missing: tuple[str, ...]  # why there is no score

    @property
    def why_not(self) -> str:
        return "; ".join(MISSING[m] for m in self.missing)


def priority_weights(place: Place) -> PriorityWeights:
    """The place's weights, or the defaults (every factor 1) before an officer sets them."""
    return PriorityWeights.objects.filter(place=place).first() or PriorityWeights(place=place)


def _weight(value: Any, name: str, errors: dict[str, str]) -> float:
    try:
        weight = float(value)
    except (TypeError, ValueError):
        weight = math.nan
    if not math.isfinite(weight) or not 0 <= weight <= MAX_WEIGHT:
        errors[name] = f"Give the weight of {LABELS[name].lower()} as a number from 0 to 10."
    return weight


@transaction.atomic
def set_priority_weights(
    place: Place, *, impact: Any, deliverability: Any, cost: Any, user: Any
) -> PriorityWeights:
    require(user, "tracker.set_priority_weights", place)
    errors: dict[str, str] = {}
    values = {
        name: _weight(value, name, errors)
        for name, value in (("impact", impact), ("deliverability", deliverability), ("cost", cost))
    }
    if not errors and not any(values.values()):
        errors["impact"] = "Give at least one factor a weight above 0."
    if errors:
        raise ValidationError(errors)
    weights = PriorityWeights.objects.select_for_update().filter(place=place).first()
    weights = weights or PriorityWeights(place=place)
    for name, value in values.items():
        setattr(weights, name, value)
    weights._history_user = user if getattr(user, "is_authenticated", False) else None
    weights.save()
    return weights


def _inputs(place: Place) -> dict[int, tuple[float | None, int | None, float | None]]:
    """Per action of the place: expected tCO2e a year, deliverability, cost per tonne."""
    impact: dict[int, float] = {}
    tonnes: dict[int, float] = {}
    links = LeverLink.objects.filter(action__place=place).values_list(
        "action_id", "target_year", "expected_by_year"
    )
    for action_id, target_year, by_year in links:
        impact[action_id] = impact.get(action_id, 0.0) + by_year.get(str(target_year), 0.0)
        tonnes[action_id] = tonnes.get(action_id, 0.0) + sum(by_year.values())
    found = {}
    rows = Action.objects.filter(place=place).values_list("pk", "deliverability", "budget_gbp")
    for pk, deliverability, budget in rows:
        saved = impact.get(pk) or None
        if saved is not None and saved <= 0:
            saved = None
        avoided = tonnes.get(pk, 0.0)
        cost = float(budget) / avoided if budget is not None and avoided > 0 else None
        found[pk] = (saved, deliverability, cost)
    return found


def priorities(place: Place, weights: PriorityWeights | None = None) -> dict[int, Priority]:
    """Every action's priority in the place, by action id (three small queries)."""
    weights = weights or priority_weights(place)
    inputs = _inputs(place)
    impacts = [i for i, _, _ in inputs.values() if i]
    costs = [c for _, _, c in inputs.values() if c]
    best_impact = max(impacts) if impacts else None
    cheapest = min(costs) if costs else None
    w = {name: getattr(weights, name) for name in FACTORS}
    total = sum(w.values()) or 1.0
    result = {}
    for pk, (saved, deliverability, cost) in inputs.items():
        factors: dict[str, float] = {}
        if saved and best_impact:
            factors["impact"] = saved / best_impact
        if deliverability:
            factors["deliverability"] = deliverability / 5
        if cost and cheapest:
            factors["cost"] = cheapest / cost
        missing = tuple(name for name in FACTORS if w[name] > 0 and name not in factors)
        score = None
        if not missing:
            log = sum(w[n] / total * math.log(factors[n]) for n in FACTORS if w[n] > 0)
            score = 100 * math.exp(log)
        result[pk] = Priority(score, saved, deliverability, cost, factors, missing)
    return result
