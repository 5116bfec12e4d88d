"""Emissions and consumption series, grouped per area and variable."""

from __future__ import annotations

URL = "/api/places/testshire/emissions"


def _series(body: dict) -> dict[tuple[str, str], dict]:
    return {(s["area_code"], s["variable"]): s for s in body["series"]}


def test_emissions_give_territorial_and_scope_series_per_area(api_client, small_place):
    series = _series(api_client.get(URL).json())
    assert set(series) == {
        ("E07000901", "territorial_emissions_ktco2e"),
        ("E07000901", "scope_emissions_ktco2"),
        ("E07000902", "territorial_emissions_ktco2e"),
        ("E07000902", "scope_emissions_ktco2"),
    }


def test_emission_series_carry_units_and_ordered_points(api_client, small_place):
    series = _series(api_client.get(URL).json())
    territorial = series[("E07000902", "territorial_emissions_ktco2e")]
    assert territorial["unit"] == "kt CO2e"
    assert series[("E07000902", "scope_emissions_ktco2")]["unit"] == "kt CO2"
    assert territorial["points"] == [
        {"year": 2005, "value": 295.0},
        {"year": 2010, "value": 290.0},
        {"year": 2015, "value": 285.0},
        {"year": 2020, "value": 280.0},
    ]


def test_emissions_filter_by_area_and_years(api_client, small_place):
    body = api_client.get(f"{URL}?area=E07000901&year_from=2015").json()
    assert {s["area_code"] for s in body["series"]} == {"E07000901"}
    assert all([p["year"] for p in s["points"]] == [2015, 2020] for s in body["series"])


def test_emissions_by_subsector_is_empty_without_that_dataset(api_client, small_place):
    body = api_client.get(f"{URL}?by=subsector").json()
    assert (body["by"], body["series"], body["datasets"]) == ("subsector", [], [])


def test_emissions_by_unknown_breakdown_is_422(api_client, small_place):
    response = api_client.get(f"{URL}?by=sector")
    assert response.status_code == 422
    assert "Send by as one of" in response.json()["detail"][0]["msg"]


def test_consumption_for_a_zone_gives_msoa_electricity(api_client, small_place):
    body = api_client.get("/api/places/testshire/consumption?zone=E02000900").json()
    (series,) = body["series"]
    assert (series["zone_code"], series["area_code"], series["unit"]) == (
        "E02000900",
        "E07000901",
        "kWh",
    )
    assert [p["year"] for p in series["points"]] == [2015, 2019]


def test_consumption_for_unknown_zone_is_422(api_client, small_place):
    response = api_client.get("/api/places/testshire/consumption?zone=E02999999")
    assert response.status_code == 422
    assert response.json()["detail"][0]["parameter"] == "zone"


def test_series_use_a_fixed_number_of_queries(
    api_client, small_place, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        api_client.get(f"{URL}?area=E07000901")
