"""Community energy opportunities found by the model: zones ranked per technology.

Read by the community app through `pathways.services.community_energy_opportunities`. For the
plan's preferred pathway (or the shipped balanced one), each zone's figures come from the
engine's results for one year (default 2030, the near-term delivery horizon):

- size: the MW of rooftop solar, ground-mounted solar, onshore wind or batteries the
  pathway builds in the zone by that year (`Results.deployment`);
- output: MW x 8760 h x the engine's capacity factor (solar 10 %, DESNZ Energy Trends;
  onshore wind 26 %, DUKES Table 6.3); batteries generate nothing;
- capital: MW x the engine's capital cost per kW (PyPSA technology-data, see the
  assumptions table);
- carbon saved: output x the grid's carbon intensity that year (displaced grid electricity,
  the simple documented method; it falls as the grid decarbonises);
- network headroom: the assumed firm capacity of the primary-substation group feeding the
  zone less that group's peak that year (the engine's network model; real DNO headroom data
  is not in the open files, so capacity is an assumption, `network_headroom_fraction`).

Heat networks (supply plant: large heat pumps feeding a network):
- size: the MW of peak heat the pathway's heat networks serve in the zone by that year
  (the engine's heat network capital that far / its capital cost per kW of heat);
- output: that MW x the engine's heating full-load hours (MWh of heat a year);
- capital: the engine's, supply plant only (its source excludes pipework);
- carbon saved: the gas boilers' emissions it replaces (heat / boiler efficiency x the
  zone's gas emission factor) less the heat pumps' electricity (heat / the network's
  seasonal performance factor x the grid's intensity);
- heat density, in place of network headroom: the zone's building heat demand after
  efficiency (the engine's useful heat) per km2 of land, against the threshold above which
  Danish municipalities judge an area suitable for district heating, 150 TJ per km2 a year
  (about 41,667 MWh per km2 a year: HeatNet NWE, Guide to district heating, "Is district
  heating suitable for my area?", https://guidetodistrictheating.eu/). The density part is
  density / threshold, capped at 1. UK heat network zoning screens by linear heat density
  (kWh a year per metre of pipe), which needs street lengths the open place pack does not
  hold; an area density is the documented stand-in.

Score (0-1) = 0.6 x potential + 0.4 x network (or heat density), with its parts shown:
- potential = the zone's MW / the largest MW of that technology in the place;
- network, for generation = headroom / the generator's kW, capped at 1 (can the local
  network take it?); for batteries = how far the group is over capacity / the battery's kW,
  capped at 1 (a battery helps most where the network is short);
- citizen acceptance: when residents have answered the landscape survey about that
  technology in the zone (at least its minimum number of responses), their acceptance share
  (welcoming + half the neutral, over the responses) takes a quarter of the score:
  score = 0.75 x (0.6 x potential + 0.4 x network) + 0.25 x acceptance. Where too few have
  answered, the part is shown with its number of responses and left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from placezero.engine.dimensions import C, S

if TYPE_CHECKING:
    from placezero.engine.results import Results

KW_PER_MW = 1000.0
HOURS_PER_YEAR = 8760.0
POTENTIAL_WEIGHT = 0.6
NETWORK_WEIGHT = 0.4
ACCEPTANCE_WEIGHT = 0.25
DEFAULT_YEAR = 2030
# 150 TJ per km2 a year in MWh (1 MWh = 3.6 GJ): HeatNet NWE's Guide to district heating.
HEAT_DENSITY_THRESHOLD_MWH_PER_KM2 = 150e12 / 3.6e9  # J / (J per MWh): 41,667
HA_PER_KM2 = 100.0


@dataclass(frozen=True)
class Technology:
    key: str
    label: str
    deployment: str  # engine deployment key (MW)
    capex_key: str  # engine assumption, GBP/kW
    capacity_factor_key: str | None  # engine assumption; None: stores, generates nothing
    opex_key: str  # engine assumption: fixed O&M share of capex per year


TECHNOLOGIES: tuple[Technology, ...] = (
    Technology(
        "solar_rooftop",
        "Rooftop solar",
        "solar_rooftop_mw",
        "solar_rooftop_capex_gbp_per_kw",
        "solar_capacity_factor",
        "solar_fom_fraction_per_year",
    ),
    Technology(
        "solar_ground",
        "Ground-mounted solar",
        "solar_ground_mw",
        "solar_ground_capex_gbp_per_kw",
        "solar_capacity_factor",
        "solar_fom_fraction_per_year",
    ),
    Technology(
        "onshore_wind",
        "Onshore wind",
        "onshore_wind_mw",
        "onshore_wind_capex_gbp_per_kw",
        "onshore_wind_capacity_factor",
        "wind_fom_fraction_per_year",
    ),
    Technology(
        "battery",
        "Battery storage",
        "battery_mw",
        "battery_capex_gbp_per_kw",
        None,
        "solar_fom_fraction_per_year",
    ),
    Technology(
        "heat_network",
        "Heat network",
        "heat_networks",  # an engine capital item, not a deployment: see _heat_networks
        "heat_network_capex_gbp_per_kw_th",
        None,
        "heat_pump_fom_fraction_per_year",
    ),
)
BY_KEY = {technology.key: technology for technology in TECHNOLOGIES}


@dataclass(frozen=True)
class Opportunity:
    """One zone and technology, with the engine's figures and the parts of its score."""

    zone_code: str
    zone_name: str
    district_code: str
    district_name: str
    technology: str
    technology_label: str
    year: int
    mw: float
    mwh_per_year: float
    capex_gbp: float
    opex_fraction_per_year: float
    carbon_saved_tco2e_per_year: float
    headroom_kw: float
    potential_part: float
    network_part: float
    acceptance_part: float | None
    score: float
    scenario_name: str
    acceptance_responses: int = 0  # published landscape responses about it in the zone
    heat_density_mwh_per_km2: float | None = None  # heat networks only

    @property
    def network_part_label(self) -> str:
        return "heat density" if self.heat_density_mwh_per_km2 is not None else "network"

    @property
    def key(self) -> str:
        return f"{self.zone_code}:{self.technology}"


