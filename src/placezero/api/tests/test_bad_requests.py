"""The API's answers to the bad requests the service review sent by hand: each is a 4xx in
the documented JSON shape saying what to send instead; a failure inside the server is a JSON
500 too (never Django's HTML page, whatever DEBUG says)."""

from __future__ import annotations

import pytest
from django.test import Client

from placezero.api import queries
from placezero.api.errors import SERVER_ERROR
from placezero.api.pagination import MAX_OFFSET


@pytest.mark.parametrize(
    ("path", "offset"),
    [
        ("/api/places/testshire/zone-statistics", "54681263662637785088"),
        ("/api/places/testshire/statistics", "9223372036854775808"),
        ("/api/places/testshire/zones", str(MAX_OFFSET + 1)),
    ],
)
def test_an_offset_past_the_ceiling_is_422_naming_it(api_client, small_place, path, offset):
    response = api_client.get(path, {"offset": offset})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    [error] = response.json()["detail"]
    assert error["parameter"] == "offset"
    assert f"no larger than {MAX_OFFSET}" in error["msg"]


@pytest.mark.parametrize(
    "query",
    [
        {"area": ""},
        {"scenario": ""},
        {"variable": ""},
        {"dataset": "", "year_from": "", "year_to": ""},
    ],
)
def test_empty_filters_the_schema_allows_mean_no_filter(api_client, small_place, query):
    everything = api_client.get("/api/places/testshire/statistics").json()["count"]
    response = api_client.get("/api/places/testshire/statistics", query)
    assert response.status_code == 200, response.content
    assert response.json()["count"] == everything


@pytest.mark.parametrize("scenario", ["observed", "OBSERVED", "ct", "CT"])
def test_scenario_codes_in_either_case(api_client, small_place, scenario):
    response = api_client.get("/api/places/testshire/statistics", {"scenario": scenario})
    assert response.status_code == 200


def test_a_server_failure_is_a_json_500_without_a_traceback(small_place, monkeypatch):
    def broken(place):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(queries, "area_statistics", broken)
    response = Client(raise_request_exception=False).get("/api/places/testshire/statistics")
    assert response.status_code == 500
    assert response.json() == {"detail": SERVER_ERROR}
    assert "fire" not in response.content.decode()


def test_every_operation_documents_its_error_answers(api_client):
    schema = api_client.get("/api/openapi.json").json()
    assert {"Problem", "ValidationProblem"} <= set(schema["components"]["schemas"])
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert {"200", "403", "404", "422", "500"} <= set(operation["responses"]), path
