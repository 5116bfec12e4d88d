"""The OpenAPI schema and the interactive docs, served without any third-party host."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders

from placezero.api.pagination import MAX_LIMIT

ENDPOINTS = [
    "/api/places",
    "/api/places/{slug}",
    "/api/places/{slug}/areas",
    "/api/places/{slug}/areas/{code}",
    "/api/places/{slug}/areas.geojson",
    "/api/places/{slug}/zones",
    "/api/places/{slug}/zones.geojson",
    "/api/places/{slug}/statistics",
    "/api/places/{slug}/zone-statistics",
    "/api/places/{slug}/emissions",
    "/api/places/{slug}/consumption",
    "/api/places/{slug}/datasets",
    "/api/places/{slug}/pathway/scenarios",
    "/api/places/{slug}/pathway/scenarios/{key}",
    "/api/places/{slug}/pathway/scenarios/{key}/definition",
    "/api/places/{slug}/pathway/views",
    "/api/places/{slug}/pathway/views/{view}/tables/{table}",
    "/api/places/{slug}/pathway/views/{view}/tables/{table}.geojson",
    "/api/places/{slug}/actions",
    "/api/places/{slug}/actions/{reference}",
    "/api/national/places",
    "/api/places/{slug}/landscape/consultations",
    "/api/places/{slug}/landscape/consultations/{consultation}/contributions.geojson",
    "/api/places/{slug}/landscape/consultations/{consultation}/contributions.csv",
    "/api/places/{slug}/landscape/results",
]
URL_IN_PAGE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


@pytest.fixture
def openapi(client) -> dict:
    return client.get("/api/openapi.json").json()


def test_openapi_lists_every_endpoint(openapi):
    assert sorted(openapi["paths"]) == sorted(ENDPOINTS)


def test_openapi_documents_geojson_as_geo_json_only(openapi):
    content = openapi["paths"]["/api/places/{slug}/zones.geojson"]["get"]["responses"]["200"][
        "content"
    ]
    assert list(content) == ["application/geo+json"]


def test_openapi_statistics_rows_name_their_unit(openapi):
    row = openapi["components"]["schemas"]["StatisticOut"]["properties"]
    assert {"value", "unit"} <= set(row)


def test_docs_page_renders(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b'id="swagger-ui"' in response.content


def test_docs_page_loads_nothing_from_another_host(client):
    html = client.get("/api/docs").content.decode()
    assert not re.search(r"https?://(?!testserver)", html)
    assert all(url.startswith("/") for url in URL_IN_PAGE.findall(html))


def test_docs_page_assets_are_local_static_files(client, settings):
    html = client.get("/api/docs").content.decode()
    assets = [
        url.removeprefix(settings.STATIC_URL)
        for url in URL_IN_PAGE.findall(html)
        if url.startswith(settings.STATIC_URL)
    ]
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert all(finders.find(asset) for asset in assets)


def test_docs_turn_off_the_remote_validator_badge(client):
    # Swagger UI fetches validator.swagger.io unless validatorUrl is null.
    assert b'"validatorUrl": null' in client.get("/api/docs").content


def test_openapi_documents_every_statistics_filter(openapi):
    parameters = openapi["paths"]["/api/places/{slug}/statistics"]["get"]["parameters"]
    names = {p["name"] for p in parameters if p["in"] == "query"}
    assert names == {
        "area",
        "dataset",
        "variable",
        "scenario",
        "year_from",
        "year_to",
        "limit",
        "offset",
    }


def test_openapi_gives_the_limit_its_maximum(openapi):
    parameters = openapi["paths"]["/api/places/{slug}/zones"]["get"]["parameters"]
    (limit,) = [p for p in parameters if p["name"] == "limit"]
    assert limit["schema"]["maximum"] == MAX_LIMIT
