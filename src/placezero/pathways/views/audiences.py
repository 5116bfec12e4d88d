"""The five audience views of the pathway plan: public, officers, investors, network operator
and community groups. Each shows a plain-English summary above the detail; every figure
comes from the engine's results through the tables in `audience_tables`.

Query parameters: `?scenario=` (see views.common), `?area=<district GSS code>` to narrow to
one member district, and per page `?zone=` (public) or `?output=` (officers' map).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import wraps
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.engine.dimensions import SECTORS, S
from placezero.tables.charts import chart_from_table, macc_chart, stacked_kind
from placezero.web.shortcuts import place_or_404

from .. import audience_figures as figures
from .. import audience_tables as at
from .. import services
from ..labels import SECTOR_LABELS, TECHNOLOGY_LABELS
from ..maps import NO_VALUE, ZoneMap, categorical_classes
from ..maps import zone_map as place_zone_map
from ..tables import Column, Table, TableContext, UnknownArea, check_district, tables_for
from .common import Selection, scenario_choices, selected, table_context

if TYPE_CHECKING:
    from placezero.places.models import Place

KT = figures.KT


@dataclass
class Page:
    place: Place
    selection: Selection
    ctx: TableContext
    tables: dict[str, Table]
    context: dict[str, Any]


class ScenarioProblem(Exception):
    def __init__(self, response: HttpResponse) -> None:
        self.response = response


def _area_code(request: HttpRequest, place: Place) -> str:
    code = request.GET.get("area", "").strip()
    try:
        return check_district(place.name, services.place_inputs(place), code) or ""
    except UnknownArea as error:
        raise Http404(str(error)) from None


def _page(request: HttpRequest, place_slug: str, view: str, only: str | None = None) -> Page:
    place = place_or_404(place_slug, request)
    selection = selected(request, place)
    area_code = _area_code(request, place)
    try:
        ctx = table_context(place, selection, area_code)
    except services.ScenarioError as error:
        response = render(
            request,
            "pathways/audiences/scenario_problem.html",
            {"place": place, "selection": selection, "message": str(error)},
            status=400,
        )
        raise ScenarioProblem(response) from error
    tables = {table.slug: table for table in tables_for(view, ctx, only=only)}
    inputs = ctx.inputs
    context = {
        "place": place,
        "selection": selection,
        "choices": scenario_choices(request, place),
        "area_code": area_code,
        "area_name": ctx.area_name,
        "districts": list(zip(inputs.districts, inputs.district_names, strict=True)),
        # By slug with underscores, so templates can name them (`t.emissions_by_sector`).
        "t": {slug.replace("-", "_"): table for slug, table in tables.items()},
        "export_view": view,
        "base_year": int(ctx.results.years[0]),
    }
    return Page(place, selection, ctx, tables, context)


def _query(page: Page, **extra: str) -> str:
    """The page's scenario and area as a query string prefix for links built in JS."""
    params = {"scenario": page.selection.key, "area": page.context["area_code"], **extra}
    return "?" + urlencode({k: v for k, v in params.items() if v})


def _column(table: Table, key: str) -> dict[Any, Any]:
    first = table.columns[0].key
    return {row[first]: row.get(key) for row in table.rows}


def _change(before: float, after: float) -> str:
    if before == 0:
        return "no change" if after == 0 else "a rise from zero"
    percent = 100.0 * (after - before) / abs(before)
    return f"{'down' if percent < 0 else 'up'} {abs(percent):,.0f}%"


def _kt(value: float) -> str:
    return f"{value / KT:,.0f} kt CO2e"


def zone_map(place: Place, values: dict[str, Any], **options: Any) -> ZoneMap:
    """`maps.zone_map` with only the zones the engine models (the place's boundaries also
    hold neighbours' zones, which have no figure and would read as missing data)."""
    drawn = place_zone_map(place, values, **options)
    features = [f for f in drawn.geojson["features"] if f["properties"]["code"] in values]
    classes = drawn.classes
    if all(f["properties"]["colour"] != NO_VALUE for f in features):
        classes = tuple(c for c in classes if c.colour != NO_VALUE or c.lower is not None)
    return replace(drawn, geojson={**drawn.geojson, "features": features}, classes=classes)


