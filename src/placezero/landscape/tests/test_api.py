"""The landscape API: consultations, anonymised contributions as GeoJSON with small counts
suppressed, results per zone and technology; every answer documented in the schema."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from placezero.landscape import services

from .conftest import say

pytestmark = pytest.mark.django_db


def publish(place, officer, point, n: int, **fields):
    for i in range(n):
        c = say(place, AnonymousUser(), geometry=point, address=f"api-{i}-{fields}",
                reason=f"Private words {i}", **fields).contribution  # fmt: skip
        services.moderate(c, decision="approve", reason="", user=officer)


def test_consultations_are_listed(leicestershire, consultation):
    body = Client().get(f"/api/places/{leicestershire.slug}/landscape/consultations").json()
    assert [c["slug"] for c in body] == [consultation.slug]
    assert body[0]["state"] == "open" and body[0]["consent_version"] == 1


def test_contributions_are_anonymised_and_small_counts_suppressed(
    leicestershire, officer, consultation, zone, inside_point, resident
):
    publish(leicestershire, officer, inside_point, services.MINIMUM_RESPONSES)
    publish(leicestershire, officer, inside_point, 2, technology="onshore_wind")
    url = (f"/api/places/{leicestershire.slug}/landscape/consultations/{consultation.slug}"
           "/contributions.geojson")  # fmt: skip
    response = Client().get(url)
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert len(data["features"]) == services.MINIMUM_RESPONSES and data["suppressed"] == 2
    feature = data["features"][0]
    assert set(feature["properties"]) == {"technology", "stance", "shape", "zone", "published_on"}
    assert feature["properties"]["zone"] == zone.code and feature["geometry"]["type"] == "Point"
    assert "Private words" not in response.content.decode()


def test_results_per_zone_and_technology(leicestershire, officer, consultation, zone, inside_point):
    publish(leicestershire, officer, inside_point, services.MINIMUM_RESPONSES, tenure="owns")
    base = f"/api/places/{leicestershire.slug}/landscape/results"
    body = (
        Client().get(base, {"technology": "ground_solar", "consultation": consultation.slug}).json()
    )
    row = next(r for r in body["results"] if r["zone"] == zone.code)
    assert row["responses"] == 5 and row["acceptance"] == 0.0 and row["low"] == 0.0
    assert 0 < row["high"] < 1 and row["effective_sample_size"] == 5.0
    hidden = next(r for r in body["results"] if r["responses"] == 0)
    assert hidden["acceptance"] is None and hidden["low"] is None
    every = Client().get(base).json()
    assert {r["technology"] for r in every["results"]} >= {"ground_solar", "tree_planting"}


def test_unknown_names_are_refused_with_the_known_ones(leicestershire, consultation):
    base = f"/api/places/{leicestershire.slug}/landscape"
    missing = Client().get(f"{base}/results", {"consultation": "nope"})
    assert missing.status_code == 404 and consultation.slug in missing.json()["detail"]
    bad = Client().get(f"{base}/results", {"technology": "nuclear"})
    assert bad.status_code == 422
    gone = Client().get(f"{base}/consultations/nope/contributions.geojson")
    assert gone.status_code == 404


def test_every_landscape_operation_documents_its_answers():
    schema = Client().get("/api/openapi.json").json()
    paths = {p: ops for p, ops in schema["paths"].items() if "/landscape/" in p}
    assert len(paths) == 4
    for operations in paths.values():
        for operation in operations.values():
            assert {"200", "403", "404", "422", "500"} <= set(operation["responses"])


def test_contributions_csv_has_the_geojson_rows_and_nothing_personal(
    leicestershire, officer, consultation, zone, inside_point
):
    """Rule: the CSV (API and results page) holds exactly the GeoJSON's contributions, the
    small counts left out the same way, and no reason, tenure, age or postcode."""
    import csv
    import io

    publish(leicestershire, officer, inside_point, services.MINIMUM_RESPONSES,
            tenure="owns", age_band="35-49", postcode_district="LE1")  # fmt: skip
    publish(leicestershire, officer, inside_point, 2, technology="onshore_wind")
    base = (f"/api/places/{leicestershire.slug}/landscape/consultations/{consultation.slug}"
            "/contributions")  # fmt: skip
    features = Client().get(base + ".geojson").json()["features"]
    response = Client().get(base + ".csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    text = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Contribution"] for r in rows] == [f["id"] for f in features]
    assert len(rows) == services.MINIMUM_RESPONSES  # the two wind answers suppressed
    assert {r["Technology"] for r in rows} == {"ground_solar"}
    assert all(r["Zone code"] == zone.code and r["Geometry (WKT, WGS84)"].startswith("POINT")
               for r in rows)  # fmt: skip
    assert set(rows[0]) == {"Contribution", "Consultation", "Technology", "Stance", "Shape",
                            "Zone code", "Published on", "Geometry (WKT, WGS84)"}  # fmt: skip
    for private in ("Private words", "owns", "35-49", "LE1"):
        assert private not in text
    page = Client().get(f"/places/{leicestershire.slug}/landscape/results/")
    assert b"format=contributions-csv" in page.content
    download = Client().get(
        f"/places/{leicestershire.slug}/landscape/results/",
        {"format": "contributions-csv", "consultation": consultation.slug},
    )
    assert download["Content-Type"].startswith("text/csv") and download.content.decode() == text
    assert (
        Client()
        .get(f"/api/places/{leicestershire.slug}/landscape/consultations/nope/contributions.csv")
        .status_code
        == 404
    )
