"""build_inputs(pack) -> PlaceInputs: the base year of a place from its place pack.

Method (docs/method/data-to-baseline.md has it with a worked example):

1. District energy by sector and carrier in the split year (2019, the last year every
   source covers: DESNZ sub-sector CO2 to 2020, MSOA electricity to 2019):
   - electricity and gas: DESNZ sub-national consumption (domestic, non-domestic), the
     non-domestic total split between commercial, public, industry and agriculture in
     proportion to their DESNZ CO2 from that carrier;
   - other fuels and road fuel: DESNZ CO2 divided by the assumed emission factor
     (`other_fuels_kgco2e_per_kwh`, `road_fuel_kgco2e_per_kwh`);
   - waste: DESNZ waste-management CO2 kept as non-energy emissions.
   Then taken to the base year (default 2023) and to DESNZ territorial emissions by
   `territorial.py` (T1-T5: within-scope scaling, the out-of-scope gap split by sector).
2. Calibrated emission factors: factor = CO2 / energy for each district, sector and carrier,
   so the base year reproduces DESNZ territorial (the calibration check shows it).
3. Zones: each district figure shared among its zones (2011 MSOAs) in proportion to:
   domestic electricity - MSOA domestic electricity (real, same year or the latest before);
   non-domestic electricity, gas and other fuels, industry - MSOA non-domestic electricity;
   domestic gas - MSOA domestic gas 2016 (the only year published), falling back to Census
   2021 mains-gas households where a zone has none; domestic other fuels - Census 2021
   households heated by oil, bottled gas or solid fuel; road transport and waste - Census
   2021 households; agriculture - the zone's land area.
4. Network groups: zones with NGED primary substations inside them each form a group;
   every other zone joins the group of the primary nearest its centroid (engine/network.py).
   Each group's base-year peak comes from FES 2023 GSP peaks shared among NGED primaries
   where the data reach (network_data.py, N1-N3).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .assumptions import Assumptions, load_assumptions
from .dimensions import CARRIERS, END_USES, SECTORS, C, S, U
from .inputs import END_YEAR, PlaceInputs
from .network_data import group_peaks
from .pack_geometry import (
    existing_generation_mw,
    geometry_area_ha,
    group_holders,
    network_groups,
)
from .territorial import COMBUSTION_GAP, TerritorialError, territorial_basis

DEFAULT_BASE_YEAR = 2023  # the latest year of the DESNZ local authority statistics
# The last year every sub-sector and energy source covers (mySociety sub-sector CO2 to 2020,
# MSOA electricity to 2019; 2020 is left out as a pandemic year): its split is scaled to the
# base year (territorial.py, T1).
SPLIT_YEAR = 2019
SUBSECTOR = "mysociety-co2-subsector"
NON_DOMESTIC = ("commercial", "public", "industry", "agriculture")
# DESNZ sub-sector variable (kt CO2) for each (sector, carrier); lists are summed.
SOURCE_CO2: dict[tuple[str, str], tuple[str, ...]] = {
    ("domestic", "electricity"): ("domestic_electricity_ktco2",),
    ("domestic", "gas"): ("domestic_gas_ktco2",),
    ("domestic", "other_fuels"): ("domestic_other_fuels_ktco2",),
    ("commercial", "electricity"): ("commercial_electricity_ktco2",),
    ("commercial", "gas"): ("commercial_gas_ktco2",),
    ("commercial", "other_fuels"): ("commercial_other_fuels_ktco2",),
    ("public", "electricity"): ("public_sector_electricity_ktco2",),
    ("public", "gas"): ("public_sector_gas_ktco2",),
    ("public", "other_fuels"): ("public_sector_other_fuels_ktco2",),
    ("industry", "electricity"): ("industry_electricity_ktco2",),
    ("industry", "gas"): ("industry_gas_ktco2",),
    ("industry", "other_fuels"): (
        "industrial_other_fuels_ktco2",
        "large_industrial_installations_ktco2",
    ),
    ("transport", "road_fuel"): (
        "road_transport_a_roads_ktco2",
        "road_transport_minor_roads_ktco2",
    ),
    ("transport", "other_fuels"): ("transport_other_ktco2",),
    ("agriculture", "electricity"): ("agriculture_electricity_ktco2",),
    # mySociety labels agricultural gas simply "Agriculture" (BEIS: "Agriculture Gas").
    ("agriculture", "gas"): ("agriculture_ktco2",),
    ("agriculture", "other_fuels"): ("agriculture_other_ktco2",),
}
SECTOR_TOTAL: dict[str, str] = {
    "domestic": "domestic_total_ktco2",
    "commercial": "commercial_total_ktco2",
    "public": "public_sector_total_ktco2",
    "industry": "industry_total_ktco2",
    "transport": "transport_total_ktco2",
    "agriculture": "agriculture_total_ktco2",
    "waste": "waste_management_total_ktco2",
}
END_USE_OF: dict[tuple[str, str], str] = {
    ("transport", "road_fuel"): "road_vehicles",
    ("transport", "other_fuels"): "other",
    ("industry", "gas"): "other",
    ("industry", "other_fuels"): "other",
    ("agriculture", "gas"): "other",
    ("agriculture", "other_fuels"): "other",
}
FOSSIL_HEATING = (
    "heating_mains_gas_households",
    "heating_oil_households",
    "heating_tank_or_bottled_gas_households",
    "heating_solid_fuel_households",
    "heating_two_or_more_without_renewable_households",
)
OFF_GAS_HEATING = (
    "heating_oil_households",
    "heating_tank_or_bottled_gas_households",
    "heating_solid_fuel_households",
)


class InputError(ValueError):
    """The pack lacks data the engine needs; the message names it and how to fix it."""


def _value(pack: Any, area: str, dataset: str, variable: str, year: int) -> float:
    series = pack.area_series(area, dataset, variable)
    if year not in series:
        have = f"{min(series)}-{max(series)}" if series else "no years"
        raise InputError(
            f"{dataset}/{variable} for {area} has no value for {year} (pack has {have}). "
            "Choose a base year the pack covers (--base-year) or rebuild the pack."
        )
    return series[year]


def _zone_weights(pack: Any, dataset: str, variable: str, year: int, zones: list[str]):
    values = pack.zone_values(dataset, variable, year)
    return np.array([values.get(zone, np.nan) for zone in zones], dtype=float)


def _latest_year(pack: Any, dataset: str, variable: str, year: int) -> int:
    for candidate in range(year, year - 10, -1):
        if pack.zone_values(dataset, variable, candidate):
            return candidate
    raise InputError(f"the pack has no zone figures for {dataset}/{variable} up to {year}.")


def _share(weights: np.ndarray, fallback: np.ndarray, index: np.ndarray, n: int) -> np.ndarray:
    """Each zone's share of its district, from weights (NaN/zero districts use fallback)."""
    w = np.where(np.isfinite(weights) & (weights >= 0), weights, 0.0)
    totals = np.zeros(n)
    np.add.at(totals, index, w)
    use_fallback = totals[index] <= 0
    w = np.where(use_fallback, fallback, w)
    totals = np.zeros(n)
    np.add.at(totals, index, w)
    return np.divide(w, totals[index], out=np.zeros_like(w), where=totals[index] > 0)


