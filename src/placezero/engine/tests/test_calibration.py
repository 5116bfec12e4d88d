"""Calibration: every place's base year and 2019 equal DESNZ territorial emissions, read from
the raw DESNZ totals file (not from the pack the engine was built from)."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import numpy as np
import pytest

from placezero.engine.calibrate import (
    TOLERANCE,
    TOTALS_FILE,
    CalibrationError,
    calibration_table,
    read_territorial_totals,
)

LEICESTERSHIRE = (
    "E07000129",
    "E07000130",
    "E07000131",
    "E07000132",
    "E07000133",
    "E07000134",
    "E07000135",
)


@pytest.fixture(scope="session")
def raw_totals():
    from placezero.datapack.sources import DEFAULT_DATA_DIR

    path = DEFAULT_DATA_DIR / TOTALS_FILE
    if not path.is_file():
        pytest.skip(f"raw DESNZ totals not found at {path} (set PLACEZERO_DATA_DIR)")
    return read_territorial_totals(path)


@pytest.fixture(scope="module")
def table(leicestershire, raw_totals, assumptions):
    return calibration_table(leicestershire, raw_totals, assumptions)


@pytest.mark.parametrize("district", LEICESTERSHIRE)
def test_base_year_and_2019_match_desnz_territorial(table, district):
    """Rule: for each district the 2023 (base year) and 2019 totals are within 0.5 % of the
    DESNZ territorial figure in the raw totals file."""
    rows = {row.year: row for row in table if row.district == district}
    assert {2019, 2023} <= set(rows)
    for year in (2019, 2023):
        assert abs(rows[year].difference) <= TOLERANCE, (year, f"{rows[year].difference:.3%}")


def test_rutland_matches_desnz_territorial(raw_totals, assumptions):
    """Rule: the same holds for Rutland, the second demo place."""
    from placezero.datapack.reader import read_pack
    from placezero.engine.pack_inputs import build_inputs

    rows = calibration_table(build_inputs(read_pack("rutland")), raw_totals, assumptions)
    assert {row.year for row in rows} >= {2019, 2023}
    assert all(row.within_tolerance for row in rows), [(r.year, r.difference) for r in rows]


def test_a_place_made_with_place_create_matches_desnz_territorial(
    raw_totals, assumptions, tmp_path: Path
):
    """Rule: a place built from the national files (Leicester, not a shipped pack) matches."""
    from placezero.datapack.build import build_pack
    from placezero.datapack.definitions import definition_from_lads
    from placezero.datapack.reader import read_pack
    from placezero.datapack.sources import DEFAULT_DATA_DIR
    from placezero.engine.pack_inputs import build_inputs

    definition = definition_from_lads(
        ("E06000016",), slug="leicester-city", data_dir=DEFAULT_DATA_DIR
    )
    target = build_pack(definition, DEFAULT_DATA_DIR, tmp_path, progress=lambda _m: None)
    inputs = build_inputs(read_pack(target))
    rows = calibration_table(inputs, raw_totals, assumptions)
    by_year = {row.year: row for row in rows}
    assert abs(by_year[2023].difference) <= TOLERANCE
    assert abs(by_year[2019].difference) <= TOLERANCE
    # The shipped net zero scenario (no district codes) reaches net zero there too.
    from placezero.engine.scenario import load_scenario
    from placezero.engine.simulate import simulate

    scenario = load_scenario(Path(__file__).resolve().parents[1] / "scenarios" / "net-zero.yaml")
    assert simulate(inputs, scenario, assumptions).total_emissions_tco2e[:, -1].sum() <= 0
    shutil.rmtree(target)


def test_calibration_detects_lost_energy(leicestershire, raw_totals, assumptions):
    """Rule: the check fails when a zone's energy goes missing (it is not true by design)."""
    energy = leicestershire.baseline_energy_kwh.copy()
    energy[0] = 0.0
    broken = dataclasses.replace(leicestershire, baseline_energy_kwh=energy)
    rows = calibration_table(broken, raw_totals, assumptions)
    assert not all(row.within_tolerance for row in rows)


def test_a_totals_file_without_the_column_is_refused(tmp_path: Path):
    """Rule: a reference file missing the territorial column is refused, naming it."""
    path = tmp_path / "totals.csv"
    path.write_text("lad_code,year,total_emissions_scope_ktco2\nE07000129,2023,1\n")
    with pytest.raises(CalibrationError, match="territorial_emissions_ktco2e"):
        read_territorial_totals(path)


def test_a_non_finite_total_is_refused_naming_the_row(tmp_path: Path):
    """Rule: NaN or infinite reference values are refused with the row number."""
    path = tmp_path / "totals.csv"
    path.write_text("lad_code,year,territorial_emissions_ktco2e\nE07000129,2023,nan\n")
    with pytest.raises(CalibrationError, match="row 2"):
        read_territorial_totals(path)


def test_zone_land_areas_add_up_to_the_district_area(leicestershire, pack):
    """Rule: zone areas from the boundaries are within 3 % of the DESNZ district areas."""
    land_km2 = leicestershire.district_sum(leicestershire.land_area_ha) / 100
    official = np.array(
        [pack.area_series(d, "desnz-la-ghg", "area_km2")[2019] for d in leicestershire.districts]
    )
    np.testing.assert_allclose(land_km2, official, rtol=0.03)
