"""The FES check: the engine's physics against National Grid ESO's Future Energy Scenarios.

`fes_scenario(pack)` takes FES 2023 deployment for each district as explicit lever
trajectories - heat pumps, electric vehicles, solar MW, and the share of industrial and
commercial customers with a heat pump - counted from FES's first year (2022), so the engine
adds to its own base year what FES adds after 2022. FES's district figures are its own
apportionment of grid-supply-point totals, and its count of domestic customers in a district
can differ from the real one (North West Leicestershire: 40,787 in FES against 46,842 DESNZ
domestic electricity meters in 2021). So domestic heat pumps and vehicles are taken as FES's
deployment *per domestic customer*, multiplied by the district's real domestic meters
(DESNZ sub-national electricity, latest year in the pack) - the usual way a local energy plan
localises FES. Solar MW are taken as FES states them. `fes_check` runs it and compares each
district's growth in annual electricity demand with FES's own demand building block
(Dem_BB003, which includes network losses: so growth is compared, not levels). Plug-in
hybrids count as electric vehicles and hybrid heat pumps as heat pumps (a simplification
that slightly overstates their electricity use):

    engine index(y) = D_engine(y) / D_engine(base year)
    FES index(y)    = Dem_BB003(y) / Dem_BB003(2022)
    difference      = engine index / FES index - 1      (must be within +-15 %)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .assumptions import Assumptions
from .inputs import PlaceInputs
from .scenario import Scenario, scenario_from_mapping
from .simulate import simulate

FES = "fes-2023"
FES_BASE_YEAR = 2022
CHECK_YEARS = (2030, 2040, 2050)
TOLERANCE = 0.15
# lever -> FES variables summed (all counts or MW from fes2023-lad)
DEPLOYMENT_BLOCKS: dict[str, tuple[str, ...]] = {
    "domestic_heat_pumps": ("domestic_heat_pumps_count", "domestic_hybrid_heat_pumps_count"),
    "car_van_electrification": (
        "battery_electric_light_vehicles_count",
        "plug_in_hybrid_light_vehicles_count",
    ),
    "hgv_decarbonisation": (
        "battery_electric_other_vehicles_count",
        "plug_in_hybrid_other_vehicles_count",
    ),
    "rooftop_solar": ("solar_small_mw",),
    "ground_solar": ("solar_large_mw",),
}


# levers whose FES counts scale with the district's domestic customers (see module docstring)
PER_DOMESTIC_CUSTOMER = {"domestic_heat_pumps", "car_van_electrification", "hgv_decarbonisation"}
REAL_METERS = ("desnz-electricity-la", "domestic_meters_thousands")


class FesDataError(ValueError):
    """The pack lacks the FES 2023 figures the check needs."""


def customer_scale(pack: Any, district: str, scenario: str = "CT") -> float:
    """Real domestic electricity meters / FES domestic customers, for one district."""
    meters = pack.area_series(district, *REAL_METERS)
    fes_customers = _series(pack, district, ("domestic_customers_count",), scenario)
    if not meters:
        raise FesDataError(
            f"the pack has no DESNZ domestic electricity meters for {district}: the FES check "
            "scales FES deployment per customer to the real number of meters. Rebuild the pack "
            "with the sub-national electricity statistics."
        )
    real_customers = meters[max(meters)] * 1000.0
    return real_customers / fes_customers[FES_BASE_YEAR]


def _series(pack: Any, district: str, variables: tuple[str, ...], scenario: str):
    parts = [pack.area_series(district, FES, v, scenario) for v in variables]
    if not all(FES_BASE_YEAR in part for part in parts):
        raise FesDataError(
            f"the pack has no FES 2023 {scenario!r} figures ({', '.join(variables)}) for "
            f"{district} from {FES_BASE_YEAR}: the FES check compares district demand with "
            "the FES 2023 regional building blocks (fes2023-lad), and the shared file holds "
            "them only for the eight Leicestershire and Leicester authorities, so this place "
            "cannot be checked against FES by district. Download the full FES 2023 regional "
            "breakdown from National Grid ESO's data portal into fes2023-lad/ and rebuild the "
            "pack to check it; the scenario code must be one of CT, LW, ST, FS."
        )
    return {year: sum(p[year] for p in parts) for year in parts[0]}


def fes_scenario_mapping(pack: Any, districts: tuple[str, ...], scenario: str = "CT") -> dict:
    """A scenario mapping (ready for YAML) with FES deployment as explicit trajectories."""
    trajectories: dict[str, dict[str, dict[int, float]]] = {}
    scales = {district: customer_scale(pack, district, scenario) for district in districts}
    for lever, variables in DEPLOYMENT_BLOCKS.items():
        trajectories[lever] = {}
        for district in districts:
            series = _series(pack, district, variables, scenario)
            start = series[FES_BASE_YEAR]
            scale = scales[district] if lever in PER_DOMESTIC_CUSTOMER else 1.0
            trajectories[lever][district] = {
                y: round(max(v - start, 0.0) * scale, 3) for y, v in series.items()
            }
    ic_share: dict[str, dict[int, float]] = {}
    for district in districts:
        pumps = _series(
            pack, district, ("ic_heat_pumps_count", "ic_hybrid_heat_pumps_count"), scenario
        )
        customers = _series(pack, district, ("ic_customers_count",), scenario)
        share0 = pumps[FES_BASE_YEAR] / customers[FES_BASE_YEAR]
        ic_share[district] = {
            y: round(min(max(pumps[y] / customers[y] - share0, 0.0), 1.0), 5) for y in pumps
        }
    trajectories["non_domestic_efficiency_electrification"] = ic_share
    return {
        "name": f"fes-2023-{scenario.lower()}",
        "description": (
            f"National Grid ESO FES 2023 '{scenario}' deployment per district (heat pumps, "
            "electric vehicles, solar MW, share of I&C customers with a heat pump), counted "
            "from 2022; heat pumps and vehicles per FES domestic customer, applied to the "
            "district's real domestic meters. Levers FES does not set stay at level 1."
        ),
        "levers": {},
        "trajectories": trajectories,
    }


def fes_scenario(pack: Any, districts: tuple[str, ...], scenario: str = "CT") -> Scenario:
    return scenario_from_mapping(fes_scenario_mapping(pack, districts, scenario))


@dataclass(frozen=True)
class FesComparison:
    district: str
    district_name: str
    year: int
    engine_index: float
    fes_index: float

    @property
    def difference(self) -> float:
        return self.engine_index / self.fes_index - 1.0

    @property
    def within_tolerance(self) -> bool:
        return abs(self.difference) <= TOLERANCE


def fes_check(
    pack: Any,
    inputs: PlaceInputs,
    scenario: Scenario,
    assumptions: Assumptions | None = None,
    fes_code: str = "CT",
) -> list[FesComparison]:
    results = simulate(inputs, scenario, assumptions)
    demand = results.by_district(results.electricity_demand_kwh)
    rows = []
    for d, district in enumerate(inputs.districts):
        fes = _series(pack, district, ("annual_demand_gwh",), fes_code)
        for year in CHECK_YEARS:
            y = year - inputs.base_year
            rows.append(
                FesComparison(
                    district,
                    inputs.district_names[d],
                    year,
                    float(demand[d, y] / demand[d, 0]),
                    fes[year] / fes[FES_BASE_YEAR],
                )
            )
    return rows


def format_comparison(rows: list[FesComparison], base_year: int) -> str:
    lines = [
        f"Electricity demand growth: engine (from {base_year}) vs FES 2023 Dem_BB003 "
        f"(from {FES_BASE_YEAR}); tolerance {TOLERANCE:.0%}",
        f"{'district':<28}{'year':>6}{'engine':>9}{'FES':>9}{'diff':>9}  ok",
    ]
    for row in rows:
        ok = "yes" if row.within_tolerance else "NO"
        lines.append(
            f"{row.district_name[:27]:<28}{row.year:>6}{row.engine_index:>9.3f}"
            f"{row.fes_index:>9.3f}{row.difference:>9.1%}  {ok}"
        )
    bad = sum(not row.within_tolerance for row in rows)
    lines.append(f"{len(rows) - bad} of {len(rows)} within tolerance.")
    return "\n".join(lines)
