"""Build a DeploymentProblem from a place's inputs and the assumptions table.

Per zone and technology this derives, from `PlaceInputs` and `Assumptions` only:
technical potential, abatement per unit in each period's end year, present-value cost per
unit, peak kW per unit and network headroom. The derivations are in
`docs/method/optimisation.md` ("From place inputs to the problem"). Values not in the
assumptions table are in `EXTRA_ASSUMPTIONS` below, each with its source.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from placezero.engine.assumptions import Assumptions
from placezero.engine.dimensions import C, S, U
from placezero.engine.inputs import PlaceInputs
from placezero.engine.levers import LEVERS
from placezero.engine.network import zone_headroom_kw
from placezero.engine.optimise_problem import (
    DeploymentProblem,
    ProblemError,
    present_value_cost_gbp,
)
from placezero.engine.simulate import grid_intensity

PERIOD_END_YEARS: tuple[int, ...] = (2030, 2035, 2040, 2045, 2050)
HOURS_PER_YEAR = 8760.0

# The technologies the LP chooses between: (name, unit, lever it maps to in a scenario).
TECHNOLOGIES: tuple[tuple[str, str, str], ...] = (
    ("heat_pumps", "home", "domestic_heat_pumps"),
    ("retrofits", "home", "domestic_retrofit"),
    ("electric_vehicles", "vehicle", "car_van_electrification"),
    ("solar_rooftop_mw", "MW", "rooftop_solar"),
    ("solar_ground_mw", "MW", "ground_solar"),
    ("onshore_wind_mw", "MW", "onshore_wind"),
)

# Values the assumptions table does not hold yet: (value, unit, source).
EXTRA_ASSUMPTIONS: dict[str, tuple[float, str, str]] = {
    "solar_lifetime_years": (
        40.0, "years", "PyPSA technology-data costs_2030.csv solar-rooftop and solar-utility"
    ),
    "onshore_wind_lifetime_years": (30.0, "years", "PyPSA technology-data costs_2030.csv onwind"),
    "retrofit_lifetime_years": (
        30.0, "years", "Assumption: fabric measures (insulation, glazing) last 30+ years"
    ),
    "ev_lifetime_years": (
        14.0, "years", "Assumption: average age of a car at scrappage in the UK is about 14 years"
    ),
    # Place-wide build rate as a share of technical potential per year. Heat pumps: the UK
    # ambition of 600,000 installations a year by 2028 (HM Government, Heat and Buildings
    # Strategy, 2021) over 28.4 million households (ONS Families and Households 2023) = 2.1 %.
    "heat_pump_build_share_per_year": (0.021, "1/yr", "Heat and Buildings Strategy 2021 / ONS"),
    # Retrofit: the same installer-capacity reasoning (assumption, no national target).
    "retrofit_build_share_per_year": (0.021, "1/yr", "Assumption: as heat pumps"),
}  # fmt: skip


def extra(key: str) -> float:
    return EXTRA_ASSUMPTIONS[key][0]


def grid_scale(inputs: PlaceInputs, assumptions: Assumptions, years: np.ndarray) -> np.ndarray:
    """Grid intensity in each year relative to the base year, from the simulation's own
    trajectory (observed DESNZ factors, then the assumed 2030/2035/2050 points, E12), so
    that the LP and `simulate` count electricity emissions alike."""
    grid = grid_intensity(inputs, assumptions)
    return grid[np.asarray(years) - inputs.base_year] / grid[0]


def electricity_factor(inputs: PlaceInputs, scale: np.ndarray) -> np.ndarray:
    """[Z, P] kg CO2e per kWh of electricity: the zone's calibrated domestic factor, scaled."""
    return inputs.emission_factor_kgco2e_per_kwh[:, S["domestic"], C["electricity"], None] * scale


