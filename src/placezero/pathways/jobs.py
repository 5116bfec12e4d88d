"""Long runs — least-cost optimisation and Monte Carlo uncertainty — done off the request.

A view calls `enqueue(place, kind, parameters, user, scenario)`; it validates the
parameters (a `JobParametersError` carries one plain-English message per field), stores a
QUEUED `PathwayJob` and hands it to `dispatch`. A worker takes jobs one at a time with
`claim_next()` (atomic: a job is never run twice) and `run_job(job)`, which writes progress
("43 of 100 samples") to the row as it goes, stops cleanly when someone asks to cancel, and
stores a compact result (tables of figures, not engine arrays) as JSON.

Where jobs run is the setting `PATHWAY_JOBS_WORKER`:

- "thread" (default, the embedded install): `dispatch` starts a daemon thread in the web
  process that drains the queue and ends when it is empty. No extra service; fine with
  SQLite and one web process.
- "external": jobs wait for a separate worker process, the management command
  `placezero manage run_pathway_worker` (or `placezero worker`), which loops
  claiming jobs. Several may run at once: claiming is atomic (PostgreSQL `SKIP LOCKED`).

Production with Redis/Celery (or RQ, Dramatiq…) needs no change here but `dispatch`: send
`job.pk` to a task that does `job = claim(pk)` then `run_job(job)`; progress, cancelling
and results still go through the row, so the pages stay the same. We do not ship Celery:
the database queue covers a county's few runs a day.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections, connection, connections, transaction
from django.utils import timezone

from placezero.accounts.permissions import check
from placezero.engine import uncertainty
from placezero.engine.levers import LEVERS
from placezero.engine.optimise import InfeasibleTarget, ProblemError, solve
from placezero.engine.optimise_explain import describe_limits
from placezero.engine.optimise_inputs import (
    PERIOD_END_YEARS,
    TECHNOLOGIES,
    baseline_emissions_tco2e,
    grid_scale,
    problem_from_inputs,
)
from placezero.engine.scenario import ScenarioError
from placezero.places import services as places

from . import services
from .models import PathwayJob, PathwayScenario
from .options import FINISHED_JOB_STATUSES, JobKind, JobStatus

if TYPE_CHECKING:
    from placezero.places.models import Place

logger = logging.getLogger(__name__)

WORKER_MODES = ("thread", "external")
SAMPLES_MIN, SAMPLES_MAX = 10, 2000
REDUCTION_MIN_PERCENT, REDUCTION_MAX_PERCENT = 1, 100
GOAL_REDUCTION, GOAL_BUDGET = "reduction", "budget"
# At most one progress write (and cancel check) per this many seconds: a 2,000-sample run
# reports often enough for a smooth bar without a database write per sample.
PROGRESS_INTERVAL_S = 0.2
# Monte Carlo batches: about this many, so progress moves and a cancel is seen quickly.
MONTE_CARLO_BATCHES = 50
OPTIMISE_STEPS = (
    "Reading the place's data",
    "Building the least-cost problem",
    "Solving for the least-cost plan",
    "Comparing with the starting scenario",
)
LIMITS_SHOWN = 8  # the most influential groups of binding limits shown with a plan
ABANDONED_MESSAGE = "The worker stopped while this ran; start it again."
# Outputs shown in the uncertainty summary: (output name, label, divisor, unit shown).
UNCERTAINTY_OUTPUTS = (
    ("emissions_total_tco2e", "Annual emissions", 1.0, "tCO2e"),
    ("cumulative_emissions_tco2e", "Cumulative emissions since the base year", 1.0, "tCO2e"),
    ("electricity_demand_kwh", "Electricity demand", 1e6, "GWh"),
    ("local_generation_kwh", "Local generation", 1e6, "GWh"),
    ("peak_demand_kw", "Peak electricity demand", 1e3, "MW"),
    ("capex_gbp", "Capital spending that year", 1e6, "£ million"),
    ("domestic_bill_gbp_per_household", "Energy bill per household", 1.0, "GBP"),
)


class JobParametersError(ValueError):
    """Parameters a run cannot start with; `errors` maps each field to what to fix."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))


