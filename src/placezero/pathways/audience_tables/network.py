"""The network operator's tables: peak demand against derived headroom."""

from __future__ import annotations

import numpy as np

from .. import audience_figures as figures
from ..tables import Column, Table, TableContext, register_table
from .common import ZONE_ID_COLUMNS

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
        about=ctx.about("equations"),
    )


HEADROOM_NOTE = (
    "No real primary-substation headroom is published in the national files, so each group's "
    "firm capacity is derived: its base-year peak plus the assumed headroom fraction "
    "(network_headroom_fraction; how the figures are made: the network equations and the "
    "assumptions)."
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
        about=ctx.about("equations"),
    )  # fmt: skip
