"""Tables of the scenario workspace: what a lever change recomputes (emissions by sector and a
few headline figures), and the side-by-side tables of the comparison page.

The registered tables (view "workspace") are also what the downloads write, so a downloaded
figure is the figure on the screen. The comparison tables span several scenarios, which the
one-scenario registry cannot express, so they are built here and shown without downloads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from placezero.engine.dimensions import SECTORS
from placezero.engine.levers import LEVERS, MIN_LEVEL
from placezero.engine.results import Results

from .labels import SECTOR_LABELS
from .tables import About, Column, Table, TableContext, register_table

VIEW = "workspace"
KT_PER_T = 1e-3
MILLION = 1e-6
MILESTONE_YEARS = (2030, 2040, 2050)


def emissions_by_sector_kt(results: Results, mask: np.ndarray) -> np.ndarray:
    """[Y, NS] emissions of the chosen zones in ktCO2e."""
    return results.emissions_tco2e[mask].sum(axis=0) * KT_PER_T


@register_table(VIEW, "emissions-by-sector")
def emissions_by_sector(context: TableContext) -> Table:
    results = context.results
    by_sector = emissions_by_sector_kt(results, context.zone_mask)
    columns = (
        Column("year", "Year"),
        *(Column(sector, SECTOR_LABELS[sector], "ktCO2e", 1) for sector in SECTORS),
        Column("total", "Total", "ktCO2e", 1),
    )
    rows = []
    for y, year in enumerate(results.years):
        row: dict[str, Any] = {"year": str(year)}  # a label: no thousands separator
        row.update({sector: float(by_sector[y, s]) for s, sector in enumerate(SECTORS)})
        row["total"] = float(by_sector[y].sum())
        rows.append(row)
    return Table(
        slug="emissions-by-sector",
        caption=f"Greenhouse gas emissions by sector, {context.area_name}, "
        f"scenario “{context.scenario_name}”",
        columns=columns,
        rows=tuple(rows),
        about=context.about("equations"),
        notes=("Land use and trees can be negative: woodland takes carbon out of the air.",),
    )


@dataclass(frozen=True)
class Headline:
    key: str
    label: str
    value: float
    unit: str


def headline_figures(results: Results, mask: np.ndarray | None = None) -> list[Headline]:
    """The few figures a lever change is judged by, from the engine's results."""
    if mask is None:
        mask = np.ones(len(results.inputs.zones), dtype=bool)
    years = [int(y) for y in results.years]
    base_year, end_year = years[0], years[-1]
    total_kt = results.total_emissions_tco2e[mask].sum(axis=0) * KT_PER_T
    base_kt, end_kt = float(total_kt[0]), float(total_kt[-1])
    reduction_percent = 100.0 * (base_kt - end_kt) / base_kt if base_kt else 0.0
    capex_gbp_m = float(results.capex_gbp[mask].sum()) * MILLION
    figures = [
        Headline("emissions_base", f"Emissions in {base_year}", base_kt, "ktCO2e"),
        *(
            Headline(
                f"emissions_{year}",
                f"Emissions in {year}",
                float(total_kt[years.index(year)]),
                "ktCO2e",
            )
            for year in MILESTONE_YEARS
            if year in years
        ),
        Headline(
            "reduction_end",
            f"Reduction from {base_year} to {end_year}",
            reduction_percent,
            "%",
        ),
        Headline(
            "cumulative",
            f"Cumulative emissions {base_year} to {end_year}",
            float(total_kt.sum()),
            "ktCO2e",
        ),
        Headline(
            "capex",
            f"Capital cost {base_year} to {end_year}",
            capex_gbp_m,
            "£ million",
        ),
    ]
    if mask.all():
        figures.insert(
            -1,
            Headline(
                "carbon_budget",
                f"Carbon budget {base_year} to {end_year} (straight line to zero)",
                results.carbon_budget_tco2e(end_year) * KT_PER_T,
                "ktCO2e",
            ),
        )
    return figures


@register_table(VIEW, "headline")
def headline(context: TableContext) -> Table:
    figures = headline_figures(context.results, context.zone_mask)
    return Table(
        slug="headline",
        caption=f"Headline figures, {context.area_name}, scenario “{context.scenario_name}”",
        columns=(
            Column("measure", "Measure"),
            Column("value", "Value", "", 1),
            Column("unit", "Unit"),
        ),
        rows=tuple(
            {"measure": f.label, "value": round(f.value, 1), "unit": f.unit} for f in figures
        ),
        about=context.about("equations"),
    )


# --- comparison of several scenarios ------------------------------------------------------


