"""Read queries behind the API, each scoped to one place and run in a fixed number of queries.

Everything comes from `placezero.places.services` (the read interface other apps use): places,
areas, zones, datasets, maps and targets, and the statistics querysets that this module
orders, filters and shapes in the database for the long statistics tables and the
multi-area series behind /emissions and /consumption. It adds the 404s and 422s the API
answers with, and never imports the places models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import F, Q, QuerySet

from placezero.places import services

from .errors import not_found, unknown_filter_value
from .series import Measure

if TYPE_CHECKING:
    from placezero.places.models import Area, Dataset, NetZeroTarget, Place, TargetVersion, Zone

STATISTIC_FIELDS = ("variable", "scenario", "year", "value", "unit")


def places() -> list[Place]:
    return services.list_places()


def place(slug: str) -> Place:
    try:
        # An empty slug would give the default place; the URL never sends one.
        return services.get_place(slug or "-")
    except services.PlaceNotFound:
        raise not_found("place", slug, sorted(p.slug for p in services.list_places())) from None


def areas(place: Place) -> list[Area]:
    """County first, then member districts A to Z, then neighbours (services' order)."""
    return services.member_areas(place)


def area(place: Place, code: str) -> Area:
    try:
        return services.get_area(place, code.strip().upper())
    except services.AreaNotFound:
        raise not_found("area", code, area_codes(place), within=place.name) from None


def area_targets(place: Place, area: Area) -> list[tuple[NetZeroTarget, list[TargetVersion]]]:
    return [(t, versions) for t, versions in services.target_history(place) if t.area == area]


def area_codes(place: Place) -> list[str]:
    return sorted(area.code for area in services.member_areas(place))


def check_area(place: Place, code: str | None, parameter: str = "area") -> Area | None:
    """A filter naming an area the place does not have is a mistake, not an empty answer."""
    if not code:
        return None
    try:
        return services.get_area(place, code)
    except services.AreaNotFound:
        raise unknown_filter_value(
            parameter, "area", code, area_codes(place), within=place.name
        ) from None


def check_zone(place: Place, code: str | None, parameter: str = "zone") -> None:
    if code:
        known = sorted(zone.code for zone in services.zones(place))
        if code not in known:
            raise unknown_filter_value(parameter, "zone", code, known, within=place.name)


def check_dataset(place: Place, key: str | None, parameter: str = "dataset") -> None:
    if key:
        known = sorted(dataset.key for dataset in services.datasets(place))
        if key not in known:
            raise unknown_filter_value(parameter, "dataset", key, known, within=place.name)


def _covered(target: Area, zone_area: Area) -> bool:
    """A zone lies in an area, or in a district of a county."""
    return zone_area.pk == target.pk or zone_area.parent_id == target.pk


def zones(place: Place, within: Area | None = None) -> list[Zone]:
    """The place's zones, or those lying in an area (for a county, in its districts)."""
    found = services.zones(place)
    return [zone for zone in found if within is None or _covered(within, zone.area)]


def datasets(place: Place) -> list[Dataset]:
    return services.datasets(place)


def areas_geojson(place: Place, *, kind: str | None, role: str | None) -> dict[str, Any]:
    collection = services.areas_geojson(place, role=role)
    if kind:
        collection["features"] = [
            f for f in collection["features"] if f["properties"]["kind"] == kind
        ]
    return collection


def zones_geojson(place: Place, within: Area | None) -> dict[str, Any]:
    collection = services.zones_geojson(place)
    if within is not None:
        codes = {zone.area.code for zone in zones(place, within)}
        collection["features"] = [
            f for f in collection["features"] if f["properties"]["area"] in codes
        ]
    return collection


def area_statistics(place: Place) -> QuerySet:
    """The long table as dictionaries: one row per area, dataset, variable, scenario, year."""
    return (
        services.area_statistics(place)
        .order_by("area__code", "dataset__key", "variable", "scenario", "year")
        .values(*STATISTIC_FIELDS, area_code=F("area__code"), dataset_key=F("dataset__key"))
    )


def zone_statistics(place: Place) -> QuerySet:
    return (
        services.zone_statistics(place)
        .order_by("zone__code", "dataset__key", "variable", "scenario", "year")
        .values(
            *STATISTIC_FIELDS,
            zone_code=F("zone__code"),
            area_code=F("zone__area__code"),
            dataset_key=F("dataset__key"),
        )
    )


def _measures_q(measures: tuple[Measure, ...]) -> Q:
    wanted = Q()
    for measure in measures:
        wanted |= Q(dataset__key=measure.dataset_key, variable__in=list(measure.labels))
    return wanted


def _years_q(year_from: int | None, year_to: int | None) -> Q:
    years = Q()
    if year_from:
        years &= Q(year__gte=year_from)
    if year_to:
        years &= Q(year__lte=year_to)
    return years


def area_series_rows(
    place: Place,
    measures: tuple[Measure, ...],
    *,
    area: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> QuerySet:
    """Published (not projected) figures for the measures, ordered for series.group()."""
    rows = services.area_statistics(place).filter(scenario="")
    rows = rows.filter(_measures_q(measures), _years_q(year_from, year_to))
    if area:
        rows = rows.filter(area__code=area)
    return rows.order_by("area__code", "dataset__key", "variable", "unit", "year").values(
        "variable",
        "unit",
        "year",
        "value",
        area_code=F("area__code"),
        area_name=F("area__name"),
        dataset_key=F("dataset__key"),
    )


def zone_series_rows(
    place: Place,
    measures: tuple[Measure, ...],
    *,
    zone: str,
    year_from: int | None = None,
    year_to: int | None = None,
) -> QuerySet:
    rows = services.zone_statistics(place).filter(zone__code=zone, scenario="")
    rows = rows.filter(_measures_q(measures), _years_q(year_from, year_to))
    return rows.order_by("dataset__key", "variable", "unit", "year").values(
        "variable",
        "unit",
        "year",
        "value",
        zone_code=F("zone__code"),
        area_code=F("zone__area__code"),
        area_name=F("zone__area__name"),
        dataset_key=F("dataset__key"),
    )