def _handle(view):
    """Turn a scenario the engine rejects into the problem page (status 400)."""

    @wraps(view)
    def wrapped(request: HttpRequest, place_slug: str) -> HttpResponse:
        try:
            return view(request, place_slug)
        except ScenarioProblem as problem:
            return problem.response

    return wrapped


# --- public ---------------------------------------------------------------------------------


def _chosen_zone(request: HttpRequest, page: Page) -> str:
    """`?zone=`: one of the zones shown (those of the chosen area), or none."""
    code = request.GET.get("zone", "").strip()
    if code and code not in {row["zone"] for row in page.tables["zones"].rows}:
        raise Http404(f"'{code}' is not a zone of {page.context['area_name']}.")
    return code


def public_summary(page: Page) -> list[str]:
    results, ctx = page.ctx.results, page.ctx
    name, area = page.selection.name, page.context["area_name"]
    pathway = page.tables["pathway-to-target"]
    total = {int(year): value for year, value in _column(pathway, "scenario").items()}
    first, last = int(results.years[0]), int(results.years[-1])
    lines = [
        f"Under “{name}”, emissions in {area} go from {_kt(total[first])} in {first} to "
        f"{_kt(total[last])} in {last} ({_change(total[first], total[last])})."
    ]
    base = page.tables["emissions-by-sector"].rows[0]
    biggest = max(SECTORS, key=lambda s: base[s])
    lines.append(
        f"The largest source in {first} is {SECTOR_LABELS[biggest].lower()}: "
        f"{_kt(base[biggest])}, {100 * base[biggest] / base['total']:,.0f}% of the total."
    )
    target = at.net_zero_target(ctx)
    if target is None:
        lines.append("No net zero target is recorded for this area.")
    else:
        year = min(max(target["year"], first), last)
        lines.append(
            f"The net zero target is {target['year']} ({target['area']}); in {year} this "
            f"scenario still emits {_kt(total[year])}, "
            f"{100 * total[year] / total[first]:,.0f}% of {first}."
        )
    y2035 = page.ctx.year_index(2035)
    deployed = {k: figures.area_sum(ctx, v[:, y2035]) for k, v in results.deployment.items()}
    lines.append(
        f"By 2035: {deployed['heat_pumps']:,.0f} heat pumps and "
        f"{deployed['retrofits']:,.0f} retrofits in homes, "
        f"{deployed['electric_vehicles']:,.0f} more electric cars and vans, and "
        f"{deployed['solar_rooftop_mw'] + deployed['solar_ground_mw']:,.0f} MW of new solar."
    )
    return lines


def zone_story(page: Page, code: str) -> dict[str, Any]:
    """What the public page says about one zone: its sector mix, what is deployed there and
    when its primary substation group runs out of headroom."""
    results, inputs = page.ctx.results, page.ctx.inputs
    z = inputs.zones.index(code)
    first = int(results.years[0])
    milestones = figures.milestone_years(results)
    sector_rows = []
    for s in SECTORS:
        row = {"sector": SECTOR_LABELS[s]}
        for year in milestones:
            row[f"y{year}"] = float(results.emissions_tco2e[z, year - first, S[s]])
        sector_rows.append(row)
    sectors = Table(
        f"zone-{code}-sectors",
        f"Emissions by sector in {inputs.zone_names[z]} ({code})",
        (
            Column("sector", "Sector"),
            *(Column(f"y{y}", str(y), "tCO2e") for y in milestones),
        ),
        tuple(sector_rows),
        about=page.ctx.about("equations"),
    )
    y2050 = page.ctx.year_index(2050)
    deployed = [
        {"what": label, "value": float(results.deployment[tech][z, y2050]), "unit": unit}
        for tech, (label, unit) in TECHNOLOGY_LABELS.items()
    ]
    exceeded = int(results.network.first_year_exceeded[z])
    total = results.total_emissions_tco2e[z]
    return {
        "code": code,
        "name": inputs.zone_names[z],
        "district": inputs.district_names[inputs.zone_district_index[z]],
        "sectors": sectors,
        "deployed": deployed,
        "headroom": (
            f"The local primary substation group first needs more capacity in {exceeded}."
            if exceeded
            else "The local primary substation group keeps within its capacity to 2050."
        ),
        "summary": (
            f"Emissions go from {total[0]:,.0f} tCO2e in {first} to {total[-1]:,.0f} tCO2e "
            f"in {int(results.years[-1])} ({_change(total[0], total[-1])})."
        ),
    }


