"""The national batch (`placezero pathway batch --all`): in every place loaded on this site,
the shipped net zero scenario and the least-cost plan that reaches the same 2050 emissions,
then each place's plan on a page published. One background job (`pathways.national`) with a
step per place; a place that fails is recorded with its reason and the rest go on.

What each place gets (docs/method/national.md explains each figure):
- gap to net zero: the net zero scenario's 2050 territorial emissions, net of removals
  (tCO2e/yr; 0 or less means it reaches net zero), and that as a share of the base year;
- headroom shortfall: network reinforcement the net zero scenario needs by 2050 (MW, the
  engine's primary-substation groups above capacity), and how many zones sit in them;
- cost per tonne: the least-cost plan's net present cost (capital, and running costs net of
  fuel saved, against no new action: the optimiser's objective) divided by the emissions it
  saves against no new action, summed over the years after the base year to 2050. Below
  zero where the plan saves more than it costs.

The national view (`/places/`, `/api/places/compared`) reads the newest finished batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from placezero.datapack.parallel import ClusterError, dask_client
from placezero.engine import national as engine_national
from placezero.jobs import JobFailed, JobKindSpec, Progress
from placezero.places import services as places
from placezero.tables import Column, Table

from .. import outputs, services
from . import periods
from .common import PERMISSIONS, about

if TYPE_CHECKING:
    from placezero.places.models import Place

KEY = "pathways.national"
TITLE = "National batch: net zero and least cost in every place"
SCENARIO = "net-zero"
# The command line prints each place as it goes by listening to this logger.
logger = logging.getLogger(__name__)


class NationalError(Exception):
    pass


def clean(place: Place | None, raw: Mapping[str, Any]) -> dict[str, Any]:
    shipped = services.shipped_definitions()[SCENARIO]
    slugs = sorted(str(s) for s in raw.get("places") or [p.slug for p in places.list_places()])
    workers = int(raw.get("workers") or 1)
    return {
        "scenario_name": str(shipped.get("name", SCENARIO)),
        "definition": services.clean_definition(shipped),
        "places": slugs,
        "workers": max(workers, 1),
        "scheduler": str(raw["scheduler"]) if raw.get("scheduler") else None,
    }


def steps(cleaned: Mapping[str, Any]) -> int:
    return len(cleaned["places"])


def describe(job: Any) -> str:
    return f"Net zero and the least-cost plan in {len(job.parameters.get('places', []))} places"


def engine_figures(source: str, definition: Mapping[str, Any]) -> dict[str, Any]:
    """The engine's figures for one place's pack (a Dask task, or called here)."""
    return engine_national.place_figures(source, definition, periods.NO_NEW_ACTION)


def _figures_each(
    sources: Mapping[str, str], definition: Mapping[str, Any], workers: int, scheduler: str | None
) -> Iterator[tuple[str, dict[str, Any] | None, str]]:
    """(slug, figures or None, reason) for each place as soon as it is known: here one after
    another (`workers` 1), or on a Dask LocalCluster of `workers`, or at `scheduler`."""
    if scheduler is None and workers <= 1:
        for slug, source in sources.items():
            try:
                yield slug, engine_figures(source, definition), ""
            except Exception as error:  # one place's failure is reported; the rest go on
                yield slug, None, f"{type(error).__name__}: {error}"[:500]
        return
    from dask.distributed import as_completed

    with dask_client(scheduler, workers) as client:
        futures = {
            client.submit(
                engine_national.place_figures,
                source,
                dict(definition),
                periods.NO_NEW_ACTION,
                key=f"national-{slug}",
                retries=0,
            ): slug
            for slug, source in sources.items()
        }
        for future in as_completed(futures):
            try:
                yield futures[future], future.result(), ""
            except Exception as error:
                yield futures[future], None, f"{type(error).__name__}: {error}"[:500]


def run(job: Any, progress: Progress) -> dict[str, Any]:
    p = job.parameters
    chosen = p["places"]
    total = len(chosen)
    rows: list[dict[str, Any]] = []
    failed: list[dict[str, str]] = []
    found: dict[str, Place] = {}
    for slug in chosen:
        try:
            found[slug] = places.get_place(slug)
        except places.PlaceNotFound:
            failed.append({"slug": slug, "reason": "no such place on this site any more"})
    sources = {slug: services.pack_source(place) for slug, place in found.items()}
    progress(0, total, f"Running {total} places.", force=True)
    figures = _figures_each(sources, p["definition"], p.get("workers", 1), p.get("scheduler"))
    try:
        rows, failed = _collect(figures, found, total, rows, failed, progress)
    except ClusterError as error:  # the scheduler did not answer: nothing was run
        raise JobFailed(str(error)) from error
    rows.sort(key=lambda row: row["slug"])
    return {"scenario_name": p["scenario_name"], "places": rows, "failed": failed}


def _collect(
    figures: Iterator[tuple[str, dict[str, Any] | None, str]],
    found: Mapping[str, Place],
    total: int,
    rows: list[dict[str, Any]],
    failed: list[dict[str, str]],
    progress: Progress,
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Each place's figures as they arrive: its row, its plan published, progress said."""
    for done, (slug, result, reason) in enumerate(figures, start=1):
        place = found[slug]
        if result is None:
            failed.append({"slug": slug, "reason": reason})
            logger.warning("[%s/%s] %s: FAILED: %s", done, total, slug, reason)
        else:
            row = {"slug": slug, "place": place.name, "area_code": _whole(place), **result}
            rows.append(row)
            outputs.sync_place(place)
            _say(done, total, row)
        progress(done, total, f"{done} of {total} places run ({place.name} last).", force=True)
    return rows, failed