def build_inputs(
    pack: Any,
    base_year: int = DEFAULT_BASE_YEAR,
    assumptions: Assumptions | None = None,
    include_neighbours: bool = False,
) -> PlaceInputs:
    """Build PlaceInputs for the member districts (and optionally neighbours) of a pack."""
    a = assumptions or load_assumptions()
    roles = ("member", "neighbour") if include_neighbours else ("member",)
    areas = [
        f["properties"]
        for f in pack.areas
        if f["properties"]["kind"] in ("district", "unitary") and f["properties"]["role"] in roles
    ]
    districts = [area["code"] for area in areas]
    zone_features = [z for z in pack.zones if z["properties"]["area"] in districts]
    if not zone_features:
        raise InputError(f"the pack has no zones in {', '.join(districts) or 'its districts'}.")
    zones = [z["properties"]["code"] for z in zone_features]
    index = np.array([districts.index(z["properties"]["area"]) for z in zone_features])
    n_d, n_z = len(districts), len(zones)
    census = {
        name: _zone_weights(pack, "census-2021", name, 2021, zones)
        for name in ("households", *FOSSIL_HEATING)
    }
    households = census["households"]
    if np.isnan(households).any():
        missing = [zones[i] for i in np.flatnonzero(np.isnan(households))]
        raise InputError(
            f"census-2021/households missing for zone(s) {', '.join(missing[:5])}: every "
            "zone needs a household count. Rebuild the pack with the Census 2021 TS041 table."
        )
    land_ha = np.array([geometry_area_ha(z["geometry"]) for z in zone_features])
    year_e = _latest_year(pack, "desnz-msoa-electricity", "domestic_consumption_kwh", base_year)
    w = {
        "dom_elec": _zone_weights(
            pack, "desnz-msoa-electricity", "domestic_consumption_kwh", year_e, zones
        ),
        "nondom_elec": _zone_weights(
            pack, "desnz-msoa-electricity", "non_domestic_consumption_kwh", year_e, zones
        ),
        "dom_gas": _zone_weights(
            pack, "beis-lsoa-gas-2016", "domestic_gas_consumption_kwh", 2016, zones
        ),
        "off_gas": sum(
            np.nan_to_num(_zone_weights(pack, "census-2021", n, 2021, zones))
            for n in OFF_GAS_HEATING
        ),
    }
    mains_gas = np.nan_to_num(census["heating_mains_gas_households"])
    shares = {
        "dom_elec": _share(w["dom_elec"], households, index, n_d),
        "nondom": _share(w["nondom_elec"], households, index, n_d),
        "dom_gas": _share(np.where(w["dom_gas"] > 0, w["dom_gas"], np.nan), mains_gas, index, n_d),
        "off_gas": _share(w["off_gas"], households, index, n_d),
        "households": _share(households, households, index, n_d),
        "land": _share(land_ha, households, index, n_d),
    }
    basis, district_energy, district_co2, gap = _territorial(pack, districts, base_year, a)
    zone_share = np.zeros((n_z, len(SECTORS), len(CARRIERS)))
    for sector in SECTORS:
        for carrier in CARRIERS:
            zone_share[:, S[sector], C[carrier]] = shares[_weight_for(sector, carrier)]
    energy_zsc = district_energy[index] * zone_share
    co2_zsc = district_co2[index] * zone_share
    energy = np.zeros((n_z, len(SECTORS), len(END_USES), len(CARRIERS)))
    for (sector, carrier), end_use in _end_uses().items():
        energy[:, S[sector], U[end_use], C[carrier]] = energy_zsc[:, S[sector], C[carrier]]
    factors = _factors(pack, base_year, a, energy_zsc, co2_zsc)
    non_energy = np.zeros((n_z, len(SECTORS)))
    for sector in SECTORS:  # non-energy emissions follow the sector's own zone weights
        non_energy[:, S[sector]] = gap[index, S[sector]] * shares[_weight_for(sector, "gas")]
    non_energy[:, S["LULUCF"]] = gap[index, S["LULUCF"]] * shares["land"]
    reference = district_co2.sum(axis=2) / 1000.0 + gap
    years = np.arange(base_year, END_YEAR + 1)
    fossil = sum(np.nan_to_num(census[n]) for n in FOSSIL_HEATING)
    names = {f["properties"]["code"]: f["properties"]["name"] for f in pack.areas}
    group_index, group_labels = network_groups(pack, zone_features)
    fes_peaks = group_peaks(pack, group_holders(pack, zones), years, len(group_labels))
    return PlaceInputs(
        place=pack.slug,
        zones=tuple(zones),
        zone_names=tuple(
            z["properties"]["local_name"] or z["properties"]["name"] for z in zone_features
        ),
        districts=tuple(districts),
        district_names=tuple(names[d] for d in districts),
        zone_district_index=index,
        base_year=base_year,
        baseline_energy_kwh=energy,
        emission_factor_kgco2e_per_kwh=factors,
        non_energy_emissions_tco2e=non_energy,
        households=households,
        fossil_heated_households=np.minimum(fossil, households),
        gas_heated_households=np.minimum(mains_gas, np.minimum(fossil, households)),
        land_area_ha=land_ha,
        observed_grid_intensity_kgco2e_per_kwh=_national(
            pack, "grid_electricity_generated_kgco2e_per_kwh"
        ),
        carbon_value_gbp_per_tco2e=_carbon_values(pack, years),
        reference_emissions_tco2e=reference,
        network_group_index=group_index,
        network_groups=group_labels,
        network_base_peak_kw=fes_peaks.base_peak_kw,
        network_fes_peak_kw=fes_peaks.fes_peak_kw,
        network_group_gsps=fes_peaks.gsps,
        population=basis.population[index] * shares["households"],
        existing_generation_mw=existing_generation_mw(pack, zone_features),
        history_years=basis.history_years,
        history_territorial_tco2e=basis.history_territorial_tco2e,
        history_scope_tco2=basis.history_scope_tco2,
        notes=(
            f"MSOA electricity weights from {year_e}; domestic gas weights from 2016.",
            f"Within-scope split from {min(base_year, SPLIT_YEAR)} scaled to {base_year}; "
            + (
                "out-of-scope emissions by the DESNZ full dataset's sectors."
                if basis.split_from_full_dataset
                else "out-of-scope emissions split by the documented method (T3)."
            ),
        ),
    )


