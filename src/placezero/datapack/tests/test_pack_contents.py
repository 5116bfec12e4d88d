"""What the committed packs hold: real published figures, derived ones that add up, and
every file's provenance in the manifest."""

from __future__ import annotations

import pytest

from placezero.datapack.reader import Pack, read_pack
from placezero.datapack.schema import EXPECTED_UNITS

LEICESTERSHIRE_DISTRICTS = tuple(f"E07000{n}" for n in range(129, 136))


def test_north_west_leicestershire_2023_territorial_emissions_match_desnz(
    leicestershire_pack: Pack,
) -> None:
    """DESNZ publishes 915.96 kt CO2e for North West Leicestershire in 2023."""
    series = leicestershire_pack.area_series(
        "E07000134", "desnz-la-ghg", "territorial_emissions_ktco2e"
    )
    assert series[2023] == pytest.approx(915.96, abs=0.01)


def test_oadby_and_wigston_2023_territorial_emissions_match_desnz(
    leicestershire_pack: Pack,
) -> None:
    series = leicestershire_pack.area_series(
        "E07000135", "desnz-la-ghg", "territorial_emissions_ktco2e"
    )
    assert series[2023] == pytest.approx(183.99, abs=0.01)


def test_county_emissions_are_the_sum_of_its_districts(leicestershire_pack: Pack) -> None:
    """The county has no DESNZ row: the builder derives it as the sum of the seven districts."""
    for year in (2005, 2014, 2023):
        districts = sum(
            leicestershire_pack.area_series(code, "desnz-la-ghg", "territorial_emissions_ktco2e")[
                year
            ]
            for code in LEICESTERSHIRE_DISTRICTS
        )
        county = leicestershire_pack.area_series(
            "E10000018", "desnz-la-ghg", "territorial_emissions_ktco2e"
        )[year]
        assert county == pytest.approx(districts, rel=1e-5)


def test_zone_census_households_sum_to_each_authority_total(leicestershire_pack: Pack) -> None:
    """Census MSOA tables and LTLA tables are published separately; their totals differ by
    a few households at most (Charnwood 2, North West Leicestershire 3), never more."""
    households = leicestershire_pack.zone_values("census-2021", "households", 2021)
    zone_area = {
        z["properties"]["code"]: z["properties"]["area"] for z in leicestershire_pack.zones
    }
    for code in (*LEICESTERSHIRE_DISTRICTS, "E06000016"):
        zone_sum = sum(value for zone, value in households.items() if zone_area[zone] == code)
        published = leicestershire_pack.area_series(code, "census-2021", "households")[2021]
        assert zone_sum == pytest.approx(published, abs=5)


def test_leicestershire_has_its_county_districts_and_neighbour(leicestershire_pack: Pack) -> None:
    kinds = {
        a["properties"]["code"]: (a["properties"]["kind"], a["properties"]["role"])
        for a in leicestershire_pack.areas
    }
    assert kinds["E10000018"] == ("county", "member")
    assert kinds["E06000016"] == ("unitary", "neighbour")
    assert all(kinds[code] == ("district", "member") for code in LEICESTERSHIRE_DISTRICTS)


def test_districts_name_the_county_as_parent(leicestershire_pack: Pack) -> None:
    parents = {
        a["properties"]["code"]: a["properties"]["parent"] for a in leicestershire_pack.areas
    }
    assert {parents[code] for code in LEICESTERSHIRE_DISTRICTS} == {"E10000018"}
    assert parents["E06000016"] is None


def test_every_zone_belongs_to_a_district_or_unitary(leicestershire_pack: Pack) -> None:
    areas = {z["properties"]["area"] for z in leicestershire_pack.zones}
    assert areas == {*LEICESTERSHIRE_DISTRICTS, "E06000016"}


def test_grid_supply_points_include_those_named_for_leicestershire(
    leicestershire_pack: Pack,
) -> None:
    ids = {f["properties"]["gsp_id"] for f in leicestershire_pack.gsp_geojson["features"]}
    assert {"ENDE_1", "COVE_1", "WILL_1", "STAY_1"} <= ids


def test_every_gsp_has_peak_demand_in_all_four_scenarios(leicestershire_pack: Pack) -> None:
    ids = {f["properties"]["gsp_id"] for f in leicestershire_pack.gsp_geojson["features"]}
    seen = {
        (row["gsp_id"], row["scenario"])
        for row in leicestershire_pack.grid_supply_points
        if row["parameter"] == "DemandPk-All" and row["year"] == 2050
    }
    assert seen == {(gsp, s) for gsp in ids for s in ("CT", "LW", "ST", "FS")}


def test_substations_lie_in_pack_zones(leicestershire_pack: Pack) -> None:
    zones = {z["properties"]["code"] for z in leicestershire_pack.zones}
    assert leicestershire_pack.substations
    assert {row["zone_code"] for row in leicestershire_pack.substations} <= zones


def test_renewable_sites_have_wgs84_positions_in_the_east_midlands(
    leicestershire_pack: Pack,
) -> None:
    located = [s for s in leicestershire_pack.renewable_sites if s["lat"] is not None]
    assert located
    assert all(52.3 < s["lat"] < 53.0 and -1.7 < s["lon"] < -0.6 for s in located)


def test_every_dataset_in_the_statistics_has_provenance(leicestershire_pack: Pack) -> None:
    datasets = {d["key"]: d for d in leicestershire_pack.manifest["datasets"]}
    used = {row.dataset for row in leicestershire_pack.area_statistics}
    used |= {row.dataset for row in leicestershire_pack.zone_statistics}
    used |= {row.dataset for row in leicestershire_pack.national_series}
    for key in used:
        for field in ("title", "publisher", "source_url", "licence", "attribution", "method"):
            assert datasets[key][field], f"{key} lacks {field}"


def test_every_unit_in_the_pack_is_the_schema_unit(leicestershire_pack: Pack) -> None:
    for row in leicestershire_pack.area_statistics[:2000]:
        assert row.unit == EXPECTED_UNITS[(row.dataset, row.variable)]


def test_targets_keep_their_history_with_date_precision(leicestershire_pack: Pack) -> None:
    area_target = next(t for t in leicestershire_pack.manifest["targets"] if t["scope"] == "area")
    years = [(v["net_zero_year"], v["date_precision"]) for v in area_target["history"]]
    assert years == [(2045, "month"), (2050, "year")]


def test_carbon_values_have_low_central_high(leicestershire_pack: Pack) -> None:
    scenarios = {
        row.scenario
        for row in leicestershire_pack.national_series
        if row.dataset == "green-book-carbon-values" and row.year == 2030
    }
    assert scenarios == {"low", "central", "high"}


def test_rutland_pack_is_one_unitary_without_county_or_targets() -> None:
    pack = read_pack("rutland")
    assert [a["properties"]["code"] for a in pack.areas] == ["E06000017"]
    assert pack.manifest["targets"] == []
    assert pack.area_series("E06000017", "desnz-la-ghg", "territorial_emissions_ktco2e")


def test_asking_for_an_unknown_variable_is_an_error(leicestershire_pack: Pack) -> None:
    from placezero.datapack.errors import PackError

    with pytest.raises(PackError, match="unknown variable 'territorial_ktco2e'"):
        leicestershire_pack.area_series("E07000134", "desnz-la-ghg", "territorial_ktco2e")
