"""Monte Carlo uncertainty as a background run: the scenario run once per sample of the
assumptions, each drawn from its low to high range, and the band its results fall in."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from placezero.engine import uncertainty
from placezero.jobs import JobParametersError, Progress
from placezero.tables import Column, Table
from placezero.tables.charts import chart_from_table

from .. import services
from .common import (
    about,
    engine_failures,
    pathway_kind,
    scenario_parameters,
    whole_number,
    year_rows,
)

KEY = "pathways.uncertainty"
TITLE = "Monte Carlo uncertainty"
SAMPLES_MIN, SAMPLES_MAX = 10, 2000
# About this many batches, so progress moves and a cancel is seen quickly.
MONTE_CARLO_BATCHES = 50
# Outputs shown in the summary: (output name, label, divisor, unit shown).
OUTPUTS = (
    ("emissions_total_tco2e", "Annual emissions", 1.0, "tCO2e"),
    ("cumulative_emissions_tco2e", "Cumulative emissions since the base year", 1.0, "tCO2e"),
    ("electricity_demand_kwh", "Electricity demand", 1e6, "GWh"),
    ("local_generation_kwh", "Local generation", 1e6, "GWh"),
    ("peak_demand_kw", "Peak electricity demand", 1e3, "MW"),
    ("capex_gbp", "Capital spending that year", 1e6, "£ million"),
    ("domestic_bill_gbp_per_household", "Energy bill per household", 1.0, "GBP"),
)

if TYPE_CHECKING:
    from placezero.places.models import Place


def clean(place: Place | None, raw: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    samples = whole_number(raw.get("samples"), "samples", "the number of samples", errors)
    if samples is not None and not SAMPLES_MIN <= samples <= SAMPLES_MAX:
        errors["samples"] = (
            f"The number of samples must be between {SAMPLES_MIN} and {SAMPLES_MAX:,} "
            f"(you entered {samples:,}): {SAMPLES_MIN} gives a rough band in seconds, "
            "1,000 a steady one."
        )
    if errors:
        raise JobParametersError(errors)
    seed = whole_number(raw.get("seed") or 0, "seed", "the random seed", errors)
    if errors:
        raise JobParametersError(errors)
    return {"samples": samples, "seed": seed} | scenario_parameters(place, raw)


def steps(cleaned: Mapping[str, Any]) -> int:
    return int(cleaned["samples"])


def describe(job: Any) -> str:
    p = job.parameters
    return f"{p.get('samples', 0):,} samples around “{p.get('scenario_name', '')}”"


@engine_failures
def run(job: Any, progress: Progress) -> dict[str, Any]:
    """Monte Carlo bands (5th, 50th, 95th percentiles) around the job's scenario."""
    p = job.parameters
    place = job.place
    samples = int(p["samples"])
    progress(0, samples, "Running the model once for each sample of the assumptions.", force=True)
    scenario = services.engine_scenario(place, p["definition"], p["scenario_name"])
    bands = uncertainty.place_uncertainty(
        services.place_inputs(place),
        scenario,
        services.assumptions(),
        n_samples=samples,
        seed=int(p.get("seed", 0)),
        batch_size=max(1, math.ceil(samples / MONTE_CARLO_BATCHES)),
        progress=progress,
    )
    years = [int(y) for y in services.place_inputs(place).years]
    low, median, high = bands.band("emissions_total_tco2e")
    emissions = [
        {"year": year, "low": float(low[y]), "median": float(median[y]), "high": float(high[y])}
        for y, year in enumerate(years)
    ]
    final = len(years) - 1
    outputs = []
    for name, label, divisor, unit in OUTPUTS:
        if name not in bands.outputs:
            continue
        low, median, high = (float(band[final]) / divisor for band in bands.band(name))
        outputs.append({"output": label, "unit": unit, "low": low, "median": median, "high": high})
    return {
        "samples": bands.n_samples,
        "varied": len(bands.keys),
        "percentiles": list(bands.percentiles),
        "scenario_name": p["scenario_name"],
        "final_year": years[final],
        "emissions": emissions,
        "outputs": outputs,
    }


def _percentile_words(result: Mapping[str, Any]) -> tuple[str, str]:
    low, _, high = (f"{p:g}" for p in result["percentiles"])
    return low, high


def result_tables(job: Any) -> list[Table]:
    result = job.result
    low, high = _percentile_words(result)
    bands = Table(
        slug=f"run-{job.pk}-emissions-band",
        caption=f"Annual emissions of “{result['scenario_name']}”: {low}th percentile, median "
        f"and {high}th percentile over {result['samples']:,} samples",
        columns=(
            Column("year", "Year"),
            Column("low", f"{low}th percentile", "tCO2e"),
            Column("median", "Median", "tCO2e"),
            Column("high", f"{high}th percentile", "tCO2e"),
        ),
        rows=year_rows(result["emissions"]),
        about=about("uncertainty"),
        notes=(f"{result['varied']} assumptions varied over their low to high range.",),
    )
    outputs = Table(
        slug=f"run-{job.pk}-outputs",
        caption=f"Range of outcomes in {result['final_year']}",
        columns=(
            Column("output", "Outcome"),
            Column("unit", "Unit"),
            Column("low", f"{low}th percentile"),
            Column("median", "Median"),
            Column("high", f"{high}th percentile"),
        ),
        rows=tuple(result["outputs"]),
        about=about("uncertainty"),
    )
    return [bands, outputs]


def result_context(job: Any, tables: Sequence[Table]) -> dict[str, Any]:
    result = job.result
    chart = chart_from_table(
        tables[0],
        x="year",
        series=["median"],
        reference=["low", "high"],
        dom_id=f"chart-run-{job.pk}",
    )
    summary = [
        {"label": "Samples", "value": f"{result['samples']:,}"},
        {"label": "Assumptions varied", "value": f"{result['varied']}"},
    ]
    return {"summary": summary, "chart": chart}


SPEC = pathway_kind(globals(), scenario_label="Scenario", step_noun="samples")
