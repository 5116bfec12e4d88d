"""Long runs: the queue (validation, atomic claim, cancel, abandoned runs), running an
optimisation and a Monte Carlo on the real county, failures, and who may start and cancel."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.engine import uncertainty
from placezero.engine.optimise_inputs import PERIOD_END_YEARS
from placezero.pathways import jobs
from placezero.pathways.models import PathwayJob
from placezero.pathways.options import JobKind, JobStatus

pytestmark = pytest.mark.django_db

CUT_2050 = {"goal": "reduction", "target_year": "2050", "reduction_percent": "40"}


@pytest.fixture(autouse=True)
def external_worker(settings: Any) -> None:
    """Tests run jobs themselves with `run_job`; no thread picks them up behind their back."""
    settings.PATHWAY_JOBS_WORKER = "external"


@pytest.fixture
def partner(leicestershire: Any) -> Any:
    """A partner editor of Leicestershire (a role counts only where its holder belongs)."""
    return UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire)


@pytest.fixture
def officer(leicestershire: Any) -> Any:
    return UserFactory(role=Role.OFFICER, place=leicestershire)


def _errors(place: Any, kind: str, parameters: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(jobs.JobParametersError) as raised:
        jobs.enqueue(place, kind, parameters, None)
    return raised.value.errors


# --- enqueue validates -----------------------------------------------------------------------


def test_samples_outside_the_range_are_refused_with_the_range(leicestershire: Any) -> None:
    for samples in ("5", "2001"):
        errors = _errors(leicestershire, JobKind.UNCERTAINTY, {"samples": samples})
        assert "between 10 and 2,000" in errors["samples"]
    assert PathwayJob.objects.count() == 0


def test_samples_must_be_a_whole_number(leicestershire: Any) -> None:
    assert (
        "whole number"
        in _errors(leicestershire, JobKind.UNCERTAINTY, {"samples": "12.5"})["samples"]
    )
    assert (
        "must be a number"
        in _errors(leicestershire, JobKind.UNCERTAINTY, {"samples": "ten"})["samples"]
    )
    assert _errors(leicestershire, JobKind.UNCERTAINTY, {})["samples"].startswith("Enter")


def test_target_year_must_be_a_period_end_year(leicestershire: Any) -> None:
    errors = _errors(leicestershire, JobKind.OPTIMISE, CUT_2050 | {"target_year": "2032"})
    years = ", ".join(map(str, PERIOD_END_YEARS))
    assert errors["target_year"] == f"The target year must be one of {years} (not 2032)."


def test_reduction_must_be_a_percentage(leicestershire: Any) -> None:
    errors = _errors(leicestershire, JobKind.OPTIMISE, CUT_2050 | {"reduction_percent": "150"})
    assert "between 1 and 100 per cent (you entered 150)" in errors["reduction_percent"]


def test_budget_must_be_below_emissions_with_no_new_action(leicestershire: Any) -> None:
    ceiling = jobs.no_new_action_budget_tco2e(leicestershire)
    too_much = {"goal": "budget", "carbon_budget_tco2e": str(round(ceiling) + 1)}
    message = _errors(leicestershire, JobKind.OPTIMISE, too_much)["carbon_budget_tco2e"]
    assert f"less than {ceiling:,.0f} tCO2e" in message
    zero = _errors(leicestershire, JobKind.OPTIMISE, {"goal": "budget", "carbon_budget_tco2e": 0})
    assert "more than 0" in zero["carbon_budget_tco2e"]


def test_unknown_kind_and_goal_are_refused(leicestershire: Any) -> None:
    assert "Choose what to run" in _errors(leicestershire, "national-batch", {})["kind"]
    assert (
        "Choose a goal" in _errors(leicestershire, JobKind.OPTIMISE, {"goal": "cheapest"})["goal"]
    )


def test_a_scenario_the_engine_refuses_is_refused_at_once(leicestershire: Any) -> None:
    broken = {"samples": "10", "definition": {"levers": {"no_such_lever": 2}}}
    assert "cannot run" in _errors(leicestershire, JobKind.UNCERTAINTY, broken)["scenario"]


def test_enqueue_stores_the_scenario_it_runs_and_the_steps(leicestershire: Any, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "25"}, partner)
    assert job.status == JobStatus.QUEUED
    assert job.progress_total == 25
    assert job.parameters["scenario_name"]
    assert "levers" in job.parameters["definition"]
    assert job.created_by == partner


# --- the queue --------------------------------------------------------------------------------


def test_claim_takes_each_job_once_oldest_first(leicestershire: Any, partner) -> None:
    first = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    second = jobs.enqueue(leicestershire, JobKind.OPTIMISE, CUT_2050, partner)
    claimed = [jobs.claim_next(), jobs.claim_next(), jobs.claim_next()]
    assert [j.pk if j else None for j in claimed] == [first.pk, second.pk, None]
    assert all(j.status == JobStatus.RUNNING and j.started_at for j in claimed[:2])


def test_claim_skips_a_job_someone_else_just_took(leicestershire: Any, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    # Another worker's conditional UPDATE won first: this one must not take it too.
    PathwayJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    assert jobs.claim_next() is None


def test_a_named_job_is_claimed_once(leicestershire: Any, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    assert jobs.claim(job.pk).status == JobStatus.RUNNING
    assert jobs.claim(job.pk) is None


def test_worker_start_fails_runs_a_dead_worker_left_running(leicestershire: Any, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    PathwayJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
    assert jobs.recover_abandoned() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.message == "The worker stopped while this ran; start it again."


# --- running ----------------------------------------------------------------------------------


def test_optimisation_on_the_county_meets_the_target(leicestershire: Any, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.OPTIMISE, CUT_2050, partner)
    job = jobs.run_job(jobs.claim_next())
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.progress_done == job.progress_total == len(jobs.OPTIMISE_STEPS)
    rows = {row["year"]: row for row in job.result["emissions"]}
    assert sorted(rows) == list(PERIOD_END_YEARS)
    target = rows[2050]["no_new_action_tco2e"] * 0.6
    assert rows[2050]["target_tco2e"] == pytest.approx(target)
    assert rows[2050]["plan_tco2e"] <= target * (1 + 1e-6)
    assert all(row["scenario_tco2e"] > 0 for row in rows.values())
    installed = job.result["deployment"][-1]
    assert sum(v for k, v in installed.items() if k != "year") > 0
    # Limits in a planner's words: lever titles, not solver names; not the target itself.
    assert job.result["binding"]
    assert not any("_" in phrase for phrase in job.result["binding"])
    assert "target" not in job.result["binding"]
    assert job.finished_at is not None


def test_unreachable_target_fails_with_the_engine_explanation(leicestershire, partner) -> None:
    parameters = {"goal": "reduction", "target_year": "2030", "reduction_percent": "100"}
    job = jobs.run_job(jobs.enqueue(leicestershire, JobKind.OPTIMISE, parameters, partner))
    assert job.status == JobStatus.FAILED
    assert "The 2030 target of 0 tCO2e/yr cannot be met" in job.message
    assert "Limits that bind" in job.message
    assert job.result is None


def test_monte_carlo_with_few_samples_gives_bands(leicestershire: Any, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "12"}, partner)
    job = jobs.run_job(jobs.claim_next())
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert job.progress_done == job.progress_total == 12
    assert job.result["samples"] == 12 and job.result["varied"] > 0
    bands = job.result["emissions"]
    assert len(bands) > 20
    assert all(b["low"] <= b["median"] <= b["high"] for b in bands)
    assert any(b["low"] < b["high"] for b in bands)
    assert {o["output"] for o in job.result["outputs"]} >= {"Annual emissions"}


def test_cancel_mid_run_stops_and_records_it(leicestershire, partner, monkeypatch) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "200"}, partner)
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL_S", 0.0)
    real_batch = uncertainty.run_batch
    batches = []

    def batch_then_cancel(*args: Any) -> Any:
        batches.append(1)
        if len(batches) == 2:
            jobs.request_cancel(PathwayJob.objects.get(pk=job.pk), partner)
        return real_batch(*args)

    monkeypatch.setattr(uncertainty, "run_batch", batch_then_cancel)
    job = jobs.run_job(jobs.claim_next())
    assert job.status == JobStatus.CANCELLED
    assert 0 < job.progress_done < 200
    assert len(batches) < 200 / 4  # stopped well before the last batch
    name = partner.get_full_name()
    assert job.message == f"Cancelled by {name} after {job.progress_done} of 200 samples."
    assert job.result is None


def test_cancelling_a_queued_run_stops_it_at_once(leicestershire, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    job = jobs.request_cancel(job, partner)
    assert job.status == JobStatus.CANCELLED
    assert job.message.endswith("before it started.")
    assert jobs.claim_next() is None


def test_someone_else_cannot_cancel_through_the_service(leicestershire, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    with pytest.raises(PermissionError, match="You did not start this run"):
        jobs.request_cancel(job, UserFactory(role=Role.PARTNER_EDITOR))


def test_unexpected_error_fails_with_a_message(leicestershire, partner, monkeypatch) -> None:
    def broken_solver(problem: Any) -> Any:
        raise RuntimeError("solver crashed")

    monkeypatch.setattr(jobs, "solve", broken_solver)
    job = jobs.run_job(jobs.enqueue(leicestershire, JobKind.OPTIMISE, CUT_2050, partner))
    assert job.status == JobStatus.FAILED
    assert "unexpected error (RuntimeError: solver crashed)" in job.message
    assert "administrator" in job.message


def test_a_scenario_broken_after_queueing_fails_clearly(leicestershire, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    job.parameters["definition"] = {"levers": {"no_such_lever": 2}}
    job.save()
    job = jobs.run_job(job)
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("The run could not be done:")
    assert "no_such_lever" in job.message


def test_external_worker_command_runs_the_queue(leicestershire, partner) -> None:
    jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    out = StringIO()
    call_command("run_pathway_worker", "--once", stdout=out)
    assert "Ran 1 job(s)." in out.getvalue()
    assert PathwayJob.objects.get().status == JobStatus.SUCCEEDED


# --- pages and permissions ----------------------------------------------------------------------


def _url(name: str, place: Any, job: PathwayJob | None = None) -> str:
    kwargs = {"place_slug": place.slug} | ({"job_id": job.pk} if job else {})
    return reverse(f"pathways:{name}", kwargs=kwargs)


def test_anonymous_sees_the_list_but_no_form_and_cannot_start(client, leicestershire) -> None:
    response = client.get(_url("jobs", leicestershire))
    assert response.status_code == 200
    assert b'id="optimise-form"' not in response.content
    assert b"Sign in" in response.content
    response = client.post(_url("jobs", leicestershire), {"kind": "uncertainty", "samples": 10})
    assert response.status_code == 302 and "login" in response["Location"]
    assert PathwayJob.objects.count() == 0


def test_resident_cannot_start(client, leicestershire) -> None:
    client.force_login(UserFactory(role=Role.RESIDENT))
    assert b'id="optimise-form"' not in client.get(_url("jobs", leicestershire)).content
    response = client.post(_url("jobs", leicestershire), {"kind": "uncertainty", "samples": 10})
    assert response.status_code == 403
    assert PathwayJob.objects.count() == 0


def test_partner_starts_an_optimisation_from_a_shipped_scenario(client, leicestershire, partner):
    client.force_login(partner)
    page = client.get(_url("jobs", leicestershire))
    assert b'id="optimise-form"' in page.content and b'id="uncertainty-form"' in page.content
    form = {"kind": "optimise", "scenario": "balanced"} | CUT_2050
    response = client.post(_url("jobs", leicestershire), form)
    job = PathwayJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("job", leicestershire, job)
    assert job.created_by == partner and job.kind == JobKind.OPTIMISE
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
    assert PathwayJob.objects.count() == 0


def test_partner_cancels_own_run_but_not_anothers(client, leicestershire, partner) -> None:
    own = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    other = jobs.enqueue(
        leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, UserFactory(role=Role.OFFICER)
    )
    client.force_login(partner)
    response = client.post(_url("job_cancel", leicestershire, own))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == JobStatus.CANCELLED
    assert client.post(_url("job_cancel", leicestershire, other)).status_code == 403
    other.refresh_from_db()
    assert other.status == JobStatus.QUEUED and not other.cancel_requested


def test_officer_cancels_anyones_running_run(client, leicestershire, partner, officer) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    jobs.claim_next()
    client.force_login(officer)
    assert client.post(_url("job_cancel", leicestershire, job)).status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.cancel_requested
    assert job.message == f"Cancelling: asked by {officer.get_full_name()}."


def test_cancel_needs_post(client, leicestershire, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    client.force_login(partner)
    assert client.get(_url("job_cancel", leicestershire, job)).status_code == 405


def test_running_page_polls_and_offers_cancel_to_the_starter(client, leicestershire, partner):
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    progress_url = _url("job_progress", leicestershire, job)
    html = client.get(_url("job", leicestershire, job)).content.decode()
    assert f'hx-get="{progress_url}"' in html and 'role="status"' in html
    assert "Cancel this run" not in html  # anonymous
    client.force_login(partner)
    assert "Cancel this run" in client.get(_url("job", leicestershire, job)).content.decode()
    fragment = client.get(progress_url)
    assert fragment.status_code == 200
    assert "0 of 10 samples" in fragment.content.decode()


def test_finished_run_stops_polling_and_shows_results(client, leicestershire, partner) -> None:
    job = jobs.run_job(jobs.enqueue(leicestershire, JobKind.OPTIMISE, CUT_2050, partner))
    fragment = client.get(_url("job_progress", leicestershire, job))
    assert fragment.status_code == 286  # htmx: stop polling
    html = fragment.content.decode()
    assert "Finished" in html and "4 of 4 steps" in html
    assert 'hx-swap-oob="true"' in html and f'id="table-run-{job.pk}-emissions"' in html
    page = client.get(_url("job", leicestershire, job)).content.decode()
    assert "hx-get" not in page
    assert f'data-pathway-chart="chart-run-{job.pk}-data"' in page
    assert f'id="table-run-{job.pk}-deployment"' in page
    assert ">2050</th>" in page and ">2,050</th>" not in page
    listing = client.get(_url("jobs", leicestershire)).content.decode()
    assert f'data-job="{job.pk}"' in listing and "Cut 2050 emissions by 40 %" in listing


def test_finished_monte_carlo_page_shows_bands(client, leicestershire, partner) -> None:
    job = jobs.run_job(
        jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    )
    page = client.get(_url("job", leicestershire, job)).content.decode()
    assert f'id="table-run-{job.pk}-emissions-band"' in page
    assert "5th percentile" in page and "95th percentile" in page


def test_a_run_of_another_place_is_not_found(client, leicestershire, partner) -> None:
    job = jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    url = reverse("pathways:job", kwargs={"place_slug": "nowhere", "job_id": job.pk})
    assert client.get(url).status_code == 404


def test_cli_worker_command_runs_the_queue(leicestershire, partner, capsys) -> None:
    """Rule: `placezero worker --once` runs what is queued and says how many."""
    from placezero.cli import build_parser

    jobs.enqueue(leicestershire, JobKind.UNCERTAINTY, {"samples": "10"}, partner)
    args = build_parser().parse_args(["worker", "--once"])
    assert args.handler(args) == 0
    assert "Ran 1 job(s)." in capsys.readouterr().out
    assert PathwayJob.objects.get().status == JobStatus.SUCCEEDED


def test_unknown_worker_mode_is_a_configuration_error(settings) -> None:
    from django.core.exceptions import ImproperlyConfigured

    settings.PATHWAY_JOBS_WORKER = "celery"
    with pytest.raises(ImproperlyConfigured, match="use one of thread, external"):
        jobs.worker_mode()


@pytest.mark.django_db(transaction=True)
def test_thread_worker_runs_queued_jobs_then_stops(leicestershire_committed, settings) -> None:
    """The embedded default: enqueue starts a thread that drains the queue and ends."""
    import time

    settings.PATHWAY_JOBS_WORKER = "thread"
    partner = UserFactory(role=Role.PARTNER_EDITOR)
    place = leicestershire_committed
    queued = [
        jobs.enqueue(place, JobKind.UNCERTAINTY, {"samples": "10"}, partner),
        jobs.enqueue(place, JobKind.OPTIMISE, CUT_2050, partner),
    ]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and jobs._worker_thread is not None:
        time.sleep(0.1)
    assert jobs._worker_thread is None, "the worker thread did not finish"
    for job in queued:
        job.refresh_from_db()
        assert job.status == JobStatus.SUCCEEDED, job.message


def test_a_run_from_a_saved_scenario_keeps_the_link_and_a_snapshot(client, leicestershire, partner):
    from placezero.pathways import services

    _, definition = services.default_definition(leicestershire)
    saved = services.create_scenario(
        leicestershire, name="Partners' draft", description="", definition=definition, user=partner
    )
    client.force_login(partner)
    form = {"kind": "uncertainty", "samples": "10", "scenario": str(saved.pk)}
    assert client.post(_url("jobs", leicestershire), form).status_code == 302
    job = PathwayJob.objects.get()
    assert job.scenario == saved
    assert job.parameters["scenario_name"] == "Partners' draft"
    assert job.parameters["definition"] == services.clean_definition(definition)


def test_an_unknown_scenario_in_the_form_is_an_error(client, leicestershire, partner) -> None:
    client.force_login(partner)
    form = {"kind": "uncertainty", "samples": "10", "scenario": "no-such-scenario"}
    response = client.post(_url("jobs", leicestershire), form)
    assert response.status_code == 400
    assert 'href="#uncertainty-scenario"' in response.content.decode()
    assert PathwayJob.objects.count() == 0
