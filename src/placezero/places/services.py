"""The only way other apps read places: functions that return plain models and dataclasses.

Other apps must not query the places models themselves, so that the shape of these tables
can change without breaking them. Every function here runs a fixed, small number of
queries whatever the size of the place (tests pin the counts).

Emissions are DESNZ's "UK local authority and regional greenhouse gas emissions" territorial
figures (kt CO2e) as the place pack carries them; population is the mid-year population
DESNZ publishes beside them, so per-capita figures match DESNZ's own.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet

from placezero.datapack.schema import DESNZ_LA_GHG

from .models import (
    Area,
    AreaStatistic,
    Dataset,
    NetZeroTarget,
    Place,
    PlaceLoad,
    RenewableSite,
    TargetVersion,
    Zone,
    ZoneStatistic,
)
from .options import AreaKind, AreaRole, DatePrecision
from .signals import place_loaded as place_loaded  # the door to the signal (see signals.py)

# Dataset key and variable names as the pack schema defines them (placezero.datapack.schema).
GHG_DATASET = "desnz-la-ghg"
TERRITORIAL_VARIABLE, TERRITORIAL_UNIT = DESNZ_LA_GHG["territorial_emissions_ktco2e"]
POPULATION_VARIABLE, POPULATION_UNIT = DESNZ_LA_GHG["mid_year_population_thousands"]
PERSONS_PER_THOUSAND = 1000.0
TONNES_PER_KILOTONNE = 1000.0
EDIT_TARGETS = "places.edit_targets"

# What a lookup raises when nothing has that slug or code: other apps catch these names, so
# they never import the places models.
PlaceNotFound = Place.DoesNotExist
AreaNotFound = Area.DoesNotExist


# --- places and areas ------------------------------------------------------------------


def get_place(slug: str | None = None) -> Place:
    """The place with this slug, or the site's default place. Raises PlaceNotFound."""
    return Place.objects.get(slug=slug or settings.PLACEZERO_DEFAULT_PLACE)


def list_places() -> list[Place]:
    return list(Place.objects.order_by("name"))


def _area_order(area: Area) -> tuple[int, str]:
    """County first, then the other member areas A to Z, then neighbours A to Z."""
    if area.role == AreaRole.NEIGHBOUR:
        return (2, area.name)
    return (0 if area.kind == AreaKind.COUNTY else 1, area.name)


def member_areas(place: Place) -> list[Area]:
    """Every area of the place: county first, then districts A to Z, then neighbours."""
    return sorted(Area.objects.filter(place=place).select_related("parent"), key=_area_order)


def get_area(place: Place, code: str) -> Area:
    """One area by GSS code. Raises AreaNotFound."""
    return Area.objects.select_related("parent").get(place=place, code=code)


def zones(place: Place, *, area_code: str | None = None) -> list[Zone]:
    """The place's zones (2011 MSOAs) by code, optionally those lying in one area (for a
    county, those in its districts)."""
    queryset = Zone.objects.filter(place=place).select_related("area")
    if area_code:
        queryset = queryset.filter(Q(area__code=area_code) | Q(area__parent__code=area_code))
    return list(queryset.order_by("code"))


def datasets(place: Place) -> list[Dataset]:
    """The published sources behind the place's figures, with licence and attribution."""
    return list(Dataset.objects.filter(place=place).order_by("title"))


def renewable_sites(place: Place) -> list[RenewableSite]:
    return list(RenewableSite.objects.filter(place=place).select_related("area").order_by("name"))


def latest_load(place: Place) -> PlaceLoad | None:
    """The most recent pack load of the place (who, when, digest, row counts)."""
    return PlaceLoad.objects.filter(place=place).select_related("loaded_by").first()


# --- statistics ------------------------------------------------------------------------


def area_series(
    place: Place, area_code: str, dataset: str, variable: str, scenario: str = ""
) -> dict[int, float]:
    """Year -> value of one variable for one area; empty when the pack has none."""
    rows = AreaStatistic.objects.filter(
        area__place=place,
        area__code=area_code,
        dataset__key=dataset,
        variable=variable,
        scenario=scenario,
    ).values_list("year", "value")
    return dict(sorted(rows))


