"""The plan on a page: the pathway of the place (or one member district) told in the stages
of Local Area Energy Planning, every figure taken from the engine's results.

The stages follow the LAEP method written for Ofgem by the Energy Systems Catapult and the
Centre for Sustainable Energy (2020): preparation, setting the scene, future energy
scenarios, the local area energy proposition, the pathway and routemap, and getting ready to
deliver. `figures(context)` computes what each stage reports; `stages(...)` turns those
figures into short plain-English paragraphs; `plan_tables` registers the same figures as
tables (so the page, the PDF and the downloads agree); `svg_bar_chart` draws the PDF's charts
on the server, since a PDF runs no JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import numpy as np

from placezero.engine.dimensions import CARRIERS, SECTORS, TECHNOLOGIES
from placezero.engine.levers import LEVERS
from placezero.engine.results import Results

from . import audience_figures as figures
from . import scenario_titles, services
from .labels import CAPEX_LABELS, SECTOR_LABELS, TECHNOLOGY_COUNTED, TECHNOLOGY_LABELS
from .tables import TableContext, UnknownArea

if TYPE_CHECKING:
    from placezero.places.models import Place

MILESTONE_YEARS = (2030, 2040, 2050)
NOT_BY_2050 = "Not by 2050"
REDUCTION_MILESTONES = (0.5, 0.75, 0.9)
TOP_WEDGES = 5
METHOD_CITATION = (
    "Energy Systems Catapult and Centre for Sustainable Energy (2020), "
    "Local Area Energy Planning: the Method, for Ofgem"
)
CARRIER_LABELS = {
    "electricity": "Electricity",
    "gas": "Mains gas",
    "other_fuels": "Other fuels (oil, coal, bioenergy)",
    "road_fuel": "Petrol and diesel",
}


@dataclass(frozen=True)
class PlanArea:
    code: str  # a member district's GSS code, or "" for the whole place
    name: str


def areas(place: Place) -> list[PlanArea]:
    """The plans there are: the whole place, then each member district the engine models."""
    inputs = services.place_inputs(place)
    members = sorted(zip(inputs.districts, inputs.district_names, strict=True), key=lambda m: m[1])
    return [PlanArea("", place.name), *(PlanArea(code, name) for code, name in members)]


def area_for(place: Place, code: str | None) -> PlanArea:
    """The plan area `?area=` asks for (none = the whole place); UnknownArea otherwise."""
    choices = areas(place)
    if not code:
        return choices[0]
    for area in choices[1:]:
        if area.code == code:
            return area
    listed = ", ".join(f"{a.code} ({a.name})" for a in choices[1:])
    raise UnknownArea(
        f"There is no plan for '{code}' in {place.name}: it is not one of the districts the "
        f"pathway models. Choose one of {listed}, or leave out area= for the whole place."
    )


def area_emissions_tco2e(results: Results, zones: np.ndarray) -> np.ndarray:
    """[Y] total emissions of the area's zones."""
    return results.total_emissions_tco2e[zones].sum(axis=0)


# --- figures of each stage ----------------------------------------------------------------


def base_year_emissions_by_sector(context: TableContext) -> list[dict[str, Any]]:
    """Stage 2: modelled base-year emissions by sector beside the DESNZ figures."""
    inputs, results = context.inputs, context.results
    zones = context.zone_mask
    modelled = results.emissions_tco2e[zones, 0, :].sum(axis=0)
    if context.area_code:
        reference = inputs.reference_emissions_tco2e[inputs.districts.index(context.area_code)]
    else:
        reference = np.nansum(inputs.reference_emissions_tco2e, axis=0)
        reference = np.where(
            np.isnan(inputs.reference_emissions_tco2e).all(axis=0), np.nan, reference
        )
    return [
        {
            "sector": SECTOR_LABELS.get(sector, sector),
            "modelled_tco2e": float(modelled[s]),
            "desnz_tco2e": None if np.isnan(reference[s]) else float(reference[s]),
        }
        for s, sector in enumerate(SECTORS)
    ]


