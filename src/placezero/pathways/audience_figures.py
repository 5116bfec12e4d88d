"""Figures the audience views derive from engine results: the zones of an area, milestone
years, lever impacts (wedges and MACC) and Monte Carlo bands (both cached per scenario),
the counterfactual with no new action, investable packages and the community opportunity
score. Pure functions of a `TableContext`: no request, no template.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from placezero.engine.dimensions import S
from placezero.engine.impacts import LeverImpact, lever_impacts
from placezero.engine.levers import MAX_LEVEL
from placezero.engine.results import Results
from placezero.engine.scenario import all_levels
from placezero.engine.simulate import simulate
from placezero.engine.uncertainty import Bands, place_uncertainty

from .tables import TableContext

MILESTONES = (2030, 2040, 2050)
# Monte Carlo on a page: small enough to answer in about a second, fixed seed so the page
# shows the same band every time. "Long runs" (the jobs pages) can run thousands.
PAGE_SAMPLES = 64
PAGE_SEED = 2050
KT = 1000.0  # tCO2e in a kilotonne
MW = 1000.0  # kW in a megawatt
MWH = 1000.0  # kWh in a megawatt hour

_memo: OrderedDict[tuple, Any] = OrderedDict()
_MEMO_SIZE = 32


def _cached[T](key: tuple, compute: Callable[[], T]) -> T:
    """A small least-recently-used cache keyed by place, pack digest and scenario: lever
    impacts run the engine once per lever and the Monte Carlo 64 times, so each page view
    must not repeat them."""
    if key in _memo:
        _memo.move_to_end(key)
        return _memo[key]
    value = compute()
    _memo[key] = value
    if len(_memo) > _MEMO_SIZE:
        _memo.popitem(last=False)
    return value


def _scenario_key(ctx: TableContext, what: str) -> tuple:
    # The scenario dataclass holds dicts (unhashable); its repr lists every setting.
    return (what, ctx.place.slug, ctx.place.pack_digest, repr(ctx.results.scenario))


def milestone_years(results: Results) -> list[int]:
    """The base year and the milestones the views report."""
    return [int(results.years[0]), *MILESTONES]


def area_sum(ctx: TableContext, zone_array: np.ndarray) -> np.ndarray:
    """Sum a [Z, ...] array over the zones of the chosen area."""
    return zone_array[ctx.zone_mask].sum(axis=0)


# --- counterfactual, lever impacts, uncertainty ----------------------------------------


def no_new_action(ctx: TableContext) -> Results:
    """The same place with every lever at level 1 (no new action): what savings and
    payback are measured against."""
    results = ctx.results
    key = ("no-new-action", ctx.place.slug, ctx.place.pack_digest)
    return _cached(key, lambda: simulate(results.inputs, all_levels(1), results.assumptions))


def impacts(ctx: TableContext) -> tuple[list[LeverImpact], float]:
    """Each moved lever's impact (scenario minus the same with that lever at level 1) and
    the interaction term (place totals; cached per scenario)."""
    results = ctx.results
    return _cached(
        _scenario_key(ctx, "impacts"),
        lambda: lever_impacts(results.inputs, results.scenario, results.assumptions),
    )


def bands(ctx: TableContext) -> Bands:
    """5th/50th/95th percentile bands from a Latin-hypercube Monte Carlo of PAGE_SAMPLES
    samples with a fixed seed over every assumption with a range (cached per scenario)."""
    results = ctx.results
    return _cached(
        _scenario_key(ctx, "bands"),
        lambda: place_uncertainty(
            results.inputs,
            results.scenario,
            results.assumptions,
            n_samples=PAGE_SAMPLES,
            seed=PAGE_SEED,
        ),
    )


# --- derived per-zone quantities ---------------------------------------------------------


def woodland_ha(results: Results) -> np.ndarray:
    """[Z, Y] woodland created since the base year, from the engine's woodland capital cost
    (hectares planted each year x cost per hectare): the engine does not report hectares."""
    cost_per_ha = results.assumptions["woodland_creation_cost_gbp_per_ha"]
    return np.cumsum(results.capex_by_item_gbp["woodland"], axis=1) / cost_per_ha


def decade_exceeded(year: int) -> str:
    """The class of the network map: when the zone's primary group first exceeds capacity."""
    if year <= 0:
        return NOT_BY_2050
    if year < 2030:
        return "Before 2030"
    if year < 2040:
        return "2030s"
    if year < 2050:
        return "2040s"
    return "2050"


NOT_BY_2050 = "Not by 2050"
DECADE_CLASSES = ("Before 2030", "2030s", "2040s", "2050", NOT_BY_2050)
# Red to yellow for sooner to later, grey-blue for never: distinct in greyscale too.
DECADE_COLOURS = ("#942514", "#d4351c", "#f47738", "#ffdd00", "#d2e2f1")


# --- investable packages -----------------------------------------------------------------


