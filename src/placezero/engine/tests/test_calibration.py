"""Calibration: each Leicestershire district's base year reproduces DESNZ by sector."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from placezero.engine.calibrate import TOLERANCE, calibration_table

DISTRICTS = (
    "E07000129",
    "E07000130",
    "E07000131",
    "E07000132",
    "E07000133",
    "E07000134",
    "E07000135",
)


@pytest.fixture(scope="module")
def table(leicestershire, assumptions):
    return calibration_table(leicestershire, assumptions)


@pytest.mark.parametrize("district", DISTRICTS)
def test_base_year_matches_desnz_by_sector(table, district):
    """Rule: for every DESNZ sector, the district's base-year emissions are within 0.5 % of
    the DESNZ figure they were built from."""
    rows = [row for row in table if row.district == district]
    assert len(rows) == 7  # domestic, commercial, public, industry, transport, agriculture, waste
    worst = max(abs(row.difference) for row in rows)
    assert worst <= TOLERANCE, [(r.sector, f"{r.difference:.3%}") for r in rows]


def test_calibration_detects_lost_energy(leicestershire, assumptions):
    """Rule: the check fails when a zone's energy goes missing (it is not true by design)."""
    energy = leicestershire.baseline_energy_kwh.copy()
    energy[0] = 0.0
    broken = dataclasses.replace(leicestershire, baseline_energy_kwh=energy)
    rows = calibration_table(broken, assumptions)
    assert not all(row.within_tolerance for row in rows)


def test_zones_share_out_each_district_without_loss(leicestershire, pack):
    """Rule: zone electricity adds up to the DESNZ district consumption."""
    elec = leicestershire.baseline_energy_kwh[..., 0].sum(axis=(1, 2))
    by_district = leicestershire.district_sum(elec)
    for d, district in enumerate(leicestershire.districts):
        dom = pack.area_series(district, "desnz-electricity-la", "domestic_consumption_gwh")[2019]
        nd = pack.area_series(district, "desnz-electricity-la", "non_domestic_consumption_gwh")
        assert by_district[d] == pytest.approx((dom + nd[2019]) * 1e6, rel=1e-9)


def test_zone_land_areas_add_up_to_the_district_area(leicestershire, pack):
    """Rule: zone areas from the boundaries are within 3 % of the DESNZ district areas."""
    land_km2 = leicestershire.district_sum(leicestershire.land_area_ha) / 100
    official = np.array(
        [pack.area_series(d, "desnz-la-ghg", "area_km2")[2019] for d in leicestershire.districts]
    )
    np.testing.assert_allclose(land_km2, official, rtol=0.03)


def test_zones_share_out_district_gas_without_loss(leicestershire, pack):
    """Rule: zone gas adds up to the DESNZ district gas consumption."""
    gas = leicestershire.baseline_energy_kwh[..., 1].sum(axis=(1, 2))
    by_district = leicestershire.district_sum(gas)
    for d, district in enumerate(leicestershire.districts):
        total = sum(
            pack.area_series(district, "desnz-gas-la", v)[2019]
            for v in ("domestic_consumption_gwh", "non_domestic_consumption_gwh")
        )
        assert by_district[d] == pytest.approx(total * 1e6, rel=1e-9)
