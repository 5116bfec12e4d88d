"""The long tables of figures, filtered and paged."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router

from .. import queries
from ..filters import StatisticFilter, ZoneStatisticFilter
from ..pagination import PageParams, paginate
from ..schemas import StatisticPage, ZoneStatisticPage

router = Router(tags=["statistics"])


@router.get(
    "/places/{slug}/statistics",
    response=StatisticPage,
    summary="Area statistics: the long table, one value and its unit per row",
)
def area_statistics(
    request: HttpRequest,
    slug: str,
    filters: Query[StatisticFilter],
    page: Query[PageParams],
) -> dict:
    place = queries.place(slug)
    queries.check_area(place, filters.area)
    queries.check_dataset(place, filters.dataset)
    return paginate(filters.filter(queries.area_statistics(place)), page, request)


@router.get(
    "/places/{slug}/zone-statistics",
    response=ZoneStatisticPage,
    summary="Zone (MSOA) statistics: the long table, one value and its unit per row",
)
def zone_statistics(
    request: HttpRequest,
    slug: str,
    filters: Query[ZoneStatisticFilter],
    page: Query[PageParams],
) -> dict:
    place = queries.place(slug)
    queries.check_area(place, filters.area)
    queries.check_zone(place, filters.zone)
    queries.check_dataset(place, filters.dataset)
    return paginate(filters.filter(queries.zone_statistics(place)), page, request)
