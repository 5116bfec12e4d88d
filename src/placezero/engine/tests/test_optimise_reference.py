"""The plain-Python LP builder used as the benchmark reference builds the engine's matrix."""

from __future__ import annotations

import numpy as np
import pytest
from benchmarks.reference import build_lp_python_loop

from placezero.engine.optimise_lp import build_lp
from placezero.engine.tests.test_optimise import small_problem


@pytest.mark.parametrize("budget", [None, 900.0])
def test_python_loop_reference_builds_the_same_matrix(budget):
    """Row for row and bound for bound, the loop and the vectorised builder agree."""
    acceptance = np.full((3, 2), 10.0)
    acceptance[0, 1] = 4.0
    problem = small_problem(
        acceptance_units=acceptance,
        carbon_budget_tco2e=budget,
        reinforcement_limit_mw=np.array([1.0, np.inf, 2.0]),
    )
    model = build_lp(problem, elastic=False)
    matrix, lower, upper = build_lp_python_loop(problem)
    assert (model.matrix != matrix).nnz == 0
    np.testing.assert_array_equal(model.row_lower, lower)
    np.testing.assert_array_equal(model.row_upper, upper)
