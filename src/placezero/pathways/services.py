"""The pathways app's door: scenarios (versioned, audited) and engine runs for a place.

Other apps and this app's views go through these functions. Every function that changes a
scenario asks `accounts.permissions.require` first, so a caller that forgot its own check is
still refused (PermissionDenied with the reason). Engine inputs are built from the
place pack (never the database) and cached per pack digest; results are cached per scenario
definition, so moving a lever costs one `simulate` (milliseconds) and re-rendering.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml
from django.db import transaction
from django.utils import timezone

from placezero.accounts.permissions import require
from placezero.datapack.reader import read_pack
from placezero.engine.assumptions import Assumptions, load_assumptions
from placezero.engine.inputs import PlaceInputs
from placezero.engine.levers import LEVERS, MAX_LEVEL, MIN_LEVEL
from placezero.engine.pack_inputs import build_inputs
from placezero.engine.results import Results
from placezero.engine.scenario import Scenario, ScenarioError, scenario_from_mapping
from placezero.engine.simulate import simulate
from placezero.places import services as places_services

from . import opportunities as _opportunities
from . import outputs
from .models import PathwayScenario, ScenarioChange
from .options import ChangeAction

if TYPE_CHECKING:
    from placezero.places.models import Place

SHIPPED_SCENARIOS_DIR = Path(__file__).resolve().parent.parent / "engine" / "scenarios"
DEFINITION_KEYS = ("levers", "districts", "zones", "trajectories")
DEFAULT_SHIPPED = "balanced"

__all__ = [
    "LEVERS",
    "MAX_LEVEL",
    "MIN_LEVEL",
    "REFERENCE_DEFINITION",
    "Opportunity",
    "ScenarioError",
    "StaleScenario",
    "assumptions",
    "community_energy_opportunities",
    "community_energy_opportunity",
    "contribution_impact",
    "create_scenario",
    "default_definition",
    "district_shares",
    "engine_scenario",
    "pack_for",
    "place_inputs",
    "preferred_scenario",
    "run",
    "scenarios_for",
    "set_preferred",
    "shipped_definitions",
    "update_details",
    "update_levers",
]


class StaleScenario(Exception):
    """Someone saved the scenario after the version the editor started from."""

    def __init__(self, scenario: PathwayScenario, expected_version: int) -> None:
        who = (
            scenario.updated_by.get_full_name() or scenario.updated_by.username
            if (scenario.updated_by)
            else "someone"
        )
        when = timezone.localtime(scenario.updated_at).strftime("%H:%M on %d %B %Y")
        super().__init__(
            f"“{scenario.name}” was changed by {who} at {when} (version {scenario.version}) "
            f"after you opened version {expected_version}. Your change was not saved: "
            "reload the scenario to see theirs, then make yours again."
        )
        self.scenario = scenario


# --- engine inputs and runs -------------------------------------------------------------


@lru_cache(maxsize=4)
def _pack(source: str, digest: str) -> Any:
    return read_pack(source)


def _pack_source(place: Place) -> str:
    """The folder the place's last load read (a pack built with `--out` anywhere), else
    its slug (looked up among the committed and locally built packs)."""
    load = places_services.latest_load(place)
    return load.pack_source if load and Path(load.pack_source).is_dir() else place.slug


def pack_for(place: Place) -> Any:
    """The place pack the place was loaded from (cached per digest)."""
    return _pack(_pack_source(place), place.pack_digest)


@lru_cache(maxsize=1)
def assumptions() -> Assumptions:
    return load_assumptions()


@lru_cache(maxsize=4)
def _inputs(source: str, digest: str) -> PlaceInputs:
    return build_inputs(_pack(source, digest), assumptions=assumptions())


def place_inputs(place: Place) -> PlaceInputs:
    """Engine inputs for the place's member districts, built once per pack digest."""
    return _inputs(_pack_source(place), place.pack_digest)


def canonical(definition: Mapping[str, Any]) -> str:
    """A stable text key for a definition (sorted keys), used for caching and comparing."""
    return json.dumps(clean_definition(definition), sort_keys=True, separators=(",", ":"))