def base_year_energy_by_carrier(context: TableContext) -> list[dict[str, Any]]:
    """Stage 2: base-year final energy by carrier (GWh)."""
    zones = context.zone_mask
    energy_kwh = context.results.energy_by_carrier_kwh[zones, 0, :].sum(axis=0)
    return [
        {"carrier": CARRIER_LABELS.get(carrier, carrier), "energy_gwh": float(energy_kwh[c] / 1e6)}
        for c, carrier in enumerate(CARRIERS)
    ]


def scenario_comparison(context: TableContext) -> list[dict[str, Any]]:
    """Stage 3: the scenario shown against the plan's preferred pathway (when another is
    shown) and the shipped reference scenarios: emissions in the base year, 2030, 2040 and
    2050, and the fall by 2050."""
    zones = context.zone_mask
    runs: list[tuple[str, Results]] = [(f"{context.scenario_name} (shown)", context.results)]
    preferred = services.preferred_scenario(context.place)
    if preferred is not None and preferred.name != context.scenario_name:
        runs.append(
            (
                f"{preferred.name} (preferred pathway)",
                services.run(context.place, preferred.definition),
            )
        )
    for stem, data in services.shipped_for(context.place).items():
        name = scenario_titles.of_shipped(stem, data).title
        if name == context.scenario_name:
            continue
        runs.append((name, services.run(context.place, data)))
    rows = []
    for name, results in runs:
        emissions = area_emissions_tco2e(results, zones)
        row: dict[str, Any] = {"scenario": name, "base_tco2e": float(emissions[0])}
        for year in MILESTONE_YEARS:
            row[f"y{year}_tco2e"] = float(emissions[context.year_index(year)])
        row["fall_2050_pct"] = _fall_pct(emissions[0], emissions[-1])
        rows.append(row)
    return rows


def _fall_pct(base: float, later: float) -> float:
    return float(100.0 * (base - later) / base) if base > 0 else 0.0


def deployment_by_milestone(context: TableContext) -> list[dict[str, Any]]:
    """Stage 4: technologies installed since the base year, by 2030, 2040 and 2050."""
    results = context.results
    zones = context.zone_mask
    rows = []
    for technology in TECHNOLOGIES:
        stock = results.deployment[technology][zones].sum(axis=0)
        label = TECHNOLOGY_LABELS.get(technology, (technology.replace("_", " "), ""))[0]
        unit = TECHNOLOGY_COUNTED.get(technology, "")
        row: dict[str, Any] = {"technology": label, "unit": unit}
        for year in MILESTONE_YEARS:
            row[f"y{year}"] = float(stock[context.year_index(year)])
        rows.append(row)
    return rows


def capex_by_milestone(context: TableContext) -> list[dict[str, Any]]:
    """Stage 4 and 6: capital investment by item, cumulative to 2030, 2040 and 2050 (GBP m)."""
    results = context.results
    zones = context.zone_mask
    rows = []
    for item, spend_gbp in results.capex_by_item_gbp.items():
        cumulative = np.cumsum(spend_gbp[zones].sum(axis=0))
        label = CAPEX_LABELS.get(item, item.replace("_", " ").capitalize())
        row: dict[str, Any] = {"item": label}
        for year in MILESTONE_YEARS:
            row[f"y{year}_gbp_m"] = float(cumulative[context.year_index(year)] / 1e6)
        rows.append(row)
    total: dict[str, Any] = {"item": "Total"}
    for year in MILESTONE_YEARS:
        key = f"y{year}_gbp_m"
        total[key] = float(sum(row[key] for row in rows))
    return [*sorted(rows, key=lambda r: -r["y2050_gbp_m"]), total]