def zone_values(
    place: Place, dataset: str, variable: str, year: int, scenario: str = ""
) -> dict[str, float]:
    """Zone code -> value of one variable in one year; empty when the pack has none."""
    rows = ZoneStatistic.objects.filter(
        zone__place=place, dataset__key=dataset, variable=variable, year=year, scenario=scenario
    ).values_list("zone__code", "value")
    return dict(sorted(rows))


def area_statistics(place: Place) -> QuerySet[AreaStatistic]:
    """Every area figure of the place, for callers that filter and page in the database."""
    return AreaStatistic.objects.filter(area__place=place).select_related("area", "dataset")


def zone_statistics(place: Place) -> QuerySet[ZoneStatistic]:
    """Every zone figure of the place, for callers that filter and page in the database."""
    return ZoneStatistic.objects.filter(zone__place=place).select_related(
        "zone", "zone__area", "dataset"
    )


@dataclass(frozen=True)
class AreaEmissions:
    """DESNZ territorial emissions of one area, year by year."""

    area: Area
    years: list[int]
    territorial_ktco2e: list[float]
    population: dict[int, float]  # persons, by year


def territorial_emissions(place: Place) -> list[AreaEmissions]:
    """Territorial kt CO2e from the first DESNZ year (2005) to the latest, for each area of
    the place that has figures, in `member_areas` order."""
    areas = member_areas(place)
    rows = AreaStatistic.objects.filter(
        area__place=place,
        dataset__key=GHG_DATASET,
        variable__in=(TERRITORIAL_VARIABLE, POPULATION_VARIABLE),
        scenario="",
    ).values_list("area_id", "variable", "year", "value")
    emissions: dict[int, dict[int, float]] = defaultdict(dict)
    population: dict[int, dict[int, float]] = defaultdict(dict)
    for area_id, variable, year, value in rows:
        if variable == TERRITORIAL_VARIABLE:
            emissions[area_id][year] = value
        else:
            population[area_id][year] = value * PERSONS_PER_THOUSAND
    result = []
    for area in areas:
        series = emissions.get(area.pk)
        if not series:
            continue
        years = sorted(series)
        result.append(
            AreaEmissions(
                area=area,
                years=years,
                territorial_ktco2e=[series[year] for year in years],
                population=dict(sorted(population.get(area.pk, {}).items())),
            )
        )
    return result


@dataclass(frozen=True)
class EmissionsSummary:
    """The headline numbers for one area: latest year against the first (baseline) year."""

    area: Area
    latest_year: int
    latest_ktco2e: float
    baseline_year: int
    baseline_ktco2e: float
    change_since_baseline_pct: float
    population_latest: float | None  # persons in latest_year
    per_capita_tco2e: float | None  # tonnes CO2e per person in latest_year


def summarise(series: AreaEmissions) -> EmissionsSummary:
    """Baseline is the first year of the DESNZ series (2005), the year the UK local
    authority series starts; per capita divides by DESNZ's mid-year population that year."""
    baseline_ktco2e = series.territorial_ktco2e[0]
    latest_ktco2e = series.territorial_ktco2e[-1]
    latest_year = series.years[-1]
    people = series.population.get(latest_year)
    return EmissionsSummary(
        area=series.area,
        latest_year=latest_year,
        latest_ktco2e=latest_ktco2e,
        baseline_year=series.years[0],
        baseline_ktco2e=baseline_ktco2e,
        change_since_baseline_pct=(latest_ktco2e - baseline_ktco2e) / baseline_ktco2e * 100.0,
        population_latest=people,
        per_capita_tco2e=latest_ktco2e * TONNES_PER_KILOTONNE / people if people else None,
    )


def emissions_summary(place: Place) -> list[EmissionsSummary]:
    return [summarise(series) for series in territorial_emissions(place)]


# --- maps ------------------------------------------------------------------------------


