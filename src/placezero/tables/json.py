"""A table as plain JSON-ready data: what the API answers and what a page embeds.

    {"slug", "caption", "columns": [{"key", "label", "unit", "decimals"}],
     "rows": [{key: value}], "zone_key", "notes": [...],
     "about": {"source", "source_url", "method_url", "licence", "licence_url", "attribution"}}

Rows hold every column's key; values are plain numbers, strings or null (numpy numbers as
numbers; NaN and infinity as null, `tables.cells.plain`), so `json.dumps(...,
allow_nan=False)` always succeeds.
"""

from __future__ import annotations

from typing import Any

from .cells import plain
from .model import Column, Table


def column_json(column: Column) -> dict[str, Any]:
    return {
        "key": column.key,
        "label": column.label,
        "unit": column.unit,
        "decimals": column.decimals,
    }


def rows_json(table: Table) -> list[dict[str, Any]]:
    return [{c.key: plain(row.get(c.key)) for c in table.columns} for row in table.rows]


def to_json(table: Table) -> dict[str, Any]:
    return {
        "slug": table.slug,
        "caption": table.caption,
        "columns": [column_json(column) for column in table.columns],
        "rows": rows_json(table),
        "zone_key": table.zone_key,
        "notes": list(table.notes),
        "about": table.about.as_dict(),
    }
