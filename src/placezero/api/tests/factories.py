"""Test data for the API: a small invented place, never presented as real figures."""

from __future__ import annotations

import factory

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
from placezero.places.options import AreaKind, AreaRole, TargetScope


def square(x: float, y: float) -> dict:
    """A 0.1° square polygon (GeoJSON, WGS84) with its south-west corner at (x, y)."""
    ring = [[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    slug = factory.Sequence(lambda n: f"testshire-{n}")
    name = factory.Sequence(lambda n: f"Testshire {n}")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    place = factory.SubFactory(PlaceFactory)
    code = factory.Sequence(lambda n: f"E07{n:06d}")
    name = factory.Sequence(lambda n: f"District {n}")
    kind = AreaKind.DISTRICT
    role = AreaRole.MEMBER
    geometry = factory.LazyFunction(lambda: square(-1.2, 52.6))


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    area = factory.SubFactory(AreaFactory)
    place = factory.SelfAttribute("area.place")
    code = factory.Sequence(lambda n: f"E02{n:06d}")
    name = factory.Sequence(lambda n: f"Zone {n:03d}")
    local_name = factory.Sequence(lambda n: f"Village {n}")
    geometry = factory.LazyFunction(lambda: square(-1.2, 52.6))


class DatasetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dataset

    place = factory.SubFactory(PlaceFactory)
    key = factory.Sequence(lambda n: f"dataset-{n}")
    title = factory.Sequence(lambda n: f"Dataset {n}")
    publisher = "DESNZ"
    source_url = "https://www.gov.uk/"
    licence = "OGL-3.0"
    attribution = "Contains public sector information licensed under the OGL v3.0."
    raw_files = factory.LazyFunction(lambda: ["desnz/example.csv"])


class AreaStatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaStatistic

    area = factory.SubFactory(AreaFactory)
    dataset = factory.SubFactory(DatasetFactory, place=factory.SelfAttribute("..area.place"))
    variable = "territorial_emissions_ktco2e"
    scenario = ""
    year = 2020
    value = 100.0
    unit = "kt CO2e"


class ZoneStatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZoneStatistic

    zone = factory.SubFactory(ZoneFactory)
    dataset = factory.SubFactory(DatasetFactory, place=factory.SelfAttribute("..zone.place"))
    variable = "domestic_consumption_kwh"
    scenario = ""
    year = 2019
    value = 1000.0
    unit = "kWh"


class NetZeroTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetZeroTarget

    area = factory.SubFactory(AreaFactory)
    place = factory.SelfAttribute("area.place")
    scope = TargetScope.AREA


class TargetVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetVersion

    target = factory.SubFactory(NetZeroTargetFactory)
    net_zero_year = 2050
    valid_from = factory.Faker("date_object")
    decision = "Cabinet decision"