@require_safe
@requires("pathways.view")
@_handle
def public(request: HttpRequest, place_slug: str) -> HttpResponse:
    """The county and my district: where emissions come from, the pathway to net zero, what
    changes, and a map to pick a zone and read its story."""
    page = _page(request, place_slug, "public")
    zone_code = _chosen_zone(request, page)
    t = page.tables
    page.context.update(
        summary=public_summary(page),
        sectors_chart=chart_from_table(
            t["emissions-by-sector"], x="year", series=list(SECTORS), kind="stacked-bar"
        ),
        pathway_chart=chart_from_table(
            t["pathway-to-target"],
            x="year",
            series=["scenario"],
            reference=[c.key for c in t["pathway-to-target"].columns if c.key == "target_path"],
        ),
        zone_map=zone_map(
            page.place,
            _column(t["zones"], "reduction_2030_pct"),
            title=f"Fall in emissions {page.context['base_year']} to 2030",
            unit="%",
            area_code=page.context["area_code"] or None,
            link_template=_query(page) + "&zone={code}#zone-story",
        ),
        zone_code=zone_code,
        zone_options=[
            (row["zone"], f"{row['name']} ({row['district']})") for row in t["zones"].rows
        ],
        story=zone_story(page, zone_code) if zone_code else None,
        target=at.net_zero_target(page.ctx),
        net_zero_year=_net_zero_year(page),
    )
    return render(request, "pathways/audiences/public.html", page.context)


def _net_zero_year(page: Page) -> int | None:
    """First year the area's net territorial emissions are at or below zero, if any."""
    pathway = _column(page.tables["pathway-to-target"], "scenario")
    reached = [int(year) for year, value in pathway.items() if value is not None and value <= 0]
    return min(reached) if reached else None


# --- officers -------------------------------------------------------------------------------


def officers_summary(page: Page) -> list[str]:
    t = page.tables
    budget = t["carbon-budget"].rows[-1]
    impacts, _ = figures.impacts(page.ctx)
    lines = [
        f"By {budget['year']} cumulative emissions are {_kt(budget['cumulative'])} against a "
        f"straight-line carbon budget of {_kt(budget['budget'])} "
        f"({100 * budget['cumulative'] / budget['budget']:,.0f}% of it)."
        if budget["budget"]
        else "No carbon budget can be drawn: base-year emissions are zero."
    ]
    if impacts:
        best = max(impacts, key=lambda i: i.cumulative_saved_tco2e)
        lines.append(
            f"Across {page.place.name}, the lever saving most is {best.title.lower()}: "
            f"{_kt(best.cumulative_saved_tco2e)} over the model years."
        )
    if t["macc"].rows:
        cheapest = t["macc"].rows[0]
        cost = cheapest["cost_per_tco2e"]
        lines.append(
            f"The cheapest per tonne is {cheapest['lever'].lower()}, which "
            + (
                f"saves £{-cost:,.0f} more in fuel than it costs for each tonne of CO2e avoided."
                if cost < 0
                else f"costs £{cost:,.0f} for each tonne of CO2e avoided."
            )
        )
    capex = sum(row["capex"] for row in t["costs-by-year"].rows)
    lines.append(
        f"Capital cost in {page.context['area_name']} over the model years: "
        f"£{capex / 1e6:,.0f} million."
    )
    last = t["uncertainty"].rows[-1]
    lines.append(
        f"In {last['year']} total emissions lie between {_kt(last['low'])} and "
        f"{_kt(last['high'])} (5th to 95th percentile of {figures.PAGE_SAMPLES} samples); "
        f"central assumptions give {_kt(last['central'])}."
    )
    return lines


