"""The evaluation's indicators, joining the partnership's own records (`services`) with the
action tracker's (`tracker.services.on_time_share`): per round, and as a trend across
rounds (a table, and a chart drawn from it).

Like `from_tracker`, this module sits outside `governance.services` on purpose: the
tracker reads governance's door (the powers register), so no import goes round a circle.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from placezero.tables import About, Column, Table
from placezero.tables.charts import Chart, chart_from_table

from . import services
from .from_tracker import actions_on_time
from .services.evaluation import Indicator, RoundFigures

if TYPE_CHECKING:
    from placezero.places.models import Place

    from .models import EvaluationRound

ABOUT = About(
    source=(
        "The partnership's own records in placezero (decisions, meetings and their "
        "attendance, evaluation answers) and its action tracker"
    ),
)
NOTES = (
    "Each round covers the days after the previous round closed, up to its own closing "
    "date (or today, while that is still to come).",
    "Decisions within their time limit: decisions taken in the period before their deadline "
    "and without escalation, out of those taken. Attendance: voting members present out of "
    "those sitting, over the period's meetings. Engagement: people sitting on a body of the "
    "partnership on the last day who answered the round. Actions on time: actions planned to "
    "end in the period (cancelled ones left out) completed by their planned end. A dash: "
    "nothing to count.",
)


def _share(pair: tuple[int, int]) -> float | None:
    counted, out_of = pair
    return round(100 * counted / out_of, 1) if out_of else None


def _words(pair: tuple[int, int], nothing: str) -> str:
    counted, out_of = pair
    return f"{100 * counted / out_of:.0f}% ({counted} of {out_of})" if out_of else nothing


def place_indicators(place: Place) -> list[Indicator]:
    """The partnership's indicators over its whole record, to today."""
    on_time = actions_on_time(place, after=None, until=date.today())
    return [
        *services.indicators(place),
        Indicator(
            "Share of actions on time",
            _words(on_time, "no action was due to end yet"),
            "actions past their planned end (cancelled ones left out) completed by it, from "
            "the action tracker",
        ),
    ]


def round_indicators(figures: RoundFigures, on_time: tuple[int, int]) -> list[Indicator]:
    period = (
        f"from {figures.after + timedelta(days=1):%-d %B %Y} to {figures.until:%-d %B %Y}"
        if figures.after
        else f"up to {figures.until:%-d %B %Y}"
    )
    return [
        Indicator(
            "Decisions within their time limit",
            _words(figures.decisions_in_time, "no decision was taken in the period"),
            f"decisions taken {period} before their deadline, without escalation",
        ),
        Indicator(
            "Attendance at meetings",
            _words(figures.attendance, "no meeting was recorded in the period"),
            f"voting members present out of those sitting, at the meetings held {period}",
        ),
        Indicator(
            "Engagement",
            _words(figures.engagement, "nobody sat on a body of the partnership"),
            f"people sitting on a body of the partnership on {figures.until:%-d %B %Y} who "
            "answered this round",
        ),
        Indicator(
            "Share of actions on time",
            _words(on_time, "no action was due to end in the period"),
            f"actions planned to end {period} (cancelled ones left out) completed by their "
            "planned end, from the action tracker",
        ),
    ]


def evaluation(round_: EvaluationRound) -> dict[str, Any]:
    """Everything the round's report shows beside the scores: its indicators, and the trend
    of every round up to it as a table with a chart drawn from it."""
    series = services.rounds_figures(round_.place, up_to=round_)
    on_time = {
        f.round.pk: actions_on_time(f.round.place, after=f.after, until=f.until) for f in series
    }
    this = next(f for f in series if f.round.pk == round_.pk)
    table = trend_table(series, on_time)
    return {
        "round_indicators": round_indicators(this, on_time[round_.pk]),
        "trend_table": table,
        "trend_chart": trend_chart(table),
    }


COLUMNS = (
    Column("round", "Round"),
    Column("mean_score", "Mean score, every answer", "1 to 5", 1),
    Column("decisions_in_time", "Decisions within their time limit", "%", 0),
    Column("attendance", "Attendance at meetings", "%", 0),
    Column("engagement", "Engagement", "%", 0),
    Column("actions_on_time", "Actions on time", "%", 0),
)


def trend_table(series: list[RoundFigures], on_time: dict[int, tuple[int, int]]) -> Table:
    rows = tuple(
        {
            "round": f.round.name,
            "mean_score": round(f.mean_score, 1) if f.mean_score is not None else None,
            "decisions_in_time": _share(f.decisions_in_time),
            "attendance": _share(f.attendance),
            "engagement": _share(f.engagement),
            "actions_on_time": _share(on_time[f.round.pk]),
        }
        for f in series
    )
    return Table(
        slug="governance-trend",
        caption="Indicators by evaluation round, oldest first",
        columns=COLUMNS,
        rows=rows,
        about=ABOUT,
        notes=NOTES,
    )


def trend_chart(table: Table) -> Chart:
    return chart_from_table(
        table,
        x="round",
        series=["decisions_in_time", "attendance", "engagement", "actions_on_time"],
        kind="bar",
        title="Indicators by evaluation round (%)",
        dom_id="governance-trend-chart",
    )