def milestones(context: TableContext) -> list[dict[str, Any]]:
    """Stage 5: the year emissions first fall 50, 75 and 90 % below the base year, and the
    first year the electricity network feeding the area runs short of headroom."""
    results = context.results
    zones = context.zone_mask
    emissions = area_emissions_tco2e(results, zones)
    rows = []
    for fraction in REDUCTION_MILESTONES:
        reached = np.flatnonzero(emissions <= (1 - fraction) * emissions[0])
        rows.append(
            {
                "milestone": f"Emissions {fraction:.0%} below {int(results.years[0])}",
                "year": str(int(results.years[reached[0]])) if reached.size else NOT_BY_2050,
            }
        )
    network = results.network
    groups = np.unique(network.group_index[zones])
    first_years = network.group_first_year_exceeded[groups]
    exceeded = first_years[first_years > 0]
    rows.append(
        {
            "milestone": "First substation group above its firm capacity",
            "year": str(int(exceeded.min())) if exceeded.size else NOT_BY_2050,
        }
    )
    for year in MILESTONE_YEARS:
        count = int(((first_years > 0) & (first_years <= year)).sum())
        rows.append(
            {
                "milestone": f"Substation groups above capacity by {year} (of {groups.size})",
                "year": str(count),
            }
        )
    return rows


def network_summary(context: TableContext) -> dict[str, Any]:
    """Peak demand now and in 2050, and reinforcement needed by 2050, for the area (MW)."""
    results = context.results
    zones = context.zone_mask
    peak_mw = results.network.peak_kw[zones].sum(axis=0) / 1000
    return {
        "peak_base_mw": float(peak_mw[0]),
        "peak_2050_mw": float(peak_mw[context.year_index(2050)]),
        "reinforcement_2050_mw": float(
            results.network.reinforcement_kw[zones, context.year_index(2050)].sum() / 1000
        ),
    }


def biggest_wedges(context: TableContext) -> list[dict[str, Any]]:
    """Stage 6: the levers saving most emissions in the area, cumulative to 2050 (the
    engine's lever impacts, shared with the officers' wedges and cached per scenario)."""
    zones = context.zone_mask
    impacts, _ = figures.impacts(context)
    rows = [
        {
            "lever": LEVERS[impact.lever].title,
            "saved_2050_tco2e": float(impact.saved_tco2e_by_zone_year[zones, -1].sum()),
            "saved_cumulative_tco2e": float(impact.saved_tco2e_by_zone_year[zones].sum()),
        }
        for impact in impacts
    ]
    rows.sort(key=lambda r: -r["saved_cumulative_tco2e"])
    return [r for r in rows if r["saved_cumulative_tco2e"] > 0][:TOP_WEDGES]


# --- the stages in words ------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    number: int
    title: str
    paragraphs: tuple[str, ...]
    tables: tuple[str, ...] = ()  # slugs of plan tables shown with the stage


STAGE_TITLES = (
    "Preparation",
    "Setting the scene",
    "Future energy scenarios",
    "Local area energy proposition",
    "Pathway and routemap",
    "Ready to deliver: next steps",
)


def _t(tonnes: float) -> str:
    """Tonnes of CO2e in words a reader can hold: thousands of tonnes, no false precision."""
    return f"{tonnes / 1000:,.0f} thousand tonnes CO2e"


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _inside_sentence(label: str) -> str:
    """A label as it reads mid-sentence: first letter lower case, acronyms (HGVs) kept."""
    return label[:1].lower() + label[1:]


def _gbp_m(value_gbp_m: float) -> str:
    return f"£{value_gbp_m:,.0f} million"


def key_figures(context: TableContext) -> list[tuple[str, str]]:
    """The plan at a glance: (label, figure in words), each from the stages' figures."""
    results = context.results
    zones = context.zone_mask
    emissions = area_emissions_tco2e(results, zones)
    base_year = int(results.years[0])
    y2050 = context.year_index(2050)
    steps = milestones(context)
    capex = capex_by_milestone(context)[-1]
    network = network_summary(context)
    return [
        (f"Emissions in {base_year}", _t(emissions[0])),
        (
            "Emissions in 2050",
            f"{_t(emissions[y2050])} ({_fall_pct(emissions[0], emissions[y2050]):.0f} % lower)",
        ),
        (f"Half of the {base_year} emissions cut by", steps[0]["year"]),
        ("Capital investment to 2050", _gbp_m(capex["y2050_gbp_m"])),
        ("Network first short of capacity", steps[len(REDUCTION_MILESTONES)]["year"]),
        ("Peak electricity demand in 2050", f"{_n(network['peak_2050_mw'])} MW"),
    ]


