"""Long runs in a real browser: a partner editor starts a least-cost optimisation, watches
its progress region update to "Finished" (polled by htmx, run by the in-process worker
thread) and reads the results; every page visited passes axe-core."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import TEST_PASSWORD, UserFactory
from placezero.jobs import workers
from placezero.jobs.models import Job
from placezero.jobs.options import JobStatus

pytestmark = pytest.mark.browser

RUN_TIMEOUT_MS = 90_000


@pytest.fixture
def thread_worker(transactional_db: None, settings: Any) -> Iterator[None]:
    """Runs go to the web process's worker thread, stopped before the database is emptied."""
    settings.JOBS_WORKER = "thread"
    yield
    workers.stop_thread_worker()


def _sign_in(page: Page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).not_to_have_text("Sign in")


def test_partner_runs_an_optimisation_and_watches_it_to_the_end(
    page: Page,
    leicestershire_committed: Any,
    thread_worker: None,
    axe_check: Callable[[Page], None],
) -> None:
    partner = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire_committed)
    _sign_in(page, partner.username)
    place = leicestershire_committed

    page.goto(f"/places/{place.slug}/pathway/runs/")
    expect(page.locator("h1")).to_have_text("Long runs")
    axe_check(page)

    # A mistake first: the error summary links to the field, nothing is queued.
    form = page.locator("#optimise-form")
    form.get_by_label("Cut in emissions that year").fill("150")
    form.get_by_role("button", name="Start the optimisation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("between 1 and 100 per cent")
    axe_check(page)
    assert Job.objects.count() == 0

    form = page.locator("#optimise-form")
    form.get_by_label("Target year").select_option("2050")
    form.get_by_label("Cut in emissions that year").fill("40")
    form.get_by_role("button", name="Start the optimisation").click()

    expect(page.locator("h1")).to_contain_text("Least-cost optimisation: run")
    assert "/jobs/" in page.url
    status = page.locator('#job-status[role="status"]')
    expect(status).to_be_visible()
    axe_check(page)
    seen = {status.locator("[data-progress-text]").inner_text()}
    tag = status.locator("[data-job-status]")
    # The region is replaced in place every second until the worker finishes.
    for _ in range(RUN_TIMEOUT_MS // 250):
        seen.add(status.locator("[data-progress-text]").inner_text())
        if tag.inner_text() == "Finished":
            break
        page.wait_for_timeout(250)
    expect(tag).to_have_text("Finished")
    expect(status.locator("[data-progress-text]")).to_have_text("4 of 4 steps")
    assert "4 of 4 steps" in seen

    job = Job.objects.get()
    assert job.status == JobStatus.SUCCEEDED and job.created_by == partner
    emissions = page.locator(f"#table-run-{job.pk}-emissions")
    expect(emissions).to_be_visible()
    expect(emissions.locator("tbody tr")).to_have_count(5)
    # The plan's 16 levers fold into "Show the data table"; opening it shows them.
    page.locator(f'[data-table-details="run-{job.pk}-deployment"] summary').click()
    levers = page.locator(f"#table-run-{job.pk}-deployment")
    expect(levers).to_be_visible()
    expect(levers.locator("tbody tr")).to_have_count(16)
    expect(page.locator(f"#chart-run-{job.pk}")).to_have_attribute("data-chart-ready", "true")
    expect(page.get_by_role("button", name="Cancel this run")).to_have_count(0)
    axe_check(page)

    # Polling has stopped: no more requests for progress once finished.
    progress_requests: list[str] = []
    page.on("request", lambda r: progress_requests.append(r.url) if "progress" in r.url else None)
    page.wait_for_timeout(2_500)
    assert progress_requests == []

    page.get_by_role("link", name="All long runs").click()
    row = page.locator(f'#runs-table tr[data-job="{job.pk}"]')
    expect(row).to_contain_text("Finished")
    expect(row).to_contain_text("Cut 2050 emissions by 40 %")
    axe_check(page)


def test_partner_cancels_a_monte_carlo_run_while_it_goes(
    page: Page,
    leicestershire_committed: Any,
    thread_worker: None,
    axe_check: Callable[[Page], None],
) -> None:
    partner = UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire_committed)
    _sign_in(page, partner.username)
    page.goto(f"/places/{leicestershire_committed.slug}/pathway/runs/")
    form = page.locator("#uncertainty-form")
    form.get_by_label("Number of samples").fill("2000")
    form.get_by_role("button", name="Start the uncertainty run").click()

    status = page.locator('#job-status[role="status"]')
    expect(status.locator("[data-job-status]")).to_have_text("Running", timeout=RUN_TIMEOUT_MS)
    expect(status.locator("[data-progress-text]")).not_to_have_text(
        "0 of 2,000 samples", timeout=RUN_TIMEOUT_MS
    )
    axe_check(page)
    page.get_by_role("button", name="Cancel this run").click()

    expect(status.locator("[data-job-status]")).to_have_text("Cancelled", timeout=RUN_TIMEOUT_MS)
    message = status.locator("[data-job-message]")
    expect(message).to_contain_text("Cancelled by the person who started it after")
    expect(message).to_contain_text("of 2,000 samples")
    job = Job.objects.get()
    assert job.status == JobStatus.CANCELLED and job.progress_done < 2000
    expect(page.get_by_role("button", name="Cancel this run")).to_have_count(0)
    axe_check(page)
