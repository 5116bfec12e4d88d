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


def plan_scenario(
    inputs: PlaceInputs, a: Assumptions, shares: np.ndarray, name: str = "least-cost"
) -> Scenario:
    """The scenario of a plan. shares[L, Y] in PLAN_LEVERS order, model years."""
    years = [int(y) for y in inputs.years]
    units = _units_per_share(inputs, a)
    trajectories: dict[str, dict[str, dict[int, float]]] = {}
    travel = shares[PLAN_LEVERS.index("travel_demand")]
    for index, lever in enumerate(PLAN_LEVERS):
        share = np.clip(shares[index], 0.0, 1.0)
        if LEVERS[lever].deployment_unit:
            per_district = inputs.district_sum(units[lever])  # [D]
            values = per_district[:, None] * share[None, :]
            if lever == "car_van_electrification":
                values = values * (1.0 - travel)[None, :]
        else:
            values = np.broadcast_to(share[None, :], (len(inputs.districts), len(years)))
        trajectories[lever] = {
            district: {year: round(float(v), 9) for year, v in zip(years, row, strict=True)}
            for district, row in zip(inputs.districts, values, strict=True)
        }
    return scenario_from_mapping(
        {
            "name": name,
            "description": "Least-cost plan over every sector from `placezero pathway "
            "optimise` (explicit trajectories per district and year).",
            "levers": {},
            "trajectories": trajectories,
        }
    )


@dataclass(frozen=True)
class Evaluation:
    """One simulated plan: place emissions [Y], group peaks [G, Y] and the results."""

    emissions_tco2e: np.ndarray
    group_peak_kw: np.ndarray
    results: Results


def evaluate(inputs: PlaceInputs, a: Assumptions, shares: np.ndarray) -> Evaluation:
    results = simulate(inputs, plan_scenario(inputs, a, shares), a)
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


def linearise(
    inputs: PlaceInputs, a: Assumptions, shares: np.ndarray, step: float = 0.02
) -> Linearisation:
    at = evaluate(inputs, a, shares)
    n_l, n_y = shares.shape
    slope = np.zeros((n_l, n_y))
    peak_slope = np.zeros((n_l, *at.group_peak_kw.shape))
    for index, lever in enumerate(PLAN_LEVERS):
        cap = max_share(lever)
        moved = shares.copy()
        up = shares[index] + step <= cap
        delta = np.where(up, step, -step)
        moved[index, 1:] = shares[index, 1:] + delta[1:]  # the base year stays as it is
        there = evaluate(inputs, a, moved)
        slope[index, 1:] = (there.emissions_tco2e - at.emissions_tco2e)[1:] / delta[1:]
        peak_slope[index, :, 1:] = (there.group_peak_kw - at.group_peak_kw)[:, 1:] / delta[1:]
    return Linearisation(shares, at.emissions_tco2e, slope, at.group_peak_kw, peak_slope, at)


def cost_coefficients(inputs: PlaceInputs, a: Assumptions) -> tuple[np.ndarray, np.ndarray]:
    """Per lever: capital GBP per unit share built [L], and running cost GBP per unit share
    held for a year [L, Y] (fuel, O&M and per-tonne measures against no new action), both
    from simulating the lever alone at its potential from the first model year on."""
    n_y = len(inputs.years)
    zero = np.zeros((len(PLAN_LEVERS), n_y))
    base = evaluate(inputs, a, zero).results
    base_running = base.fuel_cost_gbp.sum(axis=(0, 2)) + base.opex_gbp.sum(axis=0)
    capital = np.zeros(len(PLAN_LEVERS))
    running = np.zeros((len(PLAN_LEVERS), n_y))
    for index, lever in enumerate(PLAN_LEVERS):
        cap = max_share(lever)
        shares = zero.copy()
        shares[index, 1:] = cap
        alone = evaluate(inputs, a, shares).results
        capital[index] = alone.capex_gbp.sum() / cap
        running_l = alone.fuel_cost_gbp.sum(axis=(0, 2)) + alone.opex_gbp.sum(axis=0)
        running[index] = (running_l - base_running) / cap
    return capital, running
