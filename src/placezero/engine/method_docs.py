"""Write docs/method/assumptions.md and levers.md from the code's own tables, so the
documents never drift from the model.

    python -m placezero.engine.method_docs     # rewrites both pages
"""

from __future__ import annotations

from pathlib import Path

from .assumptions import ASSUMPTIONS_CSV, Assumptions, load_assumptions
from .levers import LEVERS

DOC = ASSUMPTIONS_CSV.parents[4] / "docs" / "method" / "assumptions.md"
LEVERS_DOC = DOC.parent / "levers.md"
LEVERS_HEADER = """# Levers

Generated from `src/placezero/engine/levers.py` by `python -m placezero.engine.method_docs`.
Each lever has levels 1 to 4; fractional levels (e.g. 2.5) interpolate between the stated
2050 outcomes. Level 1 is always "no change from the base year". The path from the start
year (default 2025, settable per lever in a scenario) to 2050 is linear or an s-curve
(3x^2 - 2x^3). Levers with a deployment unit can instead be given an explicit trajectory per
district in that unit (the FES check does this); the others take a share from 0 to 1.
"""
HEADER = """# Assumptions

Generated from `src/placezero/engine/data/assumptions.csv` by
`python -m placezero.engine.method_docs`; edit the CSV, not this page. The engine uses the
central value unless a run asks for low or high (`placezero pathway run --assumptions low`)
or the Monte Carlo draws between low and high. Rows whose source begins "Assumption" are
judgements, informed by the publication named, not measured figures: replace them with local
evidence where it exists.

Currency conversions: EUR to GBP at the ECB annual mean reference rate of the row's currency
year (2015: 0.72584, 2020: 0.88970 GBP per EUR), then to 2022 prices with the ONS CPI index
(2015 = 100; 2020: 108.7; 2022: 121.7).

| key | low | central | high | unit | year | source | notes |
|---|---|---|---|---|---|---|---|
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(assumptions: Assumptions) -> str:
    lines = [HEADER.rstrip("\n")]
    for key in assumptions.keys:
        row = assumptions.rows[key]
        lines.append(
            f"| `{key}` | {row.low:g} | {row.central:g} | {row.high:g} | {_cell(row.unit)} | "
            f"{row.year} | {_cell(row.source)} | {_cell(row.notes)} |"
        )
    return "\n".join(lines) + "\n"


def render_levers() -> str:
    lines = [LEVERS_HEADER]
    for lever in LEVERS.values():
        unit = lever.deployment_unit or "share 0-1"
        lines += [
            f"## {lever.title} (`{lever.key}`)",
            "",
            f"2050 outcome: {lever.outcome}. Default shape: {lever.shape}. "
            f"Explicit trajectory unit: {unit}.",
            "",
            f"Source: {lever.source}.",
            "",
            "| level | meaning | 2050 value |",
            "|---|---|---|",
        ]
        for level, (meaning, value) in enumerate(zip(lever.levels, lever.values, strict=True)):
            lines.append(f"| {level + 1} | {meaning} | {value:g} |")
        lines.append("")
    return "\n".join(lines)


def write() -> list[Path]:
    DOC.write_text(render(load_assumptions()), encoding="utf-8")
    LEVERS_DOC.write_text(render_levers(), encoding="utf-8")
    return [DOC, LEVERS_DOC]


if __name__ == "__main__":
    for path in write():
        print(f"wrote {path}")