class JobCancelled(Exception):
    """Raised inside a run when someone asked to cancel it."""


# --- parameters ---------------------------------------------------------------------------


def _whole_number(raw: Any, field: str, label: str, errors: dict[str, str]) -> int | None:
    if raw is None or str(raw).strip() == "":
        errors[field] = f"Enter {label}."
        return None
    try:
        value = float(str(raw).strip().replace(",", ""))
    except ValueError:
        errors[field] = f"{label.capitalize()} must be a number, like 50."
        return None
    if not math.isfinite(value) or value != int(value):
        errors[field] = f"{label.capitalize()} must be a whole number, like 50."
        return None
    return int(value)


def no_new_action_tco2e(place: Place) -> dict[int, float]:
    """Annual emissions in each period end year with no new action, as the optimiser sees
    them (the baseline targets are cut from)."""
    inputs = services.place_inputs(place)
    scale = grid_scale(inputs, services.assumptions(), np.asarray(PERIOD_END_YEARS))
    baseline = baseline_emissions_tco2e(inputs, scale)
    return {year: float(value) for year, value in zip(PERIOD_END_YEARS, baseline, strict=True)}


def no_new_action_budget_tco2e(place: Place) -> float:
    """Emissions to 2050 with no new action, weighted by period length as the optimiser's
    carbon budget is: a budget must be below this to ask for anything."""
    baseline = no_new_action_tco2e(place)
    years = np.diff([services.place_inputs(place).base_year, *PERIOD_END_YEARS])
    return float(years @ np.asarray([baseline[y] for y in PERIOD_END_YEARS]))


