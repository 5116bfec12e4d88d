"""Which limit binds, and where, when no every-sector plan meets a target.

The least-cost programme has five kinds of limit on a lever's share: its maximum (the
level-4 outcome, the share of its potential — homes, vehicles, land, a sector's
emissions — the plan may use), acceptance (residents accepting only part of that), the
build rate (the largest yearly rise), and network capacity per primary-substation group.
When no plan meets a target, `explain` compares the best the limits allow (every lever
rising as fast as it may to its cap) with the same attempt with one kind of limit lifted
at a time, and names the levers each holds back and the sectors whose emissions remain
(docs/method/optimisation.md, "When no every-sector plan meets the target").
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .assumptions import Assumptions
from .dimensions import SECTORS
from .inputs import PlaceInputs
from .levers import LEVERS
from .optimise_levers import PLAN_LEVERS, build_rates, evaluate, max_share

LEVERS_NAMED = 4  # levers named for each limit, the largest effect first
SECTORS_NAMED = 3


def fastest(caps: np.ndarray, rates: np.ndarray, n_years: int) -> np.ndarray:
    """[L, Y] every lever rising at its build rate from the base year until its cap."""
    steps = np.arange(n_years)[None, :] * np.minimum(rates, np.maximum(caps, 1e-12))[:, None]
    return np.minimum(steps, caps[:, None])


def explain(
    inputs: PlaceInputs,
    a: Assumptions,
    caps: np.ndarray,
    rates: np.ndarray,
    acceptance: Mapping[str, float],
    targets: Mapping[int, float],
    budget: float | None,
) -> str:
    """Why no plan meets the targets, in a planner's words: by how much, which limits bind
    (with the emissions if each were lifted) and the sectors where emissions remain."""
    years = inputs.years
    n_y = len(years)
    best = evaluate(inputs, a, fastest(caps, rates, n_y))
    without_rate = np.repeat(caps[:, None], n_y, axis=1)
    without_rate[:, 0] = 0.0
    lifted = {"build rate": evaluate(inputs, a, without_rate).emissions_tco2e}
    if any(value < 1.0 for value in acceptance.values()):
        full = np.array([max_share(lever) for lever in PLAN_LEVERS])
        lifted["acceptance"] = evaluate(inputs, a, fastest(full, rates, n_y)).emissions_tco2e
    parts, year = [], None
    for target_year, target in targets.items():
        y = int(np.flatnonzero(years == target_year)[0])
        value = float(best.emissions_tco2e[y])
        if value > target:
            year = year or target_year
            parts.append(
                f"the {target_year} target of {target:,.0f} tCO2e/yr cannot be met: with "
                f"every lever rising as fast as its build rate allows to its maximum, "
                f"emissions are {value:,.0f} tCO2e/yr (short by {value - target:,.0f})"
            )
    if budget is not None:
        total = float(best.emissions_tco2e[1:].sum())
        if total > budget:
            parts.append(
                f"the carbon budget of {budget:,.0f} tCO2e cannot be kept: the least the "
                f"limits allow is {total:,.0f} tCO2e from {years[1]} to {years[-1]} "
                f"(over by {total - budget:,.0f})"
            )
    if not parts:
        parts.append("the limits together leave no plan that meets every target")
    y = int(np.flatnonzero(years == (year or int(years[-1])))[0])
    at = int(years[y])
    shares = fastest(caps, rates, n_y)[:, y]
    held_by_rate = [k for k in range(len(PLAN_LEVERS)) if shares[k] < caps[k] - 1e-9]
    at_cap = [k for k in range(len(PLAN_LEVERS)) if k not in held_by_rate and caps[k] > 0]
    accepted_low = [k for k in at_cap if acceptance.get(PLAN_LEVERS[k], 1.0) < 1.0]
    at_maximum = [k for k in at_cap if k not in accepted_low]
    best_y = float(best.emissions_tco2e[y])
    limits = [
        _limit(
            "build rate",
            held_by_rate,
            f"{len(held_by_rate)} levers cannot reach their maximum by {at}",
            lifted["build rate"][y] if held_by_rate else None,
            at,
        ),
        _limit(
            "acceptance",
            accepted_low,
            f"residents accept only part of {len(accepted_low)} levers",
            lifted["acceptance"][y] if "acceptance" in lifted else None,
            at,
        ),
        _limit(
            "lever maximum (potential)",
            at_maximum,
            f"{len(at_maximum)} levers are at their level-4 outcome, the share of their "
            "potential the plan may use",
            None,
            at,
        ),
    ]
    residual = _residual_sectors(best.results.emissions_tco2e[:, y, :].sum(axis=0))
    grid = best.results.network
    over = np.maximum(grid.group_peak_kw[:, y] - grid.group_capacity_kw, 0.0)
    network = (
        "Network capacity does not bind: where a plan's peak exceeds a substation group's "
        f"capacity it buys reinforcement at £{a['reinforcement_cost_gbp_per_kw']:,.0f}/kW "
        f"(the best attempt needs {over.sum() / 1000:,.1f} MW in {int((over > 0).sum())} of "
        f"{len(over)} groups by {at})."
    )
    sentence = "; ".join(parts)
    return (
        f"{sentence[0].upper()}{sentence[1:]}.\n"
        f"Limits that bind in {at} (best achievable {best_y:,.0f} tCO2e/yr): "
        + "; ".join(text for text in limits if text)
        + f".\n{network}\nWhere emissions remain in {at}: {residual}. Raise a limit (a later "
        "target year, more acceptance, a higher lever maximum in the assumptions) or set a "
        "higher target."
    )


def _limit(name: str, levers: list[int], summary: str, lifted: float | None, year: int) -> str:
    if not levers:
        return ""
    named = ", ".join(LEVERS[PLAN_LEVERS[k]].title.lower() for k in levers[:LEVERS_NAMED])
    more = f" and {len(levers) - LEVERS_NAMED} more" if len(levers) > LEVERS_NAMED else ""
    effect = f" (without it, {lifted:,.0f} tCO2e/yr in {year})" if lifted is not None else ""
    return f"{name} — {summary}: {named}{more}{effect}"


def _residual_sectors(by_sector: np.ndarray) -> str:
    order = np.argsort(-by_sector)[:SECTORS_NAMED]
    named = [f"{SECTORS[s]} {by_sector[s]:,.0f} tCO2e/yr" for s in order if by_sector[s] > 0]
    removals = float(-by_sector[by_sector < 0].sum())
    text = ", ".join(named) or "none"
    return text + (f"; removals and land use take out {removals:,.0f}" if removals else "")


def binding_in_plan(plan, acceptance: Mapping[str, float] | None = None) -> list[str]:
    """The limits a found plan presses against, as phrases: levers held at their maximum
    (or acceptance) by the last year, levers rising at their build rate, and the network
    reinforcement bought. The target itself is left out: that it binds is what was asked."""
    years = plan.inputs.years
    accepted = dict(acceptance or {})
    caps = np.array([max_share(lever) * accepted.get(lever, 1.0) for lever in PLAN_LEVERS])
    rates = build_rates(int(2050 - years[0]))
    shares = plan.shares
    titles = [LEVERS[lever].title.lower() for lever in PLAN_LEVERS]
    phrases = []
    at_cap = [k for k in range(len(PLAN_LEVERS)) if shares[k, -1] >= caps[k] * 0.999 > 0]
    if at_cap:
        limit = "acceptance or lever maximum" if accepted else "lever maximum (potential)"
        phrases.append(
            f"{limit}: {len(at_cap)} levers reach their level-4 outcome by {years[-1]} — "
            + ", ".join(titles[k] for k in at_cap)
        )
    rises = np.diff(shares, axis=1)
    for k in range(len(PLAN_LEVERS)):
        fast = np.flatnonzero(rises[k] >= rates[k] * 0.999)
        if len(fast):
            first, last = int(years[fast[0] + 1]), int(years[fast[-1] + 1])
            span = str(first) if first == last else f"{first} to {last}"
            phrases.append(f"build rate: {titles[k]} rises as fast as it may in {span}")
    bought = plan.reinforcement_kw[:, -1]
    if bought.sum() > 0:
        phrases.append(
            f"network capacity: {bought.sum() / 1000:,.1f} MW of reinforcement bought in "
            f"{int((bought > 0).sum())} of {len(bought)} primary substation groups"
        )
    return phrases
