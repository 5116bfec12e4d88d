"""Places, their areas and zones (as JSON and GeoJSON), and the datasets behind them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from .. import geojson, queries
from ..filters import AreaFilter, ZoneFilter
from ..pagination import PageParams, paginate
from ..schemas import (
    AreaDetailOut,
    AreaOut,
    DatasetOut,
    FeatureCollectionOut,
    PlaceDetailOut,
    PlaceOut,
    ZonePage,
)

router = Router(tags=["places"])


@router.get("/places", response=list[PlaceOut], summary="List places")
def list_places(request: HttpRequest) -> list:
    return list(queries.places())


@router.get("/places/{slug}", response=PlaceDetailOut, summary="One place with its areas")
def get_place(request: HttpRequest, slug: str) -> dict:
    place = queries.place(slug)
    return {**PlaceOut.model_validate(place).model_dump(), "areas": list(queries.areas(place))}


@router.get("/places/{slug}/areas", response=list[AreaOut], summary="Areas of a place")
def list_areas(request: HttpRequest, slug: str, filters: Query[AreaFilter]) -> list:
    return list(filters.filter(queries.areas(queries.place(slug))))


@router.get(
    "/places/{slug}/areas.geojson",
    response=FeatureCollectionOut,
    summary="Area boundaries as GeoJSON",
    openapi_extra=geojson.openapi_response("FeatureCollection of areas, WGS84"),
)
def areas_geojson(request: HttpRequest, slug: str, filters: Query[AreaFilter]) -> HttpResponse:
    rows = filters.filter(queries.areas(queries.place(slug)))
    return geojson.response(
        geojson.collection(
            geojson.feature(
                area.code,
                area.geometry,
                {
                    "code": area.code,
                    "name": area.name,
                    "kind": area.kind,
                    "role": area.role,
                    "parent": area.parent_code,
                },
            )
            for area in rows
        )
    )


@router.get(
    "/places/{slug}/areas/{code}",
    response=AreaDetailOut,
    summary="One area with its net zero targets and their history",
)
def get_area(request: HttpRequest, slug: str, code: str) -> object:
    return queries.area(queries.place(slug), code)


@router.get("/places/{slug}/zones", response=ZonePage, summary="Zones (2011 MSOAs), paged")
def list_zones(
    request: HttpRequest, slug: str, filters: Query[ZoneFilter], page: Query[PageParams]
) -> dict:
    place = queries.place(slug)
    queries.check_area(place, filters.area)
    return paginate(filters.filter(queries.zones(place)), page, request)


@router.get(
    "/places/{slug}/zones.geojson",
    response=FeatureCollectionOut,
    summary="Zone boundaries as GeoJSON",
    openapi_extra=geojson.openapi_response("FeatureCollection of zones (2011 MSOAs), WGS84"),
)
def zones_geojson(request: HttpRequest, slug: str, filters: Query[ZoneFilter]) -> HttpResponse:
    place = queries.place(slug)
    queries.check_area(place, filters.area)
    rows = filters.filter(queries.zones(place))
    return geojson.response(
        geojson.collection(
            geojson.feature(
                zone.code,
                zone.geometry,
                {
                    "code": zone.code,
                    "name": zone.name,
                    "local_name": zone.local_name,
                    "area": zone.area_code,
                },
            )
            for zone in rows
        )
    )


@router.get(
    "/places/{slug}/datasets",
    response=list[DatasetOut],
    summary="Datasets with their provenance and licence",
)
def list_datasets(request: HttpRequest, slug: str) -> list:
    return list(queries.datasets(queries.place(slug)))
