"""Forms of the scenario workspace: the lever sliders (for the whole place, one district or one
zone), a scenario's name and description, and the scenario file upload.

The lever form is self-contained: it carries the working definition (hidden, JSON) and the
area its sliders are for, so a preview, a switch of area and a save all start from exactly
what is on the person's screen, saved or not. Every definition it produces is checked by the
engine (`services.engine_scenario`) before anything uses it.
"""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import yaml
from django import forms
from django.core.exceptions import ValidationError

from placezero.engine.scenario import scenario_from_mapping

from . import services
from .models import PathwayScenario

LEVER_PREFIX = "lever_"
COUNTY = "county"
LEVEL_DECIMALS = 4  # levels closer than this are the same level
SLIDER_STEP = 0.1
MAX_IMPORT_BYTES = 200_000
IMPORT_SUFFIXES = (".yaml", ".yml", ".json")


def level_words(lever: str, level: float) -> str:
    """A level as a screen reader should hear it, e.g. 'Level 2.5, between 1 in 4 homes and
    6 in 10 homes' (the slider's aria-valuetext; the page's script says the same)."""
    meanings = services.LEVERS[lever].levels
    low = int(min(max(level, services.MIN_LEVEL), services.MAX_LEVEL))
    if _same(level, low):
        return f"Level {low}: {meanings[low - 1]}"
    return f"Level {level:g}, between {meanings[low - 1]} and {meanings[low]}"


def lever_field_name(lever: str) -> str:
    return f"{LEVER_PREFIX}{lever}"


def lever_field(lever: str, level: float) -> dict[str, str]:
    """The POST item that sets one lever's slider (used by tests and the benchmark)."""
    return {lever_field_name(lever): f"{level:g}"}


def preview_post_data(definition: dict[str, Any] | None = None) -> dict[str, str]:
    """A complete lever form as POSTed for the whole place: the working definition and every
    slider at its level (default: the shipped balanced scenario)."""
    if definition is None:
        definition = services.shipped_definitions()[services.DEFAULT_SHIPPED]
    definition = services.clean_definition(definition)
    data = {"definition": json.dumps(definition), "scope": COUNTY}
    for key in services.LEVERS:
        data.update(lever_field(key, base_level(definition, key)))
    return data


# --- levels in a scope ---------------------------------------------------------------------


def _level_of(raw: Any) -> float:
    if raw is None:
        return services.MIN_LEVEL
    if isinstance(raw, dict):
        return float(raw.get("level", services.MIN_LEVEL))
    return float(raw)


def base_level(definition: dict[str, Any], lever: str) -> float:
    """The lever's level for the whole place."""
    return _level_of((definition.get("levers") or {}).get(lever))


@dataclass(frozen=True)
class Scope:
    """Where slider values apply: the whole place, one district or one zone."""

    kind: str  # "county", "district" or "zone"
    code: str = ""
    name: str = ""
    district: str = ""  # a zone's district

    @property
    def value(self) -> str:
        return COUNTY if self.kind == COUNTY else f"{self.kind}:{self.code}"


_scope_choices: dict[tuple[str, str, str], list[tuple[str, Any]]] = {}


def scope_choices(place: Any) -> list[tuple[str, Any]]:
    """Grouped choices for the area select: the place, its districts, its zones (built once
    per place pack: a lever preview must stay fast)."""
    key = (place.slug, place.pack_digest, place.name)
    if key not in _scope_choices:
        _scope_choices[key] = _build_scope_choices(place)
    return _scope_choices[key]


def _build_scope_choices(place: Any) -> list[tuple[str, Any]]:
    inputs = services.place_inputs(place)
    districts = [
        (f"district:{code}", f"{name} (district)")
        for code, name in zip(inputs.districts, inputs.district_names, strict=True)
    ]
    zones = sorted(
        (
            (f"zone:{code}", f"{name} ({code})")
            for code, name in zip(inputs.zones, inputs.zone_names, strict=True)
        ),
        key=lambda choice: choice[1],
    )
    return [
        (COUNTY, f"All of {place.name}"),
        ("Districts", districts),
        ("Zones (neighbourhoods)", zones),
    ]


