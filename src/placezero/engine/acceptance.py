"""Residents' acceptance per zone and technology, as the least-cost optimiser's limit.

Arrays and counts in, arrays out; no Django. The method is `docs/method/acceptance.md`:

    acceptance share = (welcoming + ½ · neutral) / responses        (0-1)

for a zone and technology with at least `minimum_responses` published responses; a zone
and technology with fewer responses keeps its whole technical potential (share 1), since a
handful of voices is no evidence either way. `optimise_inputs.problem_from_inputs(...,
acceptance=shares)` then caps deployment at share x technical potential.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

MINIMUM_RESPONSES = 5
Z_95 = 1.959964  # two-sided 95 % normal quantile


@dataclass(frozen=True)
class Tally:
    """Published responses about one technology in one zone."""

    welcome: int = 0
    neutral: int = 0
    oppose: int = 0

    @property
    def responses(self) -> int:
        return self.welcome + self.neutral + self.oppose

    @property
    def share(self) -> float:
        """(welcoming + ½ neutral) / responses; 1.0 when nobody answered."""
        if self.responses == 0:
            return 1.0
        return (self.welcome + 0.5 * self.neutral) / self.responses


@dataclass(frozen=True)
class WeightedTally:
    """Published responses about one technology in one zone, as a share weighted to the
    zone's population (`landscape.weighting`), with Kish's effective sample size. Takes a
    Tally's place in `acceptance_shares`: the minimum count applies to `responses`."""

    responses: int
    share: float
    effective_n: float


def wilson_interval(share: float, responses: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a share from `responses` answers (Wilson 1927), which
    stays inside 0-1 for small samples where the normal approximation does not."""
    if responses <= 0:
        return 0.0, 1.0
    n = float(responses)
    centre = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def acceptance_shares(
    zone_codes: Sequence[str],
    technologies: Sequence[str],
    tallies: Mapping[tuple[str, str], Tally | WeightedTally],
    *,
    minimum_responses: int = MINIMUM_RESPONSES,
) -> np.ndarray:
    """Share (0-1) of each zone's technical potential residents accept, shape
    (zones, technologies) in the given orders; 1 wherever responses are too few. Tallies
    for zones or technologies not listed are ignored (a technology the optimiser does not
    choose constrains nothing)."""
    shares = np.ones((len(zone_codes), len(technologies)))
    zone_index = {code: i for i, code in enumerate(zone_codes)}
    technology_index = {name: j for j, name in enumerate(technologies)}
    for (zone, technology), tally in tallies.items():
        i, j = zone_index.get(zone), technology_index.get(technology)
        if i is None or j is None or tally.responses < minimum_responses:
            continue
        shares[i, j] = tally.share
    return shares


def credit_generation(
    abatement_tco2e_per_unit: np.ndarray,
    technologies: Sequence[str],
    grid_kg_per_kwh: np.ndarray,
    mwh_per_mw: Mapping[str, float],
) -> np.ndarray:
    """The abatement array [Z, T, P] with local generation credited on a consumption basis:
    each MW of the technologies in `mwh_per_mw` (MWh a year per MW) displaces grid
    electricity at the zone's grid intensity that period (`grid_kg_per_kwh` [Z, P]).

    The engine's least-cost problem counts emissions on the territorial basis, where local
    generation earns no credit and so is never built; acceptance of it can then change
    nothing. This view, documented in docs/method/acceptance.md, shows what acceptance does
    to a plan that does count generation."""
    credited = np.array(abatement_tco2e_per_unit, dtype=float, copy=True)
    for technology, per_mw in mwh_per_mw.items():
        if technology in technologies:
            credited[:, list(technologies).index(technology), :] = per_mw * grid_kg_per_kwh
    return credited


def acceptance_by_lever(
    share_by_zone: np.ndarray, households: np.ndarray, technology_levers: Sequence[str]
) -> dict[str, float]:
    """[zones, technologies] acceptance -> one share per lever, the household-weighted mean
    over zones, for the every-sector optimiser (which plans one place-wide share per lever).
    `technology_levers[t]` is the lever that technology column `t` moves."""
    weights = households / households.sum()
    by_lever: dict[str, float] = {}
    for t, lever in enumerate(technology_levers):
        # Clipped: float rounding can leave a whole-hearted welcome at 1 + 2e-16. A lever
        # moved by several technologies is held back by the least accepted of them.
        mean = float(np.clip(weights @ share_by_zone[:, t], 0.0, 1.0))
        by_lever[lever] = min(mean, by_lever.get(lever, 1.0))
    return by_lever
