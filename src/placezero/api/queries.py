"""Read queries behind the API, each scoped to one place and shaped to avoid N+1 queries.

`placezero.places.services` did not yet offer these reads when the API was written, so the
API keeps its own small query module; every function here reads, none writes.
"""

from __future__ import annotations

from django.db.models import Count, F, Prefetch, Q, QuerySet

from placezero.places.models import (
    Area,
    AreaStatistic,
    Dataset,
    NetZeroTarget,
    Place,
    TargetVersion,
    Zone,
    ZoneStatistic,
)

from .errors import not_found
from .series import Measure

STATISTIC_FIELDS = ("variable", "scenario", "year", "value", "unit")


def places() -> QuerySet[Place]:
    return Place.objects.annotate(
        area_count=Count("areas", distinct=True), zone_count=Count("zones", distinct=True)
    ).order_by("name")


def place(slug: str) -> Place:
    found = places().filter(slug=slug).first()
    if found is None:
        known = list(Place.objects.order_by("slug").values_list("slug", flat=True))
        raise not_found("place", slug, known)
    return found


def areas(place: Place) -> QuerySet[Area]:
    return (
        Area.objects.filter(place=place)
        .annotate(parent_code=F("parent__code"), zone_count=Count("zones"))
        .order_by("kind", "name")
    )


def area(place: Place, code: str) -> Area:
    targets = NetZeroTarget.objects.prefetch_related(
        Prefetch("versions", queryset=TargetVersion.objects.order_by("valid_from", "id"))
    ).order_by("scope")
    found = (
        areas(place)
        .filter(code=code.upper())
        .prefetch_related(Prefetch("targets", queryset=targets))
        .first()
    )
    if found is None:
        raise not_found("area", code, area_codes(place), within=place.name)
    return found


def area_codes(place: Place) -> list[str]:
    return list(Area.objects.filter(place=place).order_by("code").values_list("code", flat=True))


def check_area(place: Place, code: str | None) -> None:
    """A filter naming an area the place does not have is a mistake, not an empty answer."""
    if code and not Area.objects.filter(place=place, code=code).exists():
        raise not_found("area", code, area_codes(place), within=place.name)


def check_zone(place: Place, code: str | None) -> None:
    if code and not Zone.objects.filter(place=place, code=code).exists():
        known = Zone.objects.filter(place=place).order_by("code").values_list("code", flat=True)
        raise not_found("zone", code, list(known), within=place.name)


def check_dataset(place: Place, key: str | None) -> None:
    if key and not Dataset.objects.filter(place=place, key=key).exists():
        known = Dataset.objects.filter(place=place).order_by("key").values_list("key", flat=True)
        raise not_found("dataset", key, list(known), within=place.name)


def zones(place: Place) -> QuerySet[Zone]:
    return Zone.objects.filter(place=place).annotate(area_code=F("area__code")).order_by("code")


def datasets(place: Place) -> QuerySet[Dataset]:
    return Dataset.objects.filter(place=place).order_by("key")


def area_statistics(place: Place) -> QuerySet:
    """The long table as dictionaries: one row per area, dataset, variable, scenario, year."""
    return (
        AreaStatistic.objects.filter(area__place=place)
        .order_by("area__code", "dataset__key", "variable", "scenario", "year")
        .values(*STATISTIC_FIELDS, area_code=F("area__code"), dataset_key=F("dataset__key"))
    )


def zone_statistics(place: Place) -> QuerySet:
    return (
        ZoneStatistic.objects.filter(zone__place=place)
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
    rows = AreaStatistic.objects.filter(area__place=place, scenario="")
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
    rows = ZoneStatistic.objects.filter(zone__place=place, zone__code=zone, scenario="")
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