@dataclass(frozen=True)
class PackageKind:
    key: str
    title: str
    capex_items: tuple[str, ...]
    sectors: tuple[str, ...]  # whose fuel cost and emissions the package changes
    per_district: bool
    method: str


PACKAGE_KINDS: tuple[PackageKind, ...] = (
    PackageKind(
        "homes",
        "Domestic heat pumps and retrofit",
        ("heat_pumps", "retrofits"),
        ("domestic",),
        True,
        "Capital cost of heat pumps and retrofits; saving and emissions are the domestic "
        "sector's fuel cost and emissions against no new action.",
    ),
    PackageKind(
        "buildings",
        "Heat pumps and heat networks for workplaces and public buildings",
        ("non_domestic_heat_pumps", "heat_networks"),
        ("commercial", "public"),
        False,
        "Capital cost of non-domestic heat pumps and heat networks; saving and emissions are "
        "the commercial and public sectors' against no new action.",
    ),
    PackageKind(
        "transport",
        "EV charging, electric HGVs and network reinforcement",
        ("electric_vehicles", "electric_hgvs", "network_reinforcement"),
        ("transport",),
        False,
        "Capital cost of electric vehicles and HGVs (premium over fossil) and of the network "
        "reinforcement the new peak needs; saving and emissions are transport's against no "
        "new action.",
    ),
    PackageKind(
        "generation",
        "Ground and rooftop solar, onshore wind and storage",
        ("solar_rooftop", "solar_ground", "onshore_wind", "battery"),
        (),
        False,
        "Capital cost of the generation and batteries; saving is the local generation of the "
        "year valued at the assumed electricity price; emissions saved are that generation "
        "times the grid's carbon intensity in the year.",
    ),
    PackageKind(
        "industry",
        "Industrial electrification",
        ("industrial_electrification",),
        ("industry",),
        False,
        "Capital cost of switching process fuel to electricity; saving and emissions are "
        "industry's against no new action.",
    ),
    PackageKind(
        "woodland",
        "Woodland creation",
        ("woodland",),
        ("LULUCF",),
        False,
        "Capital cost of planting; no fuel saving; emissions saved are the land-use "
        "sector's against no new action.",
    ),
)


@dataclass(frozen=True)
class Package:
    title: str
    district: str  # district name, or the area's name for place-wide packages
    capex_gbp: float
    first_year: int | None
    last_year: int | None
    saving_gbp_per_year: float  # in the last model year
    emissions_saved_tco2e: float  # cumulative over the model years
    payback_years: float | None
    method: str


PAYBACK_HORIZON_YEARS = 25  # beyond the life of most of the kit: no payback worth showing


def payback_horizon(kind: PackageKind, results) -> float:
    """Years within which a simple payback means something: the heat pump lifetime for heat
    packages (the kit is bought again after it), else 25 years."""
    if kind.key in ("homes", "buildings"):
        return float(results.assumptions["heat_pump_lifetime_years"])
    return float(PAYBACK_HORIZON_YEARS)


def meaningful_payback(capex: float, saving: float, horizon: float) -> float | None:
    """Simple payback in whole years, only where it means something: a positive annual
    saving that repays the capital within `horizon` years; None otherwise."""
    if saving <= 0 or capex <= 0:
        return None
    years = capex / saving
    if years > horizon:
        return None
    return float(max(1, round(years)))


def packages(ctx: TableContext) -> list[Package]:
    """Deployment grouped into investable propositions, in the chosen area: domestic
    homes per district, the rest across the area. Only packages with capital spend."""
    results, baseline = ctx.results, no_new_action(ctx)
    inputs = results.inputs
    mask = ctx.zone_mask
    last = -1
    found = []
    for kind in PACKAGE_KINDS:
        if kind.per_district:
            groups = [
                (inputs.district_names[d], mask & (inputs.zone_district_index == d))
                for d in range(len(inputs.districts))
            ]
        else:
            groups = [(ctx.area_name, mask)]
        for label, zones in groups:
            if not zones.any():
                continue
            capex_by_year = sum(
                results.capex_by_item_gbp[i][zones].sum(axis=0) for i in kind.capex_items
            )
            capex = float(capex_by_year.sum())
            if capex <= 0:
                continue
            spent = np.nonzero(capex_by_year > 0)[0]
            if kind.key == "generation":
                generation = (results.generation_kwh[zones] - baseline.generation_kwh[zones]).sum(
                    axis=0
                )
                price = results.assumptions["electricity_price_gbp_per_kwh"]
                saving = float(generation[last] * price)
                saved = float((generation * results.grid_intensity_kgco2e_per_kwh).sum() / 1000.0)
            else:
                sectors = [S[s] for s in kind.sectors]
                fuel = (
                    baseline.fuel_cost_gbp[zones][:, :, sectors]
                    - results.fuel_cost_gbp[zones][:, :, sectors]
                )
                emissions = (
                    baseline.emissions_tco2e[zones][:, :, sectors]
                    - results.emissions_tco2e[zones][:, :, sectors]
                )
                saving = float(fuel[:, last].sum())
                if kind.key == "homes":  # homes off gas stop paying its standing charge
                    saving += float(
                        (baseline.domestic_standing_charges_gbp[zones, last]
                         - results.domestic_standing_charges_gbp[zones, last]).sum()
                    )  # fmt: skip
                saved = float(emissions.sum())
            found.append(
                Package(
                    title=kind.title if not kind.per_district else f"{kind.title}, {label}",
                    district=label,
                    capex_gbp=capex,
                    first_year=int(results.years[spent[0]]),
                    last_year=int(results.years[spent[-1]]),
                    saving_gbp_per_year=saving,
                    emissions_saved_tco2e=saved,
                    payback_years=meaningful_payback(capex, saving, payback_horizon(kind, results)),
                    method=kind.method,
                )
            )
    return found