Acceptance = Mapping[tuple[str, str], tuple[float | None, int]]


def score_of(potential: float, network: float, acceptance: float | None) -> float:
    """The documented score: acceptance takes a quarter when residents have answered."""
    technical = POTENTIAL_WEIGHT * potential + NETWORK_WEIGHT * network
    if acceptance is None:
        return technical
    return (1 - ACCEPTANCE_WEIGHT) * technical + ACCEPTANCE_WEIGHT * acceptance


def rank(
    results: Results,
    *,
    scenario_name: str,
    year: int = DEFAULT_YEAR,
    district_code: str | None = None,
    technology: str | None = None,
    acceptance: Acceptance | None = None,
) -> list[Opportunity]:
    """Every zone x technology with something to build, best score first.

    `acceptance`: {(zone code, technology key): (share 0-1 or None when too few answered,
    responses)} from the landscape survey; missing or None leaves the part out."""
    inputs, a = results.inputs, results.assumptions
    years = list(int(y) for y in results.years)
    y = years.index(year) if year in years else len(years) - 1
    network = results.network
    group_headroom = network.group_capacity_kw - network.group_peak_kw[:, y]
    headroom = group_headroom[network.group_index]
    district_names = dict(zip(inputs.districts, inputs.district_names, strict=True))
    intensity = float(results.grid_intensity_kgco2e_per_kwh[y])  # kg/kWh = t/MWh
    accepted = acceptance or {}
    found = []
    for tech in TECHNOLOGIES:
        if technology and tech.key != technology:
            continue
        sized = _heat_networks(results, y) if tech.key == "heat_network" else None
        mw = sized["mw"] if sized else results.deployment[tech.deployment][:, y]
        largest = float(mw.max()) if mw.size else 0.0
        if largest <= 0:
            continue
        for z, zone in enumerate(inputs.zones):
            district = inputs.district_of_zone[z]
            if mw[z] <= 1e-6 or (district_code and district != district_code):
                continue
            size_kw = float(mw[z]) * KW_PER_MW
            density = None
            if sized:
                mwh = float(sized["mwh"][z])
                density = float(sized["density"][z])
                network_part = min(density / HEAT_DENSITY_THRESHOLD_MWH_PER_KM2, 1.0)
                carbon = float(sized["carbon"][z])
            elif tech.capacity_factor_key is None:
                mwh = 0.0
                network_part = float(np.clip(-headroom[z] / size_kw, 0, 1))
                carbon = 0.0
            else:
                mwh = float(mw[z]) * HOURS_PER_YEAR * a[tech.capacity_factor_key]
                network_part = float(np.clip(headroom[z] / size_kw, 0, 1))
                carbon = mwh * intensity
            potential = float(mw[z]) / largest
            share, responses = accepted.get((zone, tech.key), (None, 0))
            found.append(
                Opportunity(
                    zone_code=zone,
                    zone_name=inputs.zone_names[z],
                    district_code=district,
                    district_name=district_names.get(district, district),
                    technology=tech.key,
                    technology_label=tech.label,
                    year=years[y],
                    mw=float(mw[z]),
                    mwh_per_year=mwh,
                    capex_gbp=size_kw * a[tech.capex_key],
                    opex_fraction_per_year=a[tech.opex_key],
                    carbon_saved_tco2e_per_year=carbon,
                    headroom_kw=float(headroom[z]),
                    potential_part=potential,
                    network_part=network_part,
                    acceptance_part=share,
                    score=score_of(potential, network_part, share),
                    scenario_name=scenario_name,
                    acceptance_responses=responses,
                    heat_density_mwh_per_km2=density,
                )
            )
    return sorted(found, key=lambda o: (-o.score, o.zone_code, o.technology))


def _heat_networks(results: Results, y: int) -> dict[str, np.ndarray]:
    """[Z] heat network figures by year index y: MW of peak heat served, MWh of heat a
    year, carbon saved (t a year) and the zone's heat demand density (MWh per km2 a year)."""
    inputs, a = results.inputs, results.assumptions
    capex = results.capex_by_item_gbp["heat_networks"][:, : y + 1].sum(axis=1)
    mw = capex / a["heat_network_capex_gbp_per_kw_th"] / KW_PER_MW
    mwh = mw * a["heating_full_load_hours"]
    gas_t_per_mwh = inputs.emission_factor_kgco2e_per_kwh[:, S["domestic"], C["gas"]]
    grid_t_per_mwh = float(results.grid_intensity_kgco2e_per_kwh[y])
    carbon = mwh * (
        gas_t_per_mwh / a["gas_boiler_efficiency"] - grid_t_per_mwh / a["heat_network_spf"]
    )
    km2 = np.maximum(np.asarray(inputs.land_area_ha, dtype=float) / HA_PER_KM2, 1e-9)
    density = results.useful_heat_kwh[:, y] / 1000.0 / km2
    return {"mw": mw, "mwh": mwh, "carbon": carbon, "density": density}
