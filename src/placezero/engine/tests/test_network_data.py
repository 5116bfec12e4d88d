"""Network from the data: FES 2023 GSP peaks shared among NGED primaries (network_data.py,
N1-N3), the engine's own peak where the data do not reach, capacity an assumption on top."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from placezero.datapack.geometry import contains
from placezero.engine.network import zone_headroom_kw
from placezero.engine.pack_inputs import build_inputs
from placezero.engine.scenario import scenario_from_mapping
from placezero.engine.simulate import simulate

NO_NEW_ACTION = scenario_from_mapping({"name": "none", "levers": {}})


def _expected_total_kw(pack, base_year: int, zones: tuple[str, ...]) -> float:
    """Σ over the place's primaries of (mean FES 2023 peak of its GSP in the base year) /
    (NGED primaries in that GSP), written out again from the pack rows."""
    peaks: dict[str, list[float]] = {}
    for row in pack.grid_supply_points:
        if row["parameter"] == "DemandPk-All" and row["year"] == base_year:
            peaks.setdefault(row["gsp_id"], []).append(row["value"])
    total = 0.0
    for sub in pack.substations:
        if sub["zone_code"] not in zones:
            continue
        for feature in pack.gsp_geojson["features"]:
            if contains(feature["geometry"], sub["lon"], sub["lat"]):
                gsp = feature["properties"]["gsp_id"]
                total += np.mean(peaks[gsp]) / feature["properties"]["nged_primaries"] * 1000
                break
    return total


def test_every_leicestershire_group_takes_its_base_peak_from_fes(pack, leicestershire):
    base = leicestershire.network_base_peak_kw
    assert base is not None and len(base) == len(leicestershire.network_groups)
    assert np.isfinite(base).all()
    assert base.sum() == pytest.approx(
        _expected_total_kw(pack, leicestershire.base_year, leicestershire.zones)
    )
    assert set(leicestershire.network_fes_peak_kw) == {"CT", "LW", "ST", "FS"}
    assert all(gsp for gsp in leicestershire.network_group_gsps)


def test_the_network_uses_the_fes_base_and_keeps_capacity_an_assumed_margin(
    leicestershire, assumptions
):
    net = simulate(leicestershire, NO_NEW_ACTION, assumptions).network
    assert net.group_from_fes.all()
    np.testing.assert_allclose(net.group_base_peak_kw, leicestershire.network_base_peak_kw)
    np.testing.assert_allclose(
        net.group_capacity_kw,
        leicestershire.network_base_peak_kw * (1 + assumptions["network_headroom_fraction"]),
    )
    # With no new action the base year's group peak is the FES-derived base.
    np.testing.assert_allclose(net.group_peak_kw[:, 0], leicestershire.network_base_peak_kw)
    # The zone-level optimiser's headroom adds up to each group's margin.
    headroom = np.zeros(len(net.group_capacity_kw))
    np.add.at(headroom, net.group_index, zone_headroom_kw(leicestershire, assumptions))
    np.testing.assert_allclose(headroom, net.group_capacity_kw - net.group_base_peak_kw)


def test_without_primary_counts_the_engine_falls_back_to_its_own_peak(pack, assumptions):
    """A pack whose GSPs carry no NGED primaries (another operator's area, an older pack)."""
    features = [
        {**f, "properties": {k: v for k, v in f["properties"].items() if k != "nged_primaries"}}
        for f in pack.gsp_geojson["features"]
    ]
    bare = dataclasses.replace(pack, gsp_geojson={**pack.gsp_geojson, "features": features})
    inputs = build_inputs(bare)
    assert np.isnan(inputs.network_base_peak_kw).all()
    net = simulate(inputs, NO_NEW_ACTION, assumptions).network
    assert not net.group_from_fes.any()
    np.testing.assert_allclose(net.group_base_peak_kw, net.group_engine_base_peak_kw)
    np.testing.assert_allclose(
        net.group_capacity_kw,
        net.group_engine_base_peak_kw * (1 + assumptions["network_headroom_fraction"]),
    )


def test_synthetic_inputs_carry_no_fes_peaks(synthetic, assumptions):
    net = simulate(synthetic, NO_NEW_ACTION, assumptions).network
    assert not net.group_from_fes.any()
