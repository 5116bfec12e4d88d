"""Peak electricity demand per zone, compared with the capacity of the primary substation
that feeds it.

Groups: zones are grouped by primary substation (`PlaceInputs.network_group_index`): a zone
with NGED primary substations inside it forms a group with them; a zone without one joins
the group of the nearest primary (centroid to substation, great-circle distance) - an
approximation of the real feeder layout, which is not published in the national files.
Without groups (synthetic inputs) each zone is its own group.

Base-year peak of a group: from FES 2023 grid supply point peaks shared among the NGED
primary substations in each GSP (network_data.py, N1-N3) where the data reach; elsewhere the
engine's own, base-year electricity / (8760 h x load factor). A group's peak in later years
is that base plus the change the scenario makes to the engine's peak (so the FES base and the
scenario's own growth are not mixed up with FES's growth, shown beside it for comparison).

Capacity: neither FES nor NGED's location file carries firm capacity, so a group's firm
capacity is taken as its base-year peak plus a headroom fraction (assumption
`network_headroom_fraction`, 10-35 %). The first year a group's peak exceeds its capacity
and the reinforcement needed (kW x GBP/kW) follow; a group's reinforcement is attributed to
its zones in proportion to their growth in peak since the base year.

Diversified peak (E16-E19):
- existing load: base-year peak = annual kWh / (8760 x load factor), scaled with that load;
- heat pumps and heat networks: peak heat = annual useful heat / full-load hours, divided by
  the cold-day COP, times the THERMOS after-diversity factor f(n) = floor + single / n for n
  connections in the zone;
- electric cars and vans: count x after-diversity kW per vehicle;
- industrial electrification: the switched load spread over the plant's full-load hours;
- batteries: MW x share available at the local peak, subtracted.
Zone peaks add up to the group peak (no further diversity between zones: conservative).
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
    peak_kw: np.ndarray  # [Z, Y] diversified peak demand of each zone
    group_index: np.ndarray  # [Z] primary-substation group of each zone
    group_peak_kw: np.ndarray  # [G, Y]
    group_capacity_kw: np.ndarray  # [G] assumed firm capacity
    group_exceedance_kw: np.ndarray  # [G, Y] peak above capacity (0 if within)
    group_first_year_exceeded: np.ndarray  # [G] year, or 0 if never
    reinforcement_kw: np.ndarray  # [Z, Y] cumulative reinforcement attributed to the zone
    # [G] base-year peak used (FES-derived where available) and the engine's own
    group_base_peak_kw: np.ndarray | None = None
    group_engine_base_peak_kw: np.ndarray | None = None

    @property
    def group_from_fes(self) -> np.ndarray:
        """[G] whether the group's base peak is FES-derived."""
        if self.group_base_peak_kw is None or self.group_engine_base_peak_kw is None:
            return np.zeros(len(self.group_capacity_kw), dtype=bool)
        return self.group_base_peak_kw != self.group_engine_base_peak_kw

    @property
    def capacity_kw(self) -> np.ndarray:
        """[Z] capacity of the group feeding each zone."""
        return self.group_capacity_kw[self.group_index]

    @property
    def exceedance_kw(self) -> np.ndarray:
        """[Z, Y] exceedance of the group feeding each zone."""
        return self.group_exceedance_kw[self.group_index]

    @property
    def first_year_exceeded(self) -> np.ndarray:
        """[Z] first year the zone's group is above capacity (0 if never)."""
        return self.group_first_year_exceeded[self.group_index]


def diversity(n: np.ndarray, a: Assumptions) -> np.ndarray:
    """After-diversity factor for n connections (THERMOS: f = 0.62 + 0.38 / n)."""
    return a["diversity_floor"] + a["diversity_single"] / np.maximum(n, 1.0)


def _group_sum(index: np.ndarray, n_groups: int, values: np.ndarray) -> np.ndarray:
    out = np.zeros((n_groups, *values.shape[1:]))
    np.add.at(out, index, values)
    return out


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
    )
    existing0 = inputs.baseline_energy_kwh[..., C["electricity"]].sum(axis=(1, 2))  # [Z]
    engine_zone_base = existing0 / (HOURS_PER_YEAR * load_factor)
    index = inputs.group_index
    n_groups = int(index.max()) + 1 if len(index) else 0
    engine_base = _group_sum(index, n_groups, engine_zone_base)
    base_used = group_base_peak(inputs, engine_base)
    # Each zone's base peak rescaled so its group's adds up to the (FES-derived) base; the
    # scenario's change to the engine's peak is added on top.
    scale = np.divide(base_used, engine_base, out=np.ones_like(base_used), where=engine_base > 0)
    base_peak = engine_zone_base * scale[index]
    peak = np.maximum(peak + (base_peak - engine_zone_base)[:, None], 0.0)
    group_peak = _group_sum(index, n_groups, peak)
    capacity = base_used * (1 + a["network_headroom_fraction"])
    exceedance = np.maximum(group_peak - capacity[:, None], 0.0)  # E19
    generation_kw = (
        deploy["solar_rooftop_mw"] + deploy["solar_ground_mw"] + deploy["onshore_wind_mw"]
    ) * 1000.0
    generation_over = np.maximum(
        _group_sum(index, n_groups, generation_kw) - capacity[:, None], 0.0
    )
    group_reinforcement = np.maximum.accumulate(np.maximum(exceedance, generation_over), axis=1)
    exceeded = exceedance > 0
    first = np.where(exceeded.any(axis=1), inputs.years[np.argmax(exceeded, axis=1)], 0)
    # Attribute each year's added group reinforcement to zones by their growth in peak
    # (and generation) since the base year, so zone figures add up to the group's.
    growth = np.maximum(peak - base_peak[:, None], 0.0) + generation_kw
    group_growth = _group_sum(index, n_groups, growth)
    zone_part = np.divide(
        growth, group_growth[index], out=np.zeros_like(growth), where=group_growth[index] > 0
    )
    group_added = np.diff(group_reinforcement, axis=1, prepend=group_reinforcement[:, :1])
    reinforcement = np.cumsum(group_added[index] * zone_part, axis=1)
    return NetworkPeak(
        peak, index, group_peak, capacity, exceedance, first, reinforcement, base_used, engine_base
    )


def group_base_peak(inputs: PlaceInputs, engine_base_kw: np.ndarray) -> np.ndarray:
    """[G] base-year peak of each group: FES-derived where the inputs carry it, else the
    engine's own (`engine_base_kw`)."""
    derived = inputs.network_base_peak_kw
    if derived is None or len(derived) != len(engine_base_kw):
        return engine_base_kw
    # A group with no electricity of its own in the engine keeps its (zero) peak: its
    # zones would have nothing to rescale.
    return np.where(np.isfinite(derived) & (engine_base_kw > 0), derived, engine_base_kw)


def zone_headroom_kw(inputs: PlaceInputs, a: Assumptions) -> np.ndarray:
    """[Z] firm capacity above the base-year peak, each group's headroom shared among its
    zones by their own base-year peak (for the zone-level optimiser)."""
    electricity_kwh = inputs.baseline_energy_kwh[..., C["electricity"]].sum(axis=(1, 2))
    zone_base = electricity_kwh / (HOURS_PER_YEAR * a["baseline_load_factor"])
    index = inputs.group_index
    n_groups = int(index.max()) + 1 if len(index) else 0
    engine_base = _group_sum(index, n_groups, zone_base)
    used = group_base_peak(inputs, engine_base)
    share = np.divide(
        zone_base, engine_base[index], out=np.zeros_like(zone_base), where=engine_base[index] > 0
    )
    return used[index] * share * a["network_headroom_fraction"]
