"""The national view (`/places/`, `/api/national/places`) with the pathway's columns: "not
run yet" before a national batch, each place's own figures after one, like with like."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from placezero.datapack.reader import read_pack
from placezero.jobs import services as jobs
from placezero.pathways.runs import national
from placezero.places.loader import load_pack
from placezero.places.services import get_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_places(leicestershire: Any) -> list[Any]:
    load_pack(read_pack("rutland"))
    return [leicestershire, get_place("rutland")]


def _row(html: str, code: str) -> str:
    row = html[html.index(f'data-area="{code}"') :]
    return row[: row.index("</tr>")]


def test_before_a_batch_every_pathway_cell_says_not_run_yet(client, two_places) -> None:
    html = client.get(reverse("web:places_compared")).content.decode()
    headings = re.findall(r'<h2 class="govuk-heading-l" id="tier-[a-z]+">([^<]*)</h2>', html)
    assert headings == ["Counties (1)", "Unitary authorities (1)", "Districts (7)"]
    assert "placezero pathway batch --all" in html
    for code in ("E10000018", "E06000017", "E07000129"):
        cells = re.findall(
            r'data-column="(?:net_zero|gap|cost|headroom)[^"]*">([^<]*)<', _row(html, code)
        )
        assert cells == ["not run yet"] * 4
    assert f'href="{reverse("web:place", args=["rutland"])}"' in _row(html, "E06000017")
    api = client.get("/api/national/places").json()
    assert [g["tier"] for g in api["groups"]] == ["county", "unitary", "district"]
    assert {c["missing"] for c in api["columns"]} == {"not run yet"}
    rutland = api["groups"][1]["rows"][0]
    assert rutland["place_slug"] == "rutland" and rutland["figures"]["gap_percent"] is None
    assert rutland["notes"]["gap_percent"] == "not run yet"


@pytest.mark.slow
def test_after_a_batch_each_area_shows_its_own_figures(client, two_places) -> None:
    # On a LocalCluster of two workers, as `pathway batch --all` runs by default.
    job = jobs.run_as_operator(
        national.KEY, {"places": ["leicestershire", "rutland"], "workers": 2}
    )
    assert job.status == "succeeded", job.message
    rows = {row["slug"]: row for row in job.result["places"]}
    html = client.get(reverse("web:places_compared")).content.decode()
    assert "not run yet" not in html
    rutland = rows["rutland"]
    cell = re.search(r'data-column="net_zero_2050_tco2e">([^<]*)<', _row(html, "E06000017"))
    assert cell.group(1) == f"{rutland['net_zero_2050_tco2e']:,.0f}"
    # A district of the county shows its own zones' gap, not the county's.
    blaby = rows["leicestershire"]["districts"]["E07000129"]
    cell = re.search(r'data-column="gap_percent">([^<]*)<', _row(html, "E07000129"))
    assert cell.group(1) == f"{blaby['gap_percent']:.1f}"
    api = client.get("/api/national/places").json()
    county = api["groups"][0]["rows"][0]
    assert county["area_code"] == "E10000018"
    assert county["figures"]["net_zero_2050_tco2e"] == pytest.approx(
        rows["leicestershire"]["net_zero_2050_tco2e"]
    )
    assert county["figures"]["cost_per_tonne_gbp"] == pytest.approx(
        rows["leicestershire"]["cost_per_tonne_gbp"]
    )
    assert {c["missing"] for c in api["columns"]} == {None}
