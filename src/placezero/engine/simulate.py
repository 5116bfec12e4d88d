"""simulate(inputs, scenario, assumptions) -> Results: the lever simulation.

Arithmetic only, vectorised over zones x years (no Python loop over zones). Each step is an
equation in docs/method/equations.md, cited here by its number (E1, E2...).
"""

from __future__ import annotations

import numpy as np

from .assumptions import Assumptions, load_assumptions
from .dimensions import BUILDINGS, CARRIERS, C, S, U
from .inputs import PlaceInputs
from .levers import LEVERS
from .network import network_peak
from .results import Results
from .scenario import Scenario
from .trajectories import (
    apply_share_trajectories,
    district_trajectory,
    lever_shares,
    spread_to_zones,
    zone_trajectory,
)

KW_PER_MW = 1000.0
HOURS_PER_YEAR = 8760.0


def grid_intensity(inputs: PlaceInputs, a: Assumptions) -> np.ndarray:
    """[Y] grid carbon intensity: observed DESNZ factors, then the assumed 2030/2035/2050
    points, linear in between (E12)."""
    points = dict(inputs.observed_grid_intensity_kgco2e_per_kwh)
    last_observed = max(points)
    for year in (2030, 2035, 2050):
        if year > last_observed:
            points[year] = a[f"grid_intensity_{year}_kgco2e_per_kwh"]
    years = sorted(points)
    return np.interp(inputs.years, years, [points[y] for y in years])


# Deployment uncertainty: the share of what a scenario plans that is delivered, one
# assumption per group of levers (central 1: exactly the plan). The Monte Carlo varies them.
DELIVERY: dict[str, str] = {
    "domestic_retrofit": "delivery_buildings_fraction",
    "domestic_heat_pumps": "delivery_buildings_fraction",
    "heat_networks": "delivery_buildings_fraction",
    "non_domestic_efficiency_electrification": "delivery_buildings_fraction",
    "rooftop_solar": "delivery_generation_fraction",
    "ground_solar": "delivery_generation_fraction",
    "onshore_wind": "delivery_generation_fraction",
    "battery_storage": "",  # a share of the MW built: their delivery carries through
    "car_van_electrification": "delivery_transport_fraction",
    "travel_demand": "delivery_transport_fraction",
    "hgv_decarbonisation": "delivery_transport_fraction",
}


def delivery(a: Assumptions, lever: str) -> float:
    """The delivered share of lever's plan (assumption; industry, land, waste and removal
    levers share `delivery_industry_land_fraction`)."""
    key = DELIVERY.get(lever, "delivery_industry_land_fraction")
    return a[key] if key else 1.0


def _deliver(a: Assumptions, share: dict[str, np.ndarray]) -> None:
    """Scale every lever's share by its delivery (in place), never above 100 %."""
    for lever, values in share.items():
        factor = delivery(a, lever)
        if factor != 1.0:
            share[lever] = np.minimum(values * factor, 1.0)


def _apply_explicit(inputs, scenario, shares, lever, weight, to_share, factor=1.0):
    """Replace a lever's [Z, Y] array with an explicit district trajectory where given,
    times the delivered share `factor`."""
    by_district = scenario.trajectories.get(lever)
    if not by_district:
        return shares
    values, mask = district_trajectory(inputs, by_district)
    values = values * factor
    if LEVERS[lever].deployment_unit:  # a district total: share it among the zones
        zone_values = to_share(spread_to_zones(inputs, values, weight))
    else:  # already a share: every zone of the district takes it
        zone_values = np.minimum(values[inputs.zone_district_index], 1.0)
    in_districts = mask[inputs.zone_district_index]
    shares[in_districts] = zone_values[in_districts]
    named, in_zones = zone_trajectory(inputs, by_district)  # a zone's own replaces it
    if in_zones.any():
        named = named * factor
        own = to_share(named) if LEVERS[lever].deployment_unit else np.minimum(named, 1.0)
        shares[in_zones] = own[in_zones]
    return shares


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    denominator = np.broadcast_to(denominator, numerator.shape)
    return np.divide(numerator, denominator, out=np.zeros(numerator.shape), where=denominator > 0)


