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
    return queries.places()


@router.get("/places/{slug}", response=PlaceDetailOut, summary="One place with its areas")
def get_place(request: HttpRequest, slug: str) -> dict:
    place = queries.place(slug)
    return {**PlaceOut.model_validate(place).model_dump(), "areas": queries.areas(place)}


@router.get("/places/{slug}/areas", response=list[AreaOut], summary="Areas of a place")
def list_areas(request: HttpRequest, slug: str, filters: Query[AreaFilter]) -> list:
    return [a for a in queries.areas(queries.place(slug)) if filters.keeps(a.kind, a.role)]


@router.get(
    "/places/{slug}/areas.geojson",
    response=FeatureCollectionOut,
    summary="Area boundaries as GeoJSON, with each area's latest territorial emissions",
    openapi_extra=geojson.openapi_response("FeatureCollection of areas, WGS84"),
)
def areas_geojson(request: HttpRequest, slug: str, filters: Query[AreaFilter]) -> HttpResponse:
    place = queries.place(slug)
    return geojson.response(queries.areas_geojson(place, kind=filters.kind, role=filters.role))


@router.get(
    "/places/{slug}/areas/{code}",
    response=AreaDetailOut,
    summary="One area with its net zero targets and their history",
)
def get_area(request: HttpRequest, slug: str, code: str) -> dict:
    place = queries.place(slug)
    area = queries.area(place, code)
    targets = [
        {
            "scope": target.scope,
            "net_zero_year": versions[-1].net_zero_year if versions else None,
            "history": versions,
        }
        for target, versions in queries.area_targets(place, area)
    ]
    return {
        **AreaOut.model_validate(area).model_dump(),
        "zone_count": len(queries.zones(place, area)),
        "targets": targets,
    }


@router.get("/places/{slug}/zones", response=ZonePage, summary="Zones (2011 MSOAs), paged")
def list_zones(
    request: HttpRequest, slug: str, filters: Query[ZoneFilter], page: Query[PageParams]
) -> dict:
    place = queries.place(slug)
    within = queries.check_area(place, filters.area)
    return paginate(queries.zones(place, within), page, request)


@router.get(
    "/places/{slug}/zones.geojson",
    response=FeatureCollectionOut,
    summary="Zone boundaries as GeoJSON",
    openapi_extra=geojson.openapi_response("FeatureCollection of zones (2011 MSOAs), WGS84"),
)
def zones_geojson(request: HttpRequest, slug: str, filters: Query[ZoneFilter]) -> HttpResponse:
    place = queries.place(slug)
    within = queries.check_area(place, filters.area)
    return geojson.response(queries.zones_geojson(place, within))


@router.get(
    "/places/{slug}/datasets",
    response=list[DatasetOut],
    summary="Datasets with their provenance and licence",
)
def list_datasets(request: HttpRequest, slug: str) -> list:
    return queries.datasets(queries.place(slug))
