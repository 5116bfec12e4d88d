"""Lever plans for the every-sector least-cost mode: a plan is a share per lever and year.

A lever plan gives, for each lever and each model year, the place-wide share of the lever's
outcome achieved (0 up to its level-4 outcome). `plan_scenario` writes it as an ordinary
scenario: explicit trajectories per district for every year, in the lever's deployment unit
where it has one (heat pumps, vehicles, MW), as a share otherwise. Simulating that scenario
is what the plan means, so the linear programme in `optimise_levers_lp.py` is built from
simulations of exactly these scenarios (finite differences) and the plan's emissions agree
with its simulation (docs/method/optimisation.md, "Every-sector mode").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .assumptions import Assumptions
from .dimensions import C, S, U
from .inputs import PlaceInputs
from .levers import LEVER_KEYS, LEVERS
from .results import Results
from .scenario import Scenario, scenario_from_mapping
from .simulate import KW_PER_MW, simulate

# Battery storage changes no emissions; every other lever is a column of the programme.
PLAN_LEVERS: tuple[str, ...] = tuple(key for key in LEVER_KEYS if key != "battery_storage")
# The spatially limited levers, planned zone by zone: their potential (fossil-heated homes,
# land) and the network headroom they press on differ by zone. The rest keep one share for
# the place (docs/method/optimisation.md, "Per zone").
ZONE_LEVERS: tuple[str, ...] = ("domestic_heat_pumps", "ground_solar", "onshore_wind")


def max_share(lever: str) -> float:
    """The lever's level-4 outcome: the technical potential of the plan's share."""
    return float(LEVERS[lever].values[3])


def build_rates(n_years_to_2050: int) -> np.ndarray:
    """[L] largest yearly rise of each lever's share: the steepest year of its level-4
    trajectory from 2025 to 2050 (s-curve 3x^2 - 2x^3: 1.5 / 25 of the outcome a year;
    linear: 1 / 25), never less than reaching the potential by 2050."""
    rates = []
    for lever in PLAN_LEVERS:
        spec = LEVERS[lever]
        span = max(2050 - spec.start_year, 1)
        steep = 1.5 if spec.shape == "s-curve" else 1.0
        rates.append(max(steep / span, 1.0 / max(n_years_to_2050, 1)) * max_share(lever))
    return np.array(rates)


def _units_per_share(inputs: PlaceInputs, a: Assumptions) -> dict[str, np.ndarray]:
    """[Z] deployment units that a share of 1 means, for levers with a deployment unit (the
    inverse of how `simulate` turns an explicit trajectory into a share)."""
    road0 = inputs.baseline_energy_kwh[:, S["transport"], U["road_vehicles"], C["road_fuel"]]
    return {
        "domestic_heat_pumps": inputs.fossil_heated_households,
        "rooftop_solar": inputs.households * a["solar_rooftop_kw_per_installation"] / KW_PER_MW,
        "ground_solar": inputs.land_area_ha / a["ground_solar_ha_per_mw"],
        "onshore_wind": inputs.land_area_ha / 100.0 * a["wind_mw_per_km2"],
        "hgv_decarbonisation": road0
        * (1 - a["car_van_share_of_road_fuel"])
        / a["ice_hgv_kwh_per_km"]
        / a["km_per_hgv_per_year"],
        # Cars: the km left after travel demand reduction, per car (applied per year below).
        "car_van_electrification": road0
        * a["car_van_share_of_road_fuel"]
        / a["ice_car_kwh_per_km"]
        / a["km_per_car_per_year"],
    }


def zone_weights(inputs: PlaceInputs, a: Assumptions) -> np.ndarray:
    """[K, Z] each zone's part of a zone lever's place-wide units (zero-unit zones 0): the
    place-wide share of a per-zone plan is sum_z w[k, z] x share[k, z]."""
    units = _units_per_share(inputs, a)
    out = np.zeros((len(ZONE_LEVERS), len(inputs.zones)))
    for k, lever in enumerate(ZONE_LEVERS):
        total = float(units[lever].sum())
        if total > 0:
            out[k] = units[lever] / total
    return out


def plan_scenario(
    inputs: PlaceInputs,
    a: Assumptions,
    shares: np.ndarray,
    name: str = "least-cost",
    zone_shares: np.ndarray | None = None,
    *,
    for_users: bool = True,
) -> Scenario:
    """The scenario of a plan. shares[L, Y] in PLAN_LEVERS order, model years; zone_shares
    [K, Z, Y] (ZONE_LEVERS order), when given, replace those levers' place-wide share with
    one trajectory per zone. for_users=False (the optimiser's own evaluations) skips the
    rounding to 9 decimals and the checks a scenario from a file gets: the values are the
    code's own, and the optimiser simulates thousands of them."""
    years = [int(y) for y in inputs.years]
    tidy = (lambda v: round(float(v), 9)) if for_users else float
    units = _units_per_share(inputs, a)
    trajectories: dict[str, dict[str, dict[int, float]]] = {}
    travel = shares[PLAN_LEVERS.index("travel_demand")]
    for index, lever in enumerate(PLAN_LEVERS):
        share = np.clip(shares[index], 0.0, 1.0)
        if zone_shares is not None and lever in ZONE_LEVERS:
            own = np.clip(zone_shares[ZONE_LEVERS.index(lever)], 0.0, 1.0)
            per_zone = units[lever][:, None] * own
            trajectories[lever] = {
                zone: dict(zip(years, map(tidy, row), strict=True))
                for zone, row in zip(inputs.zones, per_zone, strict=True)
            }
            continue
        if LEVERS[lever].deployment_unit:
            per_district = inputs.district_sum(units[lever])  # [D]
            values = per_district[:, None] * share[None, :]
            if lever == "car_van_electrification":
                values = values * (1.0 - travel)[None, :]
        else:
            values = np.broadcast_to(share[None, :], (len(inputs.districts), len(years)))
        trajectories[lever] = {
            district: dict(zip(years, map(tidy, row), strict=True))
            for district, row in zip(inputs.districts, values, strict=True)
        }
    description = (
        "Least-cost plan over every sector from `placezero pathway optimise` (explicit "
        "trajectories per district and year; heat pumps, ground solar and wind per zone)."
    )
    if not for_users:
        return Scenario(name, description, trajectories=trajectories)
    return scenario_from_mapping(
        {"name": name, "description": description, "levers": {}, "trajectories": trajectories}
    )


@dataclass(frozen=True)
class Evaluation:
    """One simulated plan: place emissions [Y], group peaks [G, Y] and the results."""

    emissions_tco2e: np.ndarray
    group_peak_kw: np.ndarray
    results: Results


def evaluate(
    inputs: PlaceInputs, a: Assumptions, shares: np.ndarray, zone_shares: np.ndarray | None = None
) -> Evaluation:
    scenario = plan_scenario(inputs, a, shares, zone_shares=zone_shares, for_users=False)
    results = simulate(inputs, scenario, a)
    return Evaluation(
        results.total_emissions_tco2e.sum(axis=0), results.network.group_peak_kw, results
    )


@dataclass(frozen=True)
class Linearisation:
    """Emissions and peaks around a plan: value at the plan plus a slope per lever-year.
    Emissions in a year depend only on that year's shares, so one simulation per lever
    gives the slopes for every year (forward differences, backward at the potential)."""

    shares: np.ndarray  # [L, Y] the point
    emissions_tco2e: np.ndarray  # [Y]
    emissions_slope: np.ndarray  # [L, Y] tCO2e per unit share
    peak_kw: np.ndarray  # [G, Y]
    peak_slope: np.ndarray  # [L, G, Y]
    evaluation: Evaluation
    # Per-zone levers (None when the plan is place-wide only): the point [K, Z, Y] and the
    # slopes of each zone's emissions and peak per unit of its own share [K, Z, Y]. A zone's
    # results depend only on its own shares, so one simulation per lever gives every zone's.
    zone_shares: np.ndarray | None = None
    zone_emissions_slope: np.ndarray | None = None
    zone_peak_slope: np.ndarray | None = None


def linearise(
    inputs: PlaceInputs,
    a: Assumptions,
    shares: np.ndarray,
    step: float = 0.02,
    zone_shares: np.ndarray | None = None,
) -> Linearisation:
    at = evaluate(inputs, a, shares, zone_shares)
    n_l, n_y = shares.shape
    slope = np.zeros((n_l, n_y))
    peak_slope = np.zeros((n_l, *at.group_peak_kw.shape))
    for index, lever in enumerate(PLAN_LEVERS):
        if zone_shares is not None and lever in ZONE_LEVERS:
            continue  # planned per zone below
        cap = max_share(lever)
        moved = shares.copy()
        up = shares[index] + step <= cap
        delta = np.where(up, step, -step)
        moved[index, 1:] = shares[index, 1:] + delta[1:]  # the base year stays as it is
        there = evaluate(inputs, a, moved, zone_shares)
        slope[index, 1:] = (there.emissions_tco2e - at.emissions_tco2e)[1:] / delta[1:]
        peak_slope[index, :, 1:] = (there.group_peak_kw - at.group_peak_kw)[:, 1:] / delta[1:]
    if zone_shares is None:
        return Linearisation(shares, at.emissions_tco2e, slope, at.group_peak_kw, peak_slope, at)
    zone_slope = np.zeros_like(zone_shares)
    zone_peak = np.zeros_like(zone_shares)
    at_zone = at.results.total_emissions_tco2e
    at_peak = at.results.network.peak_kw
    for k, lever in enumerate(ZONE_LEVERS):
        cap = max_share(lever)
        moved = zone_shares.copy()
        delta = np.where(zone_shares[k] + step <= cap, step, -step)  # [Z, Y]
        moved[k, :, 1:] = zone_shares[k, :, 1:] + delta[:, 1:]
        there = evaluate(inputs, a, shares, moved).results
        zone_slope[k, :, 1:] = (there.total_emissions_tco2e - at_zone)[:, 1:] / delta[:, 1:]
        zone_peak[k, :, 1:] = (there.network.peak_kw - at_peak)[:, 1:] / delta[:, 1:]
    return Linearisation(
        shares, at.emissions_tco2e, slope, at.group_peak_kw, peak_slope, at,
        zone_shares, zone_slope, zone_peak,
    )  # fmt: skip


@dataclass(frozen=True)
class Costs:
    """Cost per unit share: capital GBP built [L] and running GBP a year [L, Y] place-wide;
    per zone [K, Z] and [K, Z, Y] for the zone levers (a zone's own part of the same)."""

    capital: np.ndarray
    running: np.ndarray
    zone_capital: np.ndarray
    zone_running: np.ndarray


def cost_coefficients(inputs: PlaceInputs, a: Assumptions) -> Costs:
    """Per lever: capital GBP per unit share built, and running cost GBP per unit share
    held for a year (fuel, standing charges, O&M and per-tonne measures against no new
    action), both from
    simulating the lever alone at its potential from the first model year on; the zone
    levers' figures per zone come from the same simulations, zone by zone."""
    n_y, n_z = len(inputs.years), len(inputs.zones)
    zero = np.zeros((len(PLAN_LEVERS), n_y))
    base = evaluate(inputs, a, zero).results
    base_running = base.running_cost_gbp  # [Z, Y] fuel, standing charges, O&M
    capital = np.zeros(len(PLAN_LEVERS))
    running = np.zeros((len(PLAN_LEVERS), n_y))
    zone_capital = np.zeros((len(ZONE_LEVERS), n_z))
    zone_running = np.zeros((len(ZONE_LEVERS), n_z, n_y))
    for index, lever in enumerate(PLAN_LEVERS):
        cap = max_share(lever)
        shares = zero.copy()
        shares[index, 1:] = cap
        alone = evaluate(inputs, a, shares).results
        by_zone = alone.capex_gbp.sum(axis=1) / cap  # [Z]
        running_z = (alone.running_cost_gbp - base_running) / cap
        capital[index] = by_zone.sum()
        running[index] = running_z.sum(axis=0)
        if lever in ZONE_LEVERS:
            zone_capital[ZONE_LEVERS.index(lever)] = by_zone
            zone_running[ZONE_LEVERS.index(lever)] = running_z
    return Costs(capital, running, zone_capital, zone_running)
