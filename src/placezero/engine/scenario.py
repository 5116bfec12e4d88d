"""Scenarios: which level each lever is set to, read from YAML or JSON and strictly checked.

File format (every key but `levers` optional)::

    name: balanced
    description: Plain-English summary.
    levers:                      # lever -> level (1-4, fractions allowed) or a mapping
      domestic_heat_pumps: 3
      domestic_retrofit: {level: 2.5, start_year: 2027, shape: s-curve}
    districts:                   # per-district overrides: LAD code -> {lever: level}
      E07000129: {domestic_heat_pumps: 3.5}
    zones:                       # per-zone overrides: zone code -> {lever: level}
      E02005354: {heat_networks: 4}
    trajectories:                # explicit deployment per district (or per zone, which
                                 # then replaces its district's): replaces the level
      domestic_heat_pumps:       # (unit: the lever's deployment_unit, or a 0-1 share)
        E07000129: {2022: 0, 2030: 8456, 2050: 42543}

Levers left out stay at level 1 ("no change"). Errors name the lever, level, district, zone
or year that is wrong and say what is allowed. District and zone codes are checked against a
place by `check_against(zones, districts)`, which `simulate` calls.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .levers import LEVER_KEYS, LEVERS, MAX_LEVEL, MIN_LEVEL, SHAPES

# Pathway code alphabet à la 2050 Calculator: one character per lever for levels 1.0-4.0 in
# steps of 0.1; the whole levels read as themselves.
CODE_ALPHABET = "1abcdefghi2jklmnopqr3stuvwxyzA4"
TOP_KEYS = ("name", "description", "levers", "districts", "zones", "trajectories")


class ScenarioError(ValueError):
    """A scenario file or mapping is invalid; the message says what and how to fix it."""


@dataclass(frozen=True)
class LeverSetting:
    level: float = 1.0
    start_year: int | None = None
    shape: str | None = None


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str = ""
    levers: Mapping[str, LeverSetting] = field(default_factory=dict)
    districts: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    zones: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    trajectories: Mapping[str, Mapping[str, Mapping[int, float]]] = field(default_factory=dict)

    def setting(self, lever: str) -> LeverSetting:
        return self.levers.get(lever, LeverSetting())

    def with_levels(self, levels: Mapping[str, float], name: str | None = None) -> Scenario:
        """A copy with some levers' base levels replaced (overrides and trajectories kept)."""
        levers = dict(self.levers)
        for key, level in levels.items():
            _check_level(key, level, "levers")
            old = self.setting(key)
            levers[key] = LeverSetting(float(level), old.start_year, old.shape)
        return Scenario(
            name or self.name,
            self.description,
            levers,
            self.districts,
            self.zones,
            self.trajectories,
        )

    def without(self, lever: str) -> Scenario:
        """The same scenario with one lever back at level 1 everywhere (for action impacts)."""
        levers = {k: v for k, v in self.levers.items() if k != lever}
        districts = {
            d: {k: v for k, v in m.items() if k != lever} for d, m in self.districts.items()
        }
        zones = {z: {k: v for k, v in m.items() if k != lever} for z, m in self.zones.items()}
        trajectories = {k: v for k, v in self.trajectories.items() if k != lever}
        return Scenario(
            f"{self.name} without {lever}",
            self.description,
            levers,
            districts,
            zones,
            trajectories,
        )

    @property
    def code(self) -> str:
        """Short pathway code: one character per lever in LEVER_KEYS order; '+' if overrides."""
        chars = [CODE_ALPHABET[round((self.setting(k).level - 1) * 10)] for k in LEVER_KEYS]
        extra = "+" if (self.districts or self.zones or self.trajectories) else ""
        return "".join(chars) + extra

    def check_against(self, zones: tuple[str, ...], districts: tuple[str, ...]) -> None:
        """Refuse overrides for districts or zones the place does not have."""
        _check_codes(self.districts, set(districts), "district", "districts")
        _check_codes(self.zones, set(zones), "zone", "zones")
        for lever, by_district in self.trajectories.items():
            _check_codes(
                by_district, set(districts) | set(zones), "district or zone",
                f"trajectories.{lever}",
            )  # fmt: skip


