"""The national view: every place on the site, like with like, each row linking to it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from placezero.places import services

pytestmark = pytest.mark.django_db


def test_lists_only_the_places_on_the_site_by_tier(client, leicestershire) -> None:
    html = client.get(reverse("web:places_compared")).content.decode()
    headings = re.findall(r'<h2 class="govuk-heading-l"[^>]*>([^<]*)</h2>', html)
    assert headings[-2:] == ["Counties (1)", "Districts (7)"]
    assert (
        html.count(f'<a class="govuk-link" href="{reverse("web:place", args=["leicestershire"])}"')
        == 8
    )
    assert "Rutland" not in html  # not loaded in this test database


def test_figures_are_the_places_own(client, leicestershire) -> None:
    html = client.get(reverse("web:places_compared")).content.decode()
    blaby = next(
        s for s in services.emissions_summary(leicestershire) if s.area.code == "E07000129"
    )
    row = html[html.index("(E07000129)") :]
    row = row[: row.index("</tr>")]
    assert f">{blaby.per_capita_tco2e:.1f}<" in row
    assert f"{blaby.change_since_baseline_pct:.1f}%" in row


def test_no_places_says_how_to_set_one_up(client, db) -> None:
    from placezero.places.models import Place

    Place.objects.all().delete()
    html = client.get(reverse("web:places_compared")).content.decode()
    assert "placezero place create --all" in html


def test_the_overview_links_to_it(client, leicestershire) -> None:
    html = client.get(reverse("web:place", args=["leicestershire"])).content.decode()
    assert f'href="{reverse("web:places_compared")}"' in html


def test_the_map_draws_every_district_linking_to_its_place(client, leicestershire) -> None:
    import json

    html = client.get(reverse("web:places_compared")).content.decode()
    data = re.search(r'<script id="national-map-data" type="application/json">(.*?)</script>', html)
    features = json.loads(data.group(1))["geojson"]["features"]
    assert len(features) == 7  # the districts; the county is covered by them
    assert {f["properties"]["href"] for f in features} == {
        reverse("web:place", args=["leicestershire"])
    }
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in features)
