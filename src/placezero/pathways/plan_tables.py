"""The plan on a page's tables (view "plan"): the figures of each LAEP stage, for the whole
place or the district `?area=` names. The page, its PDF and the downloads share them."""

from __future__ import annotations

from . import plan
from .tables import Column, Table, TableContext, register_table

VIEW = "plan"
DESNZ_SOURCE = (
    "placezero pathway engine (base year); DESNZ UK local authority and regional greenhouse "
    "gas emissions statistics, territorial (the total the model equals; its split by sector "
    "beyond the within-scope CO2 is estimated, docs/method/territorial.md)"
)


def _where(context: TableContext) -> str:
    if not context.area_code:
        return context.place.name
    return context.inputs.district_names[context.inputs.districts.index(context.area_code)]


def _milestone_columns(unit: str, suffix: str, decimals: int = 0) -> tuple[Column, ...]:
    return tuple(
        Column(f"y{year}{suffix}", f"By {year}", unit, decimals) for year in plan.MILESTONE_YEARS
    )


@register_table(VIEW, "base-year-emissions")
def base_year_emissions(context: TableContext) -> Table:
    year = int(context.results.years[0])
    return Table(
        slug="base-year-emissions",
        caption=f"Emissions by sector in {year}, {_where(context)}",
        columns=(
            Column("sector", "Sector"),
            Column("modelled_tco2e", "Modelled", "tCO2e"),
            Column("desnz_tco2e", "DESNZ statistics", "tCO2e"),
        ),
        rows=tuple(plan.base_year_emissions_by_sector(context)),
        about=context.about("checks", source=DESNZ_SOURCE),
        notes=("A dash means the DESNZ statistics give no figure for that sector.",),
    )


@register_table(VIEW, "base-year-energy")
def base_year_energy(context: TableContext) -> Table:
    year = int(context.results.years[0])
    return Table(
        slug="base-year-energy",
        caption=f"Final energy use by fuel in {year}, {_where(context)}",
        columns=(Column("carrier", "Fuel"), Column("energy_gwh", "Energy", "GWh")),
        rows=tuple(plan.base_year_energy_by_carrier(context)),
        about=context.about("equations"),
    )


@register_table(VIEW, "scenarios-compared")
def scenarios_compared(context: TableContext) -> Table:
    base = int(context.results.years[0])
    return Table(
        slug="scenarios-compared",
        caption=f"Emissions in each scenario, {_where(context)}",
        columns=(
            Column("scenario", "Scenario"),
            Column("base_tco2e", str(base), "tCO2e"),
            *(Column(f"y{y}_tco2e", str(y), "tCO2e") for y in plan.MILESTONE_YEARS),
            Column("fall_2050_pct", f"Fall {base} to 2050", "%"),
        ),
        rows=tuple(plan.scenario_comparison(context)),
        about=context.about("equations"),
    )


@register_table(VIEW, "deployment")
def deployment(context: TableContext) -> Table:
    return Table(
        slug="deployment",
        caption=f"What is installed from {int(context.results.years[0])}, {_where(context)}",
        columns=(
            Column("technology", "Technology"),
            Column("unit", "Counted in"),
            *_milestone_columns("number", ""),
        ),
        rows=tuple(plan.deployment_by_milestone(context)),
        notes=(
            "Cumulative numbers installed since the base year, counted as the second column "
            "says (generation and storage in MW of capacity).",
        ),
        about=context.about("levers"),
    )


@register_table(VIEW, "investment")
def investment(context: TableContext) -> Table:
    return Table(
        slug="investment",
        caption=f"Capital investment by 2030, 2040 and 2050, {_where(context)}",
        columns=(Column("item", "Investment in"), *_milestone_columns("£ million", "_gbp_m", 1)),
        rows=tuple(plan.capex_by_milestone(context)),
        notes=("Cumulative capital cost from the base year, 2022 prices, undiscounted.",),
        about=context.about("equations"),
    )


@register_table(VIEW, "milestones")
def milestones(context: TableContext) -> Table:
    return Table(
        slug="milestones",
        caption=f"Milestones of the pathway, {_where(context)}",
        columns=(Column("milestone", "Milestone"), Column("year", "Year or number")),
        rows=tuple(plan.milestones(context)),
        notes=(
            "Substation groups are the primary substations feeding the area's zones; firm "
            "capacity and headroom are explained with the network equations (how the figures "
            "are made).",
        ),
        about=context.about("equations"),
    )


@register_table(VIEW, "biggest-actions")
def biggest_actions(context: TableContext) -> Table:
    return Table(
        slug="biggest-actions",
        caption=f"The actions saving most emissions, {_where(context)}",
        columns=(
            Column("lever", "Action"),
            Column("saved_2050_tco2e", "Saved in 2050", "tCO2e"),
            Column("saved_cumulative_tco2e", "Saved to 2050", "tCO2e"),
        ),
        rows=tuple(plan.biggest_wedges(context)),
        notes=(
            "Each action's saving is the scenario without it minus the scenario; actions "
            "interact, so savings need not add up to the whole fall.",
        ),
        about=context.about("equations"),
    )
