"""The dashboard of a place's plan: actions by theme, status and owner, and the expected and
actual savings of the actions beside the savings the plan's pathway needs (the gap still to
close). Built from two queries and the engine's cached runs, so 500 actions stay quick
(`make bench`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Max

from placezero.pathways import services as pathways
from placezero.tables import About, Column, Table

from .models import Action, LeverLink
from .options import FINISHED, Status, Theme

if TYPE_CHECKING:
    from placezero.places.models import Place

FIRST_YEAR, LAST_YEAR = 2023, 2035
GAP_YEAR = 2030
STALE_DAYS = 183  # no progress reported for six months
TRACKER_SOURCE = "placezero action tracker (actions and progress reported by their owners)"
ENGINE_SOURCE = (
    "placezero pathway engine: each linked action's contribution with and without it, "
    "on the reference scenario; the plan's pathway against the same reference"
)
NOT_PUBLIC_DATA = About(TRACKER_SOURCE)
# The dashboard tables a progress report freezes, in the order it shows them.
REPORT_TABLES = ("savings-trajectory", "actions-by-theme", "actions-by-status", "actions-by-owner")


@dataclass
class Summary:
    place: Any
    total: int = 0
    by_status: Counter = field(default_factory=Counter)
    by_theme: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_owner: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    expected: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    actual: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    expected_by_theme: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    needed: dict[str, float] = field(default_factory=dict)
    pathway_name: str = ""
    # Unfinished actions past their planned end, and those with no update for STALE_DAYS.
    overdue: int = 0
    stale: int = 0

    @property
    def late_or_at_risk(self) -> int:
        return self.by_status[Status.LATE] + self.by_status[Status.AT_RISK]

    def gap(self, year: int = GAP_YEAR) -> float:
        return self.needed.get(str(year), 0.0) - self.expected.get(str(year), 0.0)

    def sentence(self) -> str:
        if not self.total:
            return f"{self.place.name} has no actions in its plan yet."
        y = str(GAP_YEAR)
        return (
            f"{_count(self.total, 'action')} across {_count(len(self.by_theme), 'theme')}: "
            f"{self.by_status[Status.COMPLETED]} completed, {self.by_status[Status.ON_TRACK]} "
            f"on track, {self.late_or_at_risk} late or at risk. Linked to the pathway, they "
            f"are expected to avoid {self.expected.get(y, 0):,.0f} tCO2e a year by {y}; "
            f"outputs delivered so far avoid {self.actual.get(y, 0):,.0f}. The plan's pathway "
            f"needs {self.needed.get(y, 0):,.0f} tCO2e a year by then."
        )


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _needed(place: Place) -> tuple[str, dict[str, float]]:
    """Savings the plan's pathway makes against the reference scenario, by year."""
    name, definition = pathways.default_definition(place)
    reference = pathways.run(place, pathways.REFERENCE_DEFINITION).total_emissions_tco2e
    pathway = pathways.run(place, definition)
    saved = reference.sum(axis=0) - pathway.total_emissions_tco2e.sum(axis=0)
    return name, {str(int(y)): float(v) for y, v in zip(pathway.years, saved, strict=True)}


def summary(place: Place) -> Summary:
    result = Summary(place)
    themes = dict(Theme.choices)
    today = dt.date.today()
    rows = (
        Action.objects.filter(place=place)
        .annotate(last_update=Max("updates__as_of"))
        .values_list("theme", "status", "owner__name", "planned_end", "last_update")
    )
    for theme, status, owner, planned_end, last_update in rows:
        if status not in FINISHED:
            result.overdue += planned_end < today
            result.stale += last_update is None or (today - last_update).days > STALE_DAYS
        result.total += 1
        result.by_status[status] += 1
        result.by_theme[themes.get(theme, theme)][status] += 1
        result.by_owner[owner][status] += 1
    links = LeverLink.objects.filter(action__place=place).values_list(
        "action__theme", "target_year", "expected_by_year", "actual_by_year"
    )
    for theme, target_year, expected, actual in links:
        for year, value in expected.items():
            result.expected[year] += value
        for year, value in actual.items():
            result.actual[year] += value
        result.expected_by_theme[themes.get(theme, theme)] += expected.get(str(target_year), 0)
    result.pathway_name, result.needed = _needed(place)
    return result


def _status_columns() -> tuple[Column, ...]:
    return tuple(Column(status.value, status.label) for status in Status)


def tables(result: Summary) -> dict[str, Table]:
    statuses = list(Status)
    by_theme = Table(
        slug="actions-by-theme",
        caption="Actions by theme and status",
        columns=(
            Column("theme", "Theme"),
            *_status_columns(),
            Column("total", "All actions"),
            Column("expected", "Expected savings in target years", "tCO2e a year"),
        ),
        rows=tuple(
            {
                "theme": label,
                **{s.value: result.by_theme[label][s] for s in statuses},
                "total": sum(result.by_theme[label].values()),
                "expected": result.expected_by_theme.get(label, 0.0),
            }
            for label in Theme.labels
            if label in result.by_theme
        ),
        about=About(TRACKER_SOURCE + "; " + ENGINE_SOURCE),
    )
    by_status = Table(
        slug="actions-by-status",
        caption="Actions by status",
        columns=(Column("status", "Status"), Column("actions", "Actions", "actions")),
        rows=tuple({"status": s.label, "actions": result.by_status[s]} for s in statuses),
        about=NOT_PUBLIC_DATA,
    )
    by_owner = Table(
        slug="actions-by-owner",
        caption="Actions by owning organisation",
        columns=(
            Column("owner", "Organisation"),
            *_status_columns(),
            Column("total", "All actions"),
        ),
        rows=tuple(
            {
                "owner": owner,
                **{s.value: counts[s] for s in statuses},
                "total": sum(counts.values()),
            }
            for owner, counts in sorted(result.by_owner.items())
        ),
        about=NOT_PUBLIC_DATA,
    )
    trajectory = Table(
        slug="savings-trajectory",
        caption="Savings: what the pathway needs, what the actions are expected to deliver, "
        "and what delivered outputs achieve",
        columns=(
            Column("year", "Year"),
            Column("needed", f"Pathway “{result.pathway_name}” needs", "tCO2e a year"),
            Column("expected", "Expected from actions", "tCO2e a year"),
            Column("actual", "Achieved by delivered outputs", "tCO2e a year"),
            Column("gap", "Gap still to close", "tCO2e a year"),
        ),
        rows=tuple(
            {
                "year": year,
                "needed": result.needed.get(str(year), 0.0),
                "expected": result.expected.get(str(year), 0.0),
                "actual": result.actual.get(str(year), 0.0),
                "gap": result.needed.get(str(year), 0.0) - result.expected.get(str(year), 0.0),
            }
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
        ),
        about=About(ENGINE_SOURCE),
        notes=(
            "Savings are tCO2e a year fewer than the reference scenario (every lever at level "
            "1, only the grid's carbon intensity changing). Each action's contribution is "
            "computed on its own, so actions that overlap are counted separately.",
        ),
    )
    return {t.slug: t for t in (by_theme, by_status, by_owner, trajectory)}
