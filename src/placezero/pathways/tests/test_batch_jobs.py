"""Batch runs: one scenario's place-wide levers in every place loaded on the site."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.datapack.reader import read_pack
from placezero.jobs import services as jobs
from placezero.jobs.models import Job
from placezero.jobs.options import JobStatus
from placezero.jobs.queue import claim_next, run_job
from placezero.pathways import services
from placezero.pathways.runs import BATCH
from placezero.places.loader import load_pack

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(leicestershire: Any) -> Any:
    return UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)


@pytest.fixture
def two_places(leicestershire: Any) -> list[Any]:
    """Leicestershire (loaded for every test) and Rutland, from its committed pack."""
    load_pack(read_pack("rutland"))
    from placezero.places.services import get_place

    return [leicestershire, get_place("rutland")]


def test_batch_runs_every_place_with_the_engines_figures(two_places, partner) -> None:
    """Rule: a batch has one row per loaded place, each the engine's own run of the
    scenario's place-wide levers there."""
    leicestershire, rutland = two_places
    definition = {"levers": {"domestic_heat_pumps": 3, "rooftop_solar": 2.5}}
    job = jobs.enqueue(
        BATCH, {"definition": definition, "scenario_name": "test"}, partner, place=leicestershire
    )
    assert job.progress_total == 2
    job = run_job(claim_next())
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.progress_done == 2
    rows = {row["place"]: row for row in job.result["places"]}
    assert set(rows) == {leicestershire.name, rutland.name}
    for place in two_places:
        results = services.run(place, definition)
        emissions = results.total_emissions_tco2e.sum(axis=0)
        row = rows[place.name]
        assert row["base_tco2e"] == pytest.approx(float(emissions[0]))
        assert row["y2050_tco2e"] == pytest.approx(float(emissions[-1]))
        assert row["capex_gbp"] == pytest.approx(float(results.capex_gbp.sum()))
        assert row["zones"] == len(results.inputs.zones)
    assert job.result["left_out"] == []


def test_batch_leaves_out_one_places_overrides_and_says_so(two_places, partner) -> None:
    """Rule: district overrides name one place's codes; a batch runs without them and its
    results say which parts were left out."""
    leicestershire, _ = two_places
    definition = {
        "levers": {"domestic_heat_pumps": 2},
        "districts": {"E07000129": {"ground_solar": 4}},
    }
    job = jobs.enqueue(
        BATCH, {"definition": definition, "scenario_name": "x"}, partner, place=leicestershire
    )
    job = run_job(claim_next())
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.result["left_out"] == ["districts"]


def test_batch_results_page_shows_every_place(client, two_places, partner) -> None:
    """Rule: a finished batch's page has a table with a row per place and its note."""
    leicestershire, rutland = two_places
    job = jobs.enqueue(BATCH, {}, partner, place=leicestershire)
    run_job(claim_next())
    url = reverse("jobs:detail", kwargs={"job_id": job.pk})
    html = client.get(url).content.decode()
    assert f"run-{job.pk}-places" in html
    assert rutland.name in html and leicestershire.name in html
    assert "2 of 2 places" in html


def test_resident_cannot_start_a_batch(client, leicestershire) -> None:
    """Rule: starting a batch needs pathways.run_jobs, like every long run."""
    client.force_login(UserFactory(role=Role.RESIDENT))
    url = reverse("pathways:jobs", kwargs={"place_slug": leicestershire.slug})
    response = client.post(url, {"kind": "batch", "scenario": "balanced"})
    assert response.status_code == 403
    assert not Job.objects.exists()


def test_finished_run_downloads_its_tables(client, leicestershire, partner) -> None:
    """Rule: a finished run's tables download as one XLSX and each as CSV, with the page's
    figures; an unfinished run or unknown table answers 404 saying why."""
    import csv
    import io

    from openpyxl import load_workbook

    job = jobs.enqueue(BATCH, {}, partner, place=leicestershire)
    base = f"/jobs/{job.pk}/results"
    assert client.get(base + ".xlsx").status_code == 404  # still queued
    job = run_job(claim_next())
    slug = f"run-{job.pk}-places"
    rows = list(
        csv.DictReader(io.StringIO(client.get(base + f".csv?table={slug}").content.decode()))
    )
    assert [row["Place"] for row in rows] == [leicestershire.name]
    assert float(rows[0]["Base year emissions (tCO2e)"]) == pytest.approx(
        job.result["places"][0]["base_tco2e"], rel=1e-6
    )
    book = load_workbook(io.BytesIO(client.get(base + ".xlsx").content))
    assert len(book.sheetnames) == 2  # About, and the one table
    response = client.get(base + ".csv?table=nope")
    assert response.status_code == 404