def _territorial(pack, districts, base_year, a):
    """T1-T4 (territorial.py): the split-year within-scope energy and CO2 [D, NS, NC] taken to
    the base year's territorial total; returns the basis, energy kWh, CO2 kg and the
    non-energy emissions [D, NS] in t CO2e."""
    split_year = min(base_year, SPLIT_YEAR)
    energy, co2, _reference = _district_energy(pack, districts, split_year, a)
    waste_kg = 1e6 * np.array(
        [_value(pack, d, SUBSECTOR, "waste_management_other_ktco2", split_year) for d in districts]
    )
    grid = _national(pack, "grid_electricity_generated_kgco2e_per_kwh")
    try:
        basis = territorial_basis(pack, districts, base_year, split_year, co2, waste_kg, grid, a)
    except TerritorialError as error:
        raise InputError(str(error)) from None
    scale = basis.scope_scale[:, None, None]
    energy, co2 = energy * scale, co2 * scale
    co2[:, :, C["electricity"]] *= basis.electricity_factor_scale
    gap = basis.gap_tco2e.copy()
    gap[:, S["waste"]] += waste_kg * basis.scope_scale / 1000.0
    factor = {"other_fuels": "other_fuels_kgco2e_per_kwh", "road_fuel": "road_fuel_kgco2e_per_kwh"}
    for sector, carrier in COMBUSTION_GAP.items():  # T4: burnt fuel joins the energy
        burnt_kg = np.maximum(gap[:, S[sector]], 0.0) * 1000.0
        co2[:, S[sector], C[carrier]] += burnt_kg
        energy[:, S[sector], C[carrier]] += burnt_kg / a[factor[carrier]]
        gap[:, S[sector]] = np.minimum(gap[:, S[sector]], 0.0)
    return basis, energy, co2, gap


