"""Zones as a paged list and as GeoJSON; area boundaries as GeoJSON."""

from __future__ import annotations


def test_zones_are_paged_with_links(api_client, small_place):
    body = api_client.get("/api/places/testshire/zones?limit=2").json()
    assert (body["count"], len(body["items"])) == (4, 2)
    assert body["next"].endswith("/api/places/testshire/zones?limit=2&offset=2")
    assert body["previous"] is None


def test_last_zone_page_has_no_next(api_client, small_place):
    body = api_client.get("/api/places/testshire/zones?limit=2&offset=2").json()
    assert body["next"] is None
    assert body["previous"].endswith("offset=0")


def test_zones_filter_by_area(api_client, small_place):
    body = api_client.get("/api/places/testshire/zones?area=E07000902").json()
    assert [(z["code"], z["area_code"]) for z in body["items"]] == [("E02000910", "E07000902")]


def test_zones_filter_with_unknown_area_is_422_listing_the_areas(api_client, small_place):
    response = api_client.get("/api/places/testshire/zones?area=E07000000")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].endswith(
        "Send one of: E06000999, E07000901, E07000902, E10000099."
    )


def test_zones_geojson_is_a_feature_collection(api_client, small_place):
    response = api_client.get("/api/places/testshire/zones.geojson")
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 4


def test_zone_features_have_polygon_geometry_and_properties(api_client, small_place):
    body = api_client.get("/api/places/testshire/zones.geojson?area=E07000901").json()
    feature = body["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "Polygon"
    ring = feature["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1]  # RFC 7946 §3.1.6: a linear ring is closed
    assert feature["properties"] == {
        "code": "E02000900",
        "name": feature["properties"]["name"],
        "local_name": feature["properties"]["local_name"],
        "area": "E07000901",
        "area_name": "North Test",
    }


def test_zones_geojson_filters_by_area(api_client, small_place):
    body = api_client.get("/api/places/testshire/zones.geojson?area=E07000902").json()
    assert [f["id"] for f in body["features"]] == ["E02000910"]


def test_areas_geojson_keeps_areas_without_geometry_as_null(api_client, small_place):
    response = api_client.get("/api/places/testshire/areas.geojson")
    assert response["Content-Type"] == "application/geo+json"
    features = {f["id"]: f for f in response.json()["features"]}
    assert features["E06000999"]["geometry"] is None
    assert features["E07000901"]["properties"]["parent"] == "E10000099"


def test_geojson_queries_do_not_grow_with_zones(
    api_client, small_place, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        api_client.get("/api/places/testshire/zones.geojson")


def test_zones_of_a_county_are_those_of_its_districts(api_client, small_place):
    body = api_client.get("/api/places/testshire/zones?area=E10000099").json()
    assert body["count"] == 4


def test_zones_geojson_of_a_county_covers_its_districts(api_client, small_place):
    body = api_client.get("/api/places/testshire/zones.geojson?area=E10000099").json()
    assert len(body["features"]) == 4


def test_county_zone_count_includes_its_districts(api_client, small_place):
    assert api_client.get("/api/places/testshire/areas/E10000099").json()["zone_count"] == 4
