"""Acceptance per zone and technology from published contributions: the share with its
sample size and a Wilson interval, weighted to the zone's households by tenure and, when the
place pack carries Census 2021 age, to its residents by age (`weighting`), hidden below the
minimum count. The engine takes the same weighted share (`engine_tallies`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from placezero.engine.acceptance import MINIMUM_RESPONSES, Tally, WeightedTally, wilson_interval
from placezero.places import services as places

from . import weighting
from .models import Contribution
from .options import ENGINE_TECHNOLOGY, AgeBand, Status, Tenure

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
# Census 2021 TS007A/TS007 residents by the consultation's age bands (pack dataset
# census-2021-age, only when the pack build had the file: docs/method/data.md).
AGE_DATASET = "census-2021-age"
AGE_VARIABLES = {band: f"age_{band.replace('-', '_').replace('+', '_plus')}_persons"
                 for band in AgeBand.values}  # fmt: skip


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


def engine_tallies(place: Place) -> dict[tuple[str, str], WeightedTally]:
    """What the least-cost optimiser takes, by engine technology names: per zone the
    weighted acceptance share (the figure people see) with its number of responses and
    effective sample size; the minimum count still applies to the responses."""
    answers: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    rows = _published(place, None).filter(technology__in=list(ENGINE_TECHNOLOGY))
    for zone, technology, stance, tenure, band in rows.values_list(
        "zone__code", "technology", "stance", "tenure", "age_band"
    ):
        answers[(zone, technology)].append((stance, tenure, band))
    households, ages = tenure_of_households(place), ages_of_people(place)
    found = {}
    for (zone, technology), listed in answers.items():
        result = weighting.weigh(listed, households.get(zone, {}), ages.get(zone))
        found[(zone, ENGINE_TECHNOLOGY[technology])] = WeightedTally(
            result.responses, result.weighted_share, result.effective_n
        )
    return found


def tenure_of_households(place: Place) -> dict[str, dict[str, float]]:
    """Zone code -> households per tenure group (Census 2021 TS054, from the place pack)."""
    by_zone: dict[str, dict[str, float]] = defaultdict(dict)
    for group, variables in TENURE_VARIABLES.items():
        for variable in variables:
            values = places.zone_values(place, CENSUS_DATASET, variable, CENSUS_YEAR)
            for code, value in values.items():
                by_zone[code][group] = by_zone[code].get(group, 0.0) + value
    return dict(by_zone)


def ages_of_people(place: Place) -> dict[str, dict[str, float]]:
    """Zone code -> residents per age band (Census 2021 TS007A or TS007); empty when the
    place pack has no age table."""
    by_zone: dict[str, dict[str, float]] = defaultdict(dict)
    for band, variable in AGE_VARIABLES.items():
        for code, value in places.zone_values(place, AGE_DATASET, variable, CENSUS_YEAR).items():
            by_zone[code][band] = value
    return dict(by_zone)


def weighted_by(place: Place) -> str:
    """What the weighting matches, in words, for the results page and table."""
    if ages_of_people(place):
        return ("respondents' age and tenure match the neighbourhood's residents by age "
                "(Census 2021, TS007A) and households by tenure (Census 2021, TS054)")  # fmt: skip
    return ("respondents' tenure matches the neighbourhood's households (Census 2021, "
            "TS054); the place's data has no Census age table, so age is not weighted")  # fmt: skip


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
    """Acceptance of one technology in every zone of the place, weighted (tenure, and age
    when the pack has it), with
    the effective sample size and its Wilson interval; hidden below the minimum count."""
    answers: dict[str, list[tuple[str, str]]] = defaultdict(list)
    rows = _published(place, consultation).filter(technology=technology)
    fields = ("zone__code", "stance", "tenure", "age_band")
    for zone, stance, tenure, band in rows.values_list(*fields):
        answers[zone].append((stance, tenure, band))
    households, ages = tenure_of_households(place), ages_of_people(place)
    found = []
    for zone in places.zones(place):
        result = weighting.weigh(
            answers.get(zone.code, []), households.get(zone.code, {}), ages.get(zone.code)
        )
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
                (result.weighted_by_tenure or result.weighted_by_age) and shown,
            )
        )  # fmt: skip
    return found