def clean_parameters(place: Place, kind: str, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Validated parameters of a run, or JobParametersError saying what to fix."""
    errors: dict[str, str] = {}
    if kind == JobKind.UNCERTAINTY:
        samples = _whole_number(raw.get("samples"), "samples", "the number of samples", errors)
        if samples is not None and not SAMPLES_MIN <= samples <= SAMPLES_MAX:
            errors["samples"] = (
                f"The number of samples must be between {SAMPLES_MIN} and {SAMPLES_MAX:,} "
                f"(you entered {samples:,}): {SAMPLES_MIN} gives a rough band in seconds, "
                "1,000 a steady one."
            )
        seed = raw.get("seed", 0) or 0
        if errors:
            raise JobParametersError(errors)
        return {"samples": samples, "seed": int(seed)}
    if kind == JobKind.BATCH:
        return {}
    if kind != JobKind.OPTIMISE:
        kinds = ", ".join(f"{k.value} ({k.label})" for k in JobKind)
        raise JobParametersError({"kind": f"Choose what to run: {kinds}."})
    goal = raw.get("goal") or GOAL_REDUCTION
    if goal == GOAL_REDUCTION:
        years = ", ".join(map(str, PERIOD_END_YEARS))
        year = _whole_number(raw.get("target_year"), "target_year", "a target year", errors)
        if year is not None and year not in PERIOD_END_YEARS:
            errors["target_year"] = f"The target year must be one of {years} (not {year})."
        percent = _whole_number(
            raw.get("reduction_percent"), "reduction_percent", "the reduction", errors
        )
        if percent is not None and not (REDUCTION_MIN_PERCENT <= percent <= REDUCTION_MAX_PERCENT):
            errors["reduction_percent"] = (
                f"The reduction must be between {REDUCTION_MIN_PERCENT} and "
                f"{REDUCTION_MAX_PERCENT} per cent (you entered {percent})."
            )
        if errors:
            raise JobParametersError(errors)
        return {"goal": goal, "target_year": year, "reduction_percent": percent}
    if goal == GOAL_BUDGET:
        budget = _whole_number(
            raw.get("carbon_budget_tco2e"), "carbon_budget_tco2e", "a carbon budget", errors
        )
        if budget is not None:
            ceiling = no_new_action_budget_tco2e(place)
            if not 0 < budget < ceiling:
                errors["carbon_budget_tco2e"] = (
                    f"The carbon budget must be more than 0 and less than {ceiling:,.0f} tCO2e, "
                    f"what {place.name} would emit to {PERIOD_END_YEARS[-1]} with no new "
                    f"action (you entered {budget:,})."
                )
        if errors:
            raise JobParametersError(errors)
        return {"goal": goal, "carbon_budget_tco2e": budget}
    raise JobParametersError(
        {"goal": "Choose a goal: a cut in emissions by a year, or a carbon budget to 2050."}
    )


def describe_parameters(job: PathwayJob) -> str:
    """The run's question in words, for lists and headings."""
    p = job.parameters
    if job.kind == JobKind.UNCERTAINTY:
        return f"{p.get('samples', 0):,} samples around “{p.get('scenario_name', '')}”"
    if job.kind == JobKind.BATCH:
        return f"“{p.get('scenario_name', '')}” in every place on this site"
    if p.get("goal") == GOAL_BUDGET:
        return f"Keep within a carbon budget of {p.get('carbon_budget_tco2e', 0):,} tCO2e to 2050"
    return f"Cut {p.get('target_year')} emissions by {p.get('reduction_percent')} %"


# --- the queue ------------------------------------------------------------------------------


def enqueue(
    place: Place,
    kind: str,
    parameters: Mapping[str, Any],
    user: Any,
    scenario: PathwayScenario | None = None,
) -> PathwayJob:
    """Queue a run and hand it to the worker. `parameters` may carry `definition` and
    `scenario_name` (a shipped scenario or a personal copy); a saved `scenario` wins."""
    cleaned = clean_parameters(place, kind, parameters)
    if scenario is not None:
        name, definition = scenario.name, scenario.definition
    elif parameters.get("definition") is not None:
        name = str(parameters.get("scenario_name") or "your scenario")
        definition = parameters["definition"]
    else:
        name, definition = services.default_definition(place)
    try:
        services.engine_scenario(place, definition, name)
    except ScenarioError as error:
        message = f"The scenario “{name}” cannot run: {error}"
        raise JobParametersError({"scenario": message}) from None
    cleaned |= {"scenario_name": name, "definition": services.clean_definition(definition)}
    steps = {
        JobKind.UNCERTAINTY: lambda: cleaned["samples"],
        JobKind.BATCH: lambda: len(places.list_places()),
        JobKind.OPTIMISE: lambda: len(OPTIMISE_STEPS),
    }[JobKind(kind)]()
    job = PathwayJob.objects.create(
        place=place,
        scenario=scenario,
        kind=kind,
        parameters=cleaned,
        progress_total=steps,
        message="Waiting for the worker to start it.",
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    dispatch(job)
    return job


def claim_next() -> PathwayJob | None:
    """Move the oldest queued job to RUNNING and return it; None when none waits. Two
    workers asking at once never get the same job."""
    queued = PathwayJob.objects.filter(status=JobStatus.QUEUED).order_by("created_at", "id")
    started = {"status": JobStatus.RUNNING, "message": "Starting."}
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            job = queued.select_for_update(skip_locked=True).first()
            if job is None:
                return None
            queued.filter(pk=job.pk).update(started_at=timezone.now(), **started)
        job.refresh_from_db()
        return job
    # SQLite: no row locks; a conditional UPDATE either moves the row or finds it gone.
    while (candidate := queued.values_list("pk", flat=True).first()) is not None:
        if (job := claim(candidate)) is not None:
            return job
    return None


def claim(job_id: int) -> PathwayJob | None:
    """Move one named queued job to RUNNING (a task queue's first step); None when it was
    cancelled or someone else took it. The conditional UPDATE is atomic on every database."""
    started = {"status": JobStatus.RUNNING, "message": "Starting.", "started_at": timezone.now()}
    if PathwayJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(**started):
        return PathwayJob.objects.get(pk=job_id)
    return None


def request_cancel(job: PathwayJob, user: Any) -> PathwayJob:
    """Ask a run to stop. A queued run stops at once; a running one at its next step."""
    verdict = check(user, "pathways.cancel_job", job)
    if not verdict:
        raise PermissionError(verdict.reason)
    who = user.get_full_name() or user.get_username()
    if job.status == JobStatus.QUEUED:
        stopped = PathwayJob.objects.filter(pk=job.pk, status=JobStatus.QUEUED).update(
            status=JobStatus.CANCELLED,
            cancel_requested=True,
            finished_at=timezone.now(),
            message=f"Cancelled by {who} before it started.",
        )
        if stopped:
            job.refresh_from_db()
            return job
    PathwayJob.objects.filter(pk=job.pk).exclude(status__in=FINISHED_JOB_STATUSES).update(
        cancel_requested=True, message=f"Cancelling: asked by {who}."
    )
    job.refresh_from_db()
    return job


def recover_abandoned() -> int:
    """Mark runs left RUNNING by a worker that died as FAILED; how many there were."""
    return PathwayJob.objects.filter(status=JobStatus.RUNNING).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), message=ABANDONED_MESSAGE
    )