def stages(
    context: TableContext, area: PlanArea, neighbours: list[str] | None = None
) -> list[Stage]:
    """The six LAEP stages for the area, each a few sentences with the engine's figures."""
    inputs, results = context.inputs, context.results
    zones = context.zone_mask
    base_year = int(results.years[0])
    emissions = area_emissions_tco2e(results, zones)
    households = float(inputs.households[zones].sum())
    scope = (
        f"the {len(inputs.districts)} districts of {context.place.name}"
        if not context.area_code
        else f"{area.name}, one of the districts of {context.place.name}"
    )
    preparation = [
        f"This plan covers {scope}: {int(zones.sum())} modelling zones (2011 middle layer super "
        f"output areas) and {_n(households)} households. It shows the scenario "
        f"“{context.scenario_name}”, modelled from {base_year} to 2050 by the placezero "
        "pathway engine from the place's published data.",
    ]
    if neighbours:
        one = len(neighbours) == 1
        preparation.append(
            f"{' and '.join(neighbours)} {'is a' if one else 'are'} neighbouring "
            f"{'area' if one else 'areas'}"
            f" of {context.place.name}, not a member district: the engine does not model "
            f"{'it' if one else 'them'}, so this plan has no figures for {'it' if one else 'them'}."
        )

    sectors = base_year_emissions_by_sector(context)
    largest = max(sectors, key=lambda r: r["modelled_tco2e"])
    carriers = base_year_energy_by_carrier(context)
    total_gwh = sum(r["energy_gwh"] for r in carriers)
    biggest_carrier = max(carriers, key=lambda r: r["energy_gwh"])
    scene = [
        f"In {base_year} the area emitted {_t(emissions[0])}. The largest source was "
        f"{largest['sector'].lower()} ({_t(largest['modelled_tco2e'])}). The total equals DESNZ "
        "territorial emissions (every sector and gas); by sector it is DESNZ's within-scope CO2 "
        "plus the rest of the territorial total split by a documented method, shown beside it.",
        f"It used {_n(total_gwh)} GWh of final energy, most of it "
        f"{biggest_carrier['carrier'].lower()} ({_n(biggest_carrier['energy_gwh'])} GWh).",
    ]

    compared = scenario_comparison(context)
    shown = compared[0]
    others = "; ".join(
        f"{r['scenario']}: {_t(r['y2050_tco2e'])} ({r['fall_2050_pct']:.0f} % lower)"
        for r in compared[1:]
    )
    scenarios = [
        f"In “{context.scenario_name}” emissions fall to {_t(shown['y2030_tco2e'])} in 2030, "
        f"{_t(shown['y2040_tco2e'])} in 2040 and {_t(shown['y2050_tco2e'])} in 2050, "
        f"{shown['fall_2050_pct']:.0f} % below {base_year}.",
        f"For comparison, in 2050: {others}.",
    ]

    deployed = {r["technology"]: r for r in deployment_by_milestone(context)}
    capex = capex_by_milestone(context)
    heat_pumps = deployed[TECHNOLOGY_LABELS["heat_pumps"][0]]
    retrofits = deployed[TECHNOLOGY_LABELS["retrofits"][0]]
    evs = deployed[TECHNOLOGY_LABELS["electric_vehicles"][0]]
    solar_2050_mw = sum(
        deployed[TECHNOLOGY_LABELS[t][0]]["y2050"] for t in ("solar_rooftop_mw", "solar_ground_mw")
    )
    total_capex = capex[-1]
    proposition = [
        f"By 2030 the pathway installs {_n(heat_pumps['y2030'])} heat pumps, retrofits "
        f"{_n(retrofits['y2030'])} homes and puts {_n(evs['y2030'])} more electric cars and "
        f"vans on the road; by 2050, {_n(heat_pumps['y2050'])} heat pumps, "
        f"{_n(retrofits['y2050'])} retrofits, {_n(evs['y2050'])} electric cars and vans and "
        f"{_n(solar_2050_mw)} MW of new solar.",
        f"The capital investment is {_gbp_m(total_capex['y2030_gbp_m'])} by 2030, "
        f"{_gbp_m(total_capex['y2040_gbp_m'])} by 2040 and "
        f"{_gbp_m(total_capex['y2050_gbp_m'])} by 2050.",
    ]

    steps = milestones(context)
    reductions = "; ".join(
        f"{int(f * 100)} % below {base_year} by {row['year']}"
        if row["year"] != NOT_BY_2050
        else f"not {int(f * 100)} % below {base_year} by 2050"
        for f, row in zip(REDUCTION_MILESTONES, steps, strict=False)
    )
    network_row = steps[len(REDUCTION_MILESTONES)]
    network = network_summary(context)
    first_short = (
        f"the first substation group feeding the area runs short of firm capacity in "
        f"{network_row['year']}"
        if network_row["year"] != NOT_BY_2050
        else "no substation group feeding the area runs short of firm capacity by 2050"
    )
    routemap = [
        f"Emissions are {reductions}.",
        f"Peak electricity demand grows from {_n(network['peak_base_mw'])} MW to "
        f"{_n(network['peak_2050_mw'])} MW by 2050; {first_short}, and "
        f"{_n(network['reinforcement_2050_mw'])} MW of reinforcement is needed by 2050.",
    ]

    wedges = biggest_wedges(context)
    deliver = []
    if wedges:
        listed = "; ".join(
            f"{w['lever']} ({_t(w['saved_cumulative_tco2e'])} saved to 2050)" for w in wedges
        )
        deliver.append(f"The actions that save most are: {listed}.")
    else:
        deliver.append(
            "This scenario moves no lever beyond today's policies, so no action stands out: "
            "choose a scenario with more action to see what to deliver first."
        )
    biggest_item = capex[0]
    deliver.append(
        f"The investment needed to 2050 is {_gbp_m(total_capex['y2050_gbp_m'])}, the largest "
        f"part for {_inside_sentence(biggest_item['item'])} "
        f"({_gbp_m(biggest_item['y2050_gbp_m'])}). "
        "Next steps: agree the preferred pathway with partners, build a project pipeline for "
        "the first five years and share the network needs with the distribution network "
        "operator."
    )
    texts = (preparation, scene, scenarios, proposition, routemap, deliver)
    stage_tables = (
        (),
        ("base-year-emissions", "base-year-energy"),
        ("scenarios-compared",),
        ("deployment", "investment"),
        ("milestones",),
        ("biggest-actions",),
    )
    return [Stage(n + 1, STAGE_TITLES[n], tuple(texts[n]), stage_tables[n]) for n in range(6)]


