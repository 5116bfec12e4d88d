"""The community energy tables: local generation, opportunity by zone, existing sites."""

from __future__ import annotations

from placezero.places import services as places
from placezero.tables import method_url

from .. import audience_figures as figures
from ..labels import TECHNOLOGY_LABELS
from ..tables import About, Column, Table, TableContext, register_table
from .common import ZONE_ID_COLUMNS

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
        about=ctx.about("equations"),
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
        about=ctx.about("equations"),
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
        about=About(
            source="Renewable Energy Planning Database (DESNZ), via the place pack",
            method_url=method_url("data"),
        ),
    )