def _difference(
    before: np.ndarray, after: np.ndarray, zones: np.ndarray, sectors: list[int]
) -> np.ndarray:
    """[Z', Y, S'] before minus after for the chosen zones and sectors."""
    return before[zones][:, :, sectors] - after[zones][:, :, sectors]


# --- community opportunity -----------------------------------------------------------------


GENERATION_KINDS = (
    ("solar_rooftop_mw", "rooftop solar"),
    ("solar_ground_mw", "ground-mounted solar"),
    ("onshore_wind_mw", "onshore wind"),
)
SCORE_METHOD = (
    "Opportunity score (0 to 100): the average of two percentile ranks among the zones shown "
    "— the local generation the scenario installs in the zone by 2050, and the electricity "
    "the zone still imports from the grid in 2050. A high score means room to generate and "
    "local demand to use it; the reason names the largest source and the import."
)


def _percentile_rank(values: np.ndarray) -> np.ndarray:
    """Each value's rank among the others as 0 to 100 (ties share the lower rank)."""
    if len(values) <= 1:
        return np.full(len(values), 100.0)
    order = np.searchsorted(np.sort(values), values, side="left")
    return 100.0 * order / (len(values) - 1)


POTENTIAL_LEVERS = ("rooftop_solar", "ground_solar", "onshore_wind")


def generation_potential_mw(ctx: TableContext) -> np.ndarray:
    """[Z] solar and wind MW the engine installs by the last year with the three generation
    levers at their highest level (other settings as in the scenario): the potential the
    levers allow, on the engine's own land and rooftop rules (cached per scenario)."""
    results = ctx.results

    def compute() -> np.ndarray:
        highest = results.scenario.with_levels(dict.fromkeys(POTENTIAL_LEVERS, MAX_LEVEL))
        most = simulate(results.inputs, highest, results.assumptions)
        return sum(most.deployment[key][:, -1] for key, _ in GENERATION_KINDS)

    return _cached(_scenario_key(ctx, "potential"), compute)


def opportunity(ctx: TableContext) -> list[dict[str, Any]]:
    """One row per zone of the area, best opportunity first (see SCORE_METHOD)."""
    results = ctx.results
    inputs = results.inputs
    mask = ctx.zone_mask
    codes = np.nonzero(mask)[0]
    generation = results.generation_kwh[codes, -1]
    imports = np.maximum(results.electricity_import_kwh[codes, -1], 0.0)
    score = (_percentile_rank(generation) + _percentile_rank(imports)) / 2.0
    potential = generation_potential_mw(ctx)[codes]
    rows = []
    for i, z in enumerate(codes):
        mw = {key: float(results.deployment[key][z, -1]) for key, _ in GENERATION_KINDS}
        biggest_key, biggest_name = max(GENERATION_KINDS, key=lambda kind: mw[kind[0]])
        reason = (
            f"{mw[biggest_key]:,.1f} MW of {biggest_name} by 2050"
            if mw[biggest_key] > 0
            else "No new generation in this scenario"
        )
        reason += (
            f"; still imports {imports[i] / MWH:,.0f} MWh a year"
            if imports[i] > 0
            else "; generates more than it uses over the year"
        )
        rows.append(
            {
                "zone": inputs.zones[z],
                "name": inputs.zone_names[z],
                "district": inputs.district_names[inputs.zone_district_index[z]],
                "solar_rooftop_mw": mw["solar_rooftop_mw"],
                "solar_ground_mw": mw["solar_ground_mw"],
                "onshore_wind_mw": mw["onshore_wind_mw"],
                "generation_mwh": float(generation[i] / MWH),
                "potential_mw": float(potential[i]),
                "potential_used_pct": (
                    100.0 * sum(mw.values()) / potential[i] if potential[i] > 0 else None
                ),
                "import_mwh": float(imports[i] / MWH),
                "score": float(score[i]),
                "reason": reason,
            }
        )
    rows.sort(key=lambda row: (-row["score"], row["zone"]))
    return rows
