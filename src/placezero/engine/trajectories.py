"""Turn a scenario's lever levels into per-zone, per-year outcome shares.

share[lever][z, y] = outcome_at(level of zone z) x progress(y), where progress runs from 0
before the start year to 1 in 2050 along the lever's shape: linear, or an s-curve (the
smoothstep 3x^2 - 2x^3, slow start and slow finish, as technology diffusion is usually
drawn). Zone overrides win over district overrides, which win over the scenario level.
"""

from __future__ import annotations

import numpy as np

from .inputs import END_YEAR, PlaceInputs
from .levers import LEVER_KEYS, LEVERS
from .scenario import Scenario


def progress(years: np.ndarray, start_year: int, shape: str) -> np.ndarray:
    """Share of the 2050 outcome reached in each year (0 up to start_year, 1 in 2050)."""
    span = max(END_YEAR - start_year, 1)
    x = np.clip((years - start_year) / span, 0.0, 1.0)
    if shape == "s-curve":
        return x * x * (3.0 - 2.0 * x)
    return x


def zone_levels(inputs: PlaceInputs, scenario: Scenario, lever: str) -> np.ndarray:
    """Level of one lever in every zone, after district and zone overrides."""
    levels = np.full(len(inputs.zones), scenario.setting(lever).level)
    for d_index, district in enumerate(inputs.districts):
        override = scenario.districts.get(district, {}).get(lever)
        if override is not None:
            levels[inputs.zone_district_index == d_index] = override
    if scenario.zones:
        zone_index = {code: i for i, code in enumerate(inputs.zones)}
        for zone, overrides in scenario.zones.items():
            if lever in overrides:
                levels[zone_index[zone]] = overrides[lever]
    return levels


def lever_shares(inputs: PlaceInputs, scenario: Scenario) -> dict[str, np.ndarray]:
    """Lever -> [Z, Y] outcome share implied by the levels (before explicit trajectories)."""
    years = inputs.years
    shares: dict[str, np.ndarray] = {}
    for key in LEVER_KEYS:
        lever = LEVERS[key]
        setting = scenario.setting(key)
        levels = zone_levels(inputs, scenario, key)
        outcome = np.interp(levels, [1.0, 2.0, 3.0, 4.0], lever.values)
        shape = setting.shape or lever.shape
        start = setting.start_year or lever.start_year
        shares[key] = outcome[:, None] * progress(years, start, shape)[None, :]
    return shares


def explicit_series(inputs: PlaceInputs, series: dict[int, float]) -> np.ndarray:
    """Interpolate a district's {year: value} over the model years (0 before its first year
    when that year is after the base year; held flat after its last year)."""
    years = sorted(series)
    values = [series[y] for y in years]
    if years[0] > inputs.base_year:
        years, values = [inputs.base_year, *years], [0.0, *values]
    return np.interp(inputs.years, years, values)


def district_trajectory(inputs: PlaceInputs, by_district: dict[str, dict[int, float]]):
    """[D, Y] array of explicit values and a [D] mask of districts that have one."""
    values = np.zeros((len(inputs.districts), len(inputs.years)))
    mask = np.zeros(len(inputs.districts), dtype=bool)
    for d_index, district in enumerate(inputs.districts):
        if district in by_district:
            values[d_index] = explicit_series(inputs, by_district[district])
            mask[d_index] = True
    return values, mask


def zone_trajectory(inputs: PlaceInputs, by_code: dict[str, dict[int, float]]):
    """[Z, Y] explicit values of the zones named in a trajectory (the least-cost plan's
    per-zone levers) and a [Z] mask of those zones; a zone's entry replaces its district's."""
    values = np.zeros((len(inputs.zones), len(inputs.years)))
    mask = np.zeros(len(inputs.zones), dtype=bool)
    if not set(by_code) - set(inputs.districts):  # districts only: nothing to do
        return values, mask
    for z_index, zone in enumerate(inputs.zones):
        if zone in by_code:
            values[z_index] = explicit_series(inputs, by_code[zone])
            mask[z_index] = True
    return values, mask


def spread_to_zones(
    inputs: PlaceInputs, district_values: np.ndarray, weight: np.ndarray
) -> np.ndarray:
    """Share a [D, Y] district total among its zones in proportion to weight[Z]."""
    district_weight = inputs.district_sum(weight)
    share = np.divide(
        weight,
        district_weight[inputs.zone_district_index],
        out=np.zeros_like(weight, dtype=float),
        where=district_weight[inputs.zone_district_index] > 0,
    )
    return district_values[inputs.zone_district_index] * share[:, None]


def apply_share_trajectories(
    inputs: PlaceInputs, scenario: Scenario, shares: dict[str, np.ndarray], skip: tuple[str, ...]
) -> None:
    """Replace, in place, the [Z, Y] share of every share-type lever (no deployment unit)
    that has an explicit district trajectory: each zone of the district takes it as given."""
    for lever, by_district in scenario.trajectories.items():
        if LEVERS[lever].deployment_unit or lever in skip:
            continue
        values, mask = district_trajectory(inputs, by_district)
        in_districts = mask[inputs.zone_district_index]
        shares[lever][in_districts] = np.minimum(values[inputs.zone_district_index], 1.0)[
            in_districts
        ]
        zone_values, in_zones = zone_trajectory(inputs, by_district)
        shares[lever][in_zones] = np.minimum(zone_values, 1.0)[in_zones]