def _weight_for(sector: str, carrier: str) -> str:
    if sector == "domestic":
        return {"electricity": "dom_elec", "gas": "dom_gas"}.get(carrier, "off_gas")
    if sector in ("transport", "waste"):
        return "households"
    if sector == "agriculture":
        return "land"
    return "nondom"


def _end_uses() -> dict[tuple[str, str], str]:
    mapping = {}
    for sector, carrier in SOURCE_CO2:
        default = "power" if carrier == "electricity" else "heat"
        mapping[(sector, carrier)] = END_USE_OF.get((sector, carrier), default)
    return mapping


def _district_energy(pack, districts, year, a):
    """[D, NS, NC] kWh and kg CO2 per district, and [D, NS] DESNZ reference tCO2."""
    n = len(districts)
    co2_kg = np.zeros((n, len(SECTORS), len(CARRIERS)))
    energy = np.zeros_like(co2_kg)
    reference = np.full((n, len(SECTORS)), np.nan)
    for d, code in enumerate(districts):
        for (sector, carrier), variables in SOURCE_CO2.items():
            kt = sum(_value(pack, code, SUBSECTOR, v, year) for v in variables)
            co2_kg[d, S[sector], C[carrier]] = kt * 1e6
        for sector, variable in SECTOR_TOTAL.items():
            reference[d, S[sector]] = _value(pack, code, SUBSECTOR, variable, year) * 1000.0
        for carrier, dataset in (("electricity", "desnz-electricity-la"), ("gas", "desnz-gas-la")):
            gwh_dom = _value(pack, code, dataset, "domestic_consumption_gwh", year)
            gwh_nd = _value(pack, code, dataset, "non_domestic_consumption_gwh", year)
            energy[d, S["domestic"], C[carrier]] = gwh_dom * 1e6
            nd = [S[s] for s in NON_DOMESTIC]
            nd_co2 = co2_kg[d, nd, C[carrier]]
            split = nd_co2 / nd_co2.sum() if nd_co2.sum() > 0 else np.full(len(nd), 1 / len(nd))
            energy[d, nd, C[carrier]] = gwh_nd * 1e6 * split
        energy[d, :, C["other_fuels"]] = (
            co2_kg[d, :, C["other_fuels"]] / a["other_fuels_kgco2e_per_kwh"]
        )
        energy[d, :, C["road_fuel"]] = co2_kg[d, :, C["road_fuel"]] / a["road_fuel_kgco2e_per_kwh"]
    # Waste CO2 is non-energy: it enters the reference but no carrier.
    return energy, co2_kg, reference


