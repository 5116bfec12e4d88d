"""The long tables: filters, paging and bad input."""

from __future__ import annotations

from placezero.api.pagination import MAX_LIMIT

URL = "/api/places/testshire/statistics"


def test_statistics_rows_carry_value_and_unit(api_client, small_place):
    body = api_client.get(f"{URL}?area=E07000901&variable=scope_emissions_ktco2&year_from=2020")
    (row,) = body.json()["items"]
    assert row == {
        "area_code": "E07000901",
        "dataset_key": "desnz-la-ghg",
        "variable": "scope_emissions_ktco2",
        "scenario": "",
        "year": 2020,
        "value": 384.0,
        "unit": "kt CO2",
    }


def test_statistics_count_covers_all_pages(api_client, small_place):
    body = api_client.get(f"{URL}?limit=5").json()
    assert (body["count"], len(body["items"])) == (18, 5)


def test_statistics_pages_do_not_overlap(api_client, small_place):
    first = api_client.get(f"{URL}?limit=10").json()["items"]
    second = api_client.get(f"{URL}?limit=10&offset=10").json()["items"]
    assert len(first) + len(second) == 18
    assert not {tuple(r.values()) for r in first} & {tuple(r.values()) for r in second}


def test_next_link_keeps_the_filters(api_client, small_place):
    body = api_client.get(f"{URL}?dataset=desnz-la-ghg&limit=3").json()
    assert "dataset=desnz-la-ghg" in body["next"]


def test_statistics_filter_by_year_range(api_client, small_place):
    items = api_client.get(f"{URL}?year_from=2010&year_to=2015").json()["items"]
    assert {r["year"] for r in items} == {2010, 2015}


def test_observed_scenario_excludes_projections(api_client, small_place):
    items = api_client.get(f"{URL}?scenario=observed&limit=100").json()["items"]
    assert len(items) == 16 and all(r["scenario"] == "" for r in items)


def test_scenario_filter_selects_projections(api_client, small_place):
    items = api_client.get(f"{URL}?scenario=ct").json()["items"]
    assert [(r["area_code"], r["value"]) for r in items] == [
        ("E07000901", 5000.0),
        ("E07000902", 3000.0),
    ]


def test_year_that_is_not_a_number_is_422_saying_what_to_send(api_client, small_place):
    response = api_client.get(f"{URL}?year_from=abc")
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["parameter"] == "year_from"
    assert "Send year_from as a whole number, e.g. year_from=2015." in error["msg"]


def test_422_message_quotes_the_value_sent(api_client, small_place):
    response = api_client.get(f"{URL}?year_to=last")
    assert "(sent 'last')" in response.json()["detail"][0]["msg"]


def test_limit_above_the_maximum_is_422_naming_the_maximum(api_client, small_place):
    response = api_client.get(f"{URL}?limit=100000")
    assert response.status_code == 422
    assert f"Send limit no larger than {MAX_LIMIT}" in response.json()["detail"][0]["msg"]


def test_year_from_after_year_to_is_422(api_client, small_place):
    response = api_client.get(f"{URL}?year_from=2020&year_to=2010")
    assert response.status_code == 422
    assert "send year_from no later than year_to" in response.json()["detail"][0]["msg"]


def test_unknown_dataset_is_422_listing_the_datasets(api_client, small_place):
    response = api_client.get(f"{URL}?dataset=nope")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == (
        "dataset: No dataset 'nope' in Testshire (sent 'nope'). "
        "Send one of: desnz-la-ghg, desnz-msoa-electricity, fes-2023."
    )


def test_statistics_use_a_fixed_number_of_queries(
    api_client, small_place, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        api_client.get(f"{URL}?area=E07000901&dataset=desnz-la-ghg&limit=1000")


def test_zone_statistics_filter_by_zone(api_client, small_place):
    url = "/api/places/testshire/zone-statistics?zone=e02000901"
    items = api_client.get(url).json()["items"]
    assert [(r["zone_code"], r["area_code"], r["year"]) for r in items] == [
        ("E02000901", "E07000901", 2015),
        ("E02000901", "E07000901", 2019),
    ]


def test_zone_statistics_filter_by_area(api_client, small_place):
    url = "/api/places/testshire/zone-statistics?area=E07000901&year_from=2019"
    assert api_client.get(url).json()["count"] == 3


def test_zone_statistics_with_unknown_zone_is_422(api_client, small_place):
    response = api_client.get("/api/places/testshire/zone-statistics?zone=E02999999")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].startswith(
        "zone: No zone 'E02999999' in Testshire (sent 'E02999999'). Send one of: E02000900"
    )


def test_unknown_variable_is_422_suggesting_close_names(api_client, small_place):
    response = api_client.get(f"{URL}?variable=territorial_emissions")
    assert response.status_code == 422
    assert "did you mean territorial_emissions_ktco2e" in response.json()["detail"][0]["msg"]


def test_unknown_scenario_is_422_listing_the_codes(api_client, small_place):
    response = api_client.get(f"{URL}?scenario=XX")
    assert response.status_code == 422
    assert "send observed or a FES 2023 code: CT, LW, ST, FS" in response.json()["detail"][0]["msg"]


def test_zone_statistics_of_a_county_cover_its_districts(api_client, small_place):
    url = "/api/places/testshire/zone-statistics?area=E10000099"
    assert api_client.get(url).json()["count"] == 6