# --- charts for the PDF -------------------------------------------------------------------


def attribute_text(text: str) -> str:
    """Text escaped for use inside a double-quoted XML attribute."""
    return escape(text, {'"': "&quot;"})


# The PDF's own font, shipped with it (`plan/print.html` declares it with @font-face).
PDF_FONT_FAMILY = "Arimo, sans-serif"
POSITIVE_BAR = "#1d70b8"  # GOV.UK blue
NEGATIVE_BAR = "#d4351c"  # GOV.UK red


def svg_bar_chart(
    title: str, labels: list[str], values: list[float], unit: str, *, width: int = 480
) -> str:
    """A horizontal bar chart as SVG markup (no script), labelled for screen readers; each
    bar carries its figure, so the chart reads without the table too. Bars are as long as
    the figure's size; a negative figure (land absorbing carbon) is drawn in GOV.UK red
    and keeps its minus sign in the label."""
    bar_height, gap, label_width, value_width = 18, 6, 170, 90
    height = len(values) * (bar_height + gap) + gap
    span = max((abs(v) for v in values), default=0.0) or 1.0
    plot = width - label_width - value_width
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{PDF_FONT_FAMILY}" role="img" '
        f'aria-label="{attribute_text(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = gap + i * (bar_height + gap)
        length = max(plot * abs(value) / span, 0.0)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 13}" text-anchor="end" font-size="10">'
            f"{escape(label)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{NEGATIVE_BAR if value < 0 else POSITIVE_BAR}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 13}" font-size="10">'
            f"{escape(f'{value:,.0f} {unit}')}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