def _national(pack, variable: str, scenario: str = "") -> dict[int, float]:
    return {
        row.year: row.value
        for row in pack.national_series
        if row.variable == variable and row.scenario == scenario
    }


def _factors(pack, year, a, energy, co2):
    """Calibrated base-year factors [Z, NS, NC]: CO2 / energy, national default where a
    zone has none of that carrier (new demand, e.g. electricity for transport)."""
    grid = _national(pack, "grid_electricity_generated_kgco2e_per_kwh")
    gas = _national(pack, "natural_gas_gross_cv_kgco2e_per_kwh")
    default = np.array(
        [
            np.interp(year, sorted(grid), [grid[y] for y in sorted(grid)]),
            np.interp(year, sorted(gas), [gas[y] for y in sorted(gas)]),
            a["other_fuels_kgco2e_per_kwh"],
            a["road_fuel_kgco2e_per_kwh"],
        ]
    )
    implied = np.divide(co2, energy, out=np.zeros_like(co2), where=energy > 0)
    return np.where(energy > 0, implied, default[None, None, :])


def _carbon_values(pack, years: np.ndarray) -> np.ndarray:
    values = _national(pack, "carbon_value_gbp_per_tco2e", "central")
    known = sorted(values)
    return np.interp(years, known, [values[y] for y in known])
