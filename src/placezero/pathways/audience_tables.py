"""The tables of the five audience views (public, officers, investors, network, community).

Each is computed from the engine's results for the page's scenario and area, registered in
the shared table registry so the page, its chart and every download hold the same figures.
Tables with one row per zone name their zone column (`zone_key`) for GeoJSON export.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from placezero.engine.dimensions import SECTORS, S
from placezero.places import services as places
from placezero.places.options import TargetScope

from . import audience_figures as figures
from .labels import CAPEX_LABELS, SECTOR_LABELS, TECHNOLOGY_LABELS
from .tables import Column, Table, TableContext, register_table

PERIOD_STARTS = (2025, 2030, 2035, 2040, 2045)


def _sector_columns() -> tuple[Column, ...]:
    return tuple(Column(s, SECTOR_LABELS[s], "tCO2e") for s in SECTORS)


def _sector_row(ctx: TableContext, y: int) -> dict[str, float]:
    emissions = figures.area_sum(ctx, ctx.results.emissions_tco2e[:, y, :])
    row = {s: float(emissions[S[s]]) for s in SECTORS}
    row["total"] = float(emissions.sum())
    return row


# --- targets -------------------------------------------------------------------------------


def net_zero_target(ctx: TableContext) -> dict[str, Any] | None:
    """The current area-wide net zero target of the chosen district, else of the county
    (from the place's target records); None when none is recorded."""
    found = {}
    for target, history in places.target_history(ctx.place):
        if target.scope == TargetScope.AREA and history:
            found[target.area.code] = (target, history[-1])
    chosen = found.get(ctx.area_code or "") or next(
        (v for v in found.values() if v[0].area.kind == "county"), None
    )
    if chosen is None:
        return None
    target, version = chosen
    return {"year": version.net_zero_year, "area": target.area.name, "decision": version.decision}


def target_path_tco2e(ctx: TableContext, net_zero_year: int) -> np.ndarray:
    """[Y] base-year emissions of the area falling in a straight line to zero in the net
    zero year: the same method as `Results.carbon_budget_tco2e`."""
    results = ctx.results
    years = results.years
    base = figures.area_sum(ctx, results.total_emissions_tco2e[:, 0])
    return base * np.clip((net_zero_year - years) / (net_zero_year - years[0]), 0, 1)


# Years are written as text in rows: they are labels, not quantities (no "2,030").


# --- public ----------------------------------------------------------------------------------


@register_table("public", "emissions-by-sector")
def public_emissions_by_sector(ctx: TableContext) -> Table:
    rows = []
    for year in figures.milestone_years(ctx.results):
        y = ctx.year_index(year)
        rows.append({"year": str(year), **_sector_row(ctx, y)})
    return Table(
        "emissions-by-sector",
        f"Where emissions come from in {ctx.area_name}: base year and milestones, "
        f"{ctx.scenario_name}",
        (Column("year", "Year"), *_sector_columns(), Column("total", "Total", "tCO2e")),
        tuple(rows),
        notes=("Land use and trees is negative where woodland takes up more carbon than the "
               "land emits.",),
    )  # fmt: skip


@register_table("public", "pathway-to-target")
def public_pathway_to_target(ctx: TableContext) -> Table:
    results = ctx.results
    total = figures.area_sum(ctx, results.total_emissions_tco2e)
    target = net_zero_target(ctx)
    columns = [Column("year", "Year"), Column("scenario", ctx.scenario_name, "tCO2e")]
    path = None
    notes = []
    if target is not None:
        path = target_path_tco2e(ctx, target["year"])
        columns.append(
            Column("target_path", f"Straight line to net zero by {target['year']}", "tCO2e")
        )
        notes.append(
            f"Target: {target['area']}, net zero by {target['year']} ({target['decision']})"
        )
    else:
        notes.append("No net zero target is recorded for this area.")
    rows = []
    for y, year in enumerate(results.years):
        row = {"year": str(year), "scenario": float(total[y])}
        if path is not None:
            row["target_path"] = float(path[y])
        rows.append(row)
    return Table(
        "pathway-to-target",
        f"Emissions in {ctx.area_name} each year against the net zero target",
        tuple(columns),
        tuple(rows),
        notes=tuple(notes),
    )


HOMES_AND_STREETS = (
    ("Homes", "heat_pumps"),
    ("Homes", "retrofits"),
    ("Homes", "heat_network_connections"),
    ("Streets", "electric_vehicles"),
    ("Streets", "electric_hgvs"),
)
FIELDS_AND_ROOFS = (
    ("Roofs", "solar_rooftop_mw"),
    ("Fields", "solar_ground_mw"),
    ("Fields", "onshore_wind_mw"),
    ("Substations and homes", "battery_mw"),
)


def deployment_rows(
    ctx: TableContext, measures: tuple[tuple[str, str], ...], years: tuple[int, ...]
) -> list[dict[str, Any]]:
    """One row per technology: where it goes, what, its unit and the stock added since the
    base year by each of the years."""
    results = ctx.results
    rows = []
    for where, tech in measures:
        label, unit = TECHNOLOGY_LABELS[tech]
        values = figures.area_sum(ctx, results.deployment[tech])
        rows.append(
            {"where": where, "what": label, "unit": unit}
            | {f"y{y}": float(values[ctx.year_index(y)]) for y in years}
        )
    return rows


def _deployment_columns(years: tuple[int, ...], unit: str, decimals: int) -> tuple[Column, ...]:
    return (
        Column("where", "Where"),
        Column("what", "What"),
        *(Column(f"y{y}", f"By {y}", unit, decimals) for y in years),
    )


@register_table("public", "what-changes")
def public_what_changes(ctx: TableContext) -> Table:
    return Table(
        "what-changes",
        f"What changes in homes and streets in {ctx.area_name} (added since "
        f"{int(ctx.results.years[0])})",
        _deployment_columns(figures.MILESTONES, "count", 0),
        tuple(deployment_rows(ctx, HOMES_AND_STREETS, figures.MILESTONES)),
    )


@register_table("public", "what-changes-fields")
def public_what_changes_fields(ctx: TableContext) -> Table:
    results = ctx.results
    rows = deployment_rows(ctx, FIELDS_AND_ROOFS, figures.MILESTONES)
    woodland = figures.area_sum(ctx, figures.woodland_ha(results))
    rows.append(
        {"where": "Fields", "what": "New woodland (hectares, not MW)", "unit": "hectares"}
        | {f"y{y}": float(woodland[ctx.year_index(y)]) for y in figures.MILESTONES}
    )
    return Table(
        "what-changes-fields",
        f"What changes on roofs and in fields in {ctx.area_name} (added since "
        f"{int(results.years[0])})",
        (
            Column("where", "Where"),
            Column("what", "What"),
            *(Column(f"y{y}", f"By {y}", "MW; woodland ha", 1) for y in figures.MILESTONES),
        ),
        tuple(rows),
        notes=("Woodland hectares are the engine's woodland planting cost divided by the "
               "assumed cost per hectare.",),
    )  # fmt: skip


def zone_rows(ctx: TableContext) -> list[dict[str, Any]]:
    """One row per zone of the area: identity and the figures the public map and officers'
    map colour by."""
    results = ctx.results
    inputs = results.inputs
    base = 0
    y2030, y2050 = (ctx.year_index(y) for y in (2030, 2050))
    total = results.total_emissions_tco2e
    households = np.maximum(inputs.households, 1.0)
    rows = []
    for z in np.nonzero(ctx.zone_mask)[0]:
        first = float(total[z, base])
        rows.append(
            {
                "zone": inputs.zones[z],
                "name": inputs.zone_names[z],
                "district": inputs.district_names[inputs.zone_district_index[z]],
                "emissions_base": first,
                "emissions_2030": float(total[z, y2030]),
                "emissions_2050": float(total[z, y2050]),
                "reduction_2030_pct": (100.0 * (first - total[z, y2030]) / first)
                if first
                else None,
                "domestic_per_household_2030": float(
                    results.emissions_tco2e[z, y2030, S["domestic"]] / households[z]
                ),
                "peak_2050_mw": float(results.network.peak_kw[z, y2050] / figures.MW),
                "capex_total_gbp": float(results.capex_gbp[z].sum()),
                "heat_pumps_2050": float(results.deployment["heat_pumps"][z, y2050]),
                "generation_2050_mwh": float(results.generation_kwh[z, y2050] / figures.MWH),
                "bill_2050_gbp": float(results.domestic_bill_gbp_per_household[z, y2050]),
                "reinforcement_gbp": float(
                    results.capex_by_item_gbp["network_reinforcement"][z].sum()
                ),
            }
        )
    return rows


ZONE_ID_COLUMNS = (
    Column("zone", "Zone code"),
    Column("name", "Zone"),
    Column("district", "District"),
)


@register_table("public", "zones")
def public_zones(ctx: TableContext) -> Table:
    base = int(ctx.results.years[0])
    return Table(
        "zones",
        f"Emissions by zone in {ctx.area_name}, {ctx.scenario_name}",
        (
            *ZONE_ID_COLUMNS,
            Column("emissions_base", f"Emissions {base}", "tCO2e"),
            Column("emissions_2030", "Emissions 2030", "tCO2e"),
            Column("reduction_2030_pct", f"Fall {base} to 2030", "%", 1),
            Column("domestic_per_household_2030", "Home emissions per household 2030", "tCO2e", 2),
        ),
        tuple(zone_rows(ctx)),
        zone_key="zone",
    )


# --- officers --------------------------------------------------------------------------------


@register_table("officers", "emissions-by-sector")
def officers_emissions_by_sector(ctx: TableContext) -> Table:
    results = ctx.results
    target = net_zero_target(ctx)
    path = target_path_tco2e(ctx, target["year"]) if target else None
    columns = [Column("year", "Year"), *_sector_columns(), Column("total", "Total", "tCO2e")]
    if path is not None:
        columns.append(Column("target_path", f"Target path (net zero {target['year']})", "tCO2e"))
    rows = []
    for y, year in enumerate(results.years):
        row = {"year": str(year), **_sector_row(ctx, y)}
        if path is not None:
            row["target_path"] = float(path[y])
        rows.append(row)
    return Table(
        "emissions-by-sector",
        f"Emissions by sector and year in {ctx.area_name}, {ctx.scenario_name}",
        tuple(columns),
        tuple(rows),
        notes=(
            "Target path: base-year emissions falling in a straight line to zero in the net "
            "zero year."
            if path is not None
            else "No net zero target is recorded.",
        ),
    )


def budget_net_zero_year(ctx: TableContext) -> int:
    target = net_zero_target(ctx)
    return int(target["year"]) if target else int(ctx.results.years[-1])


@register_table("officers", "carbon-budget")
def officers_carbon_budget(ctx: TableContext) -> Table:
    results = ctx.results
    year_zero = budget_net_zero_year(ctx)
    cumulative = figures.area_sum(ctx, results.cumulative_emissions_tco2e)
    budget = np.cumsum(target_path_tco2e(ctx, year_zero))
    rows = tuple(
        {"year": str(year), "cumulative": float(cumulative[y]), "budget": float(budget[y])}
        for y, year in enumerate(results.years)
    )
    return Table(
        "carbon-budget",
        f"Cumulative emissions in {ctx.area_name} against the carbon budget (net zero {year_zero})",
        (
            Column("year", "Year"),
            Column("cumulative", "Cumulative emissions", "tCO2e"),
            Column("budget", "Carbon budget used on the straight-line path", "tCO2e"),
        ),
        rows,
        notes=("Carbon budget: the sum over the model years of base-year emissions falling in "
               "a straight line to zero in the net zero year.",),
    )  # fmt: skip


@register_table("officers", "wedges")
def officers_wedges(ctx: TableContext) -> Table:
    """Place totals (lever impacts are computed for the whole place)."""
    impacts, interaction = figures.impacts(ctx)
    results = ctx.results
    rows = []
    for y, year in enumerate(results.years):
        rows.append(
            {"year": str(year)} | {i.lever: float(i.saved_tco2e_by_year[y]) for i in impacts}
        )
    return Table(
        "wedges",
        f"Emissions saved each year by each lever, {ctx.place.name}, {ctx.scenario_name}",
        (Column("year", "Year"), *(Column(i.lever, i.title, "tCO2e") for i in impacts)),
        tuple(rows),
        notes=(
            "Each lever's wedge is the scenario's emissions with the lever at level 1 minus "
            "with it as set; whole place, whatever area is chosen.",
            f"Levers interact (a heat pump saves more in an unretrofitted home): the wedges "
            f"differ from the whole scenario's saving by {interaction:,.0f} tCO2e over the "
            "model years.",
        ),
    )


@register_table("officers", "macc")
def officers_macc(ctx: TableContext) -> Table:
    from placezero.engine.impacts import macc

    impacts, _ = figures.impacts(ctx)
    rows = tuple(
        {
            "lever": i.title,
            "cost_per_tco2e": i.cost_per_tco2e_gbp,
            "saved": i.cumulative_saved_tco2e,
            "cost": i.discounted_cost_gbp,
        }
        for i in macc(impacts)
    )
    return Table(
        "macc",
        f"Marginal abatement cost of each lever, cheapest first, {ctx.place.name}",
        (
            Column("lever", "Lever"),
            Column("cost_per_tco2e", "Cost per tonne saved", "GBP/tCO2e"),
            Column("saved", "Emissions saved over the model years", "tCO2e"),
            Column("cost", "Discounted cost (capital, operating, fuel)", "GBP"),
        ),
        rows,
        notes=("Negative cost per tonne: the lever saves more in fuel than it costs. Costs are "
               "discounted at the assumed discount rate; levers that save nothing are left out.",),
    )  # fmt: skip


@register_table("officers", "costs-by-year")
def officers_costs_by_year(ctx: TableContext) -> Table:
    results = ctx.results
    capex = figures.area_sum(ctx, results.capex_gbp)
    opex = figures.area_sum(ctx, results.opex_gbp)
    fuel = figures.area_sum(ctx, results.fuel_cost_gbp.sum(axis=2))
    rows = tuple(
        {
            "year": str(year),
            "capex": float(capex[y]),
            "opex": float(opex[y]),
            "fuel": float(fuel[y]),
        }
        for y, year in enumerate(results.years)
    )
    return Table(
        "costs-by-year",
        f"Costs by year in {ctx.area_name}: capital, operating and fuel",
        (
            Column("year", "Year"),
            Column("capex", "Capital", "GBP"),
            Column("opex", "Operating", "GBP"),
            Column("fuel", "Fuel", "GBP"),
        ),
        rows,
        notes=("Prices of 2022 to 2024, held flat in real terms.",),
    )


@register_table("officers", "fuel-cost-by-sector")
def officers_fuel_cost_by_sector(ctx: TableContext) -> Table:
    results = ctx.results
    rows = []
    for year in figures.milestone_years(results):
        fuel = figures.area_sum(ctx, results.fuel_cost_gbp[:, ctx.year_index(year), :])
        rows.append({"year": str(year)} | {s: float(fuel[S[s]]) for s in SECTORS})
    return Table(
        "fuel-cost-by-sector",
        f"Fuel cost by sector in {ctx.area_name}",
        (Column("year", "Year"), *(Column(s, SECTOR_LABELS[s], "GBP") for s in SECTORS)),
        tuple(rows),
    )


DEPLOYMENT_YEARS = (2030, 2035, 2040, 2050)


@register_table("officers", "deployment")
def officers_deployment(ctx: TableContext) -> Table:
    return Table(
        "deployment",
        f"Deployment (counts) added since {int(ctx.results.years[0])} in {ctx.area_name}",
        _deployment_columns(DEPLOYMENT_YEARS, "count", 0),
        tuple(deployment_rows(ctx, HOMES_AND_STREETS, DEPLOYMENT_YEARS)),
    )


@register_table("officers", "deployment-capacity")
def officers_deployment_capacity(ctx: TableContext) -> Table:
    return Table(
        "deployment-capacity",
        f"Generation and storage (MW) added since {int(ctx.results.years[0])} in {ctx.area_name}",
        _deployment_columns(DEPLOYMENT_YEARS, "MW", 1),
        tuple(deployment_rows(ctx, FIELDS_AND_ROOFS, DEPLOYMENT_YEARS)),
    )


@register_table("officers", "uncertainty")
def officers_uncertainty(ctx: TableContext) -> Table:
    bands = figures.bands(ctx)
    low, median, high = bands.band("emissions_total_tco2e")
    central = ctx.results.total_emissions_tco2e.sum(axis=0)
    rows = tuple(
        {
            "year": str(year),
            "low": float(low[y]),
            "median": float(median[y]),
            "high": float(high[y]),
            "central": float(central[y]),
        }
        for y, year in enumerate(ctx.results.years)
    )
    return Table(
        "uncertainty",
        f"Uncertainty in total emissions, {ctx.place.name}: 5th to 95th percentile",
        (
            Column("year", "Year"),
            Column("low", "5th percentile", "tCO2e"),
            Column("median", "Median", "tCO2e"),
            Column("high", "95th percentile", "tCO2e"),
            Column("central", "Central assumptions", "tCO2e"),
        ),
        rows,
        notes=(
            f"{bands.n_samples} Latin-hypercube samples (seed {bands.seed}) over the "
            f"{len(bands.keys)} assumptions with a low-to-high range, each drawn from a "
            "triangular distribution; whole place. Long runs can run thousands of samples.",
        ),
    )


# Outputs with bands in the officers' uncertainty summary: name -> (label, unit, divisor).
BANDED_OUTPUTS: dict[str, tuple[str, str, float]] = {
    "emissions_total_tco2e": ("Emissions in the year", "tCO2e", 1.0),
    "cumulative_emissions_tco2e": ("Cumulative emissions since the base year", "tCO2e", 1.0),
    "electricity_demand_kwh": ("Electricity demand", "MWh", figures.MWH),
    "peak_demand_kw": ("Peak electricity demand (zones summed)", "MW", figures.MW),
    "capex_gbp": ("Capital cost in the year", "GBP", 1.0),
    "fuel_cost_gbp": ("Fuel cost in the year", "GBP", 1.0),
    "domestic_bill_gbp_per_household": ("Household energy bill", "GBP", 1.0),
}


@register_table("officers", "uncertainty-outputs")
def officers_uncertainty_outputs(ctx: TableContext) -> Table:
    from placezero.engine.uncertainty import summarise

    bands = figures.bands(ctx)
    central = summarise(ctx.results)
    rows = []
    for year in (2030, 2050):
        y = ctx.year_index(year)
        for name, (label, unit, divisor) in BANDED_OUTPUTS.items():
            low, median, high = (band[y] / divisor for band in bands.band(name))
            rows.append(
                {
                    "output": f"{label}, {year} ({unit})",
                    "low": float(low),
                    "median": float(median),
                    "high": float(high),
                    "central": float(central[name][y] / divisor),
                }
            )
    return Table(
        "uncertainty-outputs",
        f"Uncertainty in other outputs, {ctx.place.name}: 5th to 95th percentile",
        (
            Column("output", "Output (unit)"),
            Column("low", "5th percentile", "see output", 0),
            Column("median", "Median", "see output", 0),
            Column("high", "95th percentile", "see output", 0),
            Column("central", "Central assumptions", "see output", 0),
        ),
        tuple(rows),
        notes=(f"The same {bands.n_samples} samples as the emissions band; whole place.",),
    )


# Outputs the officers' zone map can be coloured by: column key -> (label, unit, decimals).
ZONE_OUTPUTS: dict[str, tuple[str, str, int]] = {
    "emissions_base": ("Emissions in the base year", "tCO2e", 0),
    "emissions_2030": ("Emissions in 2030", "tCO2e", 0),
    "emissions_2050": ("Emissions in 2050", "tCO2e", 0),
    "reduction_2030_pct": ("Fall in emissions by 2030", "%", 1),
    "domestic_per_household_2030": ("Home emissions per household in 2030", "tCO2e", 2),
    "peak_2050_mw": ("Peak electricity demand in 2050", "MW", 2),
    "capex_total_gbp": ("Capital cost, all years", "GBP", 0),
    "heat_pumps_2050": ("Heat pumps added by 2050", "count", 0),
    "generation_2050_mwh": ("Local generation in 2050", "MWh", 0),
    "bill_2050_gbp": ("Household energy bill in 2050", "GBP", 0),
    "reinforcement_gbp": ("Network reinforcement cost, all years", "GBP", 0),
}


@register_table("officers", "zones")
def officers_zones(ctx: TableContext) -> Table:
    return Table(
        "zones",
        f"Outputs by zone in {ctx.area_name}, {ctx.scenario_name}",
        (
            *ZONE_ID_COLUMNS,
            *(
                Column(key, label, unit, decimals)
                for key, (label, unit, decimals) in ZONE_OUTPUTS.items()
            ),
        ),
        tuple(zone_rows(ctx)),
        zone_key="zone",
    )


# --- investors -------------------------------------------------------------------------------


def periods(results) -> list[tuple[str, int, int]]:
    """(label, first year, last year) spans of the model years: up to 2024, then 5 years."""
    first, last = int(results.years[0]), int(results.years[-1])
    starts = [first, *(s for s in PERIOD_STARTS if first < s <= last)]
    spans = []
    for i, start in enumerate(starts):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else last
        spans.append((f"{start} to {end}" if end != start else str(start), start, end))
    return spans


def _period_sum(results, by_year: np.ndarray, start: int, end: int) -> float:
    first = int(results.years[0])
    return float(by_year[..., start - first : end - first + 1].sum())


@register_table("investors", "capex-by-period")
@register_table("officers", "capex-by-period")
def investors_capex_by_period(ctx: TableContext) -> Table:
    results = ctx.results
    by_item = {item: figures.area_sum(ctx, a) for item, a in results.capex_by_item_gbp.items()}
    rows = []
    for label, start, end in periods(results):
        row = {"period": label}
        row |= {item: _period_sum(results, v, start, end) for item, v in by_item.items()}
        row["total"] = sum(row[item] for item in by_item)
        rows.append(row)
    return Table(
        "capex-by-period",
        f"Capital investment by technology and period in {ctx.area_name}, {ctx.scenario_name}",
        (
            Column("period", "Period"),
            *(Column(item, CAPEX_LABELS.get(item, item), "GBP") for item in by_item),
            Column("total", "Total", "GBP"),
        ),
        tuple(rows),
        notes=("Capital counted in the year a unit is added; heat pumps and batteries are "
               "bought again at the end of their life. Prices of 2022 to 2024.",),
    )  # fmt: skip


@register_table("investors", "capex-by-year")
def investors_capex_by_year(ctx: TableContext) -> Table:
    results = ctx.results
    by_item = {item: figures.area_sum(ctx, a) for item, a in results.capex_by_item_gbp.items()}
    rows = []
    for y, year in enumerate(results.years):
        row = {"year": str(year)} | {item: float(v[y]) for item, v in by_item.items()}
        row["total"] = sum(row[item] for item in by_item)
        rows.append(row)
    return Table(
        "capex-by-year",
        f"Capital investment by technology and year in {ctx.area_name}, {ctx.scenario_name}",
        (
            Column("year", "Year"),
            *(Column(item, CAPEX_LABELS.get(item, item), "GBP") for item in by_item),
            Column("total", "Total", "GBP"),
        ),
        tuple(rows),
    )


@register_table("investors", "capex-by-district")
def investors_capex_by_district(ctx: TableContext) -> Table:
    results = ctx.results
    inputs = results.inputs
    by_district = results.by_district(results.capex_gbp)  # [D, Y]
    spans = periods(results)
    rows = []
    for d, code in enumerate(inputs.districts):
        if ctx.area_code and code != ctx.area_code:
            continue
        row = {"district": inputs.district_names[d], "code": code}
        row |= {
            f"p{start}": _period_sum(results, by_district[d], start, end) for _, start, end in spans
        }
        row["total"] = float(by_district[d].sum())
        rows.append(row)
    return Table(
        "capex-by-district",
        f"Capital investment by district and period, {ctx.scenario_name}",
        (
            Column("district", "District"),
            Column("code", "Code"),
            *(Column(f"p{start}", label, "GBP") for label, start, _ in spans),
            Column("total", "Total", "GBP"),
        ),
        tuple(rows),
    )


@register_table("investors", "packages")
def investors_packages(ctx: TableContext) -> Table:
    rows = tuple(
        {
            "package": p.title,
            "capex": p.capex_gbp,
            "years": f"{p.first_year} to {p.last_year}"
            if p.first_year != p.last_year
            else str(p.first_year),
            "saving": p.saving_gbp_per_year,
            "payback": p.payback_years,
            "saved": p.emissions_saved_tco2e,
            "method": p.method,
        }
        for p in figures.packages(ctx)
    )
    last = int(ctx.results.years[-1])
    return Table(
        "packages",
        f"Investable packages in {ctx.area_name}, {ctx.scenario_name}",
        (
            Column("package", "Package"),
            Column("capex", "Capital", "GBP"),
            Column("years", "Years of spend"),
            Column("saving", f"Annual saving in {last}", "GBP"),
            Column("payback", "Simple payback", "years", 1),
            Column("saved", "Emissions saved over the model years", "tCO2e"),
            Column("method", "How it is worked out"),
        ),
        rows,
        notes=("Savings and emissions are against the same place with no new action (every "
               "lever at level 1). Simple payback is capital divided by the annual saving in "
               f"{last}; blank where there is no fuel saving.",),
    )  # fmt: skip


# --- network ---------------------------------------------------------------------------------


@register_table("network", "peak-by-year")
def network_peak_by_year(ctx: TableContext) -> Table:
    results = ctx.results
    network = results.network
    mask = ctx.zone_mask
    groups = np.unique(network.group_index[mask])
    peak = network.group_peak_kw[groups].sum(axis=0)
    capacity = float(network.group_capacity_kw[groups].sum())
    exceed = network.group_exceedance_kw[groups].sum(axis=0)
    rows = tuple(
        {
            "year": str(year),
            "peak": float(peak[y] / figures.MW),
            "capacity": capacity / figures.MW,
            "exceedance": float(exceed[y] / figures.MW),
        }
        for y, year in enumerate(results.years)
    )
    return Table(
        "peak-by-year",
        "Peak electricity demand against capacity, primary substation groups serving "
        f"{ctx.area_name}",
        (
            Column("year", "Year"),
            Column("peak", "Peak demand", "MW", 1),
            Column("capacity", "Firm capacity (derived)", "MW", 1),
            Column("exceedance", "Peak above capacity", "MW", 1),
        ),
        rows,
        notes=(HEADROOM_NOTE,),
    )


HEADROOM_NOTE = (
    "No real primary-substation headroom is published in the national files, so each group's "
    "firm capacity is derived: its base-year peak plus the assumed headroom fraction (see "
    "docs/method/equations.md and assumptions.md, network_headroom_fraction)."
)


@register_table("network", "zones")
def network_zones(ctx: TableContext) -> Table:
    results = ctx.results
    inputs = results.inputs
    network = results.network
    reinforcement_capex = np.cumsum(results.capex_by_item_gbp["network_reinforcement"], axis=1)
    idx = {y: ctx.year_index(y) for y in figures.MILESTONES}
    rows = []
    for z in np.nonzero(ctx.zone_mask)[0]:
        first_year = int(network.first_year_exceeded[z])
        rows.append(
            {
                "zone": inputs.zones[z],
                "name": inputs.zone_names[z],
                "district": inputs.district_names[inputs.zone_district_index[z]],
                **{f"peak_{y}": float(network.peak_kw[z, i] / figures.MW) for y, i in idx.items()},
                "capacity": float(network.capacity_kw[z] / figures.MW),
                "year_exceeded": str(first_year) if first_year else None,
                "decade": figures.decade_exceeded(first_year),
                "reinforcement_mw": float(network.reinforcement_kw[z, -1] / figures.MW),
                "reinforcement_gbp": float(reinforcement_capex[z, -1]),
            }
        )
    return Table(
        "zones",
        f"Peak demand and headroom by zone in {ctx.area_name}, {ctx.scenario_name}",
        (
            *ZONE_ID_COLUMNS,
            *(Column(f"peak_{y}", f"Peak {y}", "MW", 2) for y in figures.MILESTONES),
            Column("capacity", "Capacity of its primary group", "MW", 2),
            Column("year_exceeded", "Year capacity first exceeded"),
            Column("decade", "When"),
            Column("reinforcement_mw", "Reinforcement by 2050", "MW", 2),
            Column("reinforcement_gbp", "Reinforcement cost to 2050", "GBP"),
        ),
        tuple(rows),
        zone_key="zone",
        notes=("Zones fed by one primary substation share its capacity and year exceeded; the "
               "group's reinforcement is shared among its zones by their growth in peak.",
               HEADROOM_NOTE),
    )  # fmt: skip


# --- community -------------------------------------------------------------------------------


@register_table("community", "generation-by-year")
def community_generation_by_year(ctx: TableContext) -> Table:
    results = ctx.results
    series = {
        key: figures.area_sum(ctx, results.deployment[key])
        for key in ("solar_rooftop_mw", "solar_ground_mw", "onshore_wind_mw", "battery_mw")
    }
    generation = figures.area_sum(ctx, results.generation_kwh)
    rows = []
    for year in [int(results.years[0]), 2025, 2030, 2035, 2040, 2045, 2050]:
        y = ctx.year_index(year)
        rows.append(
            {"year": str(year)}
            | {key: float(v[y]) for key, v in series.items()}
            | {"generation": float(generation[y] / figures.MWH)}
        )
    return Table(
        "generation-by-year",
        f"New local generation in {ctx.area_name}, {ctx.scenario_name}",
        (
            Column("year", "Year"),
            *(Column(k, TECHNOLOGY_LABELS[k][0], "MW", 1) for k in series),
            Column("generation", "Local generation in the year", "MWh"),
        ),
        tuple(rows),
        notes=("Capacity is added since the base year; generation is the engine's local "
               "solar and wind output in the year.",),
    )  # fmt: skip


@register_table("community", "opportunity")
def community_opportunity(ctx: TableContext) -> Table:
    return Table(
        "opportunity",
        f"Zones ranked by community energy opportunity in {ctx.area_name}",
        (
            *ZONE_ID_COLUMNS,
            Column("score", "Opportunity score", "0 to 100", 0),
            Column("solar_rooftop_mw", "Rooftop solar by 2050", "MW", 2),
            Column("solar_ground_mw", "Ground solar by 2050", "MW", 2),
            Column("onshore_wind_mw", "Wind by 2050", "MW", 2),
            Column("generation_mwh", "Local generation 2050", "MWh"),
            Column("potential_mw", "Solar and wind at the highest lever levels", "MW", 2),
            Column("potential_used_pct", "Share of that used", "%", 0),
            Column("import_mwh", "Electricity still imported 2050", "MWh"),
            Column("reason", "Why"),
        ),
        tuple(figures.opportunity(ctx)),
        zone_key="zone",
        notes=(figures.SCORE_METHOD,),
    )


@register_table("community", "existing-sites")
def community_existing_sites(ctx: TableContext) -> Table:
    sites = [
        s
        for s in places.renewable_sites(ctx.place)
        if not ctx.area_code or (s.area is not None and s.area.code == ctx.area_code)
    ]
    rows = tuple(
        {
            "name": s.name,
            "technology": s.technology,
            "capacity": s.capacity_mw,
            "status": s.status,
            "area": s.area.name if s.area else "",
            "ref": s.ref_id,
        }
        for s in sites
    )
    return Table(
        "existing-sites",
        f"Renewable sites in the planning database (REPD) in {ctx.area_name}",
        (
            Column("name", "Site"),
            Column("technology", "Technology"),
            Column("capacity", "Capacity", "MW", 1),
            Column("status", "Status"),
            Column("area", "Area"),
            Column("ref", "REPD reference"),
        ),
        rows,
        source="Renewable Energy Planning Database (DESNZ), via the place pack",
    )
