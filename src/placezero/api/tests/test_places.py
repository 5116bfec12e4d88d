"""Places, areas and datasets."""

from __future__ import annotations

import pytest


def test_places_lists_each_place(api_client, small_place):
    body = api_client.get("/api/places").json()
    assert {"slug": "testshire", "name": "Testshire"}.items() <= body[-1].items() or any(
        p["slug"] == "testshire" and p["name"] == "Testshire" for p in body
    )


def test_unknown_place_is_404_naming_the_known_places(api_client, small_place):
    response = api_client.get("/api/places/nowhere")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert detail.startswith("No place 'nowhere'. Known places: ")
    assert "testshire" in detail


@pytest.mark.parametrize(
    "path",
    [
        "",
        "/areas",
        "/areas.geojson",
        "/zones",
        "/zones.geojson",
        "/statistics",
        "/zone-statistics",
        "/emissions",
        "/consumption",
        "/datasets",
    ],
)
def test_every_place_endpoint_answers_404_for_an_unknown_place(api_client, small_place, path):
    response = api_client.get(f"/api/places/nowhere{path}")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("No place 'nowhere'.")


def test_place_detail_lists_its_areas_county_first_neighbours_last(api_client, small_place):
    body = api_client.get("/api/places/testshire").json()
    codes = [a["code"] for a in body["areas"]]
    assert codes == ["E10000099", "E07000901", "E07000902", "E06000999"]


def test_areas_filter_by_kind(api_client, small_place):
    body = api_client.get("/api/places/testshire/areas?kind=district").json()
    assert [a["code"] for a in body] == ["E07000901", "E07000902"]


def test_areas_filter_by_role(api_client, small_place):
    body = api_client.get("/api/places/testshire/areas?role=neighbour").json()
    assert [a["code"] for a in body] == ["E06000999"]


def test_area_reports_parent_and_zone_count(api_client, small_place):
    body = api_client.get("/api/places/testshire/areas/E07000901").json()
    assert (body["parent_code"], body["zone_count"]) == ("E10000099", 3)


def test_area_code_is_case_insensitive(api_client, small_place):
    assert api_client.get("/api/places/testshire/areas/e07000901").status_code == 200


def test_area_carries_target_history_with_the_current_year(api_client, small_place):
    body = api_client.get("/api/places/testshire/areas/E10000099").json()
    (target,) = body["targets"]
    assert target["net_zero_year"] == 2050
    assert [v["net_zero_year"] for v in target["history"]] == [2045, 2050]


def test_target_versions_say_how_precisely_they_are_dated(api_client, small_place):
    body = api_client.get("/api/places/testshire/areas/E10000099").json()
    version = body["targets"][0]["history"][0]
    assert (version["date_precision"], version["assumption"]) == ("day", "")


def test_unknown_area_is_404_listing_the_place_areas(api_client, small_place):
    response = api_client.get("/api/places/testshire/areas/E07999999")
    assert response.status_code == 404
    assert response.json()["detail"] == (
        "No area 'E07999999' in Testshire. Known areas: E06000999, E07000901, E07000902, E10000099."
    )


def test_bad_kind_is_422_listing_the_kinds(api_client, small_place):
    response = api_client.get("/api/places/testshire/areas?kind=parish")
    assert response.status_code == 422
    assert "county" in response.json()["detail"][0]["msg"]


def test_datasets_carry_licence_and_attribution(api_client, small_place):
    body = api_client.get("/api/places/testshire/datasets").json()
    ghg = next(d for d in body if d["key"] == "desnz-la-ghg")
    assert ghg["licence"] == "OGL-3.0"
    assert "Open Government" not in ghg["title"] and ghg["attribution"].startswith("Contains")


@pytest.mark.parametrize(
    "url",
    [
        "/api/places",
        "/api/places/testshire",
        "/api/places/testshire/areas",
        "/api/places/testshire/areas/E10000099",
        "/api/places/testshire/datasets",
    ],
)
def test_place_endpoints_use_a_fixed_number_of_queries(
    api_client, small_place, django_assert_max_num_queries, url
):
    # place, area, targets + their versions, zones: five at most, however many rows.
    with django_assert_max_num_queries(5):
        assert api_client.get(url).status_code == 200