def _heat_pump_columns(inputs, a, grid, price):
    """Per fossil-heated home: fuel displaced, electricity added, peak kW, annual bill change."""
    homes = np.maximum(inputs.fossil_heated_households, 1e-9)
    heat = inputs.baseline_energy_kwh[:, S["domestic"], U["heat"], :]
    factor = inputs.emission_factor_kgco2e_per_kwh[:, S["domestic"], :]
    gas, other = heat[:, C["gas"]], heat[:, C["other_fuels"]]
    fuel_tco2e = (gas * factor[:, C["gas"]] + other * factor[:, C["other_fuels"]]) / homes / 1000
    useful_kwh = (
        gas * a["gas_boiler_efficiency"] + other * a["other_fuel_heating_efficiency"]
    ) / homes
    electricity_kwh = useful_kwh / a["heat_pump_spf"]
    abatement = fuel_tco2e[:, None] - electricity_kwh[:, None] * grid / 1000
    # Peak: design heat (annual heat / full-load hours) at the cold-day COP, after diversity.
    peak_kw = (
        useful_kwh / a["heating_full_load_hours"] / a["heat_pump_peak_cop"] * a["diversity_floor"]
    )
    bill = (
        electricity_kwh * price["electricity"]
        - (gas * a["gas_price_gbp_per_kwh"] + other * a["other_fuels_price_gbp_per_kwh"]) / homes
    )
    return abatement, peak_kw, bill


def problem_from_inputs(
    inputs: PlaceInputs,
    assumptions: Assumptions,
    *,
    targets_tco2e: Mapping[int, float] | None = None,
    carbon_budget_tco2e: float | None = None,
    acceptance: np.ndarray | None = None,
    period_end_years: tuple[int, ...] = PERIOD_END_YEARS,
) -> DeploymentProblem:
    """The least-cost problem for a place.

    targets_tco2e: {year: annual emissions allowed}, each year one of `period_end_years`.
    acceptance: share (0-1) of each zone's technical potential residents accept, shape
    (zones, technologies) in the order of `TECHNOLOGIES`; None accepts all of it.
    """
    a = assumptions
    n_z = len(inputs.zones)
    ends = np.asarray(period_end_years)
    targets = _target_array(targets_tco2e or {}, period_end_years)
    scale = grid_scale(inputs, a, ends)
    grid = electricity_factor(inputs, scale)  # [Z, P] kg/kWh
    price = {"electricity": a["electricity_price_gbp_per_kwh"]}
    hp_abate, hp_peak, hp_bill = _heat_pump_columns(inputs, a, grid, price)
    columns = [
        (hp_abate, hp_peak, a["heat_pump_capex_gbp"], a["heat_pump_capex_gbp"]
         * a["heat_pump_fom_fraction_per_year"] + hp_bill, a["heat_pump_lifetime_years"],
         inputs.fossil_heated_households),
        _retrofit_column(inputs, a, grid),
        _ev_column(inputs, a, grid),
        _generation_column(a, grid, "solar", inputs.households
                           * LEVERS["rooftop_solar"].values[3]
                           * a["solar_rooftop_kw_per_installation"] / 1000, "rooftop"),
        _generation_column(a, grid, "solar", inputs.land_area_ha
                           * LEVERS["ground_solar"].values[3] / a["ground_solar_ha_per_mw"],
                           "ground"),
        _generation_column(a, grid, "onshore_wind", inputs.land_area_ha / 100
                           * LEVERS["onshore_wind"].values[3] * a["wind_mw_per_km2"], "wind"),
    ]  # fmt: skip
    abatement = np.stack([np.broadcast_to(c[0], (n_z, len(ends))) for c in columns], axis=1)
    peak = np.stack([np.broadcast_to(c[1], (n_z,)) for c in columns], axis=1)
    potential = np.stack([np.broadcast_to(c[5], (n_z,)) for c in columns], axis=1).astype(float)
    cost = _period_costs(columns, inputs.base_year, ends, a["discount_rate"], n_z)
    return DeploymentProblem(
        zone_codes=inputs.zones,
        technologies=tuple(t[0] for t in TECHNOLOGIES),
        technology_units=tuple(t[1] for t in TECHNOLOGIES),
        base_year=inputs.base_year,
        period_end_years=tuple(int(y) for y in ends),
        cost_gbp_per_unit=cost,
        abatement_tco2e_per_unit=abatement,
        baseline_emissions_tco2e=baseline_emissions_tco2e(inputs, scale),
        target_emissions_tco2e=targets,
        technical_potential_units=potential,
        acceptance_units=potential * _acceptance_share(acceptance, potential.shape),
        build_rate_units=_build_rates(potential, inputs.base_year, ends),
        peak_kw_per_unit=peak,
        headroom_kw=np.repeat(_headroom_kw(inputs, a)[:, None], len(ends), axis=1),
        reinforcement_gbp_per_mw=_reinforcement_pv(a, inputs.base_year, ends),
        carbon_budget_tco2e=carbon_budget_tco2e,
    )


