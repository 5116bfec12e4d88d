"""`placezero pathway batch --all`: net zero and the least-cost plan in every loaded place,
each plan published, a failing place reported while the rest go on."""

from __future__ import annotations

from typing import Any

import pytest

from placezero.cli import main
from placezero.datapack.reader import read_pack
from placezero.jobs.models import Job
from placezero.jobs.options import JobStatus
from placezero.pathways import services
from placezero.pathways.runs import national
from placezero.places.loader import load_pack
from placezero.places.services import get_place
from placezero.publishing import services as publishing

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def two_places(leicestershire: Any) -> list[Any]:
    load_pack(read_pack("rutland"))
    return [leicestershire, get_place("rutland")]


def test_batch_all_runs_both_places_and_publishes_their_plans(
    two_places: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    for place in two_places:
        publishing.unpublish("pathways.plan", key=place.slug)
    assert main(["pathway", "batch", "--all", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "in 2 places, on 1 worker(s)" in out
    assert "[1/2] Leicestershire: 2050" in out and "[2/2] Rutland: 2050" in out
    assert "2 places run and their plans published, 0 failed" in out
    job = Job.objects.get(kind=national.KEY)
    assert job.status == JobStatus.SUCCEEDED and job.progress_done == 2
    rows = {row["slug"]: row for row in job.result["places"]}
    net_zero = services.shipped_definitions()["net-zero"]
    for place in two_places:
        results = services.run(place, services.clean_definition(net_zero))
        emissions = results.total_emissions_tco2e.sum(axis=0)
        row = rows[place.slug]
        assert row["net_zero_2050_tco2e"] == pytest.approx(float(emissions[-1]))
        assert row["gap_percent"] == pytest.approx(100 * float(emissions[-1] / emissions[0]))
        # Net of running-cost savings, so it may be below zero (the plan pays for itself).
        assert row["saved_tco2e"] > 0
        assert row["cost_per_tonne_gbp"] == pytest.approx(row["plan_cost_gbp"] / row["saved_tco2e"])
        published = publishing.outputs(place=place, kind="pathways.plan")
        assert [output.key for output in published] == [place.slug]
    assert national.latest_figures() == rows


def test_a_failing_place_is_reported_and_the_rest_go_on(
    two_places: list[Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = national.engine_figures

    def fail_in_leicestershire(source: str, definition: Any) -> dict[str, Any]:
        if source.endswith("leicestershire"):
            raise RuntimeError("a test stands for an engine failure here")
        return real(source, definition)

    monkeypatch.setattr(national, "engine_figures", fail_in_leicestershire)
    assert main(["pathway", "batch", "--all", "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert "[1/2] leicestershire: FAILED: RuntimeError: a test stands for" in captured.err
    assert "[2/2] Rutland: 2050" in captured.out
    assert "1 places run and their plans published, 1 failed" in captured.out
    job = Job.objects.get(kind=national.KEY)
    assert [row["slug"] for row in job.result["places"]] == ["rutland"]
    assert job.result["failed"][0]["slug"] == "leicestershire"


def test_batch_refuses_what_will_not_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pathway", "batch"]) == 2
    assert "give --all" in capsys.readouterr().err
    assert main(["pathway", "batch", "--place", "atlantis"]) == 2
    assert "no place called atlantis" in capsys.readouterr().err
    assert not Job.objects.filter(kind=national.KEY).exists()
