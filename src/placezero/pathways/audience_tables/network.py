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
        about=ctx.about("network"),
    )


HEADROOM_NOTE = (
    "Each group's base-year peak is derived from FES 2023 grid supply point peaks shared "
    "equally among the NGED primary substations in each grid supply point, where the data "
    "reach (else from the place's own electricity use). Firm capacity is not published in "
    "FES or in NGED's location file, so it is that peak plus the assumed headroom fraction "
    "(network_headroom_fraction, an assumption; how the figures are made: the network page)."
)
FES_COMPARE = "CT"  # the FES scenario the groups table sets beside the scenario's peak


FES_SCENARIO_NAMES = {
    "CT": "Consumer Transformation",
    "LW": "Leading the Way",
    "ST": "System Transformation",
    "FS": "Falling Short",
}


@register_table("network", "fes-growth")
def network_fes_growth(ctx: TableContext) -> Table:
    """Peak on the groups serving the area, year by year: each FES 2023 scenario's (their
    GSP peaks shared among the groups' primaries) beside the chosen scenario's."""
    results = ctx.results
    network = results.network
    groups = np.unique(network.group_index[ctx.zone_mask])
    derived = groups[network.group_from_fes[groups]]
    fes = results.inputs.network_fes_peak_kw
    scenarios = [code for code in FES_SCENARIO_NAMES if code in fes]
    rows = tuple(
        {
            "year": str(year),
            **{code.lower(): float(np.nansum(fes[code][derived, y]) / figures.MW)
               for code in scenarios},
            "scenario": float(network.group_peak_kw[derived, y].sum() / figures.MW),
        }
        for y, year in enumerate(results.years)
    )  # fmt: skip
    return Table(
        "fes-growth",
        f"Peak demand on the FES-derived groups serving {ctx.area_name}: FES 2023 scenarios "
        f"and {ctx.scenario_name}",
        (
            Column("year", "Year"),
            *(Column(code.lower(), f"FES 2023 {FES_SCENARIO_NAMES[code]}", "MW", 1)
              for code in scenarios),
            Column("scenario", f"This scenario ({ctx.scenario_name})", "MW", 1),
        ),
        rows,
        notes=(f"{len(derived)} of {len(groups)} groups have a FES-derived peak; only they are "
               "summed here. FES peaks are each grid supply point's DemandPk-All shared "
               "equally among the NGED primary substations in it; the scenario's peak is the "
               "FES base (mean of the four scenarios) plus the change the scenario makes.",),
        about=ctx.about("network"),
    )  # fmt: skip


@register_table("network", "groups")
def network_groups(ctx: TableContext) -> Table:
    """Each primary substation group: where its base peak comes from, its capacity and
    its peak in the scenario against FES 2023 Consumer Transformation."""
    results = ctx.results
    inputs = results.inputs
    network = results.network
    groups = np.unique(network.group_index[ctx.zone_mask])
    fes = inputs.network_fes_peak_kw.get(FES_COMPARE)
    from_fes = network.group_from_fes
    gsps = inputs.network_group_gsps
    idx = {y: ctx.year_index(y) for y in (2035, 2050)}
    rows = []
    for g in groups:
        label = inputs.network_groups[g] if g < len(inputs.network_groups) else str(g)
        derived = bool(from_fes[g])
        rows.append(
            {
                "group": label,
                "zones": str(int((network.group_index == g).sum())),
                "gsp": gsps[g] if derived and g < len(gsps) else None,
                "source": "FES 2023 GSP peak, shared" if derived else "Own electricity use",
                "engine_base": float(network.group_engine_base_peak_kw[g] / figures.MW),
                "base": float(network.group_base_peak_kw[g] / figures.MW),
                "capacity": float(network.group_capacity_kw[g] / figures.MW),
                **{
                    f"fes_{y}": float(fes[g, i] / figures.MW)
                    if derived and fes is not None and np.isfinite(fes[g, i])
                    else None
                    for y, i in idx.items()
                },
                **{f"peak_{y}": float(network.group_peak_kw[g, i] / figures.MW)
                   for y, i in idx.items()},
            }
        )  # fmt: skip
    return Table(
        "groups",
        f"Primary substation groups serving {ctx.area_name}: base peak, capacity and growth",
        (
            Column("group", "Primary substation group"),
            Column("zones", "Zones"),
            Column("gsp", "Grid supply point"),
            Column("source", "Base-year peak from"),
            Column("engine_base", "Peak from own electricity use", "MW", 1),
            Column("base", "Base-year peak used", "MW", 1),
            Column("capacity", "Firm capacity (assumed margin)", "MW", 1),
            *(Column(f"fes_{y}", f"FES 2023 CT peak {y}", "MW", 1) for y in idx),
            *(Column(f"peak_{y}", f"Scenario peak {y}", "MW", 1) for y in idx),
        ),
        tuple(rows),
        notes=("FES 2023 peak (DemandPk-All) of each grid supply point is shared equally among "
               "the NGED primary substations located in its polygon; a group's base-year peak "
               "is the mean of the four FES scenarios in the base year. Its later peak is that "
               "base plus the change the chosen scenario makes; the FES Consumer "
               "Transformation peak is shown beside it for comparison.", HEADROOM_NOTE),
        about=ctx.about("network"),
    )  # fmt: skip


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
