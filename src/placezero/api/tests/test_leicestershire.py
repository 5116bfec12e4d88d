"""The API over the real committed Leicestershire pack: figures match the published ones."""

from __future__ import annotations

import pytest

NW_LEICESTERSHIRE = "E07000134"
OADBY_AND_WIGSTON = "E07000135"
LEICESTERSHIRE_COUNTY = "E10000018"
BASE = "/api/places/leicestershire"


def _point(series: dict, year: int) -> float:
    return next(p["value"] for p in series["points"] if p["year"] == year)


def _one(body: dict, variable: str) -> dict:
    (series,) = [s for s in body["series"] if s["variable"] == variable]
    return series


@pytest.mark.parametrize(
    ("code", "expected_ktco2e"),
    [(NW_LEICESTERSHIRE, 915.96), (OADBY_AND_WIGSTON, 183.99)],
)
def test_territorial_emissions_2023_match_desnz(client, leicestershire, code, expected_ktco2e):
    # DESNZ UK local authority GHG emissions 2005-2023 (spot values of the published file).
    body = client.get(f"{BASE}/emissions?area={code}").json()
    territorial = _one(body, "territorial_emissions_ktco2e")
    assert territorial["unit"] == "kt CO2e"
    assert _point(territorial, 2023) == pytest.approx(expected_ktco2e, abs=0.005)


def test_emissions_cover_every_member_district(client, leicestershire):
    body = client.get(f"{BASE}/emissions").json()
    codes = {s["area_code"] for s in body["series"]}
    assert {f"E07000{n}" for n in range(129, 136)} <= codes


def test_scope_emissions_are_in_kt_co2(client, leicestershire):
    body = client.get(f"{BASE}/emissions?area={NW_LEICESTERSHIRE}").json()
    assert _one(body, "scope_emissions_ktco2")["unit"] == "kt CO2"


def test_subsector_emissions_end_in_2020_in_kt_co2(client, leicestershire):
    body = client.get(f"{BASE}/emissions?area={NW_LEICESTERSHIRE}&by=subsector").json()
    roads = _one(body, "road_transport_a_roads_ktco2")
    assert (roads["label"], roads["unit"]) == ("Road Transport (A roads)", "kt CO2")
    assert roads["points"][-1]["year"] == 2020
    assert body["datasets"] == ["mysociety-co2-subsector"]


def test_subsector_emissions_use_a_fixed_number_of_queries(
    client, leicestershire, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        assert client.get(f"{BASE}/emissions?by=subsector").status_code == 200


def test_area_consumption_has_electricity_and_gas_in_gwh(client, leicestershire):
    body = client.get(f"{BASE}/consumption?area={NW_LEICESTERSHIRE}").json()
    assert set(body["datasets"]) == {"desnz-electricity-la", "desnz-gas-la"}
    domestic = [s for s in body["series"] if s["variable"] == "domestic_consumption_gwh"]
    assert {s["dataset_key"] for s in domestic} == {"desnz-electricity-la", "desnz-gas-la"}
    assert all(s["unit"] == "GWh" and s["points"] for s in domestic)


def test_zone_consumption_gives_msoa_electricity_in_kwh(client, leicestershire):
    zone = client.get(f"{BASE}/zones?area={NW_LEICESTERSHIRE}&limit=1").json()["items"][0]
    body = client.get(f"{BASE}/consumption?zone={zone['code']}").json()
    electricity = [s for s in body["series"] if s["dataset_key"] == "desnz-msoa-electricity"]
    assert electricity and all(s["zone_code"] == zone["code"] for s in electricity)
    assert {s["unit"] for s in electricity} == {"kWh", "count"}


def test_zones_geojson_has_a_polygon_for_every_zone(client, leicestershire):
    count = client.get(f"{BASE}/zones?limit=1").json()["count"]
    response = client.get(f"{BASE}/zones.geojson")
    assert response["Content-Type"] == "application/geo+json"
    features = response.json()["features"]
    assert len(features) == count > 0
    assert {f["geometry"]["type"] for f in features} <= {"Polygon", "MultiPolygon"}


def test_zone_coordinates_are_wgs84_in_leicestershire(client, leicestershire):
    features = client.get(f"{BASE}/zones.geojson?area={NW_LEICESTERSHIRE}").json()["features"]
    geometry = features[0]["geometry"]
    rings = geometry["coordinates"] if geometry["type"] == "Polygon" else geometry["coordinates"][0]
    lon, lat = rings[0][0]
    assert -2.0 < lon < -0.4 and 52.3 < lat < 53.0


def test_areas_geojson_includes_the_county(client, leicestershire):
    features = client.get(f"{BASE}/areas.geojson?kind=county").json()["features"]
    assert [f["id"] for f in features] == [LEICESTERSHIRE_COUNTY]
    assert features[0]["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_statistics_pages_add_up_to_the_count(client, leicestershire):
    url = f"{BASE}/statistics?dataset=desnz-la-ghg&area={NW_LEICESTERSHIRE}&limit=25"
    first = client.get(url).json()
    rows = len(first["items"])
    page = first
    while page["next"]:
        page = client.get(page["next"]).json()
        rows += len(page["items"])
    assert rows == first["count"] > 25


def test_every_dataset_names_its_licence_and_attribution(client, leicestershire):
    datasets = client.get(f"{BASE}/datasets").json()
    assert datasets and all(d["licence"] and d["attribution"] for d in datasets)
