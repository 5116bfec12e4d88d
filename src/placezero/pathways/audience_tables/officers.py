"""The officers' tables: every output of the engine for the chosen area."""

from __future__ import annotations

import numpy as np

from placezero.engine.dimensions import SECTORS, S

from .. import audience_figures as figures
from ..labels import SECTOR_LABELS
from ..tables import Column, Table, TableContext, register_table
from .common import (
    FIELDS_AND_ROOFS,
    HOMES_AND_STREETS,
    ZONE_ID_COLUMNS,
    deployment_columns,
    deployment_rows,
    net_zero_target,
    sector_columns,
    sector_row,
    target_path_tco2e,
    zone_rows,
)

# --- officers --------------------------------------------------------------------------------


@register_table("officers", "emissions-by-sector")
def officers_emissions_by_sector(ctx: TableContext) -> Table:
    results = ctx.results
    target = net_zero_target(ctx)
    path = target_path_tco2e(ctx, target["year"]) if target else None
    columns = [Column("year", "Year"), *sector_columns(), Column("total", "Total", "tCO2e")]
    if path is not None:
        columns.append(Column("target_path", f"Target path (net zero {target['year']})", "tCO2e"))
    rows = []
    for y, year in enumerate(results.years):
        row = {"year": str(year), **sector_row(ctx, y)}
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
        about=ctx.about("equations"),
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
        about=ctx.about("equations"),
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
        about=ctx.about("levers"),
    )


@register_table("officers", "macc")
def officers_macc(ctx: TableContext) -> Table:
    from placezero.engine.impacts import macc

    impacts, _ = figures.impacts(ctx)
    rows, start = [], 0.0
    for i in macc(impacts):
        rows.append(
            {
                "lever": i.title,
                "cost_per_tco2e": i.cost_per_tco2e_gbp,
                "saved": i.cumulative_saved_tco2e,
                "cost": i.discounted_cost_gbp,
                "from_tco2e": start,
                "to_tco2e": start + i.cumulative_saved_tco2e,
            }
        )
        start += i.cumulative_saved_tco2e
    return Table(
        "macc",
        f"Marginal abatement cost of each lever, cheapest first, {ctx.place.name}",
        (
            Column("lever", "Lever"),
            Column("cost_per_tco2e", "Cost per tonne saved", "GBP/tCO2e"),
            Column("saved", "Emissions saved over the model years", "tCO2e"),
            Column("cost", "Discounted cost (capital, operating, fuel)", "GBP"),
            Column("from_tco2e", "Bar starts at", "tCO2e"),
            Column("to_tco2e", "Bar ends at", "tCO2e"),
        ),
        tuple(rows),
        notes=("Each lever is a with/without pair of runs: the scenario as set, and the same "
               "scenario with that lever back at level 1. Saved = the difference in "
               "emissions summed over the model years (the bar's width); cost per tonne = "
               "the difference in discounted capital, operating and fuel cost divided by it "
               "(the bar's height). Bars are laid end to end, cheapest first.",
               "Negative cost per tonne: the lever saves more in fuel than it costs. Costs are "
               "discounted at the assumed discount rate; levers that save nothing are left out.",
               "Levers interact, so the bars' total width differs from the whole scenario's "
               "saving by the interaction given under the wedges.",),
        about=ctx.about("equations"),
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
        about=ctx.about("equations"),
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
        about=ctx.about("equations"),
    )


DEPLOYMENT_YEARS = (2030, 2035, 2040, 2050)


@register_table("officers", "deployment")
def officers_deployment(ctx: TableContext) -> Table:
    return Table(
        "deployment",
        f"Deployment (counts) added since {int(ctx.results.years[0])} in {ctx.area_name}",
        deployment_columns(DEPLOYMENT_YEARS, "count", 0),
        tuple(deployment_rows(ctx, HOMES_AND_STREETS, DEPLOYMENT_YEARS)),
        about=ctx.about("levers"),
    )


@register_table("officers", "deployment-capacity")
def officers_deployment_capacity(ctx: TableContext) -> Table:
    return Table(
        "deployment-capacity",
        f"Generation and storage (MW) added since {int(ctx.results.years[0])} in {ctx.area_name}",
        deployment_columns(DEPLOYMENT_YEARS, "MW", 1),
        tuple(deployment_rows(ctx, FIELDS_AND_ROOFS, DEPLOYMENT_YEARS)),
        about=ctx.about("levers"),
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
        about=ctx.about("uncertainty"),
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
        about=ctx.about("uncertainty"),
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
        about=ctx.about("equations"),
    )
