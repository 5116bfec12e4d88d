"""Least-cost optimisation as a background run: the every-sector optimiser's cheapest plan
(every lever, every year, with network reinforcement) that meets a cut in territorial
emissions by a year, or a carbon budget, beside the scenario it started from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from placezero.engine.levers import LEVERS
from placezero.engine.optimise_levers import PLAN_LEVERS, max_share
from placezero.engine.optimise_levers_limits import binding_in_plan
from placezero.engine.optimise_levers_lp import solve_levers
from placezero.jobs import JobParametersError, Progress
from placezero.tables import Column, Table
from placezero.tables.charts import chart_from_table

from .. import services
from . import periods
from .common import (
    about,
    engine_failures,
    pathway_kind,
    scenario_parameters,
    whole_number,
    year_rows,
)

KEY = "pathways.optimise"
TITLE = "Least-cost optimisation"
GOAL_REDUCTION, GOAL_BUDGET = "reduction", "budget"
REDUCTION_MIN_PERCENT, REDUCTION_MAX_PERCENT = 1, 100
STEPS = (
    "Reading the place's data",
    "Building the least-cost problem",
    "Solving for the least-cost plan",
    "Comparing with the starting scenario",
)

if TYPE_CHECKING:
    from placezero.places.models import Place


def clean(place: Place | None, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The goal (a cut by a target year, or a carbon budget) and the scenario to compare
    with; JobParametersError saying what to fix."""
    errors: dict[str, str] = {}
    goal = raw.get("goal") or GOAL_REDUCTION
    if goal == GOAL_REDUCTION:
        years = periods.target_years()
        year = whole_number(raw.get("target_year"), "target_year", "a target year", errors)
        if year is not None and year not in years:
            listed = ", ".join(map(str, years))
            errors["target_year"] = f"The target year must be one of {listed} (not {year})."
        percent = whole_number(
            raw.get("reduction_percent"), "reduction_percent", "the reduction", errors
        )
        if percent is not None and not REDUCTION_MIN_PERCENT <= percent <= REDUCTION_MAX_PERCENT:
            errors["reduction_percent"] = (
                f"The reduction must be between {REDUCTION_MIN_PERCENT} and "
                f"{REDUCTION_MAX_PERCENT} per cent (you entered {percent})."
            )
        cleaned: dict[str, Any] = {"goal": goal, "target_year": year, "reduction_percent": percent}
    elif goal == GOAL_BUDGET:
        budget = whole_number(
            raw.get("carbon_budget_tco2e"), "carbon_budget_tco2e", "a carbon budget", errors
        )
        if budget is not None:
            ceiling = periods.no_new_action_budget_tco2e(place)
            if not 0 < budget < ceiling:
                errors["carbon_budget_tco2e"] = (
                    f"The carbon budget must be more than 0 and less than {ceiling:,.0f} tCO2e, "
                    f"what {place.name} would emit to {periods.final_year()} with no new "
                    f"action (you entered {budget:,})."
                )
        cleaned = {"goal": goal, "carbon_budget_tco2e": budget}
    else:
        errors["goal"] = "Choose a goal: a cut in emissions by a year, or a carbon budget to 2050."
    if errors:
        raise JobParametersError(errors)
    # Residents' acceptance (citizen landscaping) as the cap per zone, when switched on.
    cleaned["acceptance"] = str(raw.get("acceptance") or "").lower() in ("on", "true", "1")
    return cleaned | scenario_parameters(place, raw)


def steps(cleaned: Mapping[str, Any]) -> int:
    return len(STEPS)


def describe(job: Any) -> str:
    p = job.parameters
    if p.get("goal") == GOAL_BUDGET:
        return f"Keep within a carbon budget of {p.get('carbon_budget_tco2e', 0):,} tCO2e to 2050"
    respecting = ", within residents' acceptance" if p.get("acceptance") else ""
    return f"Cut {p.get('target_year')} emissions by {p.get('reduction_percent')} %{respecting}"


