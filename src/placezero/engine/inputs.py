"""PlaceInputs: the labelled dense arrays the engine computes on, for one place.

Arrays carry their unit in their name and their dimensions in their docstring line; labels
(zones, districts, sectors, end uses, carriers) sit beside them. `build_inputs(pack)` in
`pack_inputs.py` makes them from a place pack; `synthetic_inputs` makes synthetic ones of the
same shapes for benchmarks and property tests (documented as synthetic: never real figures).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .dimensions import CARRIERS, END_USES, SECTORS, C, S, U

END_YEAR = 2050


@dataclass(frozen=True)
class PlaceInputs:
    """Everything `simulate` needs about a place, as arrays.

    Dimensions: Z zones, D districts, NS sectors, NU end uses, NC carriers.
    - baseline_energy_kwh[Z, NS, NU, NC]: base-year final energy.
    - emission_factor_kgco2e_per_kwh[Z, NS, NC]: base-year factor (calibrated to DESNZ).
    - non_energy_emissions_tco2e[Z, NS]: base-year emissions not from fuel (waste, LULUCF).
    - households[Z], fossil_heated_households[Z], land_area_ha[Z].
    - zone_district_index[Z]: index into `districts`.
    - observed_grid_intensity_kgco2e_per_kwh: year -> national grid factor (observed).
    - carbon_value_gbp_per_tco2e[Y]: Green Book central carbon value for each model year.
    - network_group_index[Z]: the primary-substation group of each zone (optional).
    - reference_emissions_tco2e[D, NS]: the DESNZ base-year figures the baseline was built
      from (for calibration checks); NaN where the source has no figure.
    """

    place: str
    zones: tuple[str, ...]
    zone_names: tuple[str, ...]
    districts: tuple[str, ...]
    district_names: tuple[str, ...]
    zone_district_index: np.ndarray
    base_year: int
    baseline_energy_kwh: np.ndarray
    emission_factor_kgco2e_per_kwh: np.ndarray
    non_energy_emissions_tco2e: np.ndarray
    households: np.ndarray
    fossil_heated_households: np.ndarray
    land_area_ha: np.ndarray
    observed_grid_intensity_kgco2e_per_kwh: dict[int, float]
    carbon_value_gbp_per_tco2e: np.ndarray
    reference_emissions_tco2e: np.ndarray
    synthetic: bool = False
    notes: tuple[str, ...] = field(default=())
    # Zones fed by one primary substation share its capacity: network_group_index[Z] indexes
    # network_groups (labels). None = every zone is its own group.
    network_group_index: np.ndarray | None = None
    network_groups: tuple[str, ...] = ()
    # [G] base-year peak of each group from FES 2023 GSP peaks shared among NGED primaries
    # (network_data.py, N1-N3); NaN where not derived (the engine's own peak is used there).
    # None = no FES-derived peaks (synthetic inputs, a place without NGED primaries).
    network_base_peak_kw: np.ndarray | None = None
    # FES scenario -> [G, Y] the same peaks per model year (for comparison on the pages).
    network_fes_peak_kw: dict[str, np.ndarray] = field(default_factory=dict)
    network_group_gsps: tuple[str, ...] = ()
    # [Z] residents (DESNZ mid-year population shared by households); None = 2.4 per home.
    population: np.ndarray | None = None
    # DESNZ's own totals for the years from 2019 to the base year (territorial.py, T5):
    # [D, H] territorial t CO2e and within-scope t CO2; empty for synthetic inputs.
    history_years: tuple[int, ...] = ()
    history_territorial_tco2e: np.ndarray | None = None
    history_scope_tco2: np.ndarray | None = None
    basis: str = "territorial"
    # [Z] homes heated by mains gas (Census 2021 TS046); None = the gas share of fossil heat
    # times the fossil-heated homes.
    gas_heated_households: np.ndarray | None = None
    # [Z, 2] operational solar and onshore wind MW (REPD): local generation before any lever.
    existing_generation_mw: np.ndarray | None = None

    sectors: tuple[str, ...] = SECTORS
    end_uses: tuple[str, ...] = END_USES
    carriers: tuple[str, ...] = CARRIERS

    def __post_init__(self) -> None:
        n_zones = len(self.zones)
        expected = {
            "baseline_energy_kwh": (n_zones, len(SECTORS), len(END_USES), len(CARRIERS)),
            "emission_factor_kgco2e_per_kwh": (n_zones, len(SECTORS), len(CARRIERS)),
            "non_energy_emissions_tco2e": (n_zones, len(SECTORS)),
            "households": (n_zones,),
            "fossil_heated_households": (n_zones,),
            "land_area_ha": (n_zones,),
            "zone_district_index": (n_zones,),
            "carbon_value_gbp_per_tco2e": (len(self.years),),
            "reference_emissions_tco2e": (len(self.districts), len(SECTORS)),
        }
        for name, shape in expected.items():
            array = getattr(self, name)
            if array.shape != shape:
                raise ValueError(f"PlaceInputs.{name} has shape {array.shape}, expected {shape}.")
        optional = {
            "population": (n_zones,),
            "existing_generation_mw": (n_zones, 2),
            "gas_heated_households": (n_zones,),
        }
        for name, shape in optional.items():
            array = getattr(self, name)
            if array is not None and array.shape != shape:
                raise ValueError(f"PlaceInputs.{name} has shape {array.shape}, expected {shape}.")
        for name in ("baseline_energy_kwh", "households", "fossil_heated_households"):
            array = getattr(self, name)
            if not np.all(np.isfinite(array)) or np.any(array < 0):
                raise ValueError(f"PlaceInputs.{name} must be finite and not negative.")

    @property
    def group_index(self) -> np.ndarray:
        """[Z] network group of each zone (each zone its own group when none are given)."""
        if self.network_group_index is None:
            return np.arange(len(self.zones))
        return self.network_group_index

    @property
    def residents(self) -> np.ndarray:
        """[Z] residents; households x 2.4 (England's mean household size, Census 2021 TS017)
        where the pack gives no population."""
        if self.population is None:
            return self.households * 2.4
        return self.population

    @property
    def years(self) -> np.ndarray:
        return np.arange(self.base_year, END_YEAR + 1)

    @property
    def district_of_zone(self) -> tuple[str, ...]:
        return tuple(self.districts[i] for i in self.zone_district_index)

    def district_sum(self, zone_array: np.ndarray) -> np.ndarray:
        """Sum a [Z, ...] array to [D, ...] by district."""
        out = np.zeros((len(self.districts), *zone_array.shape[1:]))
        np.add.at(out, self.zone_district_index, zone_array)
        return out


def synthetic_inputs(n_zones: int, seed: int = 0, n_districts: int | None = None) -> PlaceInputs:
    """Synthetic inputs of realistic magnitude for benchmarks and property tests.

    SYNTHETIC: the numbers are random draws around typical English MSOA magnitudes (about
    3,000 households, 10 GWh of electricity, 35 GWh of gas); they describe no real place.
    """
    rng = np.random.default_rng(seed)
    n_districts = n_districts or max(1, n_zones // 16)
    households = rng.uniform(1500, 5000, n_zones).round()
    energy = np.zeros((n_zones, len(SECTORS), len(END_USES), len(CARRIERS)))
    per_home = rng.uniform(0.7, 1.3, n_zones)
    energy[:, S["domestic"], U["power"], C["electricity"]] = households * 3300 * per_home
    energy[:, S["domestic"], U["heat"], C["gas"]] = households * 11500 * per_home
    energy[:, S["domestic"], U["heat"], C["other_fuels"]] = households * rng.uniform(
        0, 2000, n_zones
    )
    for sector in ("commercial", "public"):
        scale = rng.uniform(0.2, 2.0, n_zones) * households
        energy[:, S[sector], U["power"], C["electricity"]] = scale * 1500
        energy[:, S[sector], U["heat"], C["gas"]] = scale * 2500
        energy[:, S[sector], U["heat"], C["other_fuels"]] = scale * 50
    industry = rng.lognormal(0, 1, n_zones) * households
    energy[:, S["industry"], U["power"], C["electricity"]] = industry * 2000
    energy[:, S["industry"], U["other"], C["gas"]] = industry * 3000
    energy[:, S["industry"], U["other"], C["other_fuels"]] = industry * 1500
    energy[:, S["transport"], U["road_vehicles"], C["road_fuel"]] = households * 14000
    energy[:, S["transport"], U["other"], C["other_fuels"]] = households * 300
    land = rng.uniform(100, 8000, n_zones)
    energy[:, S["agriculture"], U["power"], C["electricity"]] = land * 300
    energy[:, S["agriculture"], U["other"], C["gas"]] = land * 200
    energy[:, S["agriculture"], U["other"], C["other_fuels"]] = land * 800
    factors = np.zeros((n_zones, len(SECTORS), len(CARRIERS)))
    factors[:, :, C["electricity"]] = 0.2556
    factors[:, :, C["gas"]] = 0.18385
    factors[:, :, C["other_fuels"]] = 0.26
    factors[:, :, C["road_fuel"]] = 0.25
    non_energy = np.zeros((n_zones, len(SECTORS)))
    non_energy[:, S["waste"]] = households * rng.uniform(0, 0.3, n_zones)
    base_year = 2023
    years = np.arange(base_year, END_YEAR + 1)
    return PlaceInputs(
        place=f"synthetic-{n_zones}",
        zones=tuple(f"Z{i:05d}" for i in range(n_zones)),
        zone_names=tuple(f"Synthetic zone {i}" for i in range(n_zones)),
        districts=tuple(f"D{i:03d}" for i in range(n_districts)),
        district_names=tuple(f"Synthetic district {i}" for i in range(n_districts)),
        zone_district_index=np.sort(rng.integers(0, n_districts, n_zones)),
        base_year=base_year,
        baseline_energy_kwh=energy,
        emission_factor_kgco2e_per_kwh=factors,
        non_energy_emissions_tco2e=non_energy,
        households=households,
        fossil_heated_households=households * rng.uniform(0.7, 0.98, n_zones),
        land_area_ha=land,
        observed_grid_intensity_kgco2e_per_kwh={2021: 0.21233, 2023: 0.207074},
        carbon_value_gbp_per_tco2e=np.linspace(250.0, 390.0, len(years)),
        reference_emissions_tco2e=np.full((n_districts, len(SECTORS)), np.nan),
        synthetic=True,
        notes=("SYNTHETIC inputs: random magnitudes, not a real place.",),
    )
