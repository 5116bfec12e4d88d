"""The one place the jobs pages turn a run's result tables into HTML and files: the shared
`placezero.tables` include and writers (CSV, XLSX with its About sheet)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from placezero.tables import csv, xlsx

TABLE_TEMPLATE = "tables/_table.html"
CSV_CONTENT_TYPE = csv.CONTENT_TYPE
XLSX_CONTENT_TYPE = xlsx.CONTENT_TYPE


def csv_text(table: Any) -> str:
    return csv.write(table)


def workbook(tables: Sequence[Any], job: Any, question: str) -> bytes:
    """Every table as one XLSX, its About sheet opening with what the run asked."""
    facts = [("Place", job.place.name)] if job.place_id else []
    if job.parameters.get("scenario_name"):
        facts.append(("Scenario", str(job.parameters["scenario_name"])))
    facts.append(("Run", f"{job.kind_title}: {question}"))
    return xlsx.workbook(list(tables), facts=facts)