# --- running a job --------------------------------------------------------------------------


class Progress:
    """Writes progress to the job's row at most every PROGRESS_INTERVAL_S, and raises
    JobCancelled at a report once someone has asked to cancel."""

    def __init__(self, job: PathwayJob) -> None:
        self.job = job
        self._last_write = 0.0

    def __call__(self, done: int, total: int, message: str = "", force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last_write < PROGRESS_INTERVAL_S and done < total:
            return
        self._last_write = now
        fields = {"progress_done": done, "progress_total": total}
        if message:
            fields["message"] = message
        # One conditional write: it finds no row once a cancel was asked for, so the
        # canceller's name in `message` is never overwritten by a progress report.
        rows = PathwayJob.objects.filter(pk=self.job.pk, cancel_requested=False)
        if not rows.update(**fields):
            raise JobCancelled
        self.job.progress_done, self.job.progress_total = done, total


def _finish(job: PathwayJob, status: str, message: str, result: Any = None) -> PathwayJob:
    PathwayJob.objects.filter(pk=job.pk).update(
        status=status, message=message, result=result, finished_at=timezone.now()
    )
    job.refresh_from_db()
    return job


def run_job(job: PathwayJob) -> PathwayJob:
    """Run a claimed job to the end: SUCCEEDED with a result, CANCELLED, or FAILED with a
    message a planner can act on. Never raises for a failure of the run itself."""
    runner = {
        JobKind.OPTIMISE: run_optimisation,
        JobKind.UNCERTAINTY: run_uncertainty,
        JobKind.BATCH: run_batch,
    }
    started = time.monotonic()
    progress = Progress(job)
    try:
        progress(0, job.progress_total, "Starting.", force=True)
        result = runner[JobKind(job.kind)](job, progress)
    except JobCancelled:
        job.refresh_from_db()
        asked = job.message.removeprefix("Cancelling: asked by ").rstrip(".")
        return _finish(
            job, JobStatus.CANCELLED, f"Cancelled by {asked} after {progress_text(job)}."
        )
    except InfeasibleTarget as error:
        from placezero.engine.optimise_explain import COVERAGE

        return _finish(job, JobStatus.FAILED, f"{error}\n{COVERAGE}")
    except (JobParametersError, ProblemError, ScenarioError, uncertainty.UncertaintyError) as e:
        return _finish(job, JobStatus.FAILED, f"The run could not be done: {e}")
    except Exception as error:  # a bug or a broken environment: say so, keep the worker up
        logger.exception("pathway job %s failed", job.pk)
        return _finish(
            job,
            JobStatus.FAILED,
            f"The run stopped with an unexpected error ({type(error).__name__}: {error}). "
            "Tell the site's administrator: the details are in the server log.",
        )
    elapsed_s = time.monotonic() - started
    PathwayJob.objects.filter(pk=job.pk).update(progress_done=job.progress_total)
    return _finish(job, JobStatus.SUCCEEDED, f"Finished in {elapsed_s:.1f} seconds.", result)


def _step_word(job: PathwayJob) -> str:
    return {JobKind.UNCERTAINTY: "samples", JobKind.BATCH: "places"}.get(job.kind, "steps")


def progress_text(job: PathwayJob) -> str:
    """ "43 of 100 samples": the words beside the progress bar."""
    return f"{job.progress_done:,} of {job.progress_total:,} {_step_word(job)}"


TECHNOLOGY_TITLES = {technology: LEVERS[lever].title for technology, _, lever in TECHNOLOGIES}
UNIT_WORDS = {"home": "homes", "vehicle": "vehicles", "MW": "MW"}


def run_optimisation(job: PathwayJob, progress: Progress) -> dict[str, Any]:
    """The least-cost plan for the job's goal, beside the scenario it started from."""
    p = job.parameters
    total = len(OPTIMISE_STEPS)
    progress(0, total, OPTIMISE_STEPS[0] + ".", force=True)
    place = job.place
    inputs = services.place_inputs(place)
    baseline = no_new_action_tco2e(place)
    progress(1, total, OPTIMISE_STEPS[1] + ".", force=True)
    if p.get("goal") == GOAL_BUDGET:
        targets: dict[int, float] = {}
        budget = float(p["carbon_budget_tco2e"])
    else:
        year = int(p["target_year"])
        targets = {year: baseline[year] * (1 - p["reduction_percent"] / 100)}
        budget = None
    problem = problem_from_inputs(
        inputs, services.assumptions(), targets_tco2e=targets, carbon_budget_tco2e=budget
    )
    progress(2, total, OPTIMISE_STEPS[2] + ".", force=True)
    plan = solve(problem)
    progress(3, total, OPTIMISE_STEPS[3] + ".", force=True)
    started_from = services.run(place, p["definition"])
    years = list(map(int, started_from.years))
    scenario_total = started_from.total_emissions_tco2e.sum(axis=0)
    emissions = [
        {
            "year": year,
            "no_new_action_tco2e": baseline[year],
            "plan_tco2e": float(plan.emissions_tco2e[k]),
            "target_tco2e": targets.get(year),
            "scenario_tco2e": float(scenario_total[years.index(year)]) if year in years else None,
        }
        for k, year in enumerate(problem.period_end_years)
    ]
    installed = plan.installed_units.sum(axis=0)  # [T, P]
    deployment = [
        {"year": year} | {t: float(installed[i, k]) for i, t in enumerate(problem.technologies)}
        for k, year in enumerate(problem.period_end_years)
    ]
    return {
        "cost_gbp": float(plan.cost_gbp),
        "reinforcement_mw": float(plan.reinforcement_mw.sum()),
        "scenario_name": p["scenario_name"],
        "technologies": [
            {"key": t, "title": TECHNOLOGY_TITLES.get(t, t), "unit": UNIT_WORDS.get(u, u)}
            for t, u in zip(problem.technologies, problem.technology_units, strict=True)
        ],
        "emissions": emissions,
        "deployment": deployment,
        "binding": _limits_in_words(plan.binding),
    }


def _limits_in_words(binding: tuple) -> list[str]:
    """The engine's binding limits as phrases, with technologies by their lever titles.
    The target itself is left out: that it binds is what the plan was asked for."""
    limits = tuple(b for b in binding if b.kind not in ("target", "carbon budget"))
    phrases = describe_limits(limits)[:LIMITS_SHOWN]
    for technology, title in TECHNOLOGY_TITLES.items():
        phrases = [phrase.replace(f" {technology} ", f" {title.lower()} ") for phrase in phrases]
    return phrases


def run_uncertainty(job: PathwayJob, progress: Progress) -> dict[str, Any]:
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
    for name, label, divisor, unit in UNCERTAINTY_OUTPUTS:
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


BATCH_YEARS = (2030, 2040, 2050)


def place_wide_definition(definition: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a scenario that means the same in any place: its place-wide lever levels.
    Overrides for this place's districts and zones, and trajectories written per district,
    name codes other places do not have, so a batch leaves them out (and says so)."""
    return {"levers": dict(definition.get("levers") or {})}


def run_batch(job: PathwayJob, progress: Progress) -> dict[str, Any]:
    """The scenario's place-wide levers in every place loaded on this site, one engine run
    each: how the same ambition plays out across places (a national batch when every local
    authority is loaded: `placezero place create --lad …`)."""
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
        for year in BATCH_YEARS:
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
        "years": list(BATCH_YEARS),
        "places": rows,
        "left_out": overridden,
    }


# --- workers --------------------------------------------------------------------------------

_worker_lock = threading.Lock()
_worker_thread: threading.Thread | None = None
_more_queued = threading.Event()
_recovered_in_this_process = False


def worker_mode() -> str:
    mode = getattr(settings, "PATHWAY_JOBS_WORKER", "thread")
    if mode not in WORKER_MODES:
        raise ImproperlyConfigured(
            f"PATHWAY_JOBS_WORKER is {mode!r}; use one of {', '.join(WORKER_MODES)}."
        )
    return mode


def dispatch(job: PathwayJob) -> None:
    """Hand a queued job to whatever runs jobs (the one seam for Redis/Celery: see above)."""
    if worker_mode() == "thread":
        transaction.on_commit(start_thread_worker)
    # "external": the worker process finds the job with claim_next().


def resume_waiting(job: PathwayJob) -> None:
    """In thread mode, start a worker for a job left queued (the web process restarted
    after it was queued): pages that show a waiting run call this."""
    if job.status == JobStatus.QUEUED and worker_mode() == "thread":
        start_thread_worker()


def start_thread_worker() -> None:
    """Make sure an in-process worker thread is draining the queue."""
    global _worker_thread
    with _worker_lock:
        _more_queued.set()
        if _worker_thread is None:
            _worker_thread = threading.Thread(
                target=_drain_in_thread, name="pathway-jobs", daemon=True
            )
            _worker_thread.start()


def _drain_in_thread() -> None:
    global _worker_thread, _recovered_in_this_process
    try:
        if not _recovered_in_this_process:
            _recovered_in_this_process = True
            recover_abandoned()
        while True:
            with _worker_lock:
                # Cleared before looking, so a job queued after this look sets it again.
                if not _more_queued.is_set():
                    _worker_thread = None
                    return
                _more_queued.clear()
            while (job := claim_next()) is not None:
                run_job(job)
    except Exception:
        logger.exception("the pathway job thread stopped")
        with _worker_lock:
            _worker_thread = None
    finally:
        connections.close_all()


def work(*, once: bool = False, poll_s: float = 2.0, say: Callable[[str], None] = print) -> int:
    """The external worker's loop: run jobs as they come; with `once`, stop when the
    queue is empty. Returns how many jobs it ran."""
    abandoned = recover_abandoned()
    if abandoned:
        say(f"Marked {abandoned} run(s) left running by a stopped worker as failed.")
    ran = 0
    while True:
        # Between jobs, drop a connection past its age or broken (a long-lived worker); not
        # inside an enclosing transaction (a test's), which closing would end.
        if not connection.in_atomic_block:
            close_old_connections()
        job = claim_next()
        if job is None:
            if once:
                return ran
            time.sleep(poll_s)
            continue
        say(f"Running {job} for {job.place.name}: {describe_parameters(job)}.")
        job = run_job(job)
        ran += 1
        say(f"{job}: {job.message.splitlines()[0] if job.message else ''}")
