"""Golden outputs of the three named scenarios (regenerate: `placezero pathway golden`)."""

from __future__ import annotations

import pytest

from placezero.engine.golden import GOLDEN_SCENARIOS, check_golden


@pytest.mark.parametrize("name", GOLDEN_SCENARIOS)
def test_named_scenario_matches_its_golden_output(name):
    """Rule: a named scenario's district x year results equal the committed golden file."""
    problems = check_golden(name)
    assert not problems, problems[:5]