def _retrofit_column(inputs, a, grid):
    homes = np.maximum(inputs.households, 1e-9)
    heat = inputs.baseline_energy_kwh[:, S["domestic"], U["heat"], :]  # [Z, C]
    factor = inputs.emission_factor_kgco2e_per_kwh[:, S["domestic"], :].copy()
    saving = a["retrofit_heat_saving_fraction"]
    fossil_t = (
        heat[:, C["gas"]] * factor[:, C["gas"]]
        + heat[:, C["other_fuels"]] * factor[:, C["other_fuels"]]
    ) / 1000
    electric_kwh = heat[:, C["electricity"]]
    abatement = saving * (fossil_t[:, None] + electric_kwh[:, None] * grid / 1000)
    bill = -saving * (
        heat[:, C["gas"]] * a["gas_price_gbp_per_kwh"]
        + heat[:, C["other_fuels"]] * a["other_fuels_price_gbp_per_kwh"]
        + electric_kwh * a["electricity_price_gbp_per_kwh"]
    )
    return (abatement / homes[:, None], 0.0, a["retrofit_cost_gbp_per_home"], bill / homes,
            extra("retrofit_lifetime_years"), inputs.households)  # fmt: skip


def _ev_column(inputs, a, grid):
    road_kwh = inputs.baseline_energy_kwh[:, S["transport"], U["road_vehicles"], C["road_fuel"]]
    car_km = road_kwh * a["car_van_share_of_road_fuel"] / a["ice_car_kwh_per_km"]
    fleet = car_km / a["km_per_car_per_year"]
    km = a["km_per_car_per_year"]
    road_factor = inputs.emission_factor_kgco2e_per_kwh[:, S["transport"], C["road_fuel"]]
    abatement = (
        km * (a["ice_car_kwh_per_km"] * road_factor[:, None] - a["ev_car_kwh_per_km"] * grid) / 1000
    )
    bill = km * (
        a["ev_car_kwh_per_km"] * a["electricity_price_gbp_per_kwh"]
        - a["ice_car_kwh_per_km"] * a["road_fuel_price_gbp_per_kwh"]
    )
    return (abatement, a["ev_peak_kw_after_diversity"], a["ev_capex_premium_gbp"], bill,
            extra("ev_lifetime_years"), fleet)  # fmt: skip


def _generation_column(a, grid, kind, potential_mw, site):
    factor = a["solar_capacity_factor"] if kind == "solar" else a["onshore_wind_capacity_factor"]
    mwh_per_mw = HOURS_PER_YEAR * factor
    # No emissions credit: DESNZ territorial emissions count a place's electricity at the
    # national grid factor, so local generation lowers the national factor, not the place's
    # account. `simulate` counts it the same way (it was credited here and not there, so
    # plans and their simulations disagreed). Its value is not credited as a saving either
    # (export prices are not in the assumptions).
    abatement = 0.0 * mwh_per_mw * grid  # tCO2e/yr per MW, kept [Z, P]-shaped
    capex_key = {"rooftop": "solar_rooftop", "ground": "solar_ground", "wind": "onshore_wind"}
    capex = a[f"{capex_key[site]}_capex_gbp_per_kw"] * 1000
    fom = a["solar_fom_fraction_per_year"] if kind == "solar" else a["wind_fom_fraction_per_year"]
    life = extra("solar_lifetime_years" if kind == "solar" else "onshore_wind_lifetime_years")
    return abatement, 0.0, capex, capex * fom, life, potential_mw


