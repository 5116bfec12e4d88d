"""Acceptance weighted to how a zone's households hold their homes (Census 2021 tenure).

Pure Python, no Django. Method (docs/method/acceptance.md, "Weighting"):

- each response scores y = 1 (welcome), ½ (neutral) or 0 (oppose);
- respondents who said how they hold their home are post-stratified to the zone's
  households: a respondent in tenure group g gets weight p_g · m / m_g, where p_g is the
  zone's share of households in g (among the groups present in the sample), m the number
  who answered the tenure question and m_g those of them in g; weights are capped at
  MAX_WEIGHT, so one renter among many owners cannot carry a zone alone;
- respondents who did not answer keep weight 1 (their mean over the answered is 1 too);
- weighted acceptance = Σ w·y / Σ w, and Kish's effective sample size
  n_eff = (Σ w)² / Σ w² (Kish, L. (1965), *Survey Sampling*, Wiley) replaces n in the
  Wilson score interval, which widens when weights are uneven.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SCORES = {"welcome": 1.0, "neutral": 0.5, "oppose": 0.0}
MAX_WEIGHT = 5.0


@dataclass(frozen=True)
class Weighted:
    responses: int
    share: float  # unweighted (welcoming + ½ neutral) / responses
    weighted_share: float
    effective_n: float
    weighted_by_tenure: bool  # False when no respondent answered or no census shares


def tenure_weights(tenures: list[str], population: Mapping[str, float]) -> list[float]:
    """One weight per respondent ("" for no answer), from the zone's households by group."""
    answered = [t for t in tenures if t]
    present = {t for t in answered if population.get(t, 0) > 0}
    total = sum(population[t] for t in present)
    if not answered or total <= 0:
        return [1.0] * len(tenures)
    counts = {g: answered.count(g) for g in present}
    m = sum(counts.values())
    weights = []
    for t in tenures:
        if not t or t not in present:
            weights.append(1.0)
        else:
            weights.append(min(MAX_WEIGHT, (population[t] / total) * m / counts[t]))
    return weights


def weigh(responses: Iterable[tuple[str, str]], population: Mapping[str, float]) -> Weighted:
    """`responses`: (stance, tenure or "") pairs for one zone and technology."""
    listed = list(responses)
    n = len(listed)
    if n == 0:
        return Weighted(0, 1.0, 1.0, 0.0, False)
    scores = [SCORES[stance] for stance, _ in listed]
    weights = tenure_weights([tenure for _, tenure in listed], population)
    total = sum(weights)
    return Weighted(
        responses=n,
        share=sum(scores) / n,
        weighted_share=sum(w * y for w, y in zip(weights, scores, strict=True)) / total,
        effective_n=total * total / sum(w * w for w in weights),
        weighted_by_tenure=any(w != 1.0 for w in weights),
    )