@dataclass(frozen=True)
class Compared:
    """One scenario in a comparison: its key, name, definition and results."""

    key: str
    name: str
    definition: dict[str, Any]
    results: Results
    line: str = ""  # its one-line description (scenario_titles)


def _column_key(index: int) -> str:
    return f"s{index + 1}"


def _scenario_columns(
    scenarios: Sequence[Compared], unit: str, decimals: int
) -> tuple[Column, ...]:
    return tuple(Column(_column_key(i), s.name, unit, decimals) for i, s in enumerate(scenarios))


def compare_headline(scenarios: Sequence[Compared], about: About) -> Table:
    figures = [headline_figures(s.results) for s in scenarios]
    rows = []
    for f, first in enumerate(figures[0]):
        row: dict[str, Any] = {"measure": first.label, "unit": first.unit}
        row.update({_column_key(i): round(fs[f].value, 1) for i, fs in enumerate(figures)})
        rows.append(row)
    return Table(
        slug="compare-headline",
        caption="Headline figures of each scenario",
        columns=(
            Column("measure", "Measure"),
            Column("unit", "Unit"),
            *_scenario_columns(scenarios, "", 1),
        ),
        rows=tuple(rows),
        about=about,
    )


def compare_emissions(scenarios: Sequence[Compared], about: About) -> Table:
    years = [int(y) for y in scenarios[0].results.years]
    totals = [s.results.total_emissions_tco2e.sum(axis=0) * KT_PER_T for s in scenarios]
    rows = []
    for y, year in enumerate(years):
        row: dict[str, Any] = {"year": str(year)}
        row.update({_column_key(i): float(total[y]) for i, total in enumerate(totals)})
        rows.append(row)
    return Table(
        slug="compare-emissions",
        caption="Total greenhouse gas emissions by year of each scenario",
        columns=(Column("year", "Year"), *_scenario_columns(scenarios, "ktCO2e", 1)),
        rows=tuple(rows),
        about=about,
    )


def _county_level(definition: dict[str, Any], lever: str) -> float:
    raw = (definition.get("levers") or {}).get(lever, MIN_LEVEL)
    return float(raw.get("level", MIN_LEVEL) if isinstance(raw, dict) else raw)


def _override_count(definition: dict[str, Any], lever: str) -> int:
    return sum(
        lever in overrides
        for scope in ("districts", "zones")
        for overrides in (definition.get(scope) or {}).values()
    )


def compare_levers(scenarios: Sequence[Compared], about: About) -> Table:
    rows = []
    for key, lever in LEVERS.items():
        row: dict[str, Any] = {"lever": lever.title}
        for i, s in enumerate(scenarios):
            level = _county_level(s.definition, key)
            overrides = _override_count(s.definition, key)
            trajectories = len((s.definition.get("trajectories") or {}).get(key) or {})
            notes = []
            if overrides:
                notes.append(f"{overrides} area override{'s' if overrides != 1 else ''}")
            if trajectories:
                notes.append(
                    f"year-by-year deployment in {trajectories} "
                    f"district{'s' if trajectories != 1 else ''}"
                )
            row[_column_key(i)] = f"{level:g}" + (f" ({'; '.join(notes)})" if notes else "")
        rows.append(row)
    return Table(
        slug="compare-levers",
        caption="Lever levels of each scenario (1 no change to 4 most ambitious)",
        columns=(
            Column("lever", "Lever"),
            *(Column(_column_key(i), s.name) for i, s in enumerate(scenarios)),
        ),
        rows=tuple(rows),
        about=about,
    )


def compare_costs(scenarios: Sequence[Compared], about: About) -> Table:
    base_year, end_year = (int(y) for y in scenarios[0].results.years[[0, -1]])
    measures = (
        ("Capital cost", lambda r: r.capex_gbp.sum()),
        ("Operating cost", lambda r: r.opex_gbp.sum()),
        ("Energy bills (all sectors)", lambda r: r.fuel_cost_gbp.sum()),
    )
    rows = []
    for label, total in measures:
        row: dict[str, Any] = {"measure": f"{label}, {base_year} to {end_year}"}
        row.update(
            {_column_key(i): float(total(s.results)) * MILLION for i, s in enumerate(scenarios)}
        )
        rows.append(row)
    return Table(
        slug="compare-costs",
        caption=f"Cost totals of each scenario, {base_year} to {end_year} (2022-24 prices)",
        columns=(Column("measure", "Cost"), *_scenario_columns(scenarios, "£ million", 1)),
        rows=tuple(rows),
        about=about,
    )
