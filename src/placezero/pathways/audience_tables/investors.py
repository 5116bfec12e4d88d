"""The investors' tables: capital by technology, period and district, and packages."""

from __future__ import annotations

import numpy as np

from .. import audience_figures as figures
from ..labels import CAPEX_LABELS
from ..tables import Column, Table, TableContext, register_table

PERIOD_STARTS = (2025, 2030, 2035, 2040, 2045)

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
        about=ctx.about("equations"),
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
        about=ctx.about("equations"),
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
        about=ctx.about("equations"),
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
            Column("payback", "Simple payback", "years", 0),
            Column("saved", "Emissions saved over the model years", "tCO2e"),
            Column("method", "How it is worked out"),
        ),
        rows,
        notes=("Savings and emissions are against the same place with no new action (every "
               "lever at level 1); the homes' saving includes the gas standing charge of each "
               "home that leaves gas (Ofgem price cap, October-December 2024). Simple payback "
               f"is capital divided by the annual saving in {last}, in whole years, shown only "
               "where it repays within the kit's life (heat pumps: the assumed heat pump "
               "lifetime; other packages: 25 years); blank where there is no saving or it "
               "does not repay in that time.",),
        about=ctx.about("equations"),
    )  # fmt: skip
