"""Peak demand of each primary-substation group from FES 2023, where the data reach.

Method (docs/method/network.md, N1-N3):

N1. Each NGED primary substation of the pack is placed in the grid supply point (GSP) whose
    FES 2023 polygon contains its published location (ray casting).
N2. A GSP's FES peak demand (DemandPk-All, MW, per scenario and year) is shared equally among
    the NGED primary substations inside its polygon — all of them, also those outside the
    place (`nged_primaries`, counted from the national file at pack build). Equal shares are
    an approximation: FES publishes no primary-level split and NGED's location file carries
    no demand.
N3. A group's peak is the sum of its primaries' shares. The base-year value is the mean of
    the four FES scenarios in the base year (they differ by a few per cent there); the
    series per scenario is kept for the network page (FES growth against the scenario's).

Where a group has no primary inside a GSP with a count (a place outside NGED's area, a
synthetic place, an older pack), its peak stays the engine's own: base-year electricity /
(8760 h x load factor). FES carries no firm capacity, so capacity is this peak times
(1 + `network_headroom_fraction`), an assumption either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

PEAK_PARAMETER = "DemandPk-All"
KW_PER_MW = 1000.0


@dataclass(frozen=True)
class GroupPeaks:
    base_peak_kw: np.ndarray  # [G] FES-derived base-year peak; NaN where not derived
    fes_peak_kw: dict[str, np.ndarray] = field(default_factory=dict)  # scenario -> [G, Y]
    gsps: tuple[str, ...] = ()  # [G] the GSPs each group's primaries sit in ("" if none)
    primaries: np.ndarray | None = None  # [G] primaries of the group that took a GSP share


def _containing_gsp(features: list[dict], lon: float, lat: float) -> dict | None:
    from placezero.datapack.geometry import contains

    for feature in features:
        if contains(feature["geometry"], lon, lat):
            return feature
    return None


def group_peaks(pack: Any, holders: list[str], years: np.ndarray, n_groups: int) -> GroupPeaks:
    """FES-derived peaks of the groups; `holders[g]` is the zone whose primaries form group
    g (pack_geometry.network_groups). Groups beyond the holders (each zone its own group
    when the place has no primaries) are left underived."""
    base = np.full(n_groups, np.nan)
    gsps = [""] * n_groups
    counted = np.zeros(n_groups, dtype=int)
    features = [
        f for f in pack.gsp_geojson.get("features", []) if f["properties"].get("nged_primaries")
    ]
    series: dict[tuple[str, str], dict[int, float]] = {}
    for row in pack.grid_supply_points:
        if row["parameter"] == PEAK_PARAMETER:
            series.setdefault((row["gsp_id"], row["scenario"]), {})[int(row["year"])] = float(
                row["value"]
            )
    scenarios = sorted({scenario for _, scenario in series})
    fes = {s: np.full((n_groups, len(years)), np.nan) for s in scenarios}
    if not features or not holders:
        return GroupPeaks(base, fes, tuple(gsps), counted)
    base_year = int(years[0])
    for row in pack.substations:
        if row["zone_code"] not in holders:
            continue
        feature = _containing_gsp(features, float(row["lon"]), float(row["lat"]))
        if feature is None:
            continue
        gsp = feature["properties"]["gsp_id"]
        share = 1.0 / float(feature["properties"]["nged_primaries"])
        g = holders.index(row["zone_code"])
        by_scenario = {s: series.get((gsp, s), {}) for s in scenarios}
        in_base = [v[base_year] for v in by_scenario.values() if base_year in v]
        if not in_base:
            continue
        base[g] = np.nan_to_num(base[g]) + share * float(np.mean(in_base)) * KW_PER_MW
        for s, values in by_scenario.items():
            known = sorted(values)
            if not known:
                continue
            # FES runs to 2050 like the model; interpolation only fills a missing year.
            line = np.interp(years, known, [values[y] for y in known]) * share * KW_PER_MW
            fes[s][g] = np.nan_to_num(fes[s][g]) + line
        counted[g] += 1
        if gsp not in gsps[g].split(" + "):
            gsps[g] = gsp if not gsps[g] else f"{gsps[g]} + {gsp}"
    return GroupPeaks(base, fes, tuple(gsps), counted)
