"""Golden outputs of the three named scenarios (regenerate: `placezero pathway golden`)."""

from __future__ import annotations

import pytest

from placezero.engine.golden import GOLDEN_SCENARIOS, check_golden


@pytest.mark.parametrize("name", GOLDEN_SCENARIOS)
def test_named_scenario_matches_its_golden_output(name):
    """Rule: a named scenario's district x year results equal the committed golden file."""
    problems = check_golden(name)
    assert not problems, problems[:5]


def test_worked_example_page_is_current():
    """Rule: docs/method/worked-example.md is what the model computes today (regenerate with
    `python -m placezero.engine.worked_example`)."""
    from placezero.engine.worked_example import DOC, render

    assert DOC.read_text(encoding="utf-8") == render()


def test_checks_page_is_current():
    """Rule: docs/method/checks.md shows the calibration and FES figures the model gives
    today (regenerate with `python -m placezero.engine.checks_doc`)."""
    from placezero.engine.checks_doc import CHECKS_DOC, render

    assert CHECKS_DOC.read_text(encoding="utf-8") == render()