def areas_geojson(place: Place, *, role: str | None = None) -> dict[str, Any]:
    """A FeatureCollection of the place's areas (WGS84) with code, name, kind, role, parent
    and the latest territorial emissions (kt CO2e, year, t CO2e per person)."""
    summaries = {summary.area.pk: summary for summary in emissions_summary(place)}
    features = []
    for area in member_areas(place):
        if role and area.role != role:
            continue
        summary = summaries.get(area.pk)
        features.append(
            {
                "type": "Feature",
                "id": area.code,
                "geometry": area.geometry,
                "properties": {
                    "code": area.code,
                    "name": area.name,
                    "kind": area.kind,
                    "role": area.role,
                    "parent": area.parent.code if area.parent else None,
                    "emissions_year": summary.latest_year if summary else None,
                    "territorial_ktco2e": summary.latest_ktco2e if summary else None,
                    "per_capita_tco2e": summary.per_capita_tco2e if summary else None,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def zones_geojson(place: Place, *, area_code: str | None = None) -> dict[str, Any]:
    """A FeatureCollection of the place's zones (2011 MSOAs, WGS84), optionally one area's."""
    features = [
        {
            "type": "Feature",
            "id": zone.code,
            "geometry": zone.geometry,
            "properties": {
                "code": zone.code,
                "name": zone.name,
                "local_name": zone.local_name,
                "area": zone.area.code,
                "area_name": zone.area.name,
            },
        }
        for zone in zones(place, area_code=area_code)
    ]
    return {"type": "FeatureCollection", "features": features}


# --- targets ---------------------------------------------------------------------------


def target_history(place: Place) -> list[tuple[NetZeroTarget, list[TargetVersion]]]:
    """Each target of the place with its versions, oldest first (the last is current)."""
    versions = TargetVersion.objects.select_related("recorded_by").order_by("valid_from", "id")
    targets = (
        NetZeroTarget.objects.filter(place=place)
        .select_related("area")
        .prefetch_related(Prefetch("versions", queryset=versions, to_attr="ordered_versions"))
    )
    ordered = sorted(targets, key=lambda target: (*_area_order(target.area), target.scope))
    return [(target, list(target.ordered_versions)) for target in ordered]


def record_target_change(
    target: NetZeroTarget,
    *,
    net_zero_year: int,
    valid_from: dt.date,
    decision: str,
    source: str,
    user: Any,
) -> TargetVersion:
    """Record a new version of a target (a council decision), keeping every earlier one.

    Who recorded it and when are stored with it. Raises PermissionDenied (with the reason)
    if the user may not edit targets, ValidationError if the change is not a valid one."""
    from placezero.accounts.permissions import require

    require(user, EDIT_TARGETS, target)
    version = TargetVersion(
        target=target,
        net_zero_year=net_zero_year,
        valid_from=valid_from,
        decision=decision.strip(),
        source=source.strip(),
        date_precision=DatePrecision.DAY,
        recorded_by=user,
    )
    _validate_change(version)
    with transaction.atomic():
        version.save()
    return version


def _validate_change(version: TargetVersion) -> None:
    errors: dict[str, str] = {}
    if not isinstance(version.net_zero_year, int) or not 2000 <= version.net_zero_year <= 2100:
        errors["net_zero_year"] = "Enter the net zero year as a year between 2000 and 2100."
    if not isinstance(version.valid_from, dt.date):
        errors["valid_from"] = "Enter the date the decision took effect."
    if not version.decision:
        errors["decision"] = "Say which decision set or changed the target."
    if errors:
        raise ValidationError(errors)
    version.full_clean(exclude=["target", "recorded_by"])


# --- national comparison ---------------------------------------------------------------


@dataclass(frozen=True)
class ComparedArea:
    place: Place
    summary: EmissionsSummary


def national_comparison() -> list[tuple[str, list[ComparedArea]]]:
    """Every member area of every place on the site, grouped by tier (counties, unitary
    authorities, districts: powers differ by tier, so like is compared with like), lowest
    emissions per person first. Only places loaded on this site are listed."""
    by_kind: dict[str, list[ComparedArea]] = defaultdict(list)
    for place in list_places():
        for summary in emissions_summary(place):
            if summary.area.role == AreaRole.MEMBER:
                by_kind[summary.area.kind].append(ComparedArea(place, summary))
    groups = []
    for kind in (AreaKind.COUNTY, AreaKind.UNITARY, AreaKind.DISTRICT):
        rows = sorted(
            by_kind.get(kind, []),
            key=lambda row: (row.summary.per_capita_tco2e is None, row.summary.per_capita_tco2e),
        )
        if rows:
            groups.append((str(kind.label), rows))
    return groups
