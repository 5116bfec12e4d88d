"""Acceptance weighted to a zone's population: households by tenure (Census 2021 TS054) and,
when the place pack carries it, residents by age (Census 2021 TS007A or TS007).

Pure Python, no Django. Method (docs/method/acceptance.md, "Weighting"):

- each response scores y = 1 (welcome), ½ (neutral) or 0 (oppose);
- respondents are raked (iterative proportional fitting, Deming and Stephan 1940) to each
  margin the zone has: among those who answered a question, the weighted share in each
  group g becomes the zone's share p_g (among the groups present in the sample), keeping
  those respondents' total weight. With one margin (tenure only) this is post-
  stratification in one step: weight p_g · m / m_g, where m answered and m_g of them are in
  g. Weights are capped at MAX_WEIGHT after raking, so one renter among many owners cannot
  carry a zone alone;
- respondents who answered neither question keep weight 1;
- weighted acceptance = Σ w·y / Σ w, and Kish's effective sample size
  n_eff = (Σ w)² / Σ w² (Kish, L. (1965), *Survey Sampling*, Wiley) replaces n in the
  Wilson score interval, which widens when weights are uneven.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

SCORES = {"welcome": 1.0, "neutral": 0.5, "oppose": 0.0}
MAX_WEIGHT = 5.0
RAKING_ROUNDS, RAKING_TOLERANCE = 100, 1e-9

# One margin: each respondent's group ("" for no answer) and the zone's population by group.
Margin = tuple[Sequence[str], Mapping[str, float]]


@dataclass(frozen=True)
class Weighted:
    responses: int
    share: float  # unweighted (welcoming + ½ neutral) / responses
    weighted_share: float
    effective_n: float
    weighted_by_tenure: bool  # False when no respondent answered or no census shares
    weighted_by_age: bool = False


def rake(size: int, margins: Iterable[Margin]) -> list[float]:
    """One weight per respondent, raked to every margin with answers and population."""
    usable = []
    for groups, population in margins:
        present = {g for g in groups if g and population.get(g, 0) > 0}
        total = sum(population[g] for g in present)
        if present and total > 0:
            usable.append((groups, {g: population[g] / total for g in present}))
    weights = [1.0] * size
    for _ in range(RAKING_ROUNDS):
        change = 0.0
        for groups, target in usable:
            answered = [i for i, g in enumerate(groups) if g in target]
            mass = sum(weights[i] for i in answered)
            by_group: dict[str, float] = {}
            for i in answered:
                by_group[groups[i]] = by_group.get(groups[i], 0.0) + weights[i]
            for i in answered:
                new = weights[i] * target[groups[i]] * mass / by_group[groups[i]]
                change = max(change, abs(new - weights[i]))
                weights[i] = new
        if change < RAKING_TOLERANCE:
            break
    return [min(MAX_WEIGHT, w) for w in weights]


def tenure_weights(tenures: list[str], population: Mapping[str, float]) -> list[float]:
    """One weight per respondent ("" for no answer), from the zone's households by group."""
    return rake(len(tenures), [(tenures, population)])


def weigh(
    responses: Iterable[tuple[str, ...]],
    population: Mapping[str, float],
    ages: Mapping[str, float] | None = None,
) -> Weighted:
    """`responses`: (stance, tenure or "") or (stance, tenure or "", age band or "") for one
    zone and technology; `population` the zone's households by tenure group, `ages` its
    residents by age band (None or empty when the pack has no age table)."""
    listed = [tuple(r) + ("",) * (3 - len(r)) for r in responses]
    n = len(listed)
    if n == 0:
        return Weighted(0, 1.0, 1.0, 0.0, False)
    scores = [SCORES[stance] for stance, _, _ in listed]
    tenures = [tenure for _, tenure, _ in listed]
    bands = [band for _, _, band in listed]
    margins: list[Margin] = [(tenures, population)]
    if ages:
        margins.append((bands, ages))
    weights = rake(n, margins)
    total = sum(weights)
    moved = [w != 1.0 for w in weights]
    by_tenure = any(m and t in population for m, t in zip(moved, tenures, strict=True))
    by_age = bool(ages) and any(m and b in ages for m, b in zip(moved, bands, strict=True))
    return Weighted(
        responses=n,
        share=sum(scores) / n,
        weighted_share=sum(w * y for w, y in zip(weights, scores, strict=True)) / total,
        effective_n=total * total / sum(w * w for w in weights),
        weighted_by_tenure=by_tenure,
        weighted_by_age=by_age,
    )
