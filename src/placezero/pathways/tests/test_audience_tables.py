"""The audience tables add up to the engine's arrays: sector rows to total emissions, capex
by item and period to total capex, districts to the place, zones to their district."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.engine.dimensions import SECTORS
from placezero.engine.impacts import lever_impacts
from placezero.pathways import audience_figures as figures
from placezero.pathways import services
from placezero.pathways.tables import TableContext, UnknownArea, table_slugs, tables_for

BLABY = "E07000129"
AUDIENCES = ("public", "officers", "investors", "network", "community")


@pytest.fixture
def ctx(leicestershire) -> TableContext:
    definition = services.shipped_definitions()["balanced"]
    return TableContext(
        place=leicestershire,
        scenario_name="Balanced",
        results=services.run(leicestershire, definition),
        inputs=services.place_inputs(leicestershire),
    )


def narrowed(ctx: TableContext, area: str | None) -> TableContext:
    return TableContext(ctx.place, ctx.scenario_name, ctx.results, ctx.inputs, area)


def table(view: str, slug: str, ctx: TableContext):
    return tables_for(view, ctx, only=slug)[0]


def column(t, key):
    return np.array([row[key] for row in t.rows], dtype=float)


@pytest.mark.parametrize("view", AUDIENCES)
def test_every_view_registers_tables_that_build(ctx, view):
    """Rule: every registered table builds for the place and for one district, with rows
    holding every column, and zone tables name their zone column."""
    assert table_slugs(view)
    for area in (None, BLABY):
        for t in tables_for(view, narrowed(ctx, area)):
            keys = {c.key for c in t.columns}
            assert t.rows, f"{view}/{t.slug} has no rows"
            for row in t.rows:
                assert keys <= set(row), f"{view}/{t.slug} row lacks {keys - set(row)}"
            if "zone" in keys:
                assert t.zone_key == "zone"


@pytest.mark.parametrize("view", ["public", "officers"])
def test_sector_rows_sum_to_total_emissions(ctx, view):
    t = table(view, "emissions-by-sector", ctx)
    by_sector = sum(column(t, s) for s in SECTORS)
    assert by_sector == pytest.approx(column(t, "total"))
    years = [int(row["year"]) for row in t.rows]
    expected = ctx.results.total_emissions_tco2e.sum(axis=0)[
        np.array(years) - int(ctx.results.years[0])
    ]
    assert column(t, "total") == pytest.approx(expected)


def test_district_tables_sum_to_the_district(ctx):
    results, inputs = ctx.results, ctx.inputs
    blaby = narrowed(ctx, BLABY)
    in_blaby = inputs.zone_district_index == inputs.districts.index(BLABY)
    t = table("officers", "emissions-by-sector", blaby)
    assert column(t, "total") == pytest.approx(results.total_emissions_tco2e[in_blaby].sum(axis=0))
    zones = table("officers", "zones", blaby)
    assert column(zones, "emissions_2030").sum() == pytest.approx(
        column(t, "total")[2030 - int(results.years[0])]
    )


def test_carbon_budget_ends_at_the_engines_budget(ctx, leicestershire):
    """Rule: the cumulative budget path sums to Results.carbon_budget_tco2e for the target."""
    t = table("officers", "carbon-budget", ctx)
    year = int(t.caption.rsplit("net zero ", 1)[1].rstrip(")"))
    assert t.rows[-1]["budget"] == pytest.approx(ctx.results.carbon_budget_tco2e(year))
    assert t.rows[-1]["cumulative"] == pytest.approx(
        ctx.results.cumulative_emissions_tco2e[:, -1].sum()
    )


def test_capex_by_period_and_by_district_add_up_to_the_engines_capex(ctx):
    total = ctx.results.capex_gbp.sum()
    periods = table("investors", "capex-by-period", ctx)
    assert column(periods, "total").sum() == pytest.approx(total)
    items = [c.key for c in periods.columns if c.unit and c.key != "total"]
    assert sum(column(periods, k) for k in items) == pytest.approx(column(periods, "total"))
    districts = table("investors", "capex-by-district", ctx)
    assert column(districts, "total").sum() == pytest.approx(total)
    spans = [c.key for c in districts.columns if c.key.startswith("p")]
    assert sum(column(districts, k) for k in spans) == pytest.approx(column(districts, "total"))


def test_packages_capex_is_the_engines_capex_for_their_items(ctx):
    """Rule: packages share out capital without double counting: their sum is the capex of
    the items they name."""
    items = {i for kind in figures.PACKAGE_KINDS for i in kind.capex_items}
    expected = sum(ctx.results.capex_by_item_gbp[i].sum() for i in items)
    assert sum(p.capex_gbp for p in figures.packages(ctx)) == pytest.approx(expected)
    assert set(items) == set(ctx.results.capex_by_item_gbp)  # every item is in a package


def test_wedges_are_the_engines_lever_impacts(ctx):
    impacts, _ = lever_impacts(ctx.results.inputs, ctx.results.scenario, ctx.results.assumptions)
    t = table("officers", "wedges", ctx)
    for impact in impacts:
        assert column(t, impact.lever) == pytest.approx(impact.saved_tco2e_by_year)
    macc = table("officers", "macc", ctx)
    costs = column(macc, "cost_per_tco2e")
    assert list(costs) == sorted(costs)
    # Bars of a true MACC: as wide as the tonnes saved, laid end to end from zero.
    saved, start, end = column(macc, "saved"), column(macc, "from_tco2e"), column(macc, "to_tco2e")
    assert start[0] == 0 and end == pytest.approx(start + saved)
    assert start[1:] == pytest.approx(end[:-1])
    assert end[-1] == pytest.approx(
        sum(i.cumulative_saved_tco2e for i in impacts if i.cumulative_saved_tco2e > 0)
    )


def test_uncertainty_band_contains_the_median(ctx):
    t = table("officers", "uncertainty", ctx)
    low, median, high = column(t, "low"), column(t, "median"), column(t, "high")
    assert np.all(low <= median) and np.all(median <= high)
    assert np.any(high > low)  # the assumptions do vary


def test_network_zones_agree_with_the_engines_peak(ctx):
    t = table("network", "zones", ctx)
    y2050 = 2050 - int(ctx.results.years[0])
    assert column(t, "peak_2050") * 1000 == pytest.approx(ctx.results.network.peak_kw[:, y2050])
    assert column(t, "reinforcement_gbp").sum() == pytest.approx(
        ctx.results.capex_by_item_gbp["network_reinforcement"].sum()
    )
    for row in t.rows:
        year = int(row["year_exceeded"]) if row["year_exceeded"] else 0
        assert row["decade"] == figures.decade_exceeded(year)


def test_network_groups_say_where_each_base_peak_comes_from(ctx):
    """Every Leicestershire group takes its base-year peak from FES 2023 (its GSP named);
    capacity is that base plus the assumed margin; FES CT is set beside the scenario."""
    t = table("network", "groups", ctx)
    net = ctx.results.network
    assert len(t.rows) == len(net.group_capacity_kw)
    assert all(row["gsp"] and row["source"].startswith("FES 2023") for row in t.rows)
    margin = 1 + ctx.results.assumptions["network_headroom_fraction"]
    assert column(t, "capacity") == pytest.approx(column(t, "base") * margin)
    assert column(t, "base").sum() * 1000 == pytest.approx(ctx.inputs.network_base_peak_kw.sum())
    fes = ctx.inputs.network_fes_peak_kw["CT"][:, 2050 - int(ctx.results.years[0])]
    assert column(t, "fes_2050") * 1000 == pytest.approx(fes)


def test_network_fes_growth_sums_each_scenarios_shares_beside_the_scenario(ctx):
    t = table("network", "fes-growth", ctx)
    assert {c.key for c in t.columns} == {"year", "ct", "lw", "st", "fs", "scenario"}
    for code in ("CT", "LW", "ST", "FS"):
        fes = ctx.inputs.network_fes_peak_kw[code].sum(axis=0) / 1000
        assert column(t, code.lower()) == pytest.approx(fes)
    # In the base year the scenario's peak is the FES base: the mean of the four scenarios.
    first = t.rows[0]
    assert first["scenario"] == pytest.approx(np.mean([first[c] for c in ("ct", "lw", "st", "fs")]))


def test_uncertainty_lists_deployment_policy_and_parameters(ctx):
    t = table("officers", "uncertainty-varied", ctx)
    kinds = {row["kind"].split(":")[0] for row in t.rows}
    assert kinds == {"Deployment", "Policy and markets", "Parameter"}
    keys = {row["key"] for row in t.rows}
    assert {"delivery_buildings_fraction", "grid_intensity_2035_kgco2e_per_kwh"} <= keys
    assert len(t.rows) == len(figures.bands(ctx).keys)


def test_paybacks_are_whole_years_and_only_where_they_repay():
    assert figures.meaningful_payback(1000.0, 0.0, 25) is None
    assert figures.meaningful_payback(1000.0, -5.0, 25) is None
    assert figures.meaningful_payback(100_000.0, 10.0, 25) is None  # 10,000 years
    assert figures.meaningful_payback(1000.0, 130.0, 25) == 8.0


def test_decade_classes():
    assert figures.decade_exceeded(0) == figures.NOT_BY_2050
    assert figures.decade_exceeded(2029) == "Before 2030"
    assert figures.decade_exceeded(2030) == "2030s"
    assert figures.decade_exceeded(2049) == "2040s"


def test_community_score_ranks_and_generation(ctx):
    t = table("community", "opportunity", ctx)
    scores = column(t, "score")
    assert list(scores) == sorted(scores, reverse=True)
    assert scores.min() >= 0 and scores.max() <= 100
    generation = table("community", "generation-by-year", ctx)
    assert generation.rows[-1]["generation"] * 1000 == pytest.approx(
        ctx.results.generation_kwh[:, -1].sum()
    )
    assert column(t, "generation_mwh").sum() * 1000 == pytest.approx(
        ctx.results.generation_kwh[:, -1].sum()
    )


def test_unknown_area_names_the_districts(ctx):
    with pytest.raises(UnknownArea, match="E07000129 \\(Blaby\\)"):
        tables_for("public", narrowed(ctx, "E99999999"))


def test_what_changes_counts_are_the_engines_deployment(ctx):
    t = table("public", "what-changes", ctx)
    heat_pumps = next(row for row in t.rows if row["what"] == "Heat pumps in homes")
    assert heat_pumps["y2050"] == pytest.approx(ctx.results.deployment["heat_pumps"][:, -1].sum())


def test_generation_potential_is_at_least_what_the_scenario_installs(ctx):
    """Rule: the potential (generation levers at their highest level) bounds the scenario."""
    t = table("community", "opportunity", ctx)
    for row in t.rows:
        installed = row["solar_rooftop_mw"] + row["solar_ground_mw"] + row["onshore_wind_mw"]
        assert row["potential_mw"] >= installed - 1e-9
        assert row["potential_used_pct"] is None or 0 <= row["potential_used_pct"] <= 100 + 1e-9


def test_capex_by_year_is_the_engines_capex_each_year(ctx):
    t = table("investors", "capex-by-year", ctx)
    assert column(t, "total") == pytest.approx(ctx.results.capex_gbp.sum(axis=0))
    assert column(t, "heat_pumps") == pytest.approx(
        ctx.results.capex_by_item_gbp["heat_pumps"].sum(axis=0)
    )


def test_officers_zone_outputs_are_the_engines(ctx):
    t = table("officers", "zones", ctx)
    results = ctx.results
    assert column(t, "reinforcement_gbp").sum() == pytest.approx(
        results.capex_by_item_gbp["network_reinforcement"].sum()
    )
    assert column(t, "bill_2050_gbp") == pytest.approx(
        results.domestic_bill_gbp_per_household[:, -1]
    )
    assert column(t, "capex_total_gbp").sum() == pytest.approx(results.capex_gbp.sum())


def test_uncertainty_of_other_outputs_brackets_the_median(ctx):
    t = table("officers", "uncertainty-outputs", ctx)
    assert len(t.rows) == 2 * 7
    for row in t.rows:
        assert row["low"] <= row["median"] <= row["high"], row["output"]
    peak = next(
        r for r in t.rows if r["output"].startswith("Peak electricity demand (zones summed), 2050")
    )
    assert peak["central"] * 1000 == pytest.approx(ctx.results.network.peak_kw[:, -1].sum())
