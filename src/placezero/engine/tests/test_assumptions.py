"""The assumptions table: sourced, validated, immutable."""

from __future__ import annotations

import pytest

from placezero.engine.assumptions import (
    AssumptionError,
    load_assumptions,
    parse_rows,
)

ROW = {
    "key": "x_gbp",
    "low": "1",
    "central": "2",
    "high": "3",
    "unit": "GBP",
    "year": "2022",
    "source": "a source",
    "notes": "",
}


def test_every_assumption_has_a_source(assumptions):
    """Rule: every row of the committed table names its source."""
    assert all(assumptions.source(key).strip() for key in assumptions.keys)


def test_low_central_high_are_ordered(assumptions):
    """Rule: low <= central <= high for every assumption."""
    for key in assumptions.keys:
        low, central, high = assumptions.range(key)
        assert low <= central <= high, key


def test_negative_cost_is_refused_naming_the_key(assumptions):
    """Rule: a negative cost is refused with a message naming the assumption."""
    with pytest.raises(AssumptionError, match=r"heat_pump_capex_gbp.*negative cost"):
        assumptions.with_values({"heat_pump_capex_gbp": -5})


def test_negative_cost_in_a_file_is_refused():
    """Rule: a negative value in the CSV is refused when the table is read."""
    with pytest.raises(AssumptionError, match=r"x_gbp"):
        parse_rows([{**ROW, "low": "-1"}])


def test_row_without_source_is_refused():
    """Rule: a row with no source cannot enter the table."""
    with pytest.raises(AssumptionError, match=r"no source"):
        parse_rows([{**ROW, "source": " "}])


def test_unknown_key_names_the_known_ones(assumptions):
    """Rule: asking for an unknown assumption says which ones exist."""
    with pytest.raises(AssumptionError, match=r"unknown assumption 'heat_pump_cop'.*heat_pump_spf"):
        assumptions.with_values({"heat_pump_cop": 3})


def test_with_values_returns_a_new_table(assumptions):
    """Rule: with_values leaves the original untouched (immutability)."""
    changed = assumptions.with_values({"heat_pump_spf": 3.1})
    assert changed["heat_pump_spf"] == 3.1
    assert assumptions["heat_pump_spf"] == assumptions.range("heat_pump_spf")[1]


def test_low_and_high_tables_pick_the_bounds(assumptions):
    """Rule: low()/high() give each key's bound, ready for with_values."""
    low = assumptions.with_values(assumptions.low())
    assert low["heat_pump_spf"] == assumptions.range("heat_pump_spf")[0]


def test_method_document_lists_every_assumption():
    """Rule: docs/method/assumptions.md is the rendering of the CSV (regenerate with
    `python -m placezero.engine.method_docs`)."""
    from placezero.engine.method_docs import DOC, render

    assert DOC.read_text(encoding="utf-8") == render(load_assumptions())


def test_lever_page_is_the_rendering_of_the_lever_table():
    """Rule: docs/method/levers.md states every lever's levels as the code defines them."""
    from placezero.engine.method_docs import LEVERS_DOC, render_levers

    assert LEVERS_DOC.read_text(encoding="utf-8") == render_levers()
