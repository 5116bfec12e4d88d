"""Limit/offset paging for the long tables, with a ceiling so one request stays cheap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema

DEFAULT_LIMIT = 100
# 5,000 rows of the statistics table is about 1 MB of JSON: enough to page a district's
# whole series in a few requests without letting one request pull the national table.
MAX_LIMIT = 5000
# No table is near a million rows (the national zone statistics are about 200,000); the
# ceiling keeps the offset inside the databases' 64-bit integers.
MAX_OFFSET = 1_000_000


class PageParams(Schema):
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"rows per page, 1-{MAX_LIMIT}"
    )
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"rows to skip, 0-{MAX_OFFSET}")


class Page(Schema):
    """Common envelope; each endpoint's schema narrows `items`."""

    count: int = Field(description="rows matching the filters, over all pages")
    limit: int
    offset: int
    next: str | None = Field(description="URL of the next page, or null on the last page")
    previous: str | None = Field(description="URL of the previous page, or null on the first")
    items: list[Any]


def _page_url(request: HttpRequest, offset: int, limit: int) -> str:
    query = request.GET.copy()
    query["offset"] = str(offset)
    query["limit"] = str(limit)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(
    rows: QuerySet | Sequence[Any], page: PageParams, request: HttpRequest
) -> dict[str, Any]:
    """For a queryset one COUNT and one slice query (a list is sliced as it is);
    `next`/`previous` keep the caller's filters."""
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    items = list(rows[page.offset : page.offset + page.limit])
    has_next = page.offset + page.limit < count
    has_previous = page.offset > 0
    return {
        "count": count,
        "limit": page.limit,
        "offset": page.offset,
        "next": _page_url(request, page.offset + page.limit, page.limit) if has_next else None,
        "previous": (
            _page_url(request, max(page.offset - page.limit, 0), page.limit)
            if has_previous
            else None
        ),
        "items": items,
    }
