"""Acceptance per zone and technology from published contributions: raw counts for the
engine, and for people the share with its sample size and a Wilson interval, weighted to
the zone's households by tenure (`weighting`), hidden below the minimum count."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from placezero.engine.acceptance import MINIMUM_RESPONSES, Tally, wilson_interval
from placezero.places import services as places

from . import weighting
from .models import Contribution
from .options import ENGINE_TECHNOLOGY, Status, Tenure

if TYPE_CHECKING:
    from placezero.places.models import Place

    from .models import Consultation

CENSUS_DATASET, CENSUS_YEAR = "census-2021", 2021
# Census 2021 TS054 variables (pack names) making up each of our three tenure groups.
TENURE_VARIABLES = {
    Tenure.OWNS: ("tenure_owned_households", "tenure_shared_ownership_households"),
    Tenure.SOCIAL: ("tenure_social_rented_households",),
    Tenure.PRIVATE: ("tenure_private_rented_households", "tenure_rent_free_households"),
}


def _published(place: Place, consultation: Consultation | None):
    found = Contribution.objects.filter(place=place, status=Status.PUBLISHED)
    return found.filter(consultation=consultation) if consultation is not None else found


def tallies(place: Place, consultation: Consultation | None = None) -> dict[tuple[str, str], Tally]:
    """Published responses per (zone code, landscape technology)."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = _published(place, consultation).values_list("zone__code", "technology", "stance")
    for zone, technology, stance in rows:
        counts[(zone, technology)][stance] += 1
    return {key: Tally(**dict(value)) for key, value in counts.items()}


def engine_tallies(place: Place) -> dict[tuple[str, str], Tally]:
    """The tallies of technologies the least-cost optimiser chooses, by engine names."""
    return {
        (zone, ENGINE_TECHNOLOGY[technology]): tally
        for (zone, technology), tally in tallies(place).items()
        if technology in ENGINE_TECHNOLOGY
    }


def tenure_of_households(place: Place) -> dict[str, dict[str, float]]:
    """Zone code -> households per tenure group (Census 2021 TS054, from the place pack)."""
    by_zone: dict[str, dict[str, float]] = defaultdict(dict)
    for group, variables in TENURE_VARIABLES.items():
        for variable in variables:
            values = places.zone_values(place, CENSUS_DATASET, variable, CENSUS_YEAR)
            for code, value in values.items():
                by_zone[code][group] = by_zone[code].get(group, 0.0) + value
    return dict(by_zone)


@dataclass(frozen=True)
class Acceptance:
    zone_code: str
    zone_label: str
    technology: str
    responses: int
    share: float | None  # weighted; None when fewer than MINIMUM_RESPONSES: hidden
    low: float | None
    high: float | None
    unweighted: float | None = None
    effective_n: float | None = None
    weighted: bool = False


def zone_label(zone) -> str:
    local = f" ({zone.local_name})" if getattr(zone, "local_name", "") else ""
    return f"{zone.name}{local}"


def acceptance(
    place: Place, technology: str, consultation: Consultation | None = None
) -> list[Acceptance]:
    """Acceptance of one technology in every zone of the place, weighted by tenure, with
    the effective sample size and its Wilson interval; hidden below the minimum count."""
    answers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows = _published(place, consultation).filter(technology=technology)
    for zone, stance, tenure in rows.values_list("zone__code", "stance", "tenure"):
        answers[zone].append((stance, tenure))
    households = tenure_of_households(place)
    found = []
    for zone in places.zones(place):
        result = weighting.weigh(answers.get(zone.code, []), households.get(zone.code, {}))
        shown = result.responses >= MINIMUM_RESPONSES
        low, high = (
            wilson_interval(result.weighted_share, result.effective_n) if shown else (None, None)
        )
        found.append(
            Acceptance(
                zone.code, zone_label(zone), technology, result.responses,
                result.weighted_share if shown else None, low, high,
                result.share if shown else None,
                round(result.effective_n, 1) if shown else None,
                result.weighted_by_tenure and shown,
            )
        )  # fmt: skip
    return found
