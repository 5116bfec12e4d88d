"""The zones' boundaries file: the polygons every zone map draws, the same for every visitor,
served once per pack and area with an ETag, and refused clearly for an unknown area."""

from __future__ import annotations

import pytest
from django.test import Client

from placezero.pathways import maps, services

pytestmark = pytest.mark.django_db

BLABY = "E07000129"


def _url(place, area=None) -> str:
    return maps.boundaries_url(place, area)


def test_the_file_has_every_modelled_zone_with_its_polygon(client, leicestershire) -> None:
    """Every zone of the place's pack (a map draws the zones its figures name)."""
    response = client.get(_url(leicestershire))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    body = response.json()
    codes = {f["properties"]["code"] for f in body["features"]}
    assert codes >= set(services.place_inputs(leicestershire).zones)
    assert codes == {z.code for z in maps.places.zones(leicestershire)}
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in body["features"])


def test_an_area_gives_its_zones_only(client, leicestershire) -> None:
    body = client.get(_url(leicestershire, BLABY)).json()
    inputs = services.place_inputs(leicestershire)
    blaby = {
        z for z, d in zip(inputs.zones, inputs.zone_district_index, strict=True)
        if inputs.districts[d] == BLABY
    }  # fmt: skip
    assert {f["properties"]["code"] for f in body["features"]} >= blaby
    assert len(body["features"]) < len(client.get(_url(leicestershire)).json()["features"])


def test_a_second_visit_is_answered_by_the_etag(leicestershire) -> None:
    client = Client()
    first = client.get(_url(leicestershire))
    again = client.get(_url(leicestershire), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    # With a session cookie too: the answer does not depend on the visitor.
    client.cookies["sessionid"] = "anything"
    assert client.get(_url(leicestershire)).content == first.content


def test_an_address_without_the_pack_version_is_kept_briefly(client, leicestershire) -> None:
    response = client.get(f"/places/{leicestershire.slug}/pathway/zones.geojson")
    assert response.status_code == 200 and response["Cache-Control"] == "public, max-age=300"


def test_an_unknown_area_is_refused_with_the_districts_to_choose(client, leicestershire) -> None:
    response = client.get(f"/places/{leicestershire.slug}/pathway/zones.geojson?area=E0<x>")
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is no district 'E0<x>' in Leicestershire" in text and BLABY in text
    assert response["Content-Type"].startswith("text/plain")
    assert client.get("/places/nowhere/pathway/zones.geojson").status_code == 404
