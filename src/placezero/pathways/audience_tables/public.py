"""The public view's tables: where emissions come from, the pathway to the target, what
changes in homes, streets and fields, and emissions by zone."""

from __future__ import annotations

from .. import audience_figures as figures
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

# --- public ----------------------------------------------------------------------------------


@register_table("public", "emissions-by-sector")
def public_emissions_by_sector(ctx: TableContext) -> Table:
    rows = []
    for year in figures.milestone_years(ctx.results):
        y = ctx.year_index(year)
        rows.append({"year": str(year), **sector_row(ctx, y)})
    return Table(
        "emissions-by-sector",
        f"Where emissions come from in {ctx.area_name}: base year and milestones, "
        f"{ctx.scenario_name}",
        (Column("year", "Year"), *sector_columns(), Column("total", "Total", "tCO2e")),
        tuple(rows),
        notes=("Land use and trees is negative where woodland takes up more carbon than the "
               "land emits.",),
        about=ctx.about("equations"),
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
        about=ctx.about("equations"),
    )


@register_table("public", "what-changes")
def public_what_changes(ctx: TableContext) -> Table:
    return Table(
        "what-changes",
        f"What changes in homes and streets in {ctx.area_name} (added since "
        f"{int(ctx.results.years[0])})",
        deployment_columns(figures.MILESTONES, "count", 0),
        tuple(deployment_rows(ctx, HOMES_AND_STREETS, figures.MILESTONES)),
        about=ctx.about("levers"),
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
        about=ctx.about("levers"),
    )  # fmt: skip


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
        about=ctx.about("equations"),
    )