def parse_scope(place: Any, value: str | None) -> Scope:
    """The scope named by a form value; raises ValidationError for one the place lacks."""
    if not value or value == COUNTY:
        return Scope(COUNTY, name=f"All of {place.name}")
    kind, _, code = value.partition(":")
    inputs = services.place_inputs(place)
    if kind == "district" and code in inputs.districts:
        name = inputs.district_names[inputs.districts.index(code)]
        return Scope("district", code, name)
    if kind == "zone" and code in inputs.zones:
        index = inputs.zones.index(code)
        district = inputs.districts[int(inputs.zone_district_index[index])]
        return Scope("zone", code, inputs.zone_names[index], district)
    raise ValidationError(
        f"There is no area “{value}” in {place.name}: choose the whole place, one of its "
        "districts or one of its zones."
    )


def levels_in_scope(definition: dict[str, Any], scope: Scope) -> dict[str, float]:
    """Each lever's level where the scope applies (zone overrides win over district
    overrides, which win over the place's level, as in the engine)."""
    districts = definition.get("districts") or {}
    zones = definition.get("zones") or {}
    levels = {}
    for key in services.LEVERS:
        level = base_level(definition, key)
        district = scope.code if scope.kind == "district" else scope.district
        if district:
            level = float(districts.get(district, {}).get(key, level))
        if scope.kind == "zone":
            level = float(zones.get(scope.code, {}).get(key, level))
        levels[key] = level
    return levels


def _same(a: float, b: float) -> bool:
    return round(a, LEVEL_DECIMALS) == round(b, LEVEL_DECIMALS)


def apply_levels(
    definition: dict[str, Any], scope: Scope, levels: dict[str, float]
) -> dict[str, Any]:
    """A new definition with the sliders' levels set for the scope. For the place, a lever
    keeps its start year and shape; for a district or zone, only levels that differ from the
    level it would otherwise inherit are stored as overrides."""
    result = copy.deepcopy(services.clean_definition(definition))
    if scope.kind == COUNTY:
        levers = result.setdefault("levers", {})
        for key, level in levels.items():
            raw = levers.get(key)
            if isinstance(raw, dict):
                levers[key] = {**raw, "level": level}
            elif raw is not None or not _same(level, services.MIN_LEVEL):
                levers[key] = level
        return services.clean_definition(result)
    inherited_scope = (
        Scope(COUNTY) if scope.kind == "district" else Scope("district", scope.district)
    )
    inherited = levels_in_scope(result, inherited_scope)
    overrides = {k: v for k, v in levels.items() if not _same(v, inherited[k])}
    group = result.setdefault("districts" if scope.kind == "district" else "zones", {})
    if overrides:
        group[scope.code] = overrides
    else:
        group.pop(scope.code, None)
    return services.clean_definition(result)


# --- the lever form ------------------------------------------------------------------------


def _finite_level(raw: Any) -> float | None:
    """A slider's value as a number, or None when it is not a finite one (`nan`, `inf` and
    `1e999` parse as floats but are no level; the field refuses them with its message)."""
    try:
        level = float(raw)
    except (TypeError, ValueError):
        return None
    return level if math.isfinite(level) else None


class RangeInput(forms.NumberInput):
    input_type = "range"


@dataclass(frozen=True)
class LeverRow:
    key: str
    title: str
    hint: str
    field: forms.BoundField
    trajectory_districts: int = 0  # districts where a year-by-year trajectory replaces it
    inherited: float | None = None  # for a district or zone: the level it would otherwise get
    inherited_from: str = ""


