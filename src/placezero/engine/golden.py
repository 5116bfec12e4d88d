"""Golden outputs: compact district x year results of the named scenarios, committed in
`tests/golden/<scenario>.csv` and compared by the tests (regression fixtures, as the 2050
Calculator keeps per pathway). Regenerate after an intended change of the model with

    placezero pathway golden          # writes the files; review the diff, then commit
    placezero pathway golden --check  # compares without writing
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

from .scenario import load_scenario
from .simulate import simulate

HERE = Path(__file__).resolve().parent
SCENARIO_DIR = HERE / "scenarios"
GOLDEN_DIR = HERE / "tests" / "golden"
GOLDEN_PLACE = "leicestershire"
GOLDEN_SCENARIOS = ("baseline-no-new-action", "balanced", "fes-consumer-transformation")
RELATIVE_TOLERANCE = 1e-6


def golden_rows(name: str) -> list[dict[str, object]]:
    from placezero.datapack.reader import read_pack

    from .pack_inputs import build_inputs

    inputs = build_inputs(read_pack(GOLDEN_PLACE))
    scenario = load_scenario(SCENARIO_DIR / f"{name}.yaml")
    return simulate(inputs, scenario).district_summary()


def _format(value: object) -> str:
    return f"{value:.9g}" if isinstance(value, float) else str(value)


def write_golden(name: str) -> Path:
    rows = golden_rows(name)
    path = GOLDEN_DIR / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows[0].keys())
        writer.writerows([_format(v) for v in row.values()] for row in rows)
    return path


def check_golden(name: str) -> list[str]:
    """Differences between a fresh run and the committed file (empty list = identical)."""
    path = GOLDEN_DIR / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        expected = list(csv.DictReader(handle))
    actual = golden_rows(name)
    if len(expected) != len(actual):
        return [f"{name}: {len(actual)} rows, golden file has {len(expected)}"]
    problems = []
    for want, got in zip(expected, actual, strict=True):
        for key, value in got.items():
            if isinstance(value, float):
                if not math.isclose(
                    float(want[key]), value, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-6
                ):
                    problems.append(
                        f"{name}: {got['district']} {got['year']} {key}: {value:.9g}, "
                        f"golden {want[key]}"
                    )
            elif str(value) != want[key]:
                problems.append(f"{name}: row {got['district']} {got['year']}: {key} differs")
    return problems
