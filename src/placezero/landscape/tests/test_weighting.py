"""Acceptance weighted by tenure to the zone's households (Census 2021), with the effective
sample size and its Wilson interval; hidden below the minimum count."""

from __future__ import annotations

import math

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.engine.acceptance import wilson_interval
from placezero.landscape import acceptance, services, weighting

from .conftest import say


def test_no_tenure_answers_means_no_weighting():
    result = weighting.weigh([("welcome", ""), ("oppose", ""), ("neutral", "")], {"owns": 9})
    assert result.weighted_share == result.share == pytest.approx(0.5)
    assert result.effective_n == pytest.approx(3) and not result.weighted_by_tenure


def test_an_under_represented_group_counts_for_more():
    # Four owners oppose, one social renter welcomes; households are half and half.
    answers = [("oppose", "owns")] * 4 + [("welcome", "social")]
    result = weighting.weigh(answers, {"owns": 50, "social": 50})
    # Weights: owners 0.5 x 5/4 = 0.625 each, the renter 0.5 x 5/1 = 2.5.
    assert result.weighted_share == pytest.approx(2.5 / (4 * 0.625 + 2.5))
    assert result.share == pytest.approx(0.2)
    assert result.weighted_share > result.share
    # Uneven weights leave less information: Kish's n_eff = (sum w)^2 / sum w^2.
    assert result.effective_n == pytest.approx(25 / (4 * 0.625**2 + 2.5**2))
    assert result.effective_n < 5


def test_weights_are_capped():
    answers = [("oppose", "owns")] * 99 + [("welcome", "private")]
    weights = weighting.tenure_weights([t for _, t in answers], {"owns": 1, "private": 99})
    assert max(weights) == weighting.MAX_WEIGHT


def test_the_interval_widens_under_weighting():
    low, high = wilson_interval(0.5, 5)
    low_eff, high_eff = wilson_interval(0.5, 3.2)
    assert high_eff - low_eff > high - low
    assert not math.isnan(low_eff)


@pytest.mark.django_db
def test_acceptance_of_a_zone_uses_its_census_households(
    leicestershire, officer, zone, inside_point
):
    households = acceptance.tenure_of_households(leicestershire)[zone.code]
    assert set(households) == {"owns", "social", "private"}
    assert all(value > 0 for value in households.values())
    stances = [("oppose", "owns")] * 4 + [("welcome", "social")]
    for n, (stance, tenure) in enumerate(stances):
        c = say(leicestershire, AnonymousUser(), geometry=inside_point, address=f"w-{n}",
                stance=stance, tenure=tenure, reason=f"Reason {n}").contribution  # fmt: skip
        services.moderate(c, decision="approve", reason="", user=officer)
    row = next(
        r for r in services.acceptance(leicestershire, "ground_solar") if r.zone_code == zone.code
    )
    expected = weighting.weigh(stances, households)
    assert row.responses == 5 and row.unweighted == pytest.approx(0.2)
    assert row.share == pytest.approx(expected.weighted_share) and row.weighted
    assert row.effective_n == pytest.approx(expected.effective_n, abs=0.05)
    assert (row.low, row.high) == pytest.approx(
        wilson_interval(expected.weighted_share, expected.effective_n)
    )
    # Below the minimum nothing is shown, weighted or not.
    other = next(
        r for r in services.acceptance(leicestershire, "onshore_wind") if r.zone_code == zone.code
    )
    assert other.share is None and other.effective_n is None


def test_raking_matches_both_margins_when_the_zone_has_ages():
    """Rule: with the zone's residents by age as well, the weights match both the tenure
    and the age shares (iterative proportional fitting), and the result says so."""
    answers = [
        ("oppose", "owns", "65-74"), ("oppose", "owns", "65-74"), ("oppose", "owns", "35-49"),
        ("welcome", "social", "25-34"), ("welcome", "owns", "25-34"), ("neutral", "", ""),
    ]  # fmt: skip
    tenure, ages = {"owns": 60, "social": 40}, {"25-34": 50, "35-49": 30, "65-74": 20}
    weights = weighting.rake(
        len(answers), [([a[1] for a in answers], tenure), ([a[2] for a in answers], ages)]
    )
    answered = [(w, a) for w, a in zip(weights, answers, strict=True) if a[1]]
    mass = sum(w for w, _ in answered)
    assert sum(w for w, a in answered if a[1] == "social") / mass == pytest.approx(0.4)
    assert sum(w for w, a in answered if a[2] == "25-34") / mass == pytest.approx(0.5)
    assert weights[-1] == 1.0  # answered neither
    result = weighting.weigh(answers, tenure, ages)
    assert result.weighted_by_age and result.weighted_by_tenure
    assert result.weighted_share > result.share  # the young and the renters welcome it
    # Without ages the same answers are weighted by tenure only, as before.
    alone = weighting.weigh(answers, tenure)
    assert not alone.weighted_by_age
    assert alone.weighted_share == pytest.approx(
        weighting.weigh([(s, t) for s, t, _ in answers], tenure).weighted_share
    )