def _check_codes(mapping: Mapping, known: set[str], kind: str, where: str) -> None:
    for code in mapping:
        if code not in known:
            close = difflib.get_close_matches(code, sorted(known), n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise ScenarioError(
                f"{where}: unknown {kind} {code!r}: this place has no such {kind}.{hint} "
                f"Use one of the place's {kind} codes ({len(known)} known)."
            )


def _check_lever(key: Any, where: str) -> str:
    if key not in LEVERS:
        close = difflib.get_close_matches(str(key), LEVER_KEYS, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise ScenarioError(
            f"{where}: unknown lever {key!r}.{hint} Known levers: {', '.join(LEVER_KEYS)}."
        )
    return key


def _check_level(key: str, level: Any, where: str) -> float:
    _check_lever(key, where)
    if isinstance(level, bool) or not isinstance(level, int | float) or not math.isfinite(level):
        raise ScenarioError(f"{where}.{key}: level {level!r} is not a number; use 1 to 4.")
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise ScenarioError(
            f"{where}.{key}: level {level:g} is out of range; levels run from {MIN_LEVEL:g} "
            f"(no change) to {MAX_LEVEL:g} ({LEVERS[key].levels[3]}), fractions allowed."
        )
    return float(level)


def _lever_setting(key: str, raw: Any) -> LeverSetting:
    if not isinstance(raw, Mapping):
        return LeverSetting(_check_level(key, raw, "levers"))
    unknown = set(raw) - {"level", "start_year", "shape"}
    if unknown:
        raise ScenarioError(
            f"levers.{key}: unknown setting(s) {', '.join(sorted(map(str, unknown)))}; "
            "allowed: level, start_year, shape."
        )
    level = _check_level(key, raw.get("level", 1), "levers")
    shape = raw.get("shape")
    if shape is not None and shape not in SHAPES:
        raise ScenarioError(f"levers.{key}: shape {shape!r} unknown; use {' or '.join(SHAPES)}.")
    start = raw.get("start_year")
    if start is not None and (not isinstance(start, int) or not 2000 <= start < 2050):
        raise ScenarioError(
            f"levers.{key}: start_year {start!r} must be a whole year from 2000 to 2049."
        )
    return LeverSetting(level, start, shape)


def _overrides(raw: Any, where: str) -> dict[str, dict[str, float]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"{where}: expected a mapping of code -> {{lever: level}}.")
    result: dict[str, dict[str, float]] = {}
    for code, levers in raw.items():
        if not isinstance(levers, Mapping):
            raise ScenarioError(f"{where}.{code}: expected a mapping of lever -> level.")
        result[str(code)] = {
            _check_lever(k, f"{where}.{code}"): _check_level(k, v, f"{where}.{code}")
            for k, v in levers.items()
        }
    return result


def _trajectories(raw: Any) -> dict[str, dict[str, dict[int, float]]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ScenarioError("trajectories: expected lever -> district -> {year: value}.")
    result: dict[str, dict[str, dict[int, float]]] = {}
    for lever, by_district in raw.items():
        _check_lever(lever, "trajectories")
        if not isinstance(by_district, Mapping):
            raise ScenarioError(f"trajectories.{lever}: expected district -> {{year: value}}.")
        result[lever] = {}
        for district, series in by_district.items():
            where = f"trajectories.{lever}.{district}"
            if not isinstance(series, Mapping) or not series:
                raise ScenarioError(f"{where}: expected a non-empty mapping year -> value.")
            clean: dict[int, float] = {}
            for year, value in series.items():
                try:
                    year_int = int(year)
                except (TypeError, ValueError):
                    raise ScenarioError(f"{where}: {year!r} is not a year.") from None
                if not isinstance(value, int | float) or isinstance(value, bool):
                    raise ScenarioError(f"{where}.{year}: {value!r} is not a number.")
                if not math.isfinite(value) or value < 0:
                    raise ScenarioError(
                        f"{where}.{year}: {value!r} must be a finite number of 0 or more "
                        f"({LEVERS[lever].deployment_unit or 'a share from 0 to 1'})."
                    )
                if not LEVERS[lever].deployment_unit and value > 1:
                    raise ScenarioError(f"{where}.{year}: {value!r} is a share: use 0 to 1.")
                clean[year_int] = float(value)
            result[lever][str(district)] = dict(sorted(clean.items()))
    return result


def scenario_from_mapping(data: Any, default_name: str = "scenario") -> Scenario:
    """Validate a parsed scenario (dict) and build a Scenario."""
    if not isinstance(data, Mapping):
        raise ScenarioError("a scenario must be a mapping with at least a 'levers' key.")
    unknown = set(data) - set(TOP_KEYS)
    if unknown:
        raise ScenarioError(
            f"unknown top-level key(s) {', '.join(sorted(map(str, unknown)))}; "
            f"allowed: {', '.join(TOP_KEYS)}."
        )
    levers_raw = data.get("levers") or {}
    if not isinstance(levers_raw, Mapping):
        raise ScenarioError("levers: expected a mapping of lever -> level.")
    levers = {_check_lever(k, "levers"): _lever_setting(k, v) for k, v in levers_raw.items()}
    return Scenario(
        name=str(data.get("name") or default_name),
        description=str(data.get("description") or ""),
        levers=levers,
        districts=_overrides(data.get("districts"), "districts"),
        zones=_overrides(data.get("zones"), "zones"),
        trajectories=_trajectories(data.get("trajectories")),
    )


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario from a .yaml/.yml/.json file (errors name the file)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such scenario file.") from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise ScenarioError(f"{path}: not valid {path.suffix.lstrip('.')}: {error}") from None
    try:
        return scenario_from_mapping(data, default_name=path.stem)
    except ScenarioError as error:
        raise ScenarioError(f"{path.name}: {error}") from None


def all_levels(level: float, name: str | None = None) -> Scenario:
    """Every lever at one level (e.g. 1 = no new action)."""
    return Scenario(
        name or f"all levers at {level:g}",
        levers={k: LeverSetting(_check_level(k, level, "levers")) for k in LEVER_KEYS},
    )
