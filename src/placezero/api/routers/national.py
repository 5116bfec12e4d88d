"""The national view as data: every place on the site, like with like (counties,
unitary authorities, districts), the same figures as `/places/` (`web.national`)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema

from placezero.web import national

router = Router(tags=["national"])


class NationalColumnOut(Schema):
    key: str
    label: str
    unit: str
    source: str = Field(description="who adds the column (e.g. pathways: the national batch)")
    missing: str | None = Field(
        description="what every cell of the column says when its source has nothing yet "
        "(e.g. “not run yet”); null when it has figures"
    )


class NationalRowOut(Schema):
    area_code: str
    area_name: str
    place_slug: str
    place_name: str
    place_url: str = Field(description="the place's page on this site")
    latest_year: int
    latest_ktco2e: float
    per_capita_tco2e: float | None
    change_since_2005_pct: float
    figures: dict[str, float | None] = Field(description="the added columns, by key")
    notes: dict[str, str] = Field(description="why a figure is empty, by column key")


class NationalGroupOut(Schema):
    tier: str = Field(description="county, unitary or district")
    label: str
    rows: list[NationalRowOut]


class NationalOut(Schema):
    columns: list[NationalColumnOut]
    groups: list[NationalGroupOut]


@router.get(
    "/national/places",
    response=NationalOut,
    url_name="places_compared",
    summary="Every place compared, like with like: emissions per person, change since 2005, "
    "the pathway's gap to net zero, cost per tonne and headroom shortfall",
)
def places_compared(request: HttpRequest) -> dict:
    view = national.comparison(with_map=False)
    return {
        "columns": [
            {
                "key": column.key,
                "label": column.label,
                "unit": column.unit,
                "source": source.key,
                "missing": view.missing.get(source.key),
            }
            for source, column in view.columns
        ],
        "groups": [
            {
                "tier": group.kind,
                "label": group.label,
                "rows": [
                    {
                        "area_code": row.area_code,
                        "area_name": row.area_name,
                        "place_slug": row.place_slug,
                        "place_name": row.place_name,
                        "place_url": row.place_url,
                        "latest_year": row.latest_year,
                        "latest_ktco2e": row.latest_ktco2e,
                        "per_capita_tco2e": row.per_capita_tco2e,
                        "change_since_2005_pct": row.change_since_2005_pct,
                        "figures": row.extra,
                        "notes": row.notes,
                    }
                    for row in group.rows
                ],
            }
            for group in view.groups
        ],
    }
