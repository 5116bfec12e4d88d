"""The output kind registry: a kind that will not do is refused when its app starts."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from placezero.publishing import (
    OutputKind,
    UnknownOutputKind,
    get_output_kind,
    register_output_kind,
    registered_output_kinds,
)

from .conftest import REPORT


def kind(**changes) -> OutputKind:
    fields = {
        "key": "testing.other",
        "label": "Other",
        "module": "Testing",
        "audiences": ("public",),
        "topics": (),
    }
    return OutputKind(**{**fields, **changes})


def test_pathways_registers_its_two_kinds() -> None:
    kinds = registered_output_kinds()
    assert kinds["pathways.plan"].label == "Plan on a page"
    assert kinds["pathways.preferred"].module == "Decarbonisation Pathway Plan"


@pytest.mark.parametrize("key", ["Pathways.plan", "plan", "pathways plan", "pathways.", ""])
def test_a_badly_written_key_is_refused(key: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=r"'app_label\.name'"):
        register_output_kind(kind(key=key))


def test_a_key_is_registered_once(report_kind: OutputKind) -> None:
    with pytest.raises(ImproperlyConfigured, match="already registered"):
        register_output_kind(kind(key=REPORT))


def test_an_unknown_audience_is_refused_naming_the_audiences_there_are() -> None:
    with pytest.raises(ImproperlyConfigured, match="'councillors' is not an audience") as error:
        register_output_kind(kind(audiences=("public", "councillors")))
    assert "public, officers, investors, network, community, residents" in str(error.value)
    assert "testing.other" not in registered_output_kinds()


def test_audiences_must_be_a_tuple_of_names_not_one_string() -> None:
    """Rule: "public" would otherwise be read as six one-letter audiences."""
    with pytest.raises(ImproperlyConfigured, match="tuple of audiences"):
        register_output_kind(kind(audiences="public"))
    with pytest.raises(ImproperlyConfigured, match="tuple of audiences"):
        register_output_kind(kind(audiences=()))


def test_a_topic_with_odd_signs_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match="The topic '<b>solar</b>' will not do"):
        register_output_kind(kind(topics=("<b>solar</b>",)))


def test_topics_are_kept_in_lower_case_once_each() -> None:
    registered = register_output_kind(kind(topics=("Solar", " solar ", "Community  energy")))
    try:
        assert registered.topics == ("solar", "community energy")
    finally:
        from placezero.publishing import unregister_output_kind

        unregister_output_kind("testing.other")


def test_an_unknown_kind_says_which_kinds_there_are() -> None:
    with pytest.raises(UnknownOutputKind) as error:
        get_output_kind("pathways.plans")
    message = str(error.value)
    assert "No kind of output called 'pathways.plans'" in message
    assert "pathways.plan, pathways.preferred" in message
    assert error.value.errors.keys() == {"kind"}