@pytest.mark.django_db
def test_the_optimiser_takes_the_weighted_share(leicestershire, officer, zone, inside_point):
    """Rule: what the engine is handed is the weighted share people see, with its responses
    and effective sample size (docs/method/acceptance.md, "In the least-cost optimisation")."""
    stances = [("oppose", "owns")] * 4 + [("welcome", "social")]
    for n, (stance, tenure) in enumerate(stances):
        c = say(leicestershire, AnonymousUser(), geometry=inside_point, address=f"e-{n}",
                stance=stance, tenure=tenure, reason=f"Reason {n}").contribution  # fmt: skip
        services.moderate(c, decision="approve", reason="", user=officer)
    shown = next(
        r for r in services.acceptance(leicestershire, "ground_solar") if r.zone_code == zone.code
    )
    handed = services.engine_tallies(leicestershire)[(zone.code, "solar_ground_mw")]
    assert handed.responses == 5 and handed.share == pytest.approx(shown.share)
    assert handed.share != pytest.approx(0.2)  # not the unweighted share
    assert handed.effective_n == pytest.approx(shown.effective_n, abs=0.05)
    from placezero.landscape.tables import acceptance_table

    notes = " ".join(acceptance_table(leicestershire, "Solar", [shown]).notes)
    assert "TS054" in notes and "age is not weighted" in notes


@pytest.mark.django_db
def test_a_pack_with_ages_weights_by_age_and_tenure_and_says_so(
    leicestershire, officer, zone, inside_point
):
    """Rule: when the place's data carries Census 2021 age (dataset census-2021-age, from
    the optional TS007A file), acceptance is raked to age and tenure, the engine gets the
    same share, and the table's note names TS007A."""
    from placezero.landscape.tables import acceptance_table
    from placezero.places.models import Dataset, ZoneStatistic

    dataset = Dataset.objects.create(
        place=leicestershire, key=acceptance.AGE_DATASET, title="Census 2021 TS007A",
        publisher="Office for National Statistics", licence="OGL-3.0", attribution="OGL",
    )  # fmt: skip
    people = {"16-24": 500, "25-34": 500, "35-49": 500, "50-64": 500, "65-74": 300, "75+": 200}
    for band, value in people.items():
        ZoneStatistic.objects.create(
            zone=zone, dataset=dataset, variable=acceptance.AGE_VARIABLES[band], year=2021,
            value=value, unit="persons",
        )  # fmt: skip
    stances = [("oppose", "owns", "75+")] * 4 + [("welcome", "owns", "25-34")]
    for n, (stance, tenure, band) in enumerate(stances):
        c = say(
            leicestershire, AnonymousUser(), geometry=inside_point, address=f"a-{n}",
            stance=stance, tenure=tenure, age_band=band, reason=f"Reason {n}",
        ).contribution  # fmt: skip
        services.moderate(c, decision="approve", reason="", user=officer)
    row = next(
        r for r in services.acceptance(leicestershire, "ground_solar") if r.zone_code == zone.code
    )
    households = acceptance.tenure_of_households(leicestershire)[zone.code]
    expected = weighting.weigh(stances, households, people)
    assert expected.weighted_by_age and row.weighted
    assert row.share == pytest.approx(expected.weighted_share) and row.share > 0.2
    handed = services.engine_tallies(leicestershire)[(zone.code, "solar_ground_mw")]
    assert handed.share == pytest.approx(row.share)
    notes = " ".join(acceptance_table(leicestershire, "Solar", [row]).notes)
    assert "TS007A" in notes and "age and tenure" in notes
