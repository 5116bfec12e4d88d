"""Services read the loaded place without N+1 queries and with the figures the pack holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from placezero.accounts.models import User
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.api.tests.factories import PlaceFactory
from placezero.places import services
from placezero.places.loader import read_and_load
from placezero.places.models import Place

from .packs import COUNTY, DISTRICT_A, DISTRICT_B, NEIGHBOUR, PackSpec

pytestmark = pytest.mark.django_db


@pytest.fixture
def testshire(tmp_path: Path) -> Place:
    return read_and_load(PackSpec().write(tmp_path / "testshire")).place


def test_get_place_by_slug(testshire: Place) -> None:
    assert services.get_place("testshire") == testshire


def test_get_place_defaults_to_setting(testshire: Place, settings: object) -> None:
    settings.PLACEZERO_DEFAULT_PLACE = "testshire"  # type: ignore[attr-defined]
    assert services.get_place() == testshire


def test_get_unknown_place_raises(testshire: Place) -> None:
    with pytest.raises(Place.DoesNotExist):
        services.get_place("atlantis")


def test_member_areas_county_then_districts_then_neighbours(testshire: Place) -> None:
    codes = [area.code for area in services.member_areas(testshire)]
    # East Testshire sorts before West Testshire.
    assert codes == [COUNTY, DISTRICT_B, DISTRICT_A, NEIGHBOUR]


def test_territorial_emissions_series_from_the_pack(testshire: Place) -> None:
    by_code = {item.area.code: item for item in services.territorial_emissions(testshire)}
    west = by_code[DISTRICT_A]
    assert west.years == [2005, 2022, 2023]
    assert west.territorial_ktco2e == [1200.0, 990.0, 900.0]
    assert west.population[2023] == pytest.approx(110_000.0)


def test_summary_per_capita_is_tonnes_per_person(testshire: Place) -> None:
    county = services.emissions_summary(testshire)[0]
    assert county.area.code == COUNTY
    # (900 + 180) kt over (110 + 58) thousand people = 6.43 t per person.
    assert county.per_capita_tco2e == pytest.approx(1080.0 * 1000 / 168_000)


def test_summary_change_since_2005(testshire: Place) -> None:
    county = services.emissions_summary(testshire)[0]
    assert (county.baseline_year, county.latest_year) == (2005, 2023)
    assert county.change_since_baseline_pct == pytest.approx((1080 - 1500) / 1500 * 100)


def test_areas_geojson_filters_by_role(testshire: Place) -> None:
    collection = services.areas_geojson(testshire, role="neighbour")
    assert [f["properties"]["code"] for f in collection["features"]] == [NEIGHBOUR]
    assert collection["features"][0]["properties"]["territorial_ktco2e"] == 1400.0


def test_zones_geojson_for_one_area(testshire: Place) -> None:
    collection = services.zones_geojson(testshire, area_code=DISTRICT_A)
    assert collection["type"] == "FeatureCollection"
    assert {f["properties"]["code"] for f in collection["features"]} == {"E02005347", "E02005348"}
    assert collection["features"][0]["geometry"]["type"] == "Polygon"


def test_zone_values_for_one_year(testshire: Place) -> None:
    values = services.zone_values(
        testshire, "desnz-msoa-electricity", "domestic_consumption_kwh", 2019
    )
    assert values["E02005348"] == 2_000_000.0


def test_services_make_a_fixed_number_of_queries(
    testshire: Place, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(3):  # type: ignore[operator]
        services.areas_geojson(testshire)
    with django_assert_max_num_queries(1):  # type: ignore[operator]
        services.zones_geojson(testshire)
    with django_assert_max_num_queries(3):  # type: ignore[operator]
        for _target, versions in services.target_history(testshire):
            [(v.recorded_by, v.net_zero_year) for v in versions]


def test_resident_may_not_record_a_target_change(testshire: Place) -> None:
    resident = User.objects.create_user("resident", password="x", role=Role.RESIDENT)
    target, _ = services.target_history(testshire)[0]
    with pytest.raises(PermissionDenied):
        services.record_target_change(
            target,
            net_zero_year=2060,
            valid_from=dt.date(2025, 1, 1),
            decision="No.",
            source="",
            user=resident,
        )


def test_an_officer_of_another_place_may_not_record_a_target_change(testshire: Place) -> None:
    officer = UserFactory(role=Role.OFFICER, place=PlaceFactory(name="Rutland"))
    target, _ = services.target_history(testshire)[0]
    with pytest.raises(PermissionDenied) as refused:
        services.record_target_change(
            target,
            net_zero_year=2060,
            valid_from=dt.date(2025, 1, 1),
            decision="Not ours to change.",
            source="",
            user=officer,
        )
    assert str(refused.value) == (
        f"Only officers of {testshire.name}, and administrators, may do this. "
        "You are an officer of Rutland."
    )


def test_target_change_needs_a_decision(testshire: Place) -> None:
    officer = UserFactory(role=Role.OFFICER, place=testshire)
    target, _ = services.target_history(testshire)[0]
    with pytest.raises(ValidationError) as caught:
        services.record_target_change(
            target,
            net_zero_year=2050,
            valid_from=dt.date(2025, 1, 1),
            decision="  ",
            source="",
            user=officer,
        )
    assert "decision" in caught.value.message_dict


def test_target_change_is_recorded_with_who(testshire: Place) -> None:
    officer = UserFactory(role=Role.OFFICER, place=testshire)
    target, _ = services.target_history(testshire)[0]
    version = services.record_target_change(
        target,
        net_zero_year=2050,
        valid_from=dt.date(2025, 1, 1),
        decision="Full council, item 7.",
        source="minutes",
        user=officer,
    )
    assert version.recorded_by == officer
    assert version.recorded_at is not None
    assert target.current_version() == version


def test_zones_of_a_county_are_those_of_its_districts(testshire: Place) -> None:
    assert [zone.code for zone in services.zones(testshire, area_code=COUNTY)] == [
        "E02005347",
        "E02005348",
        "E02005360",
    ]


def test_area_statistics_queryset_is_scoped_to_the_place(testshire: Place) -> None:
    rows = services.area_statistics(testshire).filter(area__code=DISTRICT_B, year=2023)
    assert sorted((row.variable, row.value) for row in rows) == [
        ("population_thousands", 58.0),
        ("territorial_emissions_ktco2e", 180.0),
    ]


def test_latest_load_says_who_and_which_pack(testshire: Place) -> None:
    load = services.latest_load(testshire)
    assert load is not None
    assert load.pack_digest == testshire.pack_digest
    assert load.row_counts["zone_statistics"] == 3


def test_renewable_sites_carry_their_area(testshire: Place) -> None:
    [site] = services.renewable_sites(testshire)
    assert (site.name, site.capacity_mw, site.area.code) == ("Test Solar Farm", 5.0, DISTRICT_A)
