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

Score (0-1) = 0.6 x potential + 0.4 x network, with its parts shown:
- potential = the zone's MW / the largest MW of that technology in the place;
- network, for generation = headroom / the generator's kW, capped at 1 (can the local
  network take it?); for batteries = how far the group is over capacity / the battery's kW,
  capped at 1 (a battery helps most where the network is short);
- citizen acceptance (landscape) is added when that module is present; until then the part
  is reported as not available and left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from placezero.engine.results import Results

KW_PER_MW = 1000.0
HOURS_PER_YEAR = 8760.0
POTENTIAL_WEIGHT = 0.6
NETWORK_WEIGHT = 0.4
DEFAULT_YEAR = 2030


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

    @property
    def key(self) -> str:
        return f"{self.zone_code}:{self.technology}"


def rank(
    results: Results,
    *,
    scenario_name: str,
    year: int = DEFAULT_YEAR,
    district_code: str | None = None,
    technology: str | None = None,
) -> list[Opportunity]:
    """Every zone x technology with something to build, best score first."""
    inputs, a = results.inputs, results.assumptions
    years = list(int(y) for y in results.years)
    y = years.index(year) if year in years else len(years) - 1
    network = results.network
    group_headroom = network.group_capacity_kw - network.group_peak_kw[:, y]
    headroom = group_headroom[network.group_index]
    district_names = dict(zip(inputs.districts, inputs.district_names, strict=True))
    intensity = float(results.grid_intensity_kgco2e_per_kwh[y])  # kg/kWh = t/MWh
    found = []
    for tech in TECHNOLOGIES:
        if technology and tech.key != technology:
            continue
        mw = results.deployment[tech.deployment][:, y]
        largest = float(mw.max()) if mw.size else 0.0
        if largest <= 0:
            continue
        for z, zone in enumerate(inputs.zones):
            district = inputs.district_of_zone[z]
            if mw[z] <= 1e-6 or (district_code and district != district_code):
                continue
            size_kw = float(mw[z]) * KW_PER_MW
            if tech.capacity_factor_key is None:
                mwh = 0.0
                network_part = float(np.clip(-headroom[z] / size_kw, 0, 1))
            else:
                mwh = float(mw[z]) * HOURS_PER_YEAR * a[tech.capacity_factor_key]
                network_part = float(np.clip(headroom[z] / size_kw, 0, 1))
            potential = float(mw[z]) / largest
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
                    carbon_saved_tco2e_per_year=mwh * intensity,
                    headroom_kw=float(headroom[z]),
                    potential_part=potential,
                    network_part=network_part,
                    acceptance_part=None,
                    score=POTENTIAL_WEIGHT * potential + NETWORK_WEIGHT * network_part,
                    scenario_name=scenario_name,
                )
            )
    return sorted(found, key=lambda o: (-o.score, o.zone_code, o.technology))
