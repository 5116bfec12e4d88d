"""The assumptions table: every physical, cost and price parameter the engine uses.

Each row of `data/assumptions.csv` has `key,low,central,high,unit,year,source,notes`. The
engine computes with one value per key; which one is chosen by the caller:

    a = load_assumptions()            # Assumptions, immutable
    a.central()                       # {key: central value}
    a.low(), a.high()                 # {key: low value}, {key: high value}
    a.range(key)                      # (low, central, high)
    a.with_values({"heat_pump_spf": 3.1})   # new Assumptions; chosen values replace central
    a.values                          # {key: value in use} (central unless overridden)
    a.keys, a.unit(key), a.source(key)

Monte Carlo code samples between low and high and passes the draw with `with_values`; the
engine reads `a[key]`, the value in use. Validation refuses a negative or non-finite value,
low > central > high ordering errors and unknown keys, each with a message naming the key.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

ASSUMPTIONS_CSV: Path = Path(__file__).resolve().parent / "data" / "assumptions.csv"
COLUMNS: tuple[str, ...] = ("key", "low", "central", "high", "unit", "year", "source", "notes")


class AssumptionError(ValueError):
    """An assumption is missing, unknown, negative or badly formed."""


@dataclass(frozen=True)
class AssumptionRow:
    key: str
    low: float
    central: float
    high: float
    unit: str
    year: int
    source: str
    notes: str


@dataclass(frozen=True)
class Assumptions:
    """Immutable table of assumptions plus the value in use for each key."""

    rows: Mapping[str, AssumptionRow]
    values: Mapping[str, float] = field(default=MappingProxyType({}))

    def __post_init__(self) -> None:
        rows = MappingProxyType(dict(self.rows))
        values = {key: row.central for key, row in rows.items()}
        for key, value in dict(self.values).items():
            if key not in rows:
                raise AssumptionError(_unknown_key(key, rows))
            values[key] = _check_value(key, value, rows[key].unit)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "values", MappingProxyType(values))

    def __getitem__(self, key: str) -> float:
        try:
            return self.values[key]
        except KeyError:
            raise AssumptionError(_unknown_key(key, self.rows)) from None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.rows)

    def unit(self, key: str) -> str:
        return self._row(key).unit

    def source(self, key: str) -> str:
        return self._row(key).source

    def range(self, key: str) -> tuple[float, float, float]:
        row = self._row(key)
        return (row.low, row.central, row.high)

    def central(self) -> dict[str, float]:
        return {key: row.central for key, row in self.rows.items()}

    def low(self) -> dict[str, float]:
        return {key: row.low for key, row in self.rows.items()}

    def high(self) -> dict[str, float]:
        return {key: row.high for key, row in self.rows.items()}

    def with_values(self, values: Mapping[str, float]) -> Assumptions:
        """A copy in which `values` replace the values in use (validated)."""
        merged = dict(self.values)
        merged.update(values)
        return Assumptions(rows=self.rows, values=merged)

    def _row(self, key: str) -> AssumptionRow:
        try:
            return self.rows[key]
        except KeyError:
            raise AssumptionError(_unknown_key(key, self.rows)) from None


def _unknown_key(key: str, rows: Mapping[str, AssumptionRow]) -> str:
    return (
        f"unknown assumption {key!r}. Known assumptions: {', '.join(sorted(rows))}. "
        f"Add a row to {ASSUMPTIONS_CSV.name} with its source, or fix the name."
    )


def _check_value(key: str, value: float, unit: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise AssumptionError(f"assumption {key!r}: {value!r} is not a number.") from None
    if not math.isfinite(number):
        raise AssumptionError(f"assumption {key!r}: {value!r} is not a finite number.")
    if number < 0:
        kind = "cost" if "GBP" in unit else "value"
        raise AssumptionError(
            f"assumption {key!r}: negative {kind} {number:g} {unit}. Every assumption in the "
            "engine is a magnitude (costs, efficiencies, factors): give a value of 0 or more."
        )
    return number


def parse_rows(records: list[dict[str, str]], origin: str = "assumptions") -> dict:
    """Validate CSV records into AssumptionRows, naming the line and key on any error."""
    rows: dict[str, AssumptionRow] = {}
    for line, record in enumerate(records, start=2):
        key = (record.get("key") or "").strip()
        where = f"{origin} line {line}"
        if not key:
            raise AssumptionError(f"{where}: empty key.")
        if key in rows:
            raise AssumptionError(f"{where}: key {key!r} appears twice.")
        if not (record.get("source") or "").strip():
            raise AssumptionError(f"{where}: {key!r} has no source; every assumption cites one.")
        unit = (record.get("unit") or "").strip()
        low, central, high = (
            _check_value(key, record.get(column, ""), unit) for column in ("low", "central", "high")
        )
        if not low <= central <= high:
            raise AssumptionError(
                f"{where}: {key!r} needs low <= central <= high, found {low:g}, {central:g}, "
                f"{high:g}."
            )
        try:
            year = int(record.get("year", ""))
        except ValueError:
            raise AssumptionError(f"{where}: {key!r} year must be a whole year.") from None
        rows[key] = AssumptionRow(
            key, low, central, high, unit, year, record["source"].strip(), record.get("notes", "")
        )
    return rows


def load_assumptions(path: Path = ASSUMPTIONS_CSV) -> Assumptions:
    """Read and validate the assumptions table (the committed one by default)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise AssumptionError(
                f"{path.name}: header must be {','.join(COLUMNS)}, found {reader.fieldnames}."
            )
        rows = parse_rows(list(reader), origin=path.name)
    return Assumptions(rows=rows)