def simulate(
    inputs: PlaceInputs, scenario: Scenario, assumptions: Assumptions | None = None
) -> Results:
    """Run one scenario over every zone and year of a place."""
    a = assumptions or load_assumptions()
    scenario.check_against(inputs.zones, inputs.districts)
    share = lever_shares(inputs, scenario)
    # Non-domestic electrification takes its explicit trajectory below (efficiency stays
    # with the level); every other share lever takes its trajectory here.
    apply_share_trajectories(
        inputs, scenario, share, skip=("non_domestic_efficiency_electrification",)
    )
    _deliver(a, share)
    base = inputs.baseline_energy_kwh  # [Z, NS, NU, NC]
    base_total = base.sum(axis=2)  # [Z, NS, NC]
    n_zones, n_years = len(inputs.zones), len(inputs.years)
    # Computed on [Z, Y, NS, NC]: end uses are kept apart only where a lever acts on one.
    energy = np.broadcast_to(base_total[:, None], (n_zones, n_years, *base_total.shape[1:])).copy()
    deploy: dict[str, np.ndarray] = {}
    households = inputs.households
    fossil_homes = inputs.fossil_heated_households

    # --- buildings: heat (E1-E5) ------------------------------------------------------------
    eta_gas, eta_other = a["gas_boiler_efficiency"], a["other_fuel_heating_efficiency"]
    spf, spf_network = a["heat_pump_spf"], a["heat_network_spf"]
    b = BUILDINGS
    gas0 = base[:, b, U["heat"], C["gas"]]  # [Z, 3]
    other0 = base[:, b, U["heat"], C["other_fuels"]]
    useful_gas0, useful_other0 = gas0 * eta_gas, other0 * eta_other
    useful0 = useful_gas0 + useful_other0  # E1: fossil useful heat
    gas_part = _ratio(useful_gas0, useful0)

    retrofit_share = share["domestic_retrofit"]
    nd_share = share["non_domestic_efficiency_electrification"]
    reduction = np.zeros((n_zones, n_years, 3))
    reduction[:, :, 0] = retrofit_share * a["retrofit_heat_saving_fraction"]  # E2
    # A third of the lever's electrified share is saved as efficiency (lever text). An
    # explicit trajectory gives the electrified share only, so efficiency keeps to the level.
    nd_efficiency = nd_share / 3.0
    nd_share = _apply_explicit(
        inputs,
        scenario,
        nd_share.copy(),
        "non_domestic_efficiency_electrification",
        inputs.households,
        None,
        delivery(a, "non_domestic_efficiency_electrification"),
    )
    reduction[:, :, 1:] = nd_efficiency[:, :, None]
    useful = useful0[:, None, :] * (1.0 - reduction)  # E2: heat demand after efficiency

    hp_dom = _apply_explicit(
        inputs,
        scenario,
        share["domestic_heat_pumps"].copy(),
        "domestic_heat_pumps",
        fossil_homes,
        lambda count: np.minimum(_ratio(count, fossil_homes[:, None]), 1.0),
        delivery(a, "domestic_heat_pumps"),
    )
    hp = np.stack([hp_dom, nd_share, nd_share], axis=2)  # [Z, Y, 3] heat pump share
    network = np.minimum(share["heat_networks"][:, :, None], 1.0 - hp)  # E3
    fossil = 1.0 - hp - network
    not_heat = base_total[:, b, :] - base[:, b, U["heat"], :]  # [Z, 3, NC]
    heat_gas = useful * fossil * gas_part[:, None] / eta_gas  # E4
    heat_other = useful * fossil * (1.0 - gas_part[:, None]) / eta_other
    energy[:, :, b, C["gas"]] = not_heat[:, None, :, C["gas"]] + heat_gas
    energy[:, :, b, C["other_fuels"]] = not_heat[:, None, :, C["other_fuels"]] + heat_other
    heat_electricity = useful * (hp / spf + network / spf_network)  # E5
    saved = np.zeros((n_zones, n_years, 3))
    saved[:, :, 1:] = nd_efficiency[:, :, None]  # non-domestic power saved as well as heat
    energy[:, :, b, C["electricity"]] = (
        not_heat[:, None, :, C["electricity"]] * (1.0 - saved)
        + base[:, None, b, U["heat"], C["electricity"]]
        + heat_electricity
    )
    deploy["heat_pumps"] = hp_dom * fossil_homes[:, None]
    deploy["retrofits"] = retrofit_share * households[:, None]
    deploy["heat_network_connections"] = network[:, :, 0] * fossil_homes[:, None]
    # Homes still on mains gas pay its standing charge (E22); heat pumps and heat networks
    # take gas and other fossil homes alike.
    gas_homes0 = (
        inputs.gas_heated_households
        if inputs.gas_heated_households is not None
        else fossil_homes * gas_part[:, 0]
    )
    gas_homes = gas_homes0[:, None] * fossil[:, :, 0]

    # --- transport (E6-E8) -------------------------------------------------------------------
    road0 = base[:, S["transport"], U["road_vehicles"], C["road_fuel"]]
    car_vkm0 = road0 * a["car_van_share_of_road_fuel"] / a["ice_car_kwh_per_km"]  # E6
    hgv_vkm0 = road0 * (1 - a["car_van_share_of_road_fuel"]) / a["ice_hgv_kwh_per_km"]
    car_vkm = car_vkm0[:, None] * (1.0 - share["travel_demand"])  # E7
    ev = _apply_explicit(
        inputs,
        scenario,
        share["car_van_electrification"].copy(),
        "car_van_electrification",
        car_vkm0,
        lambda count: np.minimum(_ratio(count * a["km_per_car_per_year"], car_vkm), 1),
        delivery(a, "car_van_electrification"),
    )
    hgv = _apply_explicit(
        inputs,
        scenario,
        share["hgv_decarbonisation"].copy(),
        "hgv_decarbonisation",
        hgv_vkm0,
        lambda count: np.minimum(_ratio(count * a["km_per_hgv_per_year"], hgv_vkm0[:, None]), 1),
        delivery(a, "hgv_decarbonisation"),
    )
    road_new = (  # E8
        car_vkm * (1 - ev) * a["ice_car_kwh_per_km"]
        + hgv_vkm0[:, None] * (1 - hgv) * a["ice_hgv_kwh_per_km"]
    )
    transport_electricity = (
        car_vkm * ev * a["ev_car_kwh_per_km"] + hgv_vkm0[:, None] * hgv * a["ev_hgv_kwh_per_km"]
    )
    t = S["transport"]
    energy[:, :, t, C["road_fuel"]] = (base_total[:, t, C["road_fuel"]] - road0)[:, None] + road_new
    # Diesel rail and other non-road fuel: replaced at the HGV lever's share, electric at the
    # electric/diesel HGV energy ratio (E8b).
    rail0 = base[:, t, U["other"], C["other_fuels"]]
    rail_electricity = rail0[:, None] * hgv * a["ev_hgv_kwh_per_km"] / a["ice_hgv_kwh_per_km"]
    energy[:, :, t, C["other_fuels"]] -= rail0[:, None] * hgv
    transport_electricity = transport_electricity + rail_electricity
    energy[:, :, t, C["electricity"]] += transport_electricity
    deploy["electric_vehicles"] = car_vkm * ev / a["km_per_car_per_year"]
    deploy["electric_hgvs"] = hgv_vkm0[:, None] * hgv / a["km_per_hgv_per_year"]

    # --- industry and agriculture (E9-E10) ---------------------------------------------------
    switch = share["industrial_fuel_switching"]
    fuel0 = base[:, S["industry"], U["other"], :]  # [Z, NC]
    switched = (fuel0[:, C["gas"]] + fuel0[:, C["other_fuels"]])[:, None] * switch
    i = S["industry"]
    for carrier in ("gas", "other_fuels"):  # E9
        energy[:, :, i, C[carrier]] -= fuel0[:, None, C[carrier]] * switch
    industry_electricity = switched * a["industry_electrification_ratio"]
    energy[:, :, i, C["electricity"]] += industry_electricity
    agri = share["agriculture"]
    fossil_carriers = [C["gas"], C["other_fuels"], C["road_fuel"]]
    energy[:, :, S["agriculture"], fossil_carriers] *= (1 - agri)[:, :, None]  # E10

    # --- generation (E11) -------------------------------------------------------------------
    rooftop = share["rooftop_solar"] * households[:, None] * a["solar_rooftop_kw_per_installation"]
    rooftop_mw = _explicit_mw(
        inputs,
        scenario,
        "rooftop_solar",
        rooftop / KW_PER_MW,
        households,
        delivery(a, "rooftop_solar"),
    )
    ground = share["ground_solar"] * inputs.land_area_ha[:, None] / a["ground_solar_ha_per_mw"]
    ground_mw = _explicit_mw(
        inputs, scenario, "ground_solar", ground, inputs.land_area_ha, delivery(a, "ground_solar")
    )
    wind = share["onshore_wind"] * inputs.land_area_ha[:, None] / 100.0 * a["wind_mw_per_km2"]
    wind_mw = _explicit_mw(
        inputs, scenario, "onshore_wind", wind, inputs.land_area_ha, delivery(a, "onshore_wind")
    )
    battery = share["battery_storage"] * (rooftop_mw + ground_mw + wind_mw)
    battery_mw = _explicit_mw(
        inputs, scenario, "battery_storage", battery, households, delivery(a, "battery_storage")
    )
    # Existing operational sites (REPD) generate from the base year on, beside what is added.
    existing = inputs.existing_generation_mw
    if existing is None:
        existing = np.zeros((n_zones, 2))
    solar_mw = rooftop_mw + ground_mw + existing[:, 0, None]
    solar_kwh = solar_mw * KW_PER_MW * HOURS_PER_YEAR * a["solar_capacity_factor"]
    wind_kwh = (
        (wind_mw + existing[:, 1, None])
        * KW_PER_MW
        * HOURS_PER_YEAR
        * a["onshore_wind_capacity_factor"]
    )
    deploy.update(
        solar_rooftop_mw=rooftop_mw,
        solar_ground_mw=ground_mw,
        onshore_wind_mw=wind_mw,
        battery_mw=battery_mw,
    )

    # --- emissions (E12-E14) ----------------------------------------------------------------
    grid = grid_intensity(inputs, a)
    scale = np.ones((n_years, len(CARRIERS)))
    scale[:, C["electricity"]] = grid / grid[0]
    factors = inputs.emission_factor_kgco2e_per_kwh  # [Z, NS, NC], base-year (E13)
    e = C["electricity"]
    emissions = np.einsum("zysc,zsc->zys", energy, factors)
    emissions += energy[..., e] * factors[:, None, :, e] * (scale[:, e] - 1.0)[None, :, None]
    emissions /= 1000.0  # kg -> t
    # E13b: of industry's fossil emissions left after switching, a share is captured (CCS)
    # or its fuel replaced by low-carbon hydrogen.
    fossil_c = [C["gas"], C["other_fuels"]]
    industry_fossil = (energy[:, :, i, fossil_c] * factors[:, None, i, fossil_c]).sum(axis=2)
    captured = industry_fossil / 1000.0 * share["industrial_ccs_hydrogen"]
    emissions[:, :, i] -= captured
    non_energy = np.broadcast_to(inputs.non_energy_emissions_tco2e[:, None], emissions.shape).copy()
    non_energy[:, :, S["agriculture"]] *= 1 - agri
    non_energy[:, :, S["waste"]] *= 1 - share["waste"]
    woodland_ha = share["trees_land_use"] * inputs.land_area_ha[:, None]
    non_energy[:, :, S["LULUCF"]] -= woodland_ha * a["woodland_sequestration_tco2e_per_ha"]  # E14
    # E14b: engineered removals: the lever's share of twice the place's per-resident share.
    removed = (
        share["greenhouse_gas_removals"]
        * inputs.residents[:, None]
        * (2.0 * a["engineered_removals_tco2e_per_person"])
    )
    non_energy[:, :, S["removals"]] -= removed
    emissions += non_energy

    existing = (
        energy[..., C["electricity"]].sum(axis=2)
        - heat_electricity.sum(axis=2)
        - transport_electricity
        - industry_electricity
    )
    peak = network_peak(inputs, a, existing, deploy, useful, hp, network, switched)
    heat_kw = useful / a["heating_full_load_hours"]
    heat_peak_kw = {
        "non_domestic_heat_pumps": (heat_kw[:, :, 1:] * hp[:, :, 1:]).sum(axis=2),
        "heat_networks": (heat_kw * network).sum(axis=2),
    }
    return Results.assemble(
        heat_peak_kw=heat_peak_kw,
        inputs=inputs,
        scenario=scenario,
        assumptions=a,
        energy_kwh=energy,
        emissions_tco2e=emissions,
        deployment=deploy,
        generation_kwh=solar_kwh + wind_kwh,
        grid_intensity_kgco2e_per_kwh=grid,
        useful_heat_kwh=useful.sum(axis=2),
        delivered_heat_kwh=_delivered_heat(energy, not_heat, heat_electricity, hp, network, a),
        woodland_ha=woodland_ha,
        switched_fuel_kwh=switched,
        peak=peak,
        abated_non_energy_tco2e=inputs.non_energy_emissions_tco2e[:, None, :] - non_energy,
        captured_tco2e=captured,
        gas_connected_households=gas_homes,
    )


def _explicit_mw(inputs, scenario, lever, mw, weight, factor):
    return _apply_explicit(inputs, scenario, mw.copy(), lever, weight, lambda value: value, factor)


def _delivered_heat(energy, not_heat, heat_electricity, hp, network, a) -> np.ndarray:
    """[Z, Y] useful heat delivered by the heating systems, from the fuel left in the energy
    array and the heat electricity (E15): the energy-balance contract checks it equals the
    heat demand after efficiency."""
    b = BUILDINGS
    gas = energy[:, :, b, C["gas"]] - not_heat[:, None, :, C["gas"]]
    other = energy[:, :, b, C["other_fuels"]] - not_heat[:, None, :, C["other_fuels"]]
    hp_part = _ratio(
        hp / a["heat_pump_spf"], hp / a["heat_pump_spf"] + network / a["heat_network_spf"]
    )
    delivered = (
        gas * a["gas_boiler_efficiency"]
        + other * a["other_fuel_heating_efficiency"]
        + heat_electricity * hp_part * a["heat_pump_spf"]
        + heat_electricity * (1 - hp_part) * a["heat_network_spf"]
    )
    return delivered.sum(axis=2)