class LeverForm(forms.Form):
    """One slider per lever (levels 1 to 4) for one scope of a working definition."""

    definition = forms.CharField(widget=forms.HiddenInput)
    scope = forms.CharField(widget=forms.HiddenInput, required=False)
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, place: Any, area_select: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.place = place
        for key, lever in services.LEVERS.items():
            self.fields[lever_field_name(key)] = forms.FloatField(
                label=lever.title,
                min_value=services.MIN_LEVEL,
                max_value=services.MAX_LEVEL,
                widget=RangeInput(
                    attrs={
                        "min": f"{services.MIN_LEVEL:g}",
                        "max": f"{services.MAX_LEVEL:g}",
                        "step": f"{SLIDER_STEP:g}",
                        "aria-describedby": f"id_{lever_field_name(key)}-hint",
                    }
                ),
                error_messages={
                    "required": f"Set a level for {lever.title} (1 to 4).",
                    "invalid": f"The level for {lever.title} must be a number from 1 to 4.",
                    "min_value": f"The level for {lever.title} must be 1 or more.",
                    "max_value": f"The level for {lever.title} must be 4 or less.",
                },
            )
            self._keep_off_step_level(key)
            self._describe_level(key)
        if not area_select:  # the preview only reads the sliders
            return
        self.fields["new_scope"] = forms.ChoiceField(
            label="Area the levers apply to",
            choices=scope_choices(place),
            required=False,
            widget=forms.Select(
                attrs={"class": "govuk-select", "aria-describedby": "id_new_scope-hint"}
            ),
        )

    def _describe_level(self, key: str) -> None:
        name = lever_field_name(key)
        attrs = self.fields[name].widget.attrs
        attrs["data-levels"] = json.dumps(services.LEVERS[key].levels)
        level = _finite_level(self.data.get(name) if self.is_bound else self.initial.get(name))
        if level is not None and services.MIN_LEVEL <= level <= services.MAX_LEVEL:
            attrs["aria-valuetext"] = level_words(key, level)

    def _keep_off_step_level(self, key: str) -> None:
        """A level off the slider's 0.1 steps (say 2.25 from a file) would be rounded by the
        browser and silently changed on the next save: such a slider moves freely instead."""
        name = lever_field_name(key)
        level = _finite_level(self.data.get(name) if self.is_bound else self.initial.get(name))
        if level is None or not services.MIN_LEVEL <= level <= services.MAX_LEVEL:
            return  # the field's own validation says what is wrong with it
        tenths = level / SLIDER_STEP
        if not _same(tenths, round(tenths)):
            self.fields[name].widget.attrs["step"] = "any"

    @classmethod
    def for_definition(
        cls,
        place: Any,
        definition: dict[str, Any],
        scope: Scope,
        expected_version: int | None = None,
    ) -> LeverForm:
        """An unbound form showing a definition's levels in a scope."""
        definition = services.clean_definition(definition)
        initial: dict[str, Any] = {
            "definition": json.dumps(definition, sort_keys=True),
            "scope": scope.value,
            "new_scope": scope.value,
            "expected_version": expected_version,
        }
        for key, level in levels_in_scope(definition, scope).items():
            initial[lever_field_name(key)] = f"{level:g}"
        return cls(initial=initial, place=place)

    def lever_rows(self) -> list[LeverRow]:
        shown = self._shown_definition()
        trajectories = shown.get("trajectories") or {}
        scope = self.current_scope()
        inherited: dict[str, float] = {}
        inherited_from = ""
        if scope.kind != COUNTY:
            parent = (
                Scope(COUNTY) if scope.kind == "district" else Scope("district", scope.district)
            )
            try:
                inherited = levels_in_scope(shown, parent)
            except (TypeError, ValueError, AttributeError):  # a malformed definition
                inherited = {}
            inherited_from = (
                f"all of {self.place.name}" if scope.kind == "district" else "its district"
            )
        rows = []
        for key, lever in services.LEVERS.items():
            hint = (
                f"By 2050: {lever.outcome}. Level 1: {lever.levels[0]}; 2: {lever.levels[1]}; "
                f"3: {lever.levels[2]}; 4: {lever.levels[3]}."
            )
            field = self[lever_field_name(key)]
            rows.append(
                LeverRow(
                    key,
                    lever.title,
                    hint,
                    field,
                    len(trajectories.get(key) or {}),
                    inherited.get(key),
                    inherited_from,
                )
            )
        return rows

    def _shown_definition(self) -> dict[str, Any]:
        raw = self.data.get("definition") if self.is_bound else self.initial.get("definition")
        try:
            definition = json.loads(raw or "{}")
        except json.JSONDecodeError:
            return {}
        return definition if isinstance(definition, dict) else {}

    def current_scope(self) -> Scope:
        value = self.data.get("scope") if self.is_bound else self.initial.get("scope")
        try:
            return parse_scope(self.place, value)
        except ValidationError:
            return Scope(COUNTY, name=f"All of {self.place.name}")

    def clean_definition(self) -> dict[str, Any]:
        raw = self.cleaned_data["definition"]
        try:
            definition = json.loads(raw)
        except json.JSONDecodeError:
            raise ValidationError(
                "The scenario the levers belong to could not be read. Reload the page and "
                "try again."
            ) from None
        if not isinstance(definition, dict):
            raise ValidationError("The scenario the levers belong to is not a scenario.")
        try:  # the page sent it back: check it before the sliders are applied to it
            services.engine_scenario(self.place, definition)
        except services.ScenarioError as error:
            raise ValidationError(
                f"The scenario the levers belong to cannot be used: {error} Reload the page "
                "and try again."
            ) from None
        return definition

    def clean_scope(self) -> Scope:
        return parse_scope(self.place, self.cleaned_data.get("scope"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        levels = {key: cleaned[lever_field_name(key)] for key in services.LEVERS}
        try:
            working = apply_levels(cleaned["definition"], cleaned["scope"], levels)
            services.engine_scenario(self.place, working)
        except services.ScenarioError as error:
            raise ValidationError(f"These lever settings cannot be used: {error}") from None
        cleaned["working_definition"] = working
        return cleaned

    @property
    def working_definition(self) -> dict[str, Any]:
        return self.cleaned_data["working_definition"]


# --- name and description, and scenario files -----------------------------------------------


class DetailsForm(forms.Form):
    """A scenario's name and description; the name must be new within the place."""

    name = forms.CharField(
        label="Name",
        max_length=120,
        help_text="A short name people will recognise, for example “Fast heat pumps, 2040”.",
        error_messages={
            "required": "Enter a name for the scenario.",
            "max_length": "The name must be 120 characters or fewer.",
        },
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the scenario sets out to test, in plain English.",
    )
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, place: Any, scenario: PathwayScenario | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.place, self.scenario = place, scenario

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Enter a name for the scenario.")
        clash = PathwayScenario.objects.filter(place=self.place, name__iexact=name)
        if self.scenario is not None:
            clash = clash.exclude(pk=self.scenario.pk)
        if clash.exists():
            raise ValidationError(
                f"{self.place.name} already has a scenario called “{name}”: choose another name."
            )
        return name


class ImportForm(forms.Form):
    """A scenario file (YAML or JSON, as the export writes it) and the name to save it as."""

    file = forms.FileField(
        label="Scenario file",
        help_text="A .yaml, .yml or .json file, as downloaded from a scenario (200 kB at most).",
        error_messages={"required": "Choose a scenario file to upload."},
        widget=forms.FileInput(attrs={"accept": ",".join(IMPORT_SUFFIXES)}),
    )
    name = forms.CharField(
        label="Name (optional)",
        max_length=120,
        required=False,
        help_text="Leave blank to use the name in the file.",
    )

    def __init__(self, *args: Any, place: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.place = place

    def clean_file(self) -> dict[str, Any]:
        upload = self.cleaned_data["file"]
        suffix = PurePath(upload.name).suffix.lower()
        if suffix not in IMPORT_SUFFIXES:
            raise ValidationError(
                f"“{upload.name}” is not a scenario file: upload a .yaml, .yml or .json file."
            )
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(
                f"“{upload.name}” is {upload.size // 1000} kB: a scenario file is at most "
                f"{MAX_IMPORT_BYTES // 1000} kB."
            )
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(
                f"“{upload.name}” is not UTF-8 text: save it as UTF-8 and upload it again."
            ) from None
        try:
            data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
        except (json.JSONDecodeError, yaml.YAMLError) as error:
            kind = "JSON" if suffix == ".json" else "YAML"
            raise ValidationError(f"“{upload.name}” is not valid {kind}: {error}".strip()) from None
        if not isinstance(data, dict):
            raise ValidationError(
                f"“{upload.name}” does not hold a scenario: it needs at least a 'levers' key."
            )
        try:
            # The whole file first (a misspelt top-level key is an error, not ignored), then
            # its districts and zones against this place.
            scenario_from_mapping(data)
            services.engine_scenario(self.place, data, str(data.get("name") or "scenario"))
        except services.ScenarioError as error:
            raise ValidationError(f"“{upload.name}” cannot be used: {error}") from None
        data["_stem"] = PurePath(upload.name).stem
        return data

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        data = cleaned.get("file")
        if data is None:
            return cleaned
        name = (cleaned.get("name") or "").strip() or str(data.get("name") or data["_stem"])
        name = name[:120]
        if PathwayScenario.objects.filter(place=self.place, name__iexact=name).exists():
            self.add_error(
                "name",
                f"{self.place.name} already has a scenario called “{name}”: enter another "
                "name to import this file under.",
            )
        cleaned["scenario_name"] = name
        cleaned["description"] = str(data.get("description") or "")
        cleaned["definition"] = services.clean_definition(data)
        return cleaned
