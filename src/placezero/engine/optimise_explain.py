"""Say why a target cannot be met, in the words a planner uses.

The elastic model minimises the total shortfall against the targets; each limit whose
shadow price in that model is non-zero is one that, if raised, would shrink the shortfall.
Those are grouped by kind and technology so that a message reads like
"acceptance of onshore wind in 12 zones", not a list of solver rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from placezero.engine.optimise_problem import BindingLimit, TargetShortfall

# What the least-cost mode chooses and what it leaves alone: said with every plan and every
# target it cannot meet (the command line and the web both print it).
COVERAGE = (
    "Note: the least-cost mode chooses heat pumps and retrofit for homes, electric cars and "
    "vans, and solar and wind; emissions of industry, non-domestic buildings, HGVs, "
    "agriculture, waste and land use stay at their no-new-action level in it."
)
# How many zone names to show before summarising as "and N more".
_ZONES_SHOWN = 3


def _tco2e(value: float) -> str:
    return f"{value:,.0f} tCO2e"


def describe_shortfall(shortfall: TargetShortfall) -> str:
    """One sentence: the target, the best achievable, and the gap."""
    if shortfall.kind == "carbon budget":
        return (
            f"The carbon budget of {_tco2e(shortfall.target_tco2e)} cannot be kept: the lowest "
            f"achievable total is {_tco2e(shortfall.best_achievable_tco2e)} "
            f"(over by {_tco2e(shortfall.short_by_tco2e)})."
        )
    year = (shortfall.period or "").split("-")[-1]
    return (
        f"The {year} target of {_tco2e(shortfall.target_tco2e)}/yr cannot be met: the best "
        f"achievable is {_tco2e(shortfall.best_achievable_tco2e)}/yr "
        f"(short by {_tco2e(shortfall.short_by_tco2e)}/yr)."
    )


def _zones_phrase(zones: list[str]) -> str:
    unique = sorted(set(zones))
    if len(unique) == 1:
        return f"zone {unique[0]}"
    shown = ", ".join(unique[:_ZONES_SHOWN])
    more = len(unique) - _ZONES_SHOWN
    suffix = f" and {more} more" if more > 0 else ""
    return f"{len(unique)} zones ({shown}{suffix})"


def describe_limits(limits: tuple[BindingLimit, ...]) -> list[str]:
    """Group binding limits into phrases, the most influential group first."""
    groups: dict[tuple[str, str | None], list[BindingLimit]] = defaultdict(list)
    for limit in limits:
        groups[(limit.kind, limit.technology)].append(limit)
    ranked = sorted(groups.items(), key=lambda item: -sum(b.value for b in item[1]))
    phrases = []
    for (kind, technology), members in ranked:
        zones = [b.zone for b in members if b.zone]
        periods = sorted({b.period for b in members if b.period})
        if kind == "build rate":
            phrases.append(f"build rate of {technology} in {', '.join(periods)}")
        elif kind in ("acceptance", "technical potential"):
            phrases.append(f"{kind} of {technology} in {_zones_phrase(zones)}")
        elif kind == "network headroom":
            phrases.append(
                f"network headroom with reinforcement limited, in {_zones_phrase(zones)}"
            )
        elif kind == "reinforcement limit":
            phrases.append(f"reinforcement limit in {_zones_phrase(zones)}")
        else:
            phrases.append(kind)
    return phrases


def explain_infeasibility(
    shortfalls: tuple[TargetShortfall, ...], limits: tuple[BindingLimit, ...]
) -> str:
    """The whole message: every missed target, then the limits that bind, then what to do."""
    lines = [describe_shortfall(s) for s in shortfalls]
    if not lines:
        lines = ["The targets cannot be met within the limits given."]
    phrases = describe_limits(limits)
    if phrases:
        lines.append("Limits that bind: " + "; ".join(phrases) + ".")
    else:
        lines.append(
            "No deployment limit binds: the technologies offered cannot abate enough "
            "(add technologies or check the abatement per unit)."
        )
    lines.append(
        "To find a feasible plan, raise one of these limits, add technologies, "
        "or set a later or higher target."
    )
    return "\n".join(lines)
