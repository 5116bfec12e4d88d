"""What a person reads for a scenario: a title and a one-line description, never its key.

The shipped scenarios' `name` is an identifier (`baseline-no-new-action`, `fes-2023-ct`)
that scenario files and the API keep using; the words a page shows are here, one place for
every picker, comparison, plan, audience page and API listing. A saved scenario's title is
the name its editor gave it and its line the first sentence of its description. The
partnership's preferred pathway is listed first and marked wherever scenarios are listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

PREFERRED_MARK = "preferred pathway"

# Stem of each file in engine/scenarios/ -> (title, one-line description). Each line says
# what the file's own description says, shorter.
SHIPPED: dict[str, tuple[str, str]] = {
    "net-zero": (
        "Net zero by 2050",
        "Homes, transport and industry almost all off fossil fuels, with new woodland and "
        "engineered removals balancing what farming, industry and waste still emit.",
    ),
    "balanced": (
        "A balanced middle path",
        "Strong action on heat, transport and industry, less on the rest; an illustration "
        "that does not reach net zero.",
    ),
    "baseline-no-new-action": (
        "No new action (baseline)",
        "Nothing new is done locally; emissions fall only as the national grid decarbonises.",
    ),
    "fes-consumer-transformation": (
        "National Grid's Consumer Transformation (FES 2023)",
        "Heat pumps, electric vehicles and solar per district as in the national Future "
        "Energy Scenario; everything else unchanged.",
    ),
}


@dataclass(frozen=True)
class ScenarioTitle:
    title: str
    line: str  # one sentence; empty when a saved scenario has no description
    preferred: bool = False

    @property
    def label(self) -> str:
        """For a select's option: the title, and the mark if it is the preferred pathway."""
        return f"{self.title} ({PREFERRED_MARK})" if self.preferred else self.title


def first_sentence(text: str) -> str:
    """The first sentence of a description, on one line."""
    flat = " ".join(str(text or "").split())
    match = re.match(r"(.+?[.!?])(\s|$)", flat)
    return match.group(1) if match else flat


def _words_of(key: str) -> str:
    """A file added without a title here still reads as words, not a slug."""
    return key.replace("-", " ").replace("_", " ").strip().capitalize() or key


def of_shipped(stem: str, data: dict[str, Any] | None = None) -> ScenarioTitle:
    if stem in SHIPPED:
        return ScenarioTitle(*SHIPPED[stem])
    data = data or {}
    return ScenarioTitle(
        _words_of(str(data.get("name") or stem)), first_sentence(data.get("description", ""))
    )


def of_saved(scenario: Any) -> ScenarioTitle:
    return ScenarioTitle(
        scenario.name, first_sentence(scenario.description), bool(scenario.is_preferred)
    )