def officers_map(page: Page, output: str):
    if output not in at.ZONE_OUTPUTS:
        raise Http404(f"No map output '{output}'. Choose one of: {', '.join(at.ZONE_OUTPUTS)}.")
    label, unit, decimals = at.ZONE_OUTPUTS[output]
    return zone_map(
        page.place,
        _column(page.tables["zones"], output),
        title=label,
        unit=unit,
        decimals=decimals,
        dom_id="officers-zone-map",
        area_code=page.context["area_code"] or None,
    )


DEFAULT_OUTPUT = "emissions_2030"


@require_safe
@requires("pathways.view")
@_handle
def officers(request: HttpRequest, place_slug: str) -> HttpResponse:
    """Every output: emissions against target and budget, wedges, MACC, costs, deployment,
    uncertainty, and a zone map coloured by any output."""
    page = _page(request, place_slug, "officers")
    t = page.tables
    output = request.GET.get("output", "") or DEFAULT_OUTPUT
    emissions = t["emissions-by-sector"]
    page.context.update(
        summary=officers_summary(page),
        emissions_chart=chart_from_table(
            emissions,
            x="year",
            series=list(SECTORS),
            kind=stacked_kind(emissions, list(SECTORS)),
            reference=[c.key for c in emissions.columns if c.key == "target_path"],
        ),
        budget_chart=chart_from_table(t["carbon-budget"], x="year", reference=["budget"]),
        wedges_chart=chart_from_table(
            t["wedges"],
            x="year",
            kind=stacked_kind(t["wedges"], [c.key for c in t["wedges"].columns[1:]]),
        ),
        macc_chart=macc_chart(t["macc"], label="lever", width="saved", height="cost_per_tco2e"),
        costs_chart=chart_from_table(t["costs-by-year"], x="year", kind="stacked-bar"),
        uncertainty_chart=chart_from_table(
            t["uncertainty"], x="year", series=["low", "median", "high"], reference=["central"]
        ),
        zone_map=officers_map(page, output),
        output=output,
        outputs=[(key, label) for key, (label, _, _) in at.ZONE_OUTPUTS.items()],
        samples=figures.PAGE_SAMPLES,
    )
    return render(request, "pathways/audiences/officers.html", page.context)


@require_safe
@requires("pathways.view")
@_handle
def zone_map_fragment(request: HttpRequest, place_slug: str) -> HttpResponse:
    """The officers' zone map alone, coloured by `?output=` (htmx swaps it in)."""
    page = _page(request, place_slug, "officers", only="zones")
    output = request.GET.get("output", "") or DEFAULT_OUTPUT
    page.context.update(zone_map=officers_map(page, output), output=output)
    return render(request, "pathways/audiences/_officers_map.html", page.context)


# --- investors ------------------------------------------------------------------------------


def investors_summary(page: Page) -> list[str]:
    t = page.tables
    periods = t["capex-by-period"].rows
    total = sum(row["total"] for row in periods)
    busiest = max(periods, key=lambda row: row["total"])
    items = [c for c in t["capex-by-period"].columns if c.unit and c.key != "total"]
    by_item = {c.label: sum(row[c.key] for row in periods) for c in items}
    biggest = max(by_item, key=by_item.get)
    lines = [
        f"Under “{page.selection.name}”, capital investment in {page.context['area_name']} "
        f"totals £{total / 1e6:,.0f} million over the model years; the busiest period is "
        f"{busiest['period']} (£{busiest['total'] / 1e6:,.0f} million).",
        f"The largest item is {biggest.lower()}: £{by_item[biggest] / 1e6:,.0f} million.",
    ]
    packages = t["packages"].rows
    if packages:
        largest = max(packages, key=lambda row: row["capex"])
        lines.append(
            f"{len(packages)} investable packages; the largest is “{largest['package']}” at "
            f"£{largest['capex'] / 1e6:,.0f} million."
        )
    return lines