def _period_costs(columns, base_year, ends, discount_rate, n_z) -> np.ndarray:
    """Present value per unit built in each period, built in the period's middle year."""
    starts = np.concatenate([[base_year], ends[:-1]])
    cost = np.zeros((n_z, len(columns), len(ends)))
    for t, (_, _, capex, opex, life, _) in enumerate(columns):
        for p, (start, end) in enumerate(zip(starts, ends, strict=True)):
            build_year = int((start + 1 + end) // 2)
            cost[:, t, p] = present_value_cost_gbp(
                np.broadcast_to(capex, (n_z,)), np.broadcast_to(opex, (n_z,)),
                np.full(n_z, life), build_year, int(ends[-1]), base_year, discount_rate,
            )  # fmt: skip
    return cost


def baseline_emissions_tco2e(inputs: PlaceInputs, scale: np.ndarray) -> np.ndarray:
    """[P] place emissions in each period's end year with no deployment: base-year energy
    with every factor held except electricity's, which follows the grid (E12-E13 with all
    levers at level 1)."""
    by_carrier = inputs.baseline_energy_kwh.sum(axis=2)  # [Z, NS, NC]
    weighted = (by_carrier * inputs.emission_factor_kgco2e_per_kwh).sum(axis=(0, 1)) / 1000
    electric = weighted[C["electricity"]]
    fixed = weighted.sum() - electric + inputs.non_energy_emissions_tco2e.sum()
    return fixed + electric * scale


def no_new_action_emissions(inputs: PlaceInputs, assumptions: Assumptions) -> np.ndarray:
    """[P] emissions in each period end year with no new action (levers at 1)."""
    scale = grid_scale(inputs, assumptions, np.asarray(PERIOD_END_YEARS))
    return baseline_emissions_tco2e(inputs, scale)


def _headroom_kw(inputs: PlaceInputs, a: Assumptions) -> np.ndarray:
    """Firm capacity above today's peak: the group's base-year peak (FES-derived where the
    data reach) x headroom fraction, shared among its zones (network.zone_headroom_kw;
    assumption: no firm capacity is published in the national open files used)."""
    return zone_headroom_kw(inputs, a)


def _reinforcement_pv(a: Assumptions, base_year: int, ends: np.ndarray) -> np.ndarray:
    """£ per MW bought at the end of each period, discounted to the base year."""
    per_mw = a["reinforcement_cost_gbp_per_kw"] * 1000
    return per_mw / (1 + a["discount_rate"]) ** (ends - base_year).astype(float)


def _build_rates(potential: np.ndarray, base_year: int, ends: np.ndarray) -> np.ndarray:
    years = np.diff(np.concatenate([[base_year], ends])).astype(float)
    rates = np.full((potential.shape[1], len(ends)), np.inf)
    total = potential.sum(axis=0)
    rates[0] = total[0] * extra("heat_pump_build_share_per_year") * years
    rates[1] = total[1] * extra("retrofit_build_share_per_year") * years
    return rates


def _acceptance_share(acceptance: np.ndarray | None, shape: tuple[int, int]) -> np.ndarray:
    if acceptance is None:
        return np.ones(shape)
    share = np.asarray(acceptance, dtype=float)
    if share.shape != shape:
        raise ProblemError(
            f"acceptance has shape {share.shape}; it needs one share per zone and technology "
            f"{shape}, technologies in the order {[t[0] for t in TECHNOLOGIES]}."
        )
    if np.isnan(share).any() or (share < 0).any() or (share > 1).any():
        raise ProblemError("acceptance shares must be between 0 and 1 (no blanks).")
    return share


def _target_array(targets: Mapping[int, float], ends: tuple[int, ...]) -> np.ndarray:
    out = np.full(len(ends), np.nan)
    for year, value in targets.items():
        if int(year) not in ends:
            raise ProblemError(
                f"A target for {year} cannot be used: targets must fall on a period end year "
                f"({', '.join(map(str, ends))})."
            )
        if value < 0:
            raise ProblemError(f"The {year} target {value} tCO2e/yr is negative; give 0 or more.")
        out[ends.index(int(year))] = float(value)
    return out
