"""The committed Leicestershire pack, as the root conftest loads it into the test database."""

from __future__ import annotations

import pytest

from placezero.datapack.reader import Pack, read_pack
from placezero.places import services
from placezero.places.loader import read_and_load
from placezero.places.models import Area, AreaStatistic, Place, Zone, ZoneStatistic

NW_LEICESTERSHIRE = "E07000134"
COUNTY = "E10000018"


@pytest.fixture(scope="module")
def pack() -> Pack:
    return read_pack("leicestershire")


def test_pack_gives_nine_areas_and_its_zones(leicestershire: Place) -> None:
    assert Area.objects.filter(place=leicestershire).count() == 9
    # About 120 2011 MSOAs cover the seven districts and Leicester.
    assert 100 <= Zone.objects.filter(place=leicestershire).count() <= 140


def test_pack_gives_area_and_zone_statistics(leicestershire: Place) -> None:
    assert AreaStatistic.objects.filter(area__place=leicestershire).count() > 1000
    assert ZoneStatistic.objects.filter(zone__place=leicestershire).count() > 1000


def test_member_areas_start_with_the_county_and_end_with_leicester(
    leicestershire: Place,
) -> None:
    areas = services.member_areas(leicestershire)
    assert areas[0].code == COUNTY
    assert [area.name for area in areas[1:8]] == sorted(area.name for area in areas[1:8])
    assert areas[-1].code == "E06000016"


def test_nw_leicestershire_latest_territorial_matches_the_pack(
    leicestershire: Place, pack: Pack
) -> None:
    summary = next(
        item
        for item in services.emissions_summary(leicestershire)
        if item.area.code == NW_LEICESTERSHIRE
    )
    from_file = pack.area_series(NW_LEICESTERSHIRE, "desnz-la-ghg", "territorial_emissions_ktco2e")
    assert summary.latest_year == max(from_file) == 2023
    assert summary.latest_ktco2e == from_file[2023]
    # DESNZ 2023 publication: 915.96 kt CO2e (issue 2 quotes 916.0 to one decimal place).
    assert round(summary.latest_ktco2e, 1) == 916.0


def test_county_per_capita_is_county_emissions_over_county_population(
    leicestershire: Place, pack: Pack
) -> None:
    county = services.emissions_summary(leicestershire)[0]
    emissions = pack.area_series(COUNTY, "desnz-la-ghg", "territorial_emissions_ktco2e")
    thousands = pack.area_series(COUNTY, "desnz-la-ghg", "population_thousands")
    year = county.latest_year
    assert county.per_capita_tco2e == pytest.approx(emissions[year] / thousands[year])
    # A shire county's territorial emissions per head sit between 3 and 15 t CO2e.
    assert 3 < county.per_capita_tco2e < 15


def test_county_target_history_has_both_settings(leicestershire: Place) -> None:
    history = {
        (target.area.code, target.scope): [v.net_zero_year for v in versions]
        for target, versions in services.target_history(leicestershire)
    }
    assert history[(COUNTY, "area")] == [2045, 2050]
    assert history[(COUNTY, "own-operations")] == [2030, 2035]


def test_services_on_the_real_place_make_few_queries(
    leicestershire: Place, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(3):  # type: ignore[operator]
        services.areas_geojson(leicestershire)
    with django_assert_max_num_queries(2):  # type: ignore[operator]
        services.territorial_emissions(leicestershire)
    with django_assert_max_num_queries(1):  # type: ignore[operator]
        services.zones_geojson(leicestershire)


def test_reloading_the_real_pack_changes_no_statistic(leicestershire: Place) -> None:
    """The duplicate import: loading the same pack again leaves the same rows and values."""

    def values() -> list[tuple]:
        return sorted(
            AreaStatistic.objects.filter(area__place=leicestershire).values_list(
                "area__code", "dataset__key", "variable", "scenario", "year", "value"
            )
        )

    before = values()
    report = read_and_load("leicestershire")
    assert not report.created
    assert report.target_versions_added == 0
    assert values() == before
