"""The page-table registry: a namespace and a slug name a function of a context."""

from __future__ import annotations

import pytest

from placezero import tables
from placezero.tables import UnknownTable

from .factories import table

NAMESPACE = "tests.registry"


@pytest.fixture
def registered():
    @tables.register(NAMESPACE, "first")
    @tables.register(f"{NAMESPACE}.other", "shared")
    def first(context):
        return table("first", rows=context)

    tables.register(NAMESPACE, "second")(lambda context: table("second"))
    yield
    tables.unregister(NAMESPACE)
    tables.unregister(f"{NAMESPACE}.other")


def test_tables_for_calls_each_function_with_the_context_in_registration_order(registered):
    found = tables.tables_for(NAMESPACE, 3)
    assert [t.slug for t in found] == ["first", "second"]
    assert len(found[0].rows) == 3
    assert [t.slug for t in tables.tables_for(NAMESPACE, 1, only="second")] == ["second"]


def test_one_function_may_serve_several_namespaces(registered):
    assert tables.slugs(f"{NAMESPACE}.other") == ["shared"]
    assert tables.namespaces(NAMESPACE) == [f"{NAMESPACE}.other", NAMESPACE]


def test_unknown_namespace_or_table_names_what_exists(registered):
    with pytest.raises(UnknownTable, match=r"No tables are registered under 'nowhere'.*"):
        tables.slugs("nowhere")
    with pytest.raises(UnknownTable, match=r"No table 'third'.*Tables: first, second\."):
        tables.tables_for(NAMESPACE, 1, only="third")
