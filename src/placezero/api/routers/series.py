"""Time series per area: emissions (totals or by sub-sector) and energy consumption."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router

from .. import queries, series
from ..filters import SeriesFilter
from ..schemas import SeriesSetOut

router = Router(tags=["series"])


def _datasets(found: list[dict]) -> list[str]:
    return sorted({row["dataset_key"] for row in found})


@router.get(
    "/places/{slug}/emissions",
    response=SeriesSetOut,
    summary="Emissions per area: territorial (kt CO2e) and scope of influence (kt CO2)",
    description=(
        "by=total (default): DESNZ local authority territorial emissions (kt CO2e) and "
        "emissions within the scope of influence of local authorities (kt CO2), 2005-2023. "
        "by=subsector: the CO2 scope table split by sub-sector (mySociety transformation "
        "of BEIS data, CC BY 4.0), kt CO2, 2005-2020."
    ),
)
def emissions(
    request: HttpRequest,
    slug: str,
    filters: Query[SeriesFilter],
    by: Literal["total", "subsector"] = "total",
) -> dict:
    place = queries.place(slug)
    queries.check_area(place, filters.area)
    measures = series.EMISSIONS_BY_SUBSECTOR if by == "subsector" else series.EMISSIONS_TOTAL
    rows = queries.area_series_rows(
        place, measures, area=filters.area, year_from=filters.year_from, year_to=filters.year_to
    )
    found = series.group(rows, measures)
    return {
        "place": place.slug,
        "measure": "emissions",
        "by": by,
        "series": found,
        "datasets": _datasets(found),
    }


@router.get(
    "/places/{slug}/consumption",
    response=SeriesSetOut,
    summary="Electricity and gas consumption per area, or per zone with ?zone=",
    description=(
        "Per area: DESNZ sub-national electricity (2005-2021) and gas (2015-2021) "
        "consumption in GWh and meters in thousands. With zone=<MSOA code>: DESNZ MSOA "
        "electricity (kWh, meters, 2010-2019) and BEIS domestic gas 2016 summed from LSOAs."
    ),
)
def consumption(
    request: HttpRequest,
    slug: str,
    filters: Query[SeriesFilter],
    zone: str | None = None,
) -> dict:
    place = queries.place(slug)
    queries.check_area(place, filters.area)
    if zone:
        zone = zone.strip().upper()
        queries.check_zone(place, zone)
        measures = series.CONSUMPTION_ZONE
        rows = queries.zone_series_rows(
            place, measures, zone=zone, year_from=filters.year_from, year_to=filters.year_to
        )
    else:
        measures = series.CONSUMPTION_AREA
        rows = queries.area_series_rows(
            place,
            measures,
            area=filters.area,
            year_from=filters.year_from,
            year_to=filters.year_to,
        )
    found = series.group(rows, measures)
    return {
        "place": place.slug,
        "measure": "consumption",
        "by": "zone" if zone else "total",
        "series": found,
        "datasets": _datasets(found),
    }
