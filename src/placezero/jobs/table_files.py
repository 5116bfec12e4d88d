"""The one place the jobs pages turn a run's result tables into HTML and files.

Tables are what a kind's `result_tables(job)` returns (`slug`, `caption`, `columns`, `rows`).
Until the shared `placezero.tables` package lands (its `tables/_table.html` include and its
CSV and XLSX writers), this uses the pathway tool's table include and writers, which every
kind so far returns; only this module changes then.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

TABLE_TEMPLATE = "pathways/_table.html"


def csv_text(table: Any) -> str:
    from placezero.pathways import exports

    return exports.table_csv(table)


def workbook(tables: Sequence[Any], job: Any, question: str) -> bytes:
    """Every table as one XLSX, opening on an About sheet saying what the run asked."""
    from placezero.pathways import exports

    about = exports.About(
        place=job.place.name if job.place_id else "",
        scenario=str(job.parameters.get("scenario_name", "")),
        view=f"{job.kind_title}: {question}",
        made_on=timezone.localdate(),
    )
    return exports.tables_xlsx(list(tables), about)