def _whole(place: Place) -> str:
    """The code of the area that is the whole place: its county, else its one authority."""
    members = [a for a in places.member_areas(place) if a.role == "member"]
    whole = next((a for a in members if a.kind == "county"), members[0] if members else None)
    return whole.code if whole is not None else ""


def _say(done: int, total: int, row: Mapping[str, Any]) -> None:
    per_tonne = row.get("cost_per_tonne_gbp")
    logger.info(
        "[%s/%s] %s: 2050 %.0f tCO2e (%.1f%% of %s), headroom shortfall %.1f MW, %s",
        done,
        total,
        row["place"],
        row["net_zero_2050_tco2e"],
        row["gap_percent"] or 0.0,
        row["base_year"],
        row["headroom_shortfall_mw"],
        (
            f"{'-' if per_tonne < 0 else ''}£{abs(per_tonne):,.0f} per tCO2e saved"
            if per_tonne is not None
            else "no least-cost plan"
        ),
    )


def result_tables(job: Any) -> list[Table]:
    result = job.result
    tables = [
        Table(
            slug=f"run-{job.pk}-national",
            caption=f"“{result['scenario_name']}” and the least-cost plan in every place",
            columns=(
                Column("place", "Place"),
                Column("base_tco2e", "Base year emissions", "tCO2e"),
                Column("net_zero_2050_tco2e", "2050 emissions (gap to net zero)", "tCO2e"),
                Column("gap_percent", "Gap as share of base year", "%", 1),
                Column("headroom_shortfall_mw", "Headroom shortfall by 2050", "MW", 1),
                Column("cost_per_tonne_gbp", "Least-cost plan, net cost per tonne saved", "GBP"),
            ),
            rows=tuple(result["places"]),
            about=about("national"),
        )
    ]
    if result["failed"]:
        tables.append(
            Table(
                slug=f"run-{job.pk}-failed",
                caption="Places that could not be run",
                columns=(Column("slug", "Place"), Column("reason", "Why")),
                rows=tuple(result["failed"]),
                about=about("national"),
            )
        )
    return tables


def result_context(job: Any, tables: Sequence[Table]) -> dict[str, Any]:
    result = job.result
    summary = [
        {"label": "Places run", "value": f"{len(result['places']):,}"},
        {"label": "Places that failed", "value": f"{len(result['failed']):,}"},
    ]
    return {"summary": summary}


def latest_figures() -> dict[str, dict[str, Any]] | None:
    """slug -> figures from the newest finished national batch; None if none has run."""
    from placezero.jobs import services as jobs
    from placezero.jobs.options import JobStatus

    for job in jobs.jobs_for(None, kinds=[KEY], limit=20):
        if job.status == JobStatus.SUCCEEDED and job.result:
            return {row["slug"]: row for row in job.result["places"]}
    return None


def national_figures() -> dict[tuple[str, str], dict[str, Any]] | None:
    """The national view's pathway columns, by (place slug, area code): the whole place's
    row for its county or unitary, each district's own gap and headroom with its county
    plan's cost per tonne (the least-cost plan is solved for the whole place)."""
    latest = latest_figures()
    if latest is None:
        return None
    figures: dict[tuple[str, str], dict[str, Any]] = {}
    for slug, row in latest.items():
        per_tonne = row.get("cost_per_tonne_gbp")
        note = row.get("plan_note") or ""
        figures[(slug, row["area_code"])] = {**row, "note": note}
        for code, district in row.get("districts", {}).items():
            if code != row["area_code"]:
                figures[(slug, code)] = {
                    **district,
                    "cost_per_tonne_gbp": per_tonne,
                    "note": note or f"{row['place']}'s plan",
                }
    return figures


SPEC = JobKindSpec(
    key=KEY,
    title=TITLE,
    clean=clean,
    run=run,
    steps=steps,
    describe=describe,
    result_tables=result_tables,
    result_context=result_context,
    step_noun="places",
    needs_place=False,
    result_template="pathways/jobs/_run_results.html",
    **PERMISSIONS,
)


def register_national_columns() -> None:
    """The national view's pathway columns (`web.national`), from the newest batch."""
    from placezero.tables import method_url
    from placezero.web.national import NationalColumn, NationalSource, register_national_source

    register_national_source(
        NationalSource(
            key="pathways",
            columns=(
                NationalColumn("net_zero_2050_tco2e", "Gap to net zero in 2050", "tCO2e"),
                NationalColumn("gap_percent", "Gap as share of base year", "%", 1),
                NationalColumn(
                    "cost_per_tonne_gbp", "Net cost per tonne saved, least-cost plan", "£/tCO2e"
                ),
                NationalColumn("headroom_shortfall_mw", "Headroom shortfall by 2050", "MW", 1),
            ),
            figures=national_figures,
            missing="not run yet",
            about=(
                "Gap and headroom shortfall: the shipped net zero scenario in each place "
                "(2050 territorial emissions net of removals; network reinforcement needed). "
                "Cost per tonne: the least-cost plan reaching the same 2050 emissions, its "
                "net present cost over the tonnes it saves against no new action, for the "
                "whole place (a county's districts show their county's). From the newest "
                "national batch: placezero pathway batch --all."
            ),
            method_url=method_url("national"),
        )
    )