@engine_failures
def run(job: Any, progress: Progress) -> dict[str, Any]:
    """The least-cost plan for the job's goal, beside the scenario it started from."""
    p = job.parameters
    total = len(STEPS)
    progress(0, total, STEPS[0] + ".", force=True)
    place = job.place
    inputs = services.place_inputs(place)
    baseline = periods.no_new_action_by_year(place)
    progress(1, total, STEPS[1] + ".", force=True)
    if p.get("goal") == GOAL_BUDGET:
        targets: dict[int, float] = {}
        budget: float | None = float(p["carbon_budget_tco2e"])
    else:
        year = int(p["target_year"])
        targets = {year: baseline[year] * (1 - p["reduction_percent"] / 100)}
        budget = None
    acceptance, zone_acceptance = (
        services.residents_acceptance_by_zone(place) if p.get("acceptance") else (None, None)
    )
    progress(2, total, STEPS[2] + ".", force=True)
    plan = solve_levers(
        inputs, services.assumptions(), targets, acceptance=acceptance,
        zone_acceptance=zone_acceptance, carbon_budget_tco2e=budget,
    )  # fmt: skip
    progress(3, total, STEPS[3] + ".", force=True)
    started_from = services.run(place, p["definition"])
    years = [int(y) for y in inputs.years]
    scenario_total = started_from.total_emissions_tco2e.sum(axis=0)
    simulated = plan.simulated_emissions_tco2e
    emissions = [
        {
            "year": year,
            "no_new_action_tco2e": baseline[year],
            "plan_tco2e": float(simulated[years.index(year)]),
            "target_tco2e": targets.get(year),
            "scenario_tco2e": float(scenario_total[years.index(year)]),
        }
        for year in periods.target_years()
    ]
    shown = [years.index(year) for year in periods.target_years()]
    levers = [
        {"lever": LEVERS[lever].title}
        | {str(years[y]): 100 * float(plan.shares[k, y]) / max_share(lever) for y in shown}
        for k, lever in enumerate(PLAN_LEVERS)
    ]
    return {
        "cost_gbp": float(plan.cost_gbp),
        "acceptance": bool(p.get("acceptance")),
        "reinforcement_mw": float(plan.reinforcement_kw[:, -1].sum() / 1000),
        "scenario_name": p["scenario_name"],
        "agreement": plan.gap(),
        "emissions": emissions,
        "levers": levers,
        "binding": binding_in_plan(plan, acceptance),
    }


def result_tables(job: Any) -> list[Table]:
    result = job.result
    scenario_name = result["scenario_name"]
    emissions = Table(
        slug=f"run-{job.pk}-emissions",
        caption="Territorial emissions (net of removals) in each milestone year: the "
        f"least-cost plan against no new action and “{scenario_name}”",
        columns=(
            Column("year", "Year"),
            Column("no_new_action_tco2e", "No new action", "tCO2e"),
            Column("scenario_tco2e", f"“{scenario_name}”", "tCO2e"),
            Column("plan_tco2e", "Least-cost plan", "tCO2e"),
            Column("target_tco2e", "Target", "tCO2e"),
        ),
        rows=year_rows(result["emissions"]),
        about=about("optimisation"),
    )
    if "levers" not in result:  # a run from before the every-sector mode
        return [emissions]
    deployment = Table(
        slug=f"run-{job.pk}-deployment",
        caption="What the least-cost plan does: each lever's outcome reached by each year, "
        "as a share of its level-4 outcome",
        columns=(
            Column("lever", "Lever"),
            *(Column(str(year), str(year), "%", 0) for year in periods.target_years()),
        ),
        rows=tuple(result["levers"]),
        about=about("optimisation"),
        notes=(
            "The every-sector mode plans every lever in every year: homes, non-domestic "
            "buildings, industry, transport, generation, agriculture, waste, land use and "
            "removals. Its emissions are the simulation of the plan (territorial, net of "
            f"removals); the linear programme agreed with it to {result['agreement']:.2%} of "
            "the base year.",
        ),
    )
    return [emissions, deployment]


def result_context(job: Any, tables: Sequence[Table]) -> dict[str, Any]:
    """The plan's cost and reinforcement, what holds it back, and its emissions chart."""
    result = job.result
    chart = chart_from_table(
        tables[0],
        x="year",
        series=["no_new_action_tco2e", "scenario_tco2e", "plan_tco2e"],
        reference=["target_tco2e"] if any(r["target_tco2e"] for r in result["emissions"]) else [],
        dom_id=f"chart-run-{job.pk}",
    )
    cost_gbp = result["cost_gbp"]
    cost = (
        f"£{cost_gbp:,.0f}"
        if cost_gbp >= 0
        else f"a net saving of £{-cost_gbp:,.0f} (lower bills outweigh the spending)"
    )
    summary = [
        {"label": "Present value of the plan", "value": cost},
        {
            "label": "Network reinforcement bought",
            "value": f"{result['reinforcement_mw']:,.1f} MW",
        },
    ]
    return {"summary": summary, "binding": result["binding"], "chart": chart}


SPEC = pathway_kind(globals(), scenario_label="Compared with")
