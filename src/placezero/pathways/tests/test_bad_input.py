"""Bad input to the pathway's forms never reaches a server error: each request class the
service review sent by hand gets a 4xx with a message that says what is wrong, and generated
values (hypothesis) thrown at every lever, the definition the page sends back, the scope,
the details form and the import form are either accepted as valid levels or refused with a
message, never an exception."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from placezero.pathways import services
from placezero.pathways.forms import (
    DetailsForm,
    ImportForm,
    LeverForm,
    lever_field_name,
    preview_post_data,
)
from placezero.places.models import Place

LEVER = "domestic_heat_pumps"
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def url(name: str, place: Any) -> str:
    return reverse(f"pathways:{name}", kwargs={"place_slug": place.slug})


def lever_post(place: Any, **fields: str) -> dict[str, str]:
    _, definition = services.default_definition(place)
    return {**preview_post_data(definition), **fields}


# --- the requests the review sent, one test per class ---------------------------------------


@pytest.mark.parametrize("view", ["play", "scenario_preview"])
@pytest.mark.parametrize("level", ["nan", "inf", "-inf", "1e308", "1e999", "NaN"])
def test_a_level_that_is_not_a_finite_number_is_refused(leicestershire, view, level):
    response = Client().post(
        url(view, leicestershire), lever_post(leicestershire, **{lever_field_name(LEVER): level})
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Domestic heat pumps" in text
    assert "must be a number from 1 to 4" in text or "must be 4 or less" in text


@pytest.mark.parametrize("view", ["play", "scenario_preview"])
@pytest.mark.parametrize(
    "definition",
    [
        '{"levers": 5}',
        '{"levers": {"domestic_heat_pumps": NaN}}',
        '{"levers": {"domestic_heat_pumps": "abc"}}',
        '{"districts": [1]}',
        '{"zones": {"E02005347": 5}}',
        "[]",
        "not json",
    ],
)
def test_a_tampered_definition_is_refused_with_a_reload_hint(leicestershire, view, definition):
    data = lever_post(leicestershire, definition=definition)
    response = Client().post(url(view, leicestershire), data)
    assert response.status_code == 400
    assert "Reload the page" in response.content.decode() or "not a scenario" in (
        response.content.decode()
    )


@pytest.mark.parametrize("view", ["play", "scenario_preview"])
def test_an_unknown_scope_is_refused(leicestershire, view):
    response = Client().post(url(view, leicestershire), lever_post(leicestershire, scope="Z:1"))
    assert response.status_code == 400
    assert "There is no area" in response.content.decode()


def test_the_pathway_entry_on_an_empty_database_says_how_to_load_a_place(leicestershire):
    Place.objects.all().delete()
    response = Client().get(reverse("pathways:index"))
    assert response.status_code == 404
    assert "No place is loaded on this site yet" in response.content.decode()


# --- generated values: every lever form field -----------------------------------------------

LEVEL_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(min_value=0, max_value=5).map(lambda x: f"{x:g}"),
    st.integers().map(str),
    st.text(max_size=12),
    st.sampled_from(["nan", "inf", "-inf", "1e308", "1e999", "", " 2 ", "2,5", "0x2"]),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
DEFINITIONS = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "levers": st.dictionaries(
                st.sampled_from(list(services.LEVERS)), JSON_VALUES, max_size=3
            )
            | JSON_VALUES,
            "districts": JSON_VALUES,
            "zones": JSON_VALUES,
            "trajectories": JSON_VALUES,
        },
    ).map(json.dumps),
    JSON_VALUES.map(json.dumps),
    st.text(max_size=30),
)


def _assert_valid_or_explained(form: Any) -> None:
    if form.is_valid():
        return
    messages = [str(m) for errors in form.errors.values() for m in errors]
    assert messages and all(len(m) > 10 for m in messages), form.errors


@FUZZ
@given(levels=st.dictionaries(st.sampled_from(list(services.LEVERS)), LEVEL_TEXT, min_size=1))
def test_generated_levels_are_valid_levels_or_refused(leicestershire, levels):
    data = lever_post(leicestershire, **{lever_field_name(k): v for k, v in levels.items()})
    form = LeverForm(data, place=leicestershire)
    if form.is_valid():
        for key in services.LEVERS:
            assert services.MIN_LEVEL <= form.cleaned_data[lever_field_name(key)] <= 4
    else:
        _assert_valid_or_explained(form)
    form.as_div()  # rendering the refused form (aria-valuetext, step) must not fail either


@FUZZ
@given(definition=DEFINITIONS, scope=st.one_of(st.text(max_size=12), st.just("county")))
def test_generated_definitions_and_scopes_are_used_or_refused(leicestershire, definition, scope):
    data = lever_post(leicestershire, definition=definition, scope=scope)
    form = LeverForm(data, place=leicestershire)
    _assert_valid_or_explained(form)
    if form.is_valid():
        services.engine_scenario(leicestershire, form.working_definition)


@FUZZ
@given(name=st.text(max_size=200), description=st.text(max_size=200))
def test_generated_details_are_saved_names_or_refused(leicestershire, name, description):
    form = DetailsForm({"name": name, "description": description}, place=leicestershire)
    _assert_valid_or_explained(form)
    if form.is_valid():
        assert 0 < len(form.cleaned_data["name"]) <= 120


@FUZZ
@given(
    body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)),
    suffix=st.sampled_from([".yaml", ".json", ".yml", ".txt"]),
)
def test_generated_scenario_files_are_imported_or_refused(leicestershire, body, suffix):
    upload = SimpleUploadedFile(f"scenario{suffix}", body)
    form = ImportForm({"name": ""}, {"file": upload}, place=leicestershire)
    _assert_valid_or_explained(form)
    if form.is_valid():
        services.engine_scenario(leicestershire, form.cleaned_data["definition"])
