"""A small invented place (two districts, a county, a neighbour, four zones, two datasets
with a few figures each) so the API's behaviour can be pinned without the real pack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client

from placezero.places.models import Area, Dataset, Place
from placezero.places.options import AreaKind, AreaRole, TargetScope

from .factories import (
    AreaFactory,
    AreaStatisticFactory,
    DatasetFactory,
    NetZeroTargetFactory,
    PlaceFactory,
    TargetVersionFactory,
    ZoneFactory,
    ZoneStatisticFactory,
    square,
)


@dataclass
class SmallPlace:
    place: Place
    county: Area
    north: Area
    south: Area
    neighbour: Area
    ghg: Dataset
    fes: Dataset


@pytest.fixture
def api_client() -> Client:
    return Client()


@pytest.fixture
def small_place(db: None) -> SmallPlace:
    place = PlaceFactory(slug="testshire", name="Testshire")
    county = AreaFactory(place=place, code="E10000099", name="Testshire", kind=AreaKind.COUNTY)
    north = AreaFactory(place=place, code="E07000901", name="North Test", parent=county)
    south = AreaFactory(place=place, code="E07000902", name="South Test", parent=county)
    neighbour = AreaFactory(
        place=place,
        code="E06000999",
        name="Test City",
        kind=AreaKind.UNITARY,
        role=AreaRole.NEIGHBOUR,
        geometry=None,
    )
    for index in range(3):
        ZoneFactory(area=north, code=f"E0200090{index}", geometry=square(-1.0 + index / 10, 52))
    ZoneFactory(area=south, code="E02000910")
    ghg = DatasetFactory(place=place, key="desnz-la-ghg", title="DESNZ LA GHG")
    fes = DatasetFactory(place=place, key="fes-2023", title="FES 2023")
    for area, base in ((north, 500.0), (south, 300.0)):
        for year in (2005, 2010, 2015, 2020):
            AreaStatisticFactory(area=area, dataset=ghg, year=year, value=base - year + 2000)
            AreaStatisticFactory(
                area=area,
                dataset=ghg,
                variable="scope_emissions_ktco2",
                unit="kt CO2",
                year=year,
                value=(base - year + 2000) * 0.8,
            )
        AreaStatisticFactory(
            area=area,
            dataset=fes,
            variable="domestic_heat_pumps_count",
            unit="count",
            scenario="CT",
            year=2030,
            value=base * 10,
        )
    target = NetZeroTargetFactory(area=county, scope=TargetScope.AREA)
    TargetVersionFactory(target=target, net_zero_year=2045, valid_from=date(2022, 12, 1))
    TargetVersionFactory(target=target, net_zero_year=2050, valid_from=date(2024, 6, 1))
    msoa = DatasetFactory(place=place, key="desnz-msoa-electricity", title="MSOA electricity")
    for zone in north.zones.all():
        for year in (2015, 2019):
            ZoneStatisticFactory(zone=zone, dataset=msoa, year=year, value=1e6 + year)
    return SmallPlace(place, county, north, south, neighbour, ghg, fes)
