"""Anchors we did not write (docs/method/checks.md): per-person emissions and deployment
per household beside FES 2023 CT and the CCC's national pathways."""

from __future__ import annotations

import pytest

from placezero.engine.anchors import (
    YEARS,
    deployment_anchors,
    per_person_tco2e,
    uk_per_person_tco2e,
)


def test_base_year_per_person_is_desnz_territorial_over_residents(leicestershire, assumptions):
    """Rule: 2023 per person = the county's DESNZ territorial total (4,330 kt) over its
    residents, in both scenarios (they differ only after the base year)."""
    net_zero = per_person_tco2e(leicestershire, assumptions, "net-zero")
    balanced = per_person_tco2e(leicestershire, assumptions, "balanced")
    residents = float(leicestershire.residents.sum())
    assert net_zero[2023] == pytest.approx(4_330_232 / residents, rel=0.005)
    assert balanced[2023] == pytest.approx(net_zero[2023])
    assert net_zero[2050] <= 0 < balanced[2050]  # net zero is reached, balanced is not


def test_uk_per_person_path_follows_the_ccc_cuts():
    """Rule: 384.2 Mt over 68.3 million people, then 78 % and 87 % below 1990 by 2035 and
    2040 rescaled from 2023's 52.7 %."""
    uk = uk_per_person_tco2e()
    assert uk[2023] == pytest.approx(5.625, abs=0.001)
    assert uk[2035] == pytest.approx(uk[2023] * 0.22 / 0.473)
    assert uk[2050] == 0


def test_fes_and_engine_heat_pumps_per_household_agree_by_2050(pack, leicestershire, assumptions):
    """Rule: the FES side is FES's own counts per FES customer, rising; the net-zero
    scenario's heat pumps per household in 2050 are within a quarter of FES CT's."""
    heat, cars, solar = deployment_anchors(pack, leicestershire, assumptions)
    for anchor in (heat, cars, solar):
        values = [anchor.fes_ct[y] for y in YEARS]
        assert all(v > 0 for v in values)
    assert [heat.fes_ct[y] for y in YEARS] == sorted(heat.fes_ct[y] for y in YEARS)
    assert heat.engine["net-zero"][2050] == pytest.approx(heat.fes_ct[2050], rel=0.25)
    assert heat.engine["balanced"][2050] < heat.engine["net-zero"][2050]
