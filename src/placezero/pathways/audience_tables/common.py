"""What the audience tables share: sector rows, the net zero target and its straight-line
path, deployment rows, zone rows and their identity columns."""

from __future__ import annotations

from typing import Any

import numpy as np

from placezero.engine.dimensions import SECTORS, S
from placezero.places import services as places
from placezero.places.options import TargetScope

from .. import audience_figures as figures
from ..labels import SECTOR_LABELS, TECHNOLOGY_LABELS
from ..tables import Column, TableContext


def sector_columns() -> tuple[Column, ...]:
    return tuple(Column(s, SECTOR_LABELS[s], "tCO2e") for s in SECTORS)


def sector_row(ctx: TableContext, y: int) -> dict[str, float]:
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


def deployment_columns(years: tuple[int, ...], unit: str, decimals: int) -> tuple[Column, ...]:
    return (
        Column("where", "Where"),
        Column("what", "What"),
        *(Column(f"y{y}", f"By {y}", unit, decimals) for y in years),
    )


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
