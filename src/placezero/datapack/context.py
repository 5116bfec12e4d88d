"""What every build step needs: the definition, where the raw files are, and the notes
(coverage and method) each step records for the manifest."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .definitions import SUCCESSORS_2023, PlaceDefinition

# One statistic row as written: (code, dataset, variable, scenario, year, value, unit).
Row = tuple[str, str, str, str, int, float, str]

SIGNIFICANT_FIGURES = 6  # the published statistics carry no more real precision than this


def sig(value: float, figures: int = SIGNIFICANT_FIGURES) -> float:
    """Round to significant figures, so the pack is compact and byte-stable."""
    if value == 0 or not math.isfinite(value):
        return 0.0 if value == 0 else value
    digits = figures - math.floor(math.log10(abs(value))) - 1
    return round(value, digits)


def format_number(value: float) -> str:
    """'915.96', '13066090', '0.18521': no exponent, no trailing '.0'."""
    rounded = sig(value)
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return str(int(rounded))
    text = f"{rounded:.12f}".rstrip("0").rstrip(".")
    return text


@dataclass
class BuildContext:
    definition: PlaceDefinition
    data_dir: Path
    names: dict[str, str]
    progress: Callable[[str], None]
    notes: dict[str, dict[str, object]] = field(default_factory=dict)
    # zone (2011 MSOA) -> LAD code, filled by the geography step
    zone_area: dict[str, str] = field(default_factory=dict)

    @property
    def lads(self) -> tuple[str, ...]:
        """Every district/unitary in the pack: the members and the neighbours."""
        return (*self.definition.lads, *self.definition.neighbours)

    @property
    def successor_of(self) -> dict[str, str]:
        """Predecessor district code -> the pack's 2023 unitary, for files published on the
        older (2021-2022) boundaries: the unitary is the union of the districts it replaced,
        so additive figures are their sum (see SUCCESSORS_2023)."""
        return {
            old: new for new, olds in SUCCESSORS_2023.items() if new in self.lads for old in olds
        }

    def on_current_boundaries(self, code: str) -> str:
        """The pack's authority a code read from an older file stands for (itself if none)."""
        return self.successor_of.get(code, code)

    @property
    def county(self) -> str | None:
        return self.definition.county

    def note(self, key: str, *, raw_files: list[str], coverage: str, method: str) -> None:
        self.notes[key] = {"raw_files": raw_files, "coverage": coverage, "method": method}
