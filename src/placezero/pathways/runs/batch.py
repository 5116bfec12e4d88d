"""A batch run: one scenario's place-wide levers in every place loaded on this site, one
engine run each, to see how the same ambition plays out across places (a national batch
once every local authority is loaded: `placezero place create --lad …`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from placezero.jobs import Progress
from placezero.places import services as places
from placezero.tables import Column, Table
from placezero.tables.charts import chart_from_table

from .. import services
from .common import (
    about,
    engine_failures,
    pathway_kind,
    scenario_parameters,
)

if TYPE_CHECKING:
    from placezero.places.models import Place

KEY = "pathways.batch"
TITLE = "Every place on this site"
YEARS = (2030, 2040, 2050)


def clean(place: Place | None, raw: Mapping[str, Any]) -> dict[str, Any]:
    return scenario_parameters(place, raw)


def steps(cleaned: Mapping[str, Any]) -> int:
    return len(places.list_places())


def describe(job: Any) -> str:
    return f"“{job.parameters.get('scenario_name', '')}” in every place on this site"


def place_wide_definition(definition: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a scenario that means the same in any place: its place-wide lever levels.
    Overrides for this place's districts and zones, and trajectories written per district,
    name codes other places do not have, so a batch leaves them out (and says so)."""
    return {"levers": dict(definition.get("levers") or {})}


@engine_failures
def run(job: Any, progress: Progress) -> dict[str, Any]:
    """One engine run per place, with the scenario's place-wide levers, and a row each."""
    p = job.parameters
    definition = place_wide_definition(p["definition"])
    every_place = places.list_places()
    total = len(every_place)
    rows = []
    for done, place in enumerate(every_place):
        progress(done, total, f"Running {place.name} ({done + 1} of {total}).", force=True)
        results = services.run(place, definition)
        years = [int(y) for y in results.years]
        emissions = results.total_emissions_tco2e.sum(axis=0)
        row: dict[str, Any] = {
            "place": place.name,
            "zones": len(results.inputs.zones),
            "base_year": years[0],
            "base_tco2e": float(emissions[0]),
        }
        for year in YEARS:
            row[f"y{year}_tco2e"] = float(emissions[years.index(year)])
        row["cut_percent"] = 100.0 * (1 - emissions[-1] / emissions[0]) if emissions[0] else None
        row["capex_gbp"] = float(results.capex_gbp.sum())
        row["zones_short_of_headroom"] = int(
            np.count_nonzero(results.network.first_year_exceeded > 0)
        )
        rows.append(row)
    progress(total, total, "All places run.", force=True)
    overridden = sorted(k for k in ("districts", "zones", "trajectories") if p["definition"].get(k))
    return {
        "scenario_name": p["scenario_name"],
        "years": list(YEARS),
        "places": rows,
        "left_out": overridden,
    }


def result_tables(job: Any) -> list[Table]:
    result = job.result
    years = result["years"]
    table = Table(
        slug=f"run-{job.pk}-places",
        caption=f"“{result['scenario_name']}” in every place on this site",
        columns=(
            Column("place", "Place"),
            Column("zones", "Zones", "count"),
            Column("base_tco2e", "Base year emissions", "tCO2e"),
            *(Column(f"y{year}_tco2e", f"Emissions {year}", "tCO2e") for year in years),
            Column("cut_percent", f"Cut by {years[-1]}", "%", 1),
            Column("capex_gbp", "Capital cost to 2050", "GBP"),
            Column("zones_short_of_headroom", "Zones short of network headroom", "count"),
        ),
        rows=tuple(result["places"]),
        about=about("index"),
        notes=tuple(
            f"This scenario's {part} overrides name one place's codes: they were left out, so "
            "every place ran the scenario's place-wide lever levels."
            for part in result["left_out"]
        ),
    )
    return [table]


def result_context(job: Any, tables: Sequence[Table]) -> dict[str, Any]:
    years = job.result["years"]
    chart = chart_from_table(
        tables[0],
        x="place",
        series=["base_tco2e", *(f"y{year}_tco2e" for year in years)],
        kind="bar",
        dom_id=f"chart-run-{job.pk}",
    )
    summary = [{"label": "Places run", "value": f"{len(job.result['places']):,}"}]
    return {"summary": summary, "chart": chart}


SPEC = pathway_kind(globals(), scenario_label="Scenario", step_noun="places")
