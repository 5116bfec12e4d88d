"""Write docs/method/assumptions.md from the assumptions table, so the two never drift.

    python -m placezero.engine.method_docs     # rewrites docs/method/assumptions.md
"""

from __future__ import annotations

from pathlib import Path

from .assumptions import ASSUMPTIONS_CSV, Assumptions, load_assumptions

DOC = ASSUMPTIONS_CSV.parents[4] / "docs" / "method" / "assumptions.md"
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


def write(path: Path = DOC) -> Path:
    path.write_text(render(load_assumptions()), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write()}")
