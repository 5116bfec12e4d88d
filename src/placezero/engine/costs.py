"""Capital, operating and fuel costs per zone and year (E20-E23), in GBP at 2022-24 prices.

Capital cost is counted in the year a unit is added (increase in the deployed stock times
its unit cost); heat pumps and batteries are bought again at the end of their lifetime
within the horizon; stock that a scenario removes earns nothing back. Operating cost is the
fixed O&M share of the capital built so far plus the cost per tonne of the agriculture and
waste measures. Fuel cost is energy x price, prices held flat in real terms (assumption).
Household bills add the standing charges of the Ofgem price cap: electricity for every home,
gas only for homes still on mains gas, so a home leaving gas saves its standing charge (E22).
"""

from __future__ import annotations

import numpy as np

from .assumptions import Assumptions
from .dimensions import CARRIERS, S

PRICE_KEYS = {
    "electricity": "electricity_price_gbp_per_kwh",
    "gas": "gas_price_gbp_per_kwh",
    "other_fuels": "other_fuels_price_gbp_per_kwh",
    "road_fuel": "road_fuel_price_gbp_per_kwh",
}


def added(stock: np.ndarray) -> np.ndarray:
    """[Z, Y] units added each year: positive increases of a [Z, Y] stock (first year 0)."""
    return np.maximum(np.diff(stock, axis=1, prepend=stock[:, :1]), 0.0)


def with_replacement(added_units: np.ndarray, lifetime_years: float) -> np.ndarray:
    """Units bought each year including replacements: a unit added in year y is bought
    again in year y + lifetime (rounded), and so on, within the model horizon."""
    step = max(round(lifetime_years), 1)
    bought = added_units.copy()
    for offset in range(step, added_units.shape[1], step):
        bought[:, offset:] += added_units[:, :-offset]
    return bought


def capital_costs(
    a: Assumptions,
    deploy: dict[str, np.ndarray],
    heat_peak_kw: dict[str, np.ndarray],
    switched_fuel_kwh: np.ndarray,
    woodland_ha: np.ndarray,
    reinforcement_kw: np.ndarray,
) -> dict[str, np.ndarray]:
    """Capital cost by item, each [Z, Y] GBP (E20)."""
    kw = 1000.0
    return {
        "heat_pumps": with_replacement(added(deploy["heat_pumps"]), a["heat_pump_lifetime_years"])
        * a["heat_pump_capex_gbp"],
        "retrofits": added(deploy["retrofits"]) * a["retrofit_cost_gbp_per_home"],
        "non_domestic_heat_pumps": added(heat_peak_kw["non_domestic_heat_pumps"])
        * a["non_domestic_heat_pump_capex_gbp_per_kw_th"],
        "heat_networks": added(heat_peak_kw["heat_networks"])
        * a["heat_network_capex_gbp_per_kw_th"],
        "electric_vehicles": added(deploy["electric_vehicles"]) * a["ev_capex_premium_gbp"],
        "electric_hgvs": added(deploy["electric_hgvs"]) * a["hgv_capex_premium_gbp"],
        "solar_rooftop": added(deploy["solar_rooftop_mw"])
        * kw
        * a["solar_rooftop_capex_gbp_per_kw"],
        "solar_ground": added(deploy["solar_ground_mw"]) * kw * a["solar_ground_capex_gbp_per_kw"],
        "onshore_wind": added(deploy["onshore_wind_mw"]) * kw * a["onshore_wind_capex_gbp_per_kw"],
        "battery": with_replacement(added(deploy["battery_mw"]), a["battery_lifetime_years"])
        * kw
        * a["battery_capex_gbp_per_kw"],
        "industrial_electrification": added(switched_fuel_kwh / a["industry_full_load_hours"])
        * a["industry_electrification_capex_gbp_per_kw"],
        "woodland": added(woodland_ha) * a["woodland_creation_cost_gbp_per_ha"],
        "network_reinforcement": added(reinforcement_kw) * a["reinforcement_cost_gbp_per_kw"],
    }


def operating_costs(
    a: Assumptions,
    capex: dict[str, np.ndarray],
    abated_non_energy_tco2e: np.ndarray,
    captured_tco2e: np.ndarray,
) -> np.ndarray:
    """[Z, Y] GBP: fixed O&M on the capital built so far plus the per-tonne measures:
    agriculture, waste, industrial capture or hydrogen, engineered removals (E21)."""
    built = {key: np.cumsum(value, axis=1) for key, value in capex.items()}
    fom = (
        (built["solar_rooftop"] + built["solar_ground"]) * a["solar_fom_fraction_per_year"]
        + built["onshore_wind"] * a["wind_fom_fraction_per_year"]
        + (built["heat_pumps"] + built["non_domestic_heat_pumps"] + built["heat_networks"])
        * a["heat_pump_fom_fraction_per_year"]
    )
    measures = (
        abated_non_energy_tco2e[:, :, S["agriculture"]]
        * a["agriculture_abatement_cost_gbp_per_tco2e"]
        + abated_non_energy_tco2e[:, :, S["waste"]] * a["waste_abatement_cost_gbp_per_tco2e"]
        + abated_non_energy_tco2e[:, :, S["removals"]] * a["engineered_removals_cost_gbp_per_tco2e"]
        + captured_tco2e * a["industrial_ccs_cost_gbp_per_tco2e"]
    )
    return fom + np.maximum(measures, 0.0)


def prices(a: Assumptions) -> np.ndarray:
    """[NC] GBP/kWh in CARRIERS order."""
    return np.array([a[PRICE_KEYS[carrier]] for carrier in CARRIERS])


def fuel_costs(a: Assumptions, energy_kwh: np.ndarray) -> np.ndarray:
    """[Z, Y, NS] GBP: energy by carrier x price (E22)."""
    return energy_kwh @ prices(a)


DAYS_PER_YEAR = 365.0


def standing_charges(
    a: Assumptions, households: np.ndarray, gas_homes: np.ndarray, n_years: int
) -> np.ndarray:
    """[Z, Y] GBP a year of standing charges: every home pays electricity's, the homes on
    mains gas (`gas_homes` [Z, Y]) gas's as well (E22)."""
    electricity = households[:, None] * a["electricity_standing_charge_gbp_per_day"]
    gas = gas_homes * a["gas_standing_charge_gbp_per_day"]
    return (np.broadcast_to(electricity, (len(households), n_years)) + gas) * DAYS_PER_YEAR