def clean_definition(definition: Mapping[str, Any]) -> dict[str, Any]:
    """Only the keys a stored definition holds (name and description live on the model)."""
    return {k: copy.deepcopy(definition[k]) for k in DEFINITION_KEYS if definition.get(k)}


def engine_scenario(
    place: Place, definition: Mapping[str, Any], name: str = "scenario"
) -> Scenario:
    """Validate a definition against the engine and the place's districts and zones.
    Raises ScenarioError with a message that says what is wrong and what is allowed."""
    scenario = scenario_from_mapping({"name": name, **clean_definition(definition)})
    inputs = place_inputs(place)
    scenario.check_against(tuple(inputs.zones), tuple(inputs.districts))
    return scenario


@lru_cache(maxsize=64)
def _run(source: str, digest: str, key: str) -> Results:
    place_slug_inputs = _inputs(source, digest)
    scenario = scenario_from_mapping({"name": "scenario", **json.loads(key)})
    return simulate(place_slug_inputs, scenario, assumptions())


def run(place: Place, definition: Mapping[str, Any]) -> Results:
    """Engine results for a definition (validated first; cached per definition)."""
    engine_scenario(place, definition)
    return _run(_pack_source(place), place.pack_digest, canonical(definition))


# --- one contribution's impact (the action tracker) --------------------------------------
# Against the engine's reference scenario: every lever at level 1 ("no change from the base
# year"), so only the grid's carbon intensity moves. The contribution is given as the
# engine's own explicit trajectory of one lever (docs/method/tracker-impact.md).
REFERENCE_DEFINITION: dict[str, Any] = {}


def district_shares(place: Place) -> dict[str, float]:
    """Each member district's share of the place's homes (the engine's inputs), to spread a
    place-wide contribution over the districts."""
    inputs = place_inputs(place)
    homes = inputs.district_sum(inputs.households)
    total = float(homes.sum()) or 1.0
    return {code: float(homes[i]) / total for i, code in enumerate(inputs.districts)}


def contribution_impact(
    place: Place, lever: str, by_district: Mapping[str, Mapping[int, float]]
) -> dict[int, float]:
    """tCO2e a year the place emits less, by model year, when `lever` follows the explicit
    trajectory `by_district` ({district code: {year: value}}, in the lever's deployment unit
    and cumulative, or a 0-1 share for levers without one) on top of the reference scenario:
    the engine's emissions without it minus with it. Raises ScenarioError for a lever,
    district or value the engine refuses."""
    with_it = {"trajectories": {lever: {d: dict(v) for d, v in by_district.items()}}}
    without = run(place, REFERENCE_DEFINITION).total_emissions_tco2e.sum(axis=0)
    results = run(place, with_it)
    delta = without - results.total_emissions_tco2e.sum(axis=0)
    return {int(year): float(value) for year, value in zip(results.years, delta, strict=True)}


