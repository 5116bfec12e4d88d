"""Pathway long runs as background jobs: their parameter checks, an optimisation and a
Monte Carlo on the real county, their failures in a planner's words, the start forms and
who may use them, and each kind's results on the run's page. The queue, workers and the
generic run pages are tested in `placezero/jobs/tests`."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.engine import uncertainty
from placezero.jobs import JobParametersError
from placezero.jobs import services as jobs
from placezero.jobs.models import Job
from placezero.jobs.options import JobStatus
from placezero.jobs.queue import claim_next, run_job
from placezero.pathways.runs import OPTIMISE, UNCERTAINTY, optimise, periods

PERIOD_END_YEARS = periods.target_years()

pytestmark = pytest.mark.django_db

CUT_2050 = {"goal": "reduction", "target_year": "2050", "reduction_percent": "40"}


@pytest.fixture
def partner(leicestershire: Any) -> Any:
    """A partner editor of Leicestershire (a role counts only where its holder belongs)."""
    return UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)


@pytest.fixture
def officer(leicestershire: Any) -> Any:
    return UserFactory(role=Role.OFFICER, place=leicestershire)


def _errors(place: Any, kind: str, parameters: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(JobParametersError) as raised:
        jobs.enqueue(
            kind, parameters, UserFactory(role=Role.PARTNER_EDITOR, place=place), place=place
        )
    return raised.value.errors


def _enqueue(place: Any, kind: str, parameters: dict[str, Any], user: Any) -> Job:
    return jobs.enqueue(kind, parameters, user, place=place)


# --- enqueue validates -----------------------------------------------------------------------


def test_samples_outside_the_range_are_refused_with_the_range(leicestershire: Any) -> None:
    for samples in ("5", "2001"):
        errors = _errors(leicestershire, UNCERTAINTY, {"samples": samples})
        assert "between 10 and 2,000" in errors["samples"]
    assert Job.objects.count() == 0


def test_samples_must_be_a_whole_number(leicestershire: Any) -> None:
    assert "whole number" in _errors(leicestershire, UNCERTAINTY, {"samples": "12.5"})["samples"]
    assert "must be a number" in _errors(leicestershire, UNCERTAINTY, {"samples": "ten"})["samples"]
    assert _errors(leicestershire, UNCERTAINTY, {})["samples"].startswith("Enter")


def test_target_year_must_be_a_period_end_year(leicestershire: Any) -> None:
    errors = _errors(leicestershire, OPTIMISE, CUT_2050 | {"target_year": "2032"})
    years = ", ".join(map(str, PERIOD_END_YEARS))
    assert errors["target_year"] == f"The target year must be one of {years} (not 2032)."


def test_reduction_must_be_a_percentage(leicestershire: Any) -> None:
    errors = _errors(leicestershire, OPTIMISE, CUT_2050 | {"reduction_percent": "150"})
    assert "between 1 and 100 per cent (you entered 150)" in errors["reduction_percent"]


def test_budget_must_be_below_emissions_with_no_new_action(leicestershire: Any) -> None:
    ceiling = periods.no_new_action_budget_tco2e(leicestershire)
    too_much = {"goal": "budget", "carbon_budget_tco2e": str(round(ceiling) + 1)}
    message = _errors(leicestershire, OPTIMISE, too_much)["carbon_budget_tco2e"]
    assert f"less than {ceiling:,.0f} tCO2e" in message
    zero = _errors(leicestershire, OPTIMISE, {"goal": "budget", "carbon_budget_tco2e": 0})
    assert "more than 0" in zero["carbon_budget_tco2e"]


def test_unknown_kind_and_goal_are_refused(leicestershire: Any) -> None:
    assert (
        "'pathways.no-such-kind' is registered"
        in _errors(leicestershire, "pathways.no-such-kind", {})["kind"]
    )
    assert "Choose a goal" in _errors(leicestershire, OPTIMISE, {"goal": "cheapest"})["goal"]


def test_the_form_refuses_a_kind_it_does_not_offer(client, leicestershire, partner) -> None:
    client.force_login(partner)
    response = client.post(_url("jobs", leicestershire), {"kind": "national-batch"})
    assert response.status_code == 400
    assert "Choose what to run: optimise (Least-cost optimisation)" in response.content.decode()
    assert not Job.objects.exists()


def test_a_scenario_the_engine_refuses_is_refused_at_once(leicestershire: Any) -> None:
    broken = {"samples": "10", "definition": {"levers": {"no_such_lever": 2}}}
    assert "cannot run" in _errors(leicestershire, UNCERTAINTY, broken)["scenario"]


def test_enqueue_stores_the_scenario_it_runs_and_the_steps(leicestershire: Any, partner) -> None:
    job = _enqueue(leicestershire, UNCERTAINTY, {"samples": "25"}, partner)
    assert job.status == JobStatus.QUEUED
    assert job.progress_total == 25
    assert job.parameters["scenario_name"]
    assert "levers" in job.parameters["definition"]
    assert job.created_by == partner


# --- running ----------------------------------------------------------------------------------


def test_optimisation_on_the_county_meets_the_target(leicestershire: Any, partner) -> None:
    job = _enqueue(leicestershire, OPTIMISE, CUT_2050, partner)
    job = run_job(claim_next())
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.progress_done == job.progress_total == len(optimise.STEPS)
    rows = {row["year"]: row for row in job.result["emissions"]}
    assert sorted(rows) == list(PERIOD_END_YEARS)
    target = rows[2050]["no_new_action_tco2e"] * 0.6
    assert rows[2050]["target_tco2e"] == pytest.approx(target)
    assert rows[2050]["plan_tco2e"] <= target * (1 + 1e-6)
    assert all(row["scenario_tco2e"] > 0 for row in rows.values())
    reached = [row["2050"] for row in job.result["levers"]]
    assert len(reached) == 16 and sum(reached) > 0 and max(reached) <= 100 + 1e-6
    assert job.result["agreement"] <= 0.005  # the plan's simulation, not the LP's estimate
    # Limits in a planner's words: lever titles, not solver names; not the target itself.
    assert job.result["binding"]
    assert not any("_" in phrase for phrase in job.result["binding"])
    assert "target" not in job.result["binding"]
    assert job.finished_at is not None


def test_net_zero_by_2050_from_the_web_finds_a_plan(leicestershire, partner) -> None:
    """Rule: a 100 % cut by 2050 (net zero, territorial net of removals) has a plan over
    every sector whose simulated emissions reach zero (within the agreement tolerance)."""
    parameters = {"goal": "reduction", "target_year": "2050", "reduction_percent": "100"}
    job = run_job(_enqueue(leicestershire, OPTIMISE, parameters, partner))
    assert job.status == JobStatus.SUCCEEDED, job.message
    rows = {row["year"]: row for row in job.result["emissions"]}
    assert rows[2050]["target_tco2e"] == 0
    assert rows[2050]["plan_tco2e"] <= 0.005 * rows[2030]["no_new_action_tco2e"]
    assert any("reinforcement" in phrase for phrase in job.result["binding"])


def test_residents_acceptance_caps_the_zone_levers_zone_by_zone(
    leicestershire, partner, monkeypatch
) -> None:
    """Rule: with acceptance on, heat pumps, ground solar and wind take each zone's own
    acceptance (not also the place's mean); a zone that refuses heat pumps gets none."""
    import numpy as np

    from placezero.engine.optimise_levers import ZONE_LEVERS
    from placezero.pathways import services

    n_zones = len(services.place_inputs(leicestershire).zones)
    shares = np.ones((n_zones, 6))
    shares[:5, 0] = 0.0  # heat pumps (the least-cost problem's first technology)
    monkeypatch.setattr(services, "residents_acceptance", lambda place: shares)
    place_wide, by_zone = services.residents_acceptance_by_zone(leicestershire)
    assert set(by_zone) == set(ZONE_LEVERS) and not set(place_wide) & set(ZONE_LEVERS)
    seen = {}
    real = optimise.solve_levers

    def spy(*args, **kwargs):
        seen["plan"] = real(*args, **kwargs)
        return seen["plan"]

    monkeypatch.setattr(optimise, "solve_levers", spy)
    parameters = CUT_2050 | {"acceptance": "on"}
    job = run_job(_enqueue(leicestershire, OPTIMISE, parameters, partner))
    assert job.status == JobStatus.SUCCEEDED, job.message
    hp = seen["plan"].zone_shares[ZONE_LEVERS.index("domestic_heat_pumps")]
    assert np.all(hp[:5] <= 1e-9)


def test_a_carbon_budget_from_the_web_is_kept(leicestershire, partner) -> None:
    budget = round(periods.no_new_action_budget_tco2e(leicestershire) * 0.7)
    parameters = {"goal": "budget", "carbon_budget_tco2e": str(budget)}
    job = run_job(_enqueue(leicestershire, OPTIMISE, parameters, partner))
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.result["cost_gbp"] and job.result["levers"]


def test_unreachable_target_says_which_limit_binds_where(leicestershire, partner) -> None:
    parameters = {"goal": "reduction", "target_year": "2030", "reduction_percent": "100"}
    job = run_job(_enqueue(leicestershire, OPTIMISE, parameters, partner))
    assert job.status == JobStatus.FAILED
    assert "The 2030 target of 0 tCO2e/yr cannot be met" in job.message
    assert "Limits that bind in 2030" in job.message
    assert "build rate — " in job.message and "Network capacity does not bind" in job.message
    assert "Where emissions remain in 2030: transport" in job.message
    assert job.result is None


def test_monte_carlo_with_few_samples_gives_bands(leicestershire: Any, partner) -> None:
    job = _enqueue(leicestershire, UNCERTAINTY, {"samples": "12"}, partner)
    job = run_job(claim_next())
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.progress_done == job.progress_total == 12
    assert job.result["samples"] == 12 and job.result["varied"] > 0
    bands = job.result["emissions"]
    assert len(bands) > 20
    assert all(b["low"] <= b["median"] <= b["high"] for b in bands)
    assert any(b["low"] < b["high"] for b in bands)
    assert {o["output"] for o in job.result["outputs"]} >= {"Annual emissions"}


def test_cancel_mid_run_stops_and_records_it(leicestershire, partner, monkeypatch, settings):
    job = _enqueue(leicestershire, UNCERTAINTY, {"samples": "200"}, partner)
    settings.JOBS_PROGRESS_INTERVAL_S = 0.0
    real_batch = uncertainty.run_batch
    batches = []

    def batch_then_cancel(*args: Any) -> Any:
        batches.append(1)
        if len(batches) == 2:
            jobs.request_cancel(Job.objects.get(pk=job.pk), partner)
        return real_batch(*args)

    monkeypatch.setattr(uncertainty, "run_batch", batch_then_cancel)
    job = run_job(claim_next())
    assert job.status == JobStatus.CANCELLED
    assert 0 < job.progress_done < 200
    assert len(batches) < 200 / 4  # stopped well before the last batch
    assert job.message == (
        f"Cancelled by the person who started it after {job.progress_done} of 200 samples."
    )
    assert job.cancelled_by == partner
    assert job.result is None


def test_someone_else_cannot_cancel_through_the_service(leicestershire, partner) -> None:
    job = _enqueue(leicestershire, UNCERTAINTY, {"samples": "10"}, partner)
    with pytest.raises(PermissionDenied, match="You did not start this run"):
        jobs.request_cancel(job, UserFactory(role=Role.PARTNER_EDITOR))


def test_unexpected_error_fails_with_a_message(leicestershire, partner, monkeypatch) -> None:
    def broken_solver(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("solver crashed")

    monkeypatch.setattr(optimise, "solve_levers", broken_solver)
    job = run_job(_enqueue(leicestershire, OPTIMISE, CUT_2050, partner))
    assert job.status == JobStatus.FAILED
    assert "unexpected error (RuntimeError: solver crashed)" in job.message
    assert "administrator" in job.message


def test_a_scenario_broken_after_queueing_fails_clearly(leicestershire, partner) -> None:
    job = _enqueue(leicestershire, UNCERTAINTY, {"samples": "10"}, partner)
    job.parameters["definition"] = {"levers": {"no_such_lever": 2}}
    job.save()
    job = run_job(job)
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("The run could not be done:")
    assert "no_such_lever" in job.message


# --- pages and permissions ----------------------------------------------------------------------


def _url(name: str, place: Any, job: Job | None = None) -> str:
    """The place's runs page (`jobs`), or a run's page from the jobs app (`detail`,
    `progress`, `cancel`)."""
    if job is None:
        return reverse(f"pathways:{name}", kwargs={"place_slug": place.slug})
    return reverse(f"jobs:{name}", kwargs={"job_id": job.pk})


def test_anonymous_sees_the_list_but_no_form_and_cannot_start(client, leicestershire) -> None:
    response = client.get(_url("jobs", leicestershire))
    assert response.status_code == 200
    assert b'id="optimise-form"' not in response.content
    assert b"Sign in" in response.content
    response = client.post(_url("jobs", leicestershire), {"kind": "uncertainty", "samples": 10})
    assert response.status_code == 302 and "login" in response["Location"]
    assert Job.objects.count() == 0


def test_resident_cannot_start(client, leicestershire) -> None:
    client.force_login(UserFactory(role=Role.RESIDENT))
    assert b'id="optimise-form"' not in client.get(_url("jobs", leicestershire)).content
    response = client.post(_url("jobs", leicestershire), {"kind": "uncertainty", "samples": 10})
    assert response.status_code == 403
    assert Job.objects.count() == 0


def test_partner_starts_an_optimisation_from_a_shipped_scenario(client, leicestershire, partner):
    client.force_login(partner)
    page = client.get(_url("jobs", leicestershire))
    assert b'id="optimise-form"' in page.content and b'id="uncertainty-form"' in page.content
    form = {"kind": "optimise", "scenario": "balanced"} | CUT_2050
    response = client.post(_url("jobs", leicestershire), form)
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("detail", leicestershire, job)
    assert job.created_by == partner and job.kind == OPTIMISE
    assert job.parameters["target_year"] == 2050 and job.parameters["reduction_percent"] == 40


def test_bad_form_shows_the_error_summary(client, leicestershire, partner) -> None:
    client.force_login(partner)
    response = client.post(_url("jobs", leicestershire), {"kind": "uncertainty", "samples": "3"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#uncertainty-samples"' in html
    assert 'id="uncertainty-samples-error"' in html
    assert 'value="3"' in html
    assert Job.objects.count() == 0


def test_partner_cancels_own_run_but_not_anothers(client, leicestershire, partner) -> None:
    own = _enqueue(leicestershire, UNCERTAINTY, {"samples": "10"}, partner)
    other = _enqueue(
        leicestershire,
        UNCERTAINTY,
        {"samples": "10"},
        UserFactory(role=Role.OFFICER, place=leicestershire),
    )
    client.force_login(partner)
    response = client.post(_url("cancel", leicestershire, own))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == JobStatus.CANCELLED
    assert client.post(_url("cancel", leicestershire, other)).status_code == 403
    other.refresh_from_db()
    assert other.status == JobStatus.QUEUED and not other.cancel_requested


def test_running_page_polls_and_offers_cancel_to_the_starter(client, leicestershire, partner):
    job = _enqueue(leicestershire, UNCERTAINTY, {"samples": "10"}, partner)
    progress_url = _url("progress", leicestershire, job)
    html = client.get(_url("detail", leicestershire, job)).content.decode()
    assert f'hx-get="{progress_url}"' in html and 'role="status"' in html
    assert "Cancel this run" not in html  # anonymous
    client.force_login(partner)
    assert "Cancel this run" in client.get(_url("detail", leicestershire, job)).content.decode()
    fragment = client.get(progress_url)
    assert fragment.status_code == 200
    assert "0 of 10 samples" in fragment.content.decode()


def test_finished_run_stops_polling_and_shows_results(client, leicestershire, partner) -> None:
    job = run_job(_enqueue(leicestershire, OPTIMISE, CUT_2050, partner))
    fragment = client.get(_url("progress", leicestershire, job))
    assert fragment.status_code == 286  # htmx: stop polling
    html = fragment.content.decode()
    assert "Finished" in html and "4 of 4 steps" in html
    assert 'hx-swap-oob="true"' in html and f'id="table-run-{job.pk}-emissions"' in html
    page = client.get(_url("detail", leicestershire, job)).content.decode()
    assert "hx-get" not in page
    assert f'data-pathway-chart="chart-run-{job.pk}-data"' in page
    assert f'id="table-run-{job.pk}-deployment"' in page
    assert ">2050</th>" in page and ">2,050</th>" not in page
    listing = client.get(_url("jobs", leicestershire)).content.decode()
    assert f'data-job="{job.pk}"' in listing and "Cut 2050 emissions by 40 %" in listing


def test_finished_monte_carlo_page_shows_bands(client, leicestershire, partner) -> None:
    job = run_job(_enqueue(leicestershire, UNCERTAINTY, {"samples": "10"}, partner))
    page = client.get(_url("detail", leicestershire, job)).content.decode()
    assert f'id="table-run-{job.pk}-emissions-band"' in page
    assert "5th percentile" in page and "95th percentile" in page


def test_a_runs_old_address_moves_to_its_page_but_not_from_another_place(
    client, leicestershire, partner
) -> None:
    job = _enqueue(leicestershire, UNCERTAINTY, {"samples": "10"}, partner)
    old = reverse(
        "pathways:job_moved", kwargs={"place_slug": leicestershire.slug, "job_id": job.pk}
    )
    assert old == f"/places/{leicestershire.slug}/pathway/runs/{job.pk}/"
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == _url(
        "detail", leicestershire, job
    )
    elsewhere = reverse("pathways:job_moved", kwargs={"place_slug": "nowhere", "job_id": job.pk})
    assert client.get(elsewhere).status_code == 404


def test_a_runs_page_sits_in_the_pathway_plan(client, leicestershire, partner) -> None:
    job = _enqueue(leicestershire, OPTIMISE, CUT_2050, partner)
    html = client.get(_url("detail", leicestershire, job)).content.decode()
    assert 'aria-label="Pathway plan sections"' in html
    assert f'href="{_url("jobs", leicestershire)}" class="govuk-back-link">All long runs' in html
    assert "Compared with" in html and "Cut 2050 emissions by 40 %" in html


def test_a_run_from_a_saved_scenario_keeps_the_link_and_a_snapshot(client, leicestershire, partner):
    from placezero.pathways import services

    _, definition = services.default_definition(leicestershire)
    saved = services.create_scenario(
        leicestershire, name="Partners' draft", description="", definition=definition, user=partner
    )
    client.force_login(partner)
    form = {"kind": "uncertainty", "samples": "10", "scenario": str(saved.pk)}
    assert client.post(_url("jobs", leicestershire), form).status_code == 302
    job = Job.objects.get()
    assert job.subject == saved
    assert job.parameters["scenario_name"] == "Partners' draft"
    assert job.parameters["definition"] == services.clean_definition(definition)


def test_an_unknown_scenario_in_the_form_is_an_error(client, leicestershire, partner) -> None:
    client.force_login(partner)
    form = {"kind": "uncertainty", "samples": "10", "scenario": "no-such-scenario"}
    response = client.post(_url("jobs", leicestershire), form)
    assert response.status_code == 400
    assert 'href="#uncertainty-scenario"' in response.content.decode()
    assert Job.objects.count() == 0
