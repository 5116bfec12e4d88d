"""The territorial basis: the out-of-scope gap split (T3), the DESNZ full dataset's split
when the pack has it, and the shipped net zero scenario reaching net zero in every place."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from placezero.engine.dimensions import SECTORS, S
from placezero.engine.scenario import load_scenario
from placezero.engine.simulate import simulate
from placezero.engine.territorial import _full_dataset_gap, split_gap

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def test_the_gap_split_adds_up_to_the_gap(assumptions):
    """Rule: every district's split sums to its gap; a negative gap is a land-use sink."""
    gap = np.array([790_000.0, 20_000.0, -5_000.0])
    out = split_gap(
        gap,
        np.array([39_000.0, 2_000.0, 1_000.0]),
        np.array([40_000.0, 60_000.0, 10_000.0]),
        np.array([70_000.0, 0.0, 1.0]),
        np.array([150_000.0, 0.0, 1.0]),
        assumptions,
    )
    np.testing.assert_allclose(out.sum(axis=1), gap)
    assert out[2, S["LULUCF"]] == -5_000.0
    assert out[0, S["agriculture"]] == pytest.approx(
        39_000 * assumptions["agriculture_non_co2_tco2e_per_ha"]
    )


class _SectorPack:
    """A stand-in pack holding only the full-dataset sector series for one district."""

    def __init__(self, values: dict[str, float]):
        self.values = values

    def area_series(self, code, dataset, variable, scenario=""):
        return {2023: self.values[variable]} if variable in self.values else {}


def test_the_full_dataset_split_replaces_the_method():
    """Rule: with the DESNZ full dataset in the pack, the gap is its territorial minus
    within-scope figure for each sector."""
    values = {}
    for sector in SECTORS:
        key = sector.lower()
        values[f"{key}_territorial_ktco2e"] = 10.0
        values[f"{key}_scope_ktco2e"] = 4.0
    gap = _full_dataset_gap(_SectorPack(values), ["E07000129"], 2023)
    assert gap is not None
    np.testing.assert_allclose(gap, 6000.0)
    assert _full_dataset_gap(_SectorPack({}), ["E07000129"], 2023) is None


@pytest.mark.parametrize("name", ["balanced", "net-zero"])
def test_shipped_scenarios_name_no_district(name):
    """Rule: the shipped scenarios run in every place: no district or zone codes."""
    data = yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8"))
    assert not data.get("districts") and not data.get("zones") and not data.get("trajectories")


@pytest.mark.parametrize("place", ["leicestershire", "rutland"])
def test_the_net_zero_scenario_reaches_net_zero_by_2050(place, assumptions):
    """Rule: net territorial emissions (net of removals) are at or below zero by 2050."""
    from placezero.datapack.reader import read_pack
    from placezero.engine.pack_inputs import build_inputs

    inputs = build_inputs(read_pack(place))
    results = simulate(inputs, load_scenario(SCENARIOS / "net-zero.yaml"), assumptions)
    total = results.total_emissions_tco2e.sum(axis=0)
    assert total[0] > 0
    assert total[-1] <= 0, f"{place}: {total[-1] / 1000:.1f} kt in 2050"
    # Residual emissions and removals are both there, not netted away.
    by_sector = results.emissions_tco2e[:, -1].sum(axis=0)
    assert by_sector[S["agriculture"]] > 0 and by_sector[S["removals"]] < 0


def test_existing_generation_is_the_operational_repd_solar_and_wind(leicestershire, pack):
    """Rule: local generation in the base year comes from the REPD sites that are
    operational in the member districts (not zero until a lever adds some)."""
    wanted = {"Solar Photovoltaics": 0, "Wind Onshore": 1}
    expected = np.zeros(2)
    for site in pack.renewable_sites:
        if (
            site["status"] == "Operational"
            and site["technology"] in wanted
            and site["area_code"] in leicestershire.districts
        ):
            expected[wanted[site["technology"]]] += site["capacity_mw"]
    got = leicestershire.existing_generation_mw.sum(axis=0)
    np.testing.assert_allclose(got, expected, rtol=0.02)
    assert got.sum() > 200  # 177 MW solar and 47.8 MW wind in June 2021