# --- scenarios --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def shipped_definitions() -> dict[str, dict[str, Any]]:
    """The scenarios shipped with the engine, by file stem: {stem: {name, description, …}}."""
    found = {}
    for path in sorted(SHIPPED_SCENARIOS_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[path.stem] = data
    return found


def named_districts(definition: Mapping[str, Any]) -> set[str]:
    """The district codes a definition names: `districts` (code -> levels) and
    `trajectories` (lever -> code -> series)."""
    named = set(definition.get("districts") or {})
    for per_district in (definition.get("trajectories") or {}).values():
        named |= set(per_district or {})
    return {str(code) for code in named}


def shipped_for(place: Place) -> dict[str, dict[str, Any]]:
    """The shipped scenarios that run in the place: those naming no district, or only its
    own (the FES district scenario is generated for the authorities the FES file covers)."""
    districts = set(place_inputs(place).districts)
    return {
        stem: data
        for stem, data in shipped_definitions().items()
        if named_districts(data) <= districts
    }


def scenarios_for(place: Place) -> list[PathwayScenario]:
    return list(
        PathwayScenario.objects.filter(place=place).select_related("created_by", "updated_by")
    )


def preferred_scenario(place: Place) -> PathwayScenario | None:
    return PathwayScenario.objects.filter(place=place, is_preferred=True).first()


def default_definition(place: Place) -> tuple[str, dict[str, Any]]:
    """(name, definition) of the plan's preferred pathway, or the shipped balanced one."""
    preferred = preferred_scenario(place)
    if preferred is not None:
        return preferred.name, clean_definition(preferred.definition)
    shipped = shipped_definitions()[DEFAULT_SHIPPED]
    return str(shipped.get("name", DEFAULT_SHIPPED)), clean_definition(shipped)


def _record(scenario, action, summary, user, before=None, after=None) -> ScenarioChange:
    return ScenarioChange.objects.create(
        scenario=scenario,
        version=scenario.version,
        action=action,
        summary=summary,
        before=before,
        after=after,
        changed_by=user if getattr(user, "is_authenticated", False) else None,
    )


@transaction.atomic
def create_scenario(
    place: Place,
    *,
    name: str,
    description: str,
    definition: Mapping[str, Any],
    user: Any,
    copied_from: PathwayScenario | None = None,
    action: ChangeAction = ChangeAction.CREATED,
) -> PathwayScenario:
    """A new scenario of the place (created, copied or imported: `action` says which)."""
    require(user, "pathways.edit_scenarios", place)
    engine_scenario(place, definition, name)
    actor = user if getattr(user, "is_authenticated", False) else None
    scenario = PathwayScenario.objects.create(
        place=place,
        name=name,
        description=description,
        definition=clean_definition(definition),
        copied_from=copied_from,
        created_by=actor,
        updated_by=actor,
    )
    origin = f" from “{copied_from.name}” version {copied_from.version}" if copied_from else ""
    _record(scenario, action, f"{action.label}{origin}.", user, after=scenario.definition)
    return scenario


def _locked(scenario: PathwayScenario, expected_version: int) -> PathwayScenario:
    current = (
        # Lock the scenario's row only (`of`): PostgreSQL cannot lock the nullable side of
        # the outer join to its last editor.
        PathwayScenario.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .get(pk=scenario.pk)
    )
    if current.version != expected_version:
        raise StaleScenario(current, expected_version)
    return current


def describe_lever_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """Plain-English list of what moved, e.g. 'Domestic heat pumps 2 → 3'."""
    parts = []
    old, new = before.get("levers") or {}, after.get("levers") or {}
    for key in LEVERS:
        a, b = _level(old.get(key)), _level(new.get(key))
        if a != b:
            parts.append(f"{LEVERS[key].title} {a:g} → {b:g}")
    for scope in ("districts", "zones", "trajectories"):
        if (before.get(scope) or {}) != (after.get(scope) or {}):
            parts.append(f"{scope} overrides changed")
    return "; ".join(parts) or "No lever changed."


def _level(raw: Any) -> float:
    if raw is None:
        return 1.0
    if isinstance(raw, Mapping):
        return float(raw.get("level", 1.0))
    return float(raw)


@transaction.atomic
def update_levers(
    scenario: PathwayScenario,
    *,
    definition: Mapping[str, Any],
    expected_version: int,
    user: Any,
    action: ChangeAction = ChangeAction.EDITED,
) -> PathwayScenario:
    """Save new lever settings if nobody saved since `expected_version`; audit the change."""
    require(user, "pathways.edit_scenarios", scenario)
    current = _locked(scenario, expected_version)
    engine_scenario(current.place, definition, current.name)
    before = current.definition
    after = clean_definition(definition)
    current.definition = after
    current.version += 1
    current.updated_by = user if getattr(user, "is_authenticated", False) else None
    # Who the shared history names when no request is there to say (a job, a command).
    current._history_user = current.updated_by
    current.save()
    _record(current, action, describe_lever_changes(before, after), user, before, after)
    if current.is_preferred:
        outputs.sync_place(current.place)
    return current


@transaction.atomic
def update_details(
    scenario: PathwayScenario, *, name: str, description: str, expected_version: int, user: Any
) -> PathwayScenario:
    require(user, "pathways.edit_scenarios", scenario)
    current = _locked(scenario, expected_version)
    before = {"name": current.name, "description": current.description}
    current.name, current.description = name, description
    current.version += 1
    current.updated_by = user if getattr(user, "is_authenticated", False) else None
    # Who the shared history names when no request is there to say (a job, a command).
    current._history_user = current.updated_by
    current.save()
    after = {"name": name, "description": description}
    _record(current, ChangeAction.DESCRIBED, "Name or description changed.", user, before, after)
    if current.is_preferred:
        outputs.sync_place(current.place)
    return current


@transaction.atomic
def set_preferred(scenario: PathwayScenario, *, user: Any) -> PathwayScenario:
    """Make this the plan's preferred pathway (and no other scenario of the place)."""
    require(user, "pathways.set_preferred", scenario)
    # One save per scenario (at most one was preferred), not a queryset update: a save
    # lands in the shared history, so the scenario that lost the mark shows it too.
    previous = PathwayScenario.objects.filter(place_id=scenario.place_id, is_preferred=True)
    actor = user if getattr(user, "is_authenticated", False) else None
    for other in previous.exclude(pk=scenario.pk).select_for_update():
        other.is_preferred = False
        other._history_user = actor
        other.save(update_fields=["is_preferred", "updated_at"])
    current = PathwayScenario.objects.select_for_update().get(pk=scenario.pk)
    current.is_preferred = True
    current._history_user = actor
    current.save(update_fields=["is_preferred", "updated_at"])
    _record(current, ChangeAction.MARKED_PREFERRED, "Marked as the preferred pathway.", user)
    # The old preferred pathway is withdrawn, the new one and the plan following it published.
    outputs.sync_place(current.place)
    return current


# --- community energy opportunities (read by the community app) -------------------------

Opportunity = _opportunities.Opportunity
OPPORTUNITY_TECHNOLOGIES = _opportunities.TECHNOLOGIES


def community_energy_opportunities(
    place: Place,
    *,
    district_code: str | None = None,
    technology: str | None = None,
    year: int = _opportunities.DEFAULT_YEAR,
    acceptance: Mapping[tuple[str, str], tuple[float | None, int]] | None = None,
) -> list[Opportunity]:
    """Zones ranked for rooftop and ground solar, onshore wind, batteries and heat networks
    under the plan's preferred pathway (or the shipped balanced one), with the parts of each
    score (`pathways.opportunities` says how); `acceptance` is residents' acceptance per
    (zone, technology key), which the caller reads from the landscape survey."""
    name, definition = default_definition(place)
    return _opportunities.rank(
        run(place, definition),
        scenario_name=name,
        year=year,
        district_code=district_code,
        technology=technology,
        acceptance=acceptance,
    )


def community_energy_opportunity(
    place: Place,
    key: str,
    *,
    acceptance: Mapping[tuple[str, str], tuple[float | None, int]] | None = None,
) -> Opportunity | None:
    """One opportunity by its key ("zone code:technology"), or None if the model has none."""
    zone, _, technology = key.partition(":")
    if technology not in _opportunities.BY_KEY:
        return None
    found = community_energy_opportunities(place, technology=technology, acceptance=acceptance)
    return next((o for o in found if o.zone_code == zone), None)


# --- residents' acceptance (citizen landscaping) ----------------------------------------

# The cut the comparison asks of the least-cost plan by default: close to the deepest the
# Leicestershire data allow (about 46 % by 2050), where generation counted on a consumption
# basis is part of the cheapest plan (docs/method/acceptance.md).
ACCEPTANCE_DEFAULT_REDUCTION_PERCENT = 46


def least_cost_with_acceptance(
    place: Place,
    tallies: Mapping[tuple[str, str], Any],
    *,
    target_year: int = 2050,
    reduction_percent: int = ACCEPTANCE_DEFAULT_REDUCTION_PERCENT,
    credit_generation: bool = False,
) -> dict[str, Any]:
    """The least-cost plan for a cut by `target_year` without and with residents' acceptance
    (`tallies`: {(zone code, engine technology): engine.acceptance.Tally}) as its limit.

    `credit_generation`: count local generation on a consumption basis (it displaces grid
    electricity at the grid's intensity); the engine's own territorial basis gives it no
    credit. Returns {"without": plan, "with": plan, "problem": problem without acceptance,
    "shares": the acceptance shares used}; raises the engine's InfeasibleTarget when the cut
    cannot be met."""
    from dataclasses import replace

    from placezero.engine import acceptance as residents
    from placezero.engine.optimise import solve
    from placezero.engine.optimise_inputs import (
        HOURS_PER_YEAR,
        PERIOD_END_YEARS,
        baseline_emissions_tco2e,
        electricity_factor,
        grid_scale,
        problem_from_inputs,
    )

    inputs, a = place_inputs(place), assumptions()
    scale = grid_scale(inputs, a, np.asarray(PERIOD_END_YEARS))
    baseline = baseline_emissions_tco2e(inputs, scale)
    target = float(baseline[list(PERIOD_END_YEARS).index(target_year)])
    targets = {target_year: target * (1 - reduction_percent / 100)}
    solar, wind = a["solar_capacity_factor"], a["onshore_wind_capacity_factor"]
    per_mw = {
        "solar_rooftop_mw": HOURS_PER_YEAR * solar,
        "solar_ground_mw": HOURS_PER_YEAR * solar,
        "onshore_wind_mw": HOURS_PER_YEAR * wind,
    }

    def problem(shares: Any = None) -> Any:
        built = problem_from_inputs(inputs, a, targets_tco2e=targets, acceptance=shares)
        if not credit_generation:
            return built
        grid = electricity_factor(inputs, scale)
        credited = residents.credit_generation(
            built.abatement_tco2e_per_unit, built.technologies, grid, per_mw
        )
        return replace(built, abatement_tco2e_per_unit=credited)

    without = problem()
    shares = residents.acceptance_shares(inputs.zones, without.technologies, tallies)
    return {"without": solve(without), "with": solve(problem(shares)), "problem": without,
            "shares": shares}  # fmt: skip


def residents_acceptance(place: Place) -> Any:
    """Share (0-1) of each zone's technical potential residents accept, [zones,
    technologies] in the least-cost problem's order, from the place's published citizen
    landscaping contributions (1 where too few responses: docs/method/acceptance.md)."""
    from placezero.engine.acceptance import acceptance_shares
    from placezero.engine.optimise_inputs import TECHNOLOGIES
    from placezero.landscape import services as landscape

    technologies = [name for name, _, _ in TECHNOLOGIES]
    tallies = landscape.engine_tallies(place)
    return acceptance_shares(place_inputs(place).zones, technologies, tallies)


def residents_acceptance_by_lever(place: Place) -> dict[str, float]:
    """Residents' acceptance as the every-sector optimiser takes it: one share per lever,
    the household-weighted mean of `residents_acceptance` over the place's zones."""
    from placezero.engine.acceptance import acceptance_by_lever
    from placezero.engine.optimise_inputs import TECHNOLOGIES

    inputs = place_inputs(place)
    levers = [lever for *_, lever in TECHNOLOGIES]
    return acceptance_by_lever(residents_acceptance(place), inputs.households, levers)


def residents_acceptance_by_zone(place: Place) -> tuple[dict[str, float], dict[str, Any]]:
    """Residents' acceptance as the every-sector optimiser takes it when it plans some
    levers zone by zone: ({place-wide lever: share}, {zone lever: [Z] shares}). A zone
    lever's acceptance is its zones' own (not also the place's mean, which would count it
    twice)."""
    from placezero.engine.optimise_inputs import TECHNOLOGIES
    from placezero.engine.optimise_levers import ZONE_LEVERS

    by_lever = residents_acceptance_by_lever(place)
    shares = residents_acceptance(place)
    levers = [lever for *_, lever in TECHNOLOGIES]
    zones = {lever: shares[:, levers.index(lever)] for lever in ZONE_LEVERS if lever in levers}
    return {k: v for k, v in by_lever.items() if k not in zones}, zones
