"""Peak electricity demand per zone, compared with an assumed network capacity.

There is no real primary-substation headroom data in the national files (PROVENANCE.md,
known gaps), so each zone's firm capacity is taken as its base-year peak plus a headroom
fraction (assumption `network_headroom_fraction`, 10-35 %). Zones stand for the group of
customers behind their share of a primary substation; the first year a zone's peak exceeds
its capacity and the reinforcement needed (kW x GBP/kW) follow.

Diversified peak (E16-E19):
- existing load: base-year peak = annual kWh / (8760 x load factor), scaled with that load;
- heat pumps and heat networks: peak heat = annual useful heat / full-load hours, divided by
  the cold-day COP, times the THERMOS after-diversity factor f(n) = floor + single / n for n
  connections in the zone;
- electric cars and vans: count x after-diversity kW per vehicle;
- industrial electrification: the switched load spread over the plant's full-load hours;
- batteries: MW x share available at the local peak, subtracted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .assumptions import Assumptions
from .dimensions import C
from .inputs import PlaceInputs

HOURS_PER_YEAR = 8760.0


@dataclass(frozen=True)
class NetworkPeak:
    peak_kw: np.ndarray  # [Z, Y] diversified peak demand
    capacity_kw: np.ndarray  # [Z] assumed firm capacity
    exceedance_kw: np.ndarray  # [Z, Y] peak above capacity (0 if within)
    generation_exceedance_kw: np.ndarray  # [Z, Y] local generation above capacity
    reinforcement_kw: np.ndarray  # [Z, Y] cumulative reinforcement needed
    first_year_exceeded: np.ndarray  # [Z] year, or 0 if never


def diversity(n: np.ndarray, a: Assumptions) -> np.ndarray:
    """After-diversity factor for n connections (THERMOS: f = 0.62 + 0.38 / n)."""
    return a["diversity_floor"] + a["diversity_single"] / np.maximum(n, 1.0)


def network_peak(
    inputs: PlaceInputs,
    a: Assumptions,
    existing: np.ndarray,
    deploy: dict[str, np.ndarray],
    useful: np.ndarray,
    hp: np.ndarray,
    heat_network: np.ndarray,
    switched: np.ndarray,
) -> NetworkPeak:
    """Diversified peak [Z, Y] and the network consequences. `existing` [Z, Y] is the
    electricity use that is not new heat, vehicle or industrial-switching load."""
    existing0 = inputs.baseline_energy_kwh[..., C["electricity"]].sum(axis=(1, 2))  # [Z]
    load_factor = a["baseline_load_factor"]
    existing_peak = existing / (HOURS_PER_YEAR * load_factor)  # E16
    heat_peak = useful / a["heating_full_load_hours"] / a["heat_pump_peak_cop"]  # [Z, Y, 3]
    n_hp = np.maximum(deploy["heat_pumps"], 1.0)
    hp_peak = heat_peak[:, :, 0] * hp[:, :, 0] * diversity(n_hp, a)  # E17
    hp_peak += (heat_peak[:, :, 1:] * hp[:, :, 1:]).sum(axis=2) * a["diversity_floor"]
    network_peak_kw = (heat_peak * heat_network).sum(axis=2) * a["diversity_floor"]
    ev_peak = (deploy["electric_vehicles"] + deploy["electric_hgvs"]) * a[
        "ev_peak_kw_after_diversity"
    ]  # E18
    industry_peak = switched * a["industry_electrification_ratio"] / a["industry_full_load_hours"]
    battery = deploy["battery_mw"] * 1000.0 * a["battery_peak_availability"]
    peak = np.maximum(
        existing_peak + hp_peak + network_peak_kw + ev_peak + industry_peak - battery, 0.0
    )  # E19
    capacity = existing0 / (HOURS_PER_YEAR * load_factor) * (1 + a["network_headroom_fraction"])
    exceedance = np.maximum(peak - capacity[:, None], 0.0)
    generation_kw = (
        deploy["solar_rooftop_mw"] + deploy["solar_ground_mw"] + deploy["onshore_wind_mw"]
    ) * 1000.0
    generation_exceedance = np.maximum(generation_kw - capacity[:, None], 0.0)
    need = np.maximum(exceedance, generation_exceedance)
    reinforcement = np.maximum.accumulate(need, axis=1)  # built once, kept
    exceeded = exceedance > 0
    first = np.where(exceeded.any(axis=1), inputs.years[np.argmax(exceeded, axis=1)], 0)
    return NetworkPeak(peak, capacity, exceedance, generation_exceedance, reinforcement, first)
