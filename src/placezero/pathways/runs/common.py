"""What the three pathway runs share: reading a whole number from a form, the scenario a
run uses (checked by the engine before it is queued), the engine's failures in a planner's
words, and the kind's permissions and pages."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from placezero.engine import uncertainty
from placezero.engine.optimise_levers_lp import LeverTargetError, LeverTargetInfeasible
from placezero.engine.scenario import ScenarioError
from placezero.jobs import JobFailed, JobKindSpec, JobParametersError, Progress
from placezero.tables import About, method_url

if TYPE_CHECKING:
    from placezero.places.models import Place

from .. import services

# Who may do what with a pathway run (the rules are in pathways/permissions.py): runs and
# their results are public like the plan; starting one needs a partner editor; the person
# who started it, or an officer, may cancel it.
PERMISSIONS = {
    "start_permission": "pathways.run_jobs",
    "cancel_permission": "pathways.cancel_job",
    "view_permission": "pathways.view",
}
PAGES = {
    "layout_template": "pathways/jobs/run_layout.html",
    "result_template": "pathways/jobs/_run_results.html",
}
Runner = Callable[[Any, Progress], dict[str, Any]]
JOB_SOURCE = "placezero pathway engine: least-cost optimisation (HiGHS), Monte Carlo and batch runs"


def about(method_page: str) -> About:
    """Where a run's figures come from, with the method page that explains them."""
    return About(source=JOB_SOURCE, method_url=method_url(method_page))


def whole_number(raw: Any, field: str, label: str, errors: dict[str, str]) -> int | None:
    """The whole number a person typed (commas allowed), or None with a message in `errors`."""
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


def scenario_parameters(place: Place, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The scenario a run uses, as stored with it: `definition` and `scenario_name` from the
    form (a saved or shipped scenario, or a personal copy), or the place's default; refused
    at once if the engine cannot run it."""
    if raw.get("definition") is not None:
        name = str(raw.get("scenario_name") or "your scenario")
        definition = raw["definition"]
    else:
        name, definition = services.default_definition(place)
    try:
        services.engine_scenario(place, definition, name)
    except ScenarioError as error:
        message = f"The scenario “{name}” cannot run: {error}"
        raise JobParametersError({"scenario": message}) from None
    return {"scenario_name": name, "definition": services.clean_definition(definition)}


def engine_failures(run: Runner) -> Runner:
    """A runner whose engine refusals become the failed run's message: an unreachable
    target with which limit binds where, other refusals as "The run could not be done: …"."""

    @functools.wraps(run)
    def speaking(job: Any, progress: Progress) -> dict[str, Any]:
        try:
            return run(job, progress)
        except LeverTargetInfeasible as error:
            raise JobFailed(str(error)) from error
        except (
            LeverTargetError,
            ScenarioError,
            uncertainty.UncertaintyError,
        ) as error:
            raise JobFailed(f"The run could not be done: {error}") from error

    return speaking


def year_rows(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """Rows with the year as text, so a table shows 2030, not 2,030."""
    return tuple(row | {"year": str(row["year"])} for row in rows)


FUNCTIONS = ("clean", "run", "steps", "describe", "result_tables", "result_context")


def pathway_kind(
    functions: Mapping[str, Any], *, scenario_label: str, step_noun: str = "steps"
) -> JobKindSpec:
    """A pathway run's kind from its module (`globals()`), which defines `KEY`, `TITLE` and
    the six functions in FUNCTIONS; every pathway run has a place, the pathway permissions
    and pages, and a summary row naming its scenario (`scenario_label`)."""

    def details(job: Any) -> list[tuple[str, str]]:
        return [(scenario_label, str(job.parameters.get("scenario_name", "")))]

    return JobKindSpec(
        key=functions["KEY"],
        title=functions["TITLE"],
        **{name: functions[name] for name in FUNCTIONS},
        details=details,
        step_noun=step_noun,
        needs_place=True,
        **PERMISSIONS,
        **PAGES,
    )