@require_safe
@requires("pathways.view")
@_handle
def investors(request: HttpRequest, place_slug: str) -> HttpResponse:
    """The investment pipeline: capex by technology, district and period; packages."""
    page = _page(request, place_slug, "investors")
    t = page.tables
    items = [c.key for c in t["capex-by-period"].columns if c.unit and c.key != "total"]
    spans = [c.key for c in t["capex-by-district"].columns if c.key.startswith("p")]
    page.context.update(
        summary=investors_summary(page),
        period_chart=chart_from_table(
            t["capex-by-period"], x="period", series=items, kind="stacked-bar"
        ),
        year_chart=chart_from_table(t["capex-by-year"], x="year", series=items, kind="stacked-bar"),
        district_chart=chart_from_table(
            t["capex-by-district"],
            x="district",
            series=spans,
            kind="stacked-bar",
            horizontal=True,
        ),
    )
    return render(request, "pathways/audiences/investors.html", page.context)


# --- network --------------------------------------------------------------------------------


def network_zone_detail(page: Page, code: str) -> Table:
    """One zone's peak by year against the capacity of the primary group that feeds it."""
    results, inputs = page.ctx.results, page.ctx.inputs
    network = results.network
    z = inputs.zones.index(code)
    group = network.group_index[z]
    capacity = float(network.group_capacity_kw[group] / figures.MW)
    rows = tuple(
        {
            "year": str(year),
            "zone_peak": float(network.peak_kw[z, y] / figures.MW),
            "group_peak": float(network.group_peak_kw[group, y] / figures.MW),
            "capacity": capacity,
            "exceedance": float(network.group_exceedance_kw[group, y] / figures.MW),
        }
        for y, year in enumerate(results.years)
    )
    return Table(
        f"zone-{code}-peak",
        f"Peak demand in {inputs.zone_names[z]} ({code}) and its primary substation group",
        (
            Column("year", "Year"),
            Column("zone_peak", "Zone peak", "MW", 2),
            Column("group_peak", "Group peak", "MW", 2),
            Column("capacity", "Group firm capacity (derived)", "MW", 2),
            Column("exceedance", "Group peak above capacity", "MW", 2),
        ),
        rows,
        about=page.ctx.about("equations"),
        notes=(at.HEADROOM_NOTE,),
    )


def network_summary(page: Page) -> list[str]:
    rows = page.tables["zones"].rows
    peak = page.tables["peak-by-year"].rows
    counts = {
        label: sum(1 for r in rows if r["decade"] == label) for label in figures.DECADE_CLASSES
    }
    before_2050 = len(rows) - counts[figures.NOT_BY_2050]
    cost = sum(r["reinforcement_gbp"] for r in rows)
    mw = sum(r["reinforcement_mw"] for r in rows)
    return [
        f"Peak electricity demand on the groups serving {page.context['area_name']} goes "
        f"from {peak[0]['peak']:,.0f} MW in {peak[0]['year']} to {peak[-1]['peak']:,.0f} MW "
        f"in {peak[-1]['year']} ({_change(peak[0]['peak'], peak[-1]['peak'])}).",
        f"{before_2050} of {len(rows)} zones are fed by a primary group that runs out of "
        f"headroom by 2050; {counts['Before 2030']} before 2030 and {counts['2030s']} in the "
        "2030s.",
        f"Reinforcement needed by 2050: {mw:,.0f} MW, costing £{cost / 1e6:,.0f} million.",
        _network_basis(page.tables["groups"].rows),
    ]


def _network_basis(groups: list[dict]) -> str:
    """What the base peaks rest on: how many groups take FES 2023 and how many their own."""
    fes = sum(1 for g in groups if g["gsp"])
    own = len(groups) - fes
    said = (
        f"The base-year peak of {fes} of {len(groups)} primary substation groups comes from "
        "FES 2023 grid supply point peaks shared among NGED primary substations"
    )
    if not fes:
        said = (
            f"None of the {len(groups)} groups lies in a grid supply point with NGED primary "
            "substations, so every base-year peak comes from the place's own electricity use"
        )
    elif own:
        said += f"; the other {own} use the place's own electricity use"
    return (
        said + ". Capacity is that peak plus an assumed margin: firm capacity is not published "
        "in the national files."
    )


