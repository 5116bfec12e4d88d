"""The territorial basis: a place's base year equal to DESNZ territorial emissions.

DESNZ publishes, per local authority and year, territorial greenhouse gas emissions (every
sector and gas, kt CO2e, net of land use) and CO2 within the scope of influence of local
authorities (kt CO2). The sub-sector detail the engine builds its energy baseline from covers
only the within-scope CO2. This module takes that baseline to the territorial total of the base
year (docs/method/territorial.md, equations T1-T5):

T1. Scale the within-scope baseline of the split year (the last year every energy source
    covers) to the base year's within-scope total: one factor per district on all energy, the
    electricity emission factor following the national grid factor between the two years.
T2. The gap G = territorial - within scope is what the scope table leaves out: non-CO2 gases
    (agricultural methane and nitrous oxide, landfill methane), large industrial
    installations, motorways, diesel rail and land use.
T3. With the DESNZ full dataset in the pack (`desnz-la-ghg-sectors`), G is split by its real
    sectors. Without it, G is split by a documented method: agriculture non-CO2 by land area,
    waste non-CO2 by population (national intensities, cited in the assumptions table), the
    remainder between industry (installations) and transport (motorways, rail) in proportion
    to their within-scope CO2; a negative gap is a net land-use sink.
T4. Industry and transport gaps are combustion: they join the industry "other fuels" and the
    road fuel energy, so the fuel-switching and vehicle levers act on them. The others are
    non-energy emissions the agriculture, waste and land-use levers act on.
T5. History years (2019 to the base year) are DESNZ's own totals, not modelled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .assumptions import Assumptions
from .dimensions import SECTORS, C, S

# What every pathway figure measures (pages, tables, the plan on a page and its PDF).
BASIS_LABEL = (
    "DESNZ territorial greenhouse gas emissions: every sector and gas (carbon dioxide, "
    "methane, nitrous oxide), net of land use and removals, in CO2 equivalent"
)
TOTALS = "desnz-la-ghg"
SECTOR_SPLIT = "desnz-la-ghg-sectors"
TERRITORIAL_VARIABLE = "territorial_emissions_ktco2e"
SCOPE_VARIABLE = "scope_emissions_ktco2"
POPULATION_VARIABLE = "population_thousands"
AREA_VARIABLE = "area_km2"
HISTORY_FROM = 2019
# Sectors whose out-of-scope emissions are fuel burnt (T4): sector -> carrier they join.
COMBUSTION_GAP = {"industry": "other_fuels", "transport": "road_fuel"}
SPLIT_KEYS = {sector: sector.lower() for sector in SECTORS}  # LULUCF -> lulucf


class TerritorialError(ValueError):
    """The pack lacks the DESNZ territorial figures the base year needs."""


@dataclass(frozen=True)
class TerritorialBasis:
    """Per district: the T1 scale, the gap split [D, NS] (t CO2e) and the DESNZ figures."""

    scope_scale: np.ndarray  # [D] T1 factor on the split-year energy
    electricity_factor_scale: float  # grid factor base year / split year
    gap_tco2e: np.ndarray  # [D, NS] out-of-scope emissions by sector (T3)
    territorial_tco2e: np.ndarray  # [D] DESNZ territorial, base year
    scope_tco2: np.ndarray  # [D] DESNZ within scope, base year
    population: np.ndarray  # [D] persons, base year
    history_years: tuple[int, ...]
    history_territorial_tco2e: np.ndarray  # [D, H]
    history_scope_tco2: np.ndarray  # [D, H]
    split_from_full_dataset: bool


def series(pack: Any, code: str, dataset: str, variable: str) -> dict[int, float]:
    return pack.area_series(code, dataset, variable)


def _required(pack: Any, code: str, variable: str, year: int) -> float:
    values = series(pack, code, TOTALS, variable)
    if year not in values:
        have = f"{min(values)}-{max(values)}" if values else "no years"
        raise TerritorialError(
            f"{TOTALS}/{variable} for {code} has no value for {year} (pack has {have}). "
            "Rebuild the pack from the DESNZ local authority greenhouse gas totals that cover "
            "that year, or choose a base year the pack covers (--base-year)."
        )
    return values[year]


def territorial_basis(
    pack: Any,
    districts: list[str],
    base_year: int,
    split_year: int,
    split_co2_kg: np.ndarray,
    split_waste_kg: np.ndarray,
    grid_factor: dict[int, float],
    a: Assumptions,
) -> TerritorialBasis:
    """T1-T5 for every district. split_co2_kg[D, NS, NC] is the split-year within-scope CO2
    by sector and carrier; split_waste_kg[D] the split-year within-scope waste CO2."""
    n = len(districts)
    territorial = np.array([_required(pack, d, TERRITORIAL_VARIABLE, base_year) for d in districts])
    scope = np.array([_required(pack, d, SCOPE_VARIABLE, base_year) for d in districts])
    population = np.array([_required(pack, d, POPULATION_VARIABLE, base_year) for d in districts])
    area_km2 = np.array([_required(pack, d, AREA_VARIABLE, base_year) for d in districts])
    e_scale = _grid(grid_factor, base_year) / _grid(grid_factor, split_year)
    electricity = split_co2_kg[:, :, C["electricity"]].sum(axis=1)
    other = split_co2_kg.sum(axis=(1, 2)) - electricity + split_waste_kg
    modelled_kg = other + electricity * e_scale  # T1: the split year at base-year factors
    scale = np.divide(scope * 1e6, modelled_kg, out=np.ones(n), where=modelled_kg > 0)
    full = _full_dataset_gap(pack, districts, base_year)
    if full is not None:
        gap = full
    else:
        sector_scope = split_co2_kg.sum(axis=2) * scale[:, None] / 1000.0  # t
        gap = split_gap(
            (territorial - scope) * 1000.0,
            area_km2 * 100.0,
            population * 1000.0,
            sector_scope[:, S["industry"]],
            sector_scope[:, S["transport"]],
            a,
        )
    years = tuple(range(min(HISTORY_FROM, base_year), base_year + 1))
    history_t = np.array(
        [[_required(pack, d, TERRITORIAL_VARIABLE, y) for y in years] for d in districts]
    )
    history_s = np.array(
        [[_required(pack, d, SCOPE_VARIABLE, y) for y in years] for d in districts]
    )
    return TerritorialBasis(
        scope_scale=scale,
        electricity_factor_scale=e_scale,
        gap_tco2e=gap,
        territorial_tco2e=territorial * 1000.0,
        scope_tco2=scope * 1000.0,
        population=population * 1000.0,
        history_years=years,
        history_territorial_tco2e=history_t * 1000.0,
        history_scope_tco2=history_s * 1000.0,
        split_from_full_dataset=full is not None,
    )


def split_gap(
    gap_tco2e: np.ndarray,
    land_ha: np.ndarray,
    population: np.ndarray,
    industry_scope_tco2: np.ndarray,
    transport_scope_tco2: np.ndarray,
    a: Assumptions,
) -> np.ndarray:
    """[D, NS] T3 without the full dataset: the gap split by the documented method. Every
    district's row sums to its gap exactly."""
    out = np.zeros((len(gap_tco2e), len(SECTORS)))
    positive = np.maximum(gap_tco2e, 0.0)
    agriculture = np.minimum(positive, land_ha * a["agriculture_non_co2_tco2e_per_ha"])
    waste = np.minimum(positive - agriculture, population * a["waste_non_co2_tco2e_per_person"])
    rest = positive - agriculture - waste
    both = industry_scope_tco2 + transport_scope_tco2
    industry_part = np.divide(
        industry_scope_tco2, both, out=np.full(len(both), 0.5), where=both > 0
    )
    out[:, S["agriculture"]] = agriculture
    out[:, S["waste"]] = waste
    out[:, S["industry"]] = rest * industry_part
    out[:, S["transport"]] = rest * (1.0 - industry_part)
    out[:, S["LULUCF"]] = np.minimum(gap_tco2e, 0.0)  # a net sink where scope > territorial
    return out


def _full_dataset_gap(pack: Any, districts: list[str], year: int) -> np.ndarray | None:
    """[D, NS] territorial minus within scope by the DESNZ full dataset's own sectors, or
    None when the pack was built without it."""
    out = np.zeros((len(districts), len(SECTORS)))
    for d, code in enumerate(districts):
        for s, sector in enumerate(SECTORS):
            key = SPLIT_KEYS[sector]
            territorial = series(pack, code, SECTOR_SPLIT, f"{key}_territorial_ktco2e")
            if not territorial:
                return None
            if year not in territorial:
                raise TerritorialError(
                    f"{SECTOR_SPLIT}/{key}_territorial_ktco2e for {code} has no value for "
                    f"{year}: rebuild the pack with a DESNZ full dataset covering {year}."
                )
            scope = series(pack, code, SECTOR_SPLIT, f"{key}_scope_ktco2e").get(year, 0.0)
            out[d, s] = (territorial[year] - scope) * 1000.0
    return out


def _grid(factors: dict[int, float], year: int) -> float:
    known = sorted(factors)
    if not known:
        raise TerritorialError("the pack has no grid electricity emission factors.")
    return float(np.interp(year, known, [factors[y] for y in known]))
