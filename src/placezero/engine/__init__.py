"""placezero.engine: the pathway engine, a pure numpy library.

It never imports Django or the web apps (a test proves it). The public contract:

- `Assumptions` (`assumptions.py`): the table of technology, cost and physics assumptions,
  each with low/central/high and a source; `load_assumptions()` reads the committed CSV.
- `PlaceInputs` (`inputs.py`): labelled dense arrays for one place; `build_inputs(pack)`
  (`pack_inputs.py`) builds them from a place pack, `synthetic_inputs(n_zones, seed)` makes
  synthetic ones of the same shape for benchmarks.
- `Scenario` (`scenario.py`): lever levels (1-4, per district or zone overrides, explicit
  deployment trajectories) read from YAML/JSON with strict validation.
- `simulate(inputs, scenario, assumptions) -> Results` (`simulate.py`): vectorised over
  zones x years; `Results` (`results.py`) holds the arrays, `series()`, `write(path)` (long
  table to CSV/Parquet), `district_summary()`, `carbon_budget_tco2e(year)`.
- `lever_impacts(inputs, scenario)` / `macc(impacts)` (`impacts.py`): with minus without.
- `calibration_table(inputs)` (`calibrate.py`), `fes_check(pack, inputs, scenario)`
  (`fes_check.py`): the checks against DESNZ and FES 2023.

Method, equations and a worked example: docs/method/.
"""

from __future__ import annotations
