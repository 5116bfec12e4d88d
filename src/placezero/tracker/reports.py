"""Progress reports: the state of a place's plan for a period, frozen when issued.

`issue_report` takes everything the report shows — the dashboard's figures and tables, each
update posted in the period, the actions completed, late or at risk, what is held up — and
stores it as one JSON snapshot on a `ProgressReport`. The report's page and its PDF are
drawn from that snapshot only, so a report issued in June still reads as it did in June
after later updates change the plan. Issuing publishes it to the advisory repository
(`tracker.report`, through `announce`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from placezero.accounts.permissions import require
from placezero.tables.json import to_json

from .models import Action, ProgressReport, ProgressUpdate
from .options import Status

if TYPE_CHECKING:
    from placezero.places.models import Place

SNAPSHOT_VERSION = 1


def reports_of(place: Place) -> Any:
    return ProgressReport.objects.filter(place=place).select_related("issued_by")


def _action_row(action: Action) -> dict[str, Any]:
    return {
        "id": action.pk,
        "reference": action.reference,
        "title": action.title,
        "owner": str(action.owner),
        "status": action.get_status_display(),
        "status_reason": action.status_reason,
        "planned_end": action.planned_end.isoformat(),
    }


def _frozen(table: Any) -> dict[str, Any]:
    """A table as JSON with each row a list in column order (PostgreSQL's jsonb does not keep
    the order of an object's keys)."""
    data = to_json(table)
    keys = [c["key"] for c in data["columns"]]
    data["rows"] = [[row.get(k) for k in keys] for row in data["rows"]]
    return data


def snapshot(place: Place, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Everything the report shows, as plain JSON."""
    from . import dashboard, graph

    summary = dashboard.summary(place)
    tables = dashboard.tables(summary)
    updates = (
        ProgressUpdate.objects.filter(action__place=place, as_of__gte=start, as_of__lte=end)
        .select_related("action")
        .prefetch_related("outputs__link")
        .order_by("action__reference", "as_of", "pk")
    )
    actions = Action.objects.filter(place=place).select_related("owner")
    completed = actions.filter(actual_end__gte=start, actual_end__lte=end, status=Status.COMPLETED)
    troubled = actions.filter(status__in=[Status.LATE, Status.AT_RISK])
    return {
        "version": SNAPSHOT_VERSION,
        "sentence": summary.sentence(),
        "figures": {
            "total": summary.total,
            "late_or_at_risk": summary.late_or_at_risk,
            "overdue": summary.overdue,
            "stale": summary.stale,
            "gap_year": dashboard.GAP_YEAR,
            "gap_tco2e": summary.gap(),
        },
        "tables": [_frozen(tables[slug]) for slug in dashboard.REPORT_TABLES],
        "updates": [
            {
                "action": _action_row(u.action),
                "as_of": u.as_of.isoformat(),
                "status": u.get_status_display(),
                "narrative": u.narrative,
                "outputs": [f"{o.amount:g} {o.link.unit}" for o in u.outputs.all()],
                "is_demo": u.is_demo,
            }
            for u in updates
        ],
        "completed": [_action_row(a) for a in completed],
        "late_or_at_risk": [_action_row(a) for a in troubled],
        "holds": [
            {"action": h.action.reference, "because_of": h.because_of.reference, "why": h.why}
            for h in graph.holds(place)
        ],
        "has_demo": actions.filter(is_demo=True).exists(),
    }


@transaction.atomic
def issue_report(
    place: Place, *, period_start: dt.date, period_end: dt.date, user: Any, title: str = ""
) -> ProgressReport:
    """Freeze the plan's progress for the period and publish it."""
    require(user, "tracker.issue_report", place)
    errors: dict[str, str] = {}
    if period_start is None:
        errors["period_start"] = "Give the first day of the period the report covers."
    if period_end is None:
        errors["period_end"] = "Give the last day of the period the report covers."
    if not errors and period_end < period_start:
        errors["period_end"] = (
            f"The period ends ({period_end:%d %B %Y}) before it starts "
            f"({period_start:%d %B %Y}): the end must be on or after the start."
        )
    if not errors and period_end > timezone.localdate():
        errors["period_end"] = "A report covers a period that has ended: choose today or before."
    title = (title or "").strip()
    if len(title) > 200:
        errors["title"] = "Give a title of 200 characters or fewer."
    if errors:
        raise ValidationError(errors)
    title = title or (
        f"{place.name} action plan progress, {period_start:%-d %B %Y} to {period_end:%-d %B %Y}"
    )
    report = ProgressReport(
        place=place,
        title=title,
        period_start=period_start,
        period_end=period_end,
        issued_at=timezone.now(),
        issued_by=user if getattr(user, "is_authenticated", False) else None,
        snapshot=snapshot(place, period_start, period_end),
    )
    report._history_user = report.issued_by
    report.save()
    from . import announce

    announce.publish_report(report)
    return report