@require_safe
@requires("pathways.view")
@_handle
def network(request: HttpRequest, place_slug: str) -> HttpResponse:
    """Peak demand against headroom by zone and year; a map of the year it is exceeded."""
    page = _page(request, place_slug, "network")
    t = page.tables
    zone_code = _chosen_zone(request, page)
    detail = network_zone_detail(page, zone_code) if zone_code else None
    page.context.update(
        zone_code=zone_code,
        zone_options=[
            (row["zone"], f"{row['name']} ({row['district']})") for row in t["zones"].rows
        ],
        zone_detail=detail,
        zone_chart=(
            chart_from_table(
                detail, x="year", series=["zone_peak", "group_peak"], reference=["capacity"]
            )
            if detail
            else None
        ),
        summary=network_summary(page),
        peak_chart=chart_from_table(
            t["peak-by-year"], x="year", series=["peak"], reference=["capacity"]
        ),
        fes_chart=chart_from_table(t["fes-growth"], x="year"),
        zone_map=zone_map(
            page.place,
            {row["zone"]: row["year_exceeded"] for row in t["zones"].rows},
            title="When the local primary group first exceeds capacity",
            unit="",
            decimals=0,
            classes=categorical_classes(figures.DECADE_CLASSES, figures.DECADE_COLOURS),
            category={row["zone"]: row["decade"] for row in t["zones"].rows},
            dom_id="network-zone-map",
            area_code=page.context["area_code"] or None,
            link_template=_query(page) + "&zone={code}#zone-detail",
        ),
    )
    return render(request, "pathways/audiences/network.html", page.context)


# --- community ------------------------------------------------------------------------------


def community_summary(page: Page) -> list[str]:
    t, results, ctx = page.tables, page.ctx.results, page.ctx
    last = t["generation-by-year"].rows[-1]
    mw = last["solar_rooftop_mw"] + last["solar_ground_mw"] + last["onshore_wind_mw"]
    demand = figures.area_sum(ctx, results.electricity_demand_kwh[:, -1]) / figures.MWH
    share = 100 * last["generation"] / demand if demand else 0
    sites = t["existing-sites"].rows
    operational = [s for s in sites if s["status"].lower().startswith("operational")]
    lines = [
        f"Under “{page.selection.name}”, {page.context['area_name']} adds {mw:,.0f} MW of "
        f"solar and wind by {last['year']}, generating {last['generation'] / 1000:,.0f} GWh "
        f"a year: {share:,.0f}% of its electricity use that year.",
        f"{len(sites)} renewable sites are in the planning database here, "
        f"{len(operational)} of them operational "
        f"({sum(s['capacity'] or 0 for s in operational):,.0f} MW).",
    ]
    ranked = t["opportunity"].rows
    potential = sum(row["potential_mw"] for row in ranked)
    lines.append(
        f"With rooftop solar, ground solar and wind at their highest lever levels the zones "
        f"would host {potential:,.0f} MW by {last['year']}; this scenario uses "
        f"{100 * mw / potential if potential else 0:,.0f}% of that."
    )
    if ranked:
        top = ranked[0]
        lines.append(f"The best opportunity is {top['name']} ({top['district']}): {top['reason']}.")
    return lines


@require_safe
@requires("pathways.view")
@_handle
def community(request: HttpRequest, place_slug: str) -> HttpResponse:
    """Local generation potential and opportunities by zone, for community energy groups."""
    page = _page(request, place_slug, "community")
    t = page.tables
    page.context.update(
        summary=community_summary(page),
        generation_chart=chart_from_table(
            t["generation-by-year"],
            x="year",
            series=["solar_rooftop_mw", "solar_ground_mw", "onshore_wind_mw", "battery_mw"],
            kind="stacked-bar",
        ),
        zone_map=zone_map(
            page.place,
            _column(t["opportunity"], "score"),
            title="Community energy opportunity score",
            unit="of 100",
            decimals=0,
            dom_id="community-zone-map",
            area_code=page.context["area_code"] or None,
        ),
        score_method=figures.SCORE_METHOD,
    )
    return render(request, "pathways/audiences/community.html", page.context)
