"""Progress reports: issued by officers, frozen, published, as a page and a PDF."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from placezero.publishing import services as publishing
from placezero.tracker import services
from placezero.tracker.models import ProgressReport, ProgressUpdate
from placezero.tracker.options import Status

pytestmark = pytest.mark.django_db

START, END = dt.date(2025, 1, 1), dt.date(2025, 6, 30)


@pytest.fixture
def reported(action: Any, people: Any) -> Any:
    ProgressUpdate.objects.create(
        action=action, as_of=dt.date(2025, 3, 31), status=Status.ON_TRACK,
        narrative="Survey of 40 schools finished",
    )  # fmt: skip
    ProgressUpdate.objects.create(
        action=action, as_of=dt.date(2024, 3, 31), status=Status.ON_TRACK,
        narrative="Outside the period",
    )  # fmt: skip
    return action


def test_an_issued_report_is_frozen_and_published(reported: Any, people: Any) -> None:
    report = services.issue_report(
        people.place, period_start=START, period_end=END, user=people.officer
    )
    assert report.title == "Leicestershire action plan progress, 1 January 2025 to 30 June 2025"
    assert [u["narrative"] for u in report.snapshot["updates"]] == ["Survey of 40 schools finished"]
    assert report.snapshot["figures"]["total"] == 1
    url = f"/places/{people.place.slug}/actions/reports/{report.pk}/"
    before = Client().get(url).content.decode()
    assert "Survey of 40 schools finished" in before and "Outside the period" not in before
    # Later changes do not touch the issued report.
    services.update_action(
        reported, user=people.officer, title="Renamed later", status=Status.LATE,
        status_reason="Contractor went bust",
    )  # fmt: skip
    after = Client().get(url).content.decode()
    assert "Renamed later" not in after and "Contractor went bust" not in after
    assert 'Late or at risk</dt><dd class="govuk-summary-list__value">0' in after
    published = publishing.outputs(place=people.place, kind="tracker.report")
    assert [(o.key, o.url) for o in published] == [(f"{people.place.slug}/report-{report.pk}", url)]
    assert report.history.get().history_user == people.officer


def test_the_report_pdf_is_drawn_from_the_snapshot(reported: Any, people: Any) -> None:
    report = services.issue_report(
        people.place, period_start=START, period_end=END, user=people.officer
    )
    response = Client().get(f"/places/{people.place.slug}/actions/reports/{report.pk}/report.pdf")
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"progress-report-{report.pk}" in response["Content-Disposition"]


def test_a_backwards_or_future_period_is_refused_and_nothing_issued(people: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        services.issue_report(people.place, period_start=END, period_end=START, user=people.officer)
    assert "before it starts" in refused.value.message_dict["period_end"][0]
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="has ended"):
        services.issue_report(
            people.place, period_start=START, period_end=tomorrow, user=people.officer
        )
    assert not ProgressReport.objects.exists()
    assert not publishing.outputs(place=people.place, kind="tracker.report")


@pytest.mark.parametrize("who", ["editor", "member", "rutland_officer", "resident"])
def test_only_officers_of_the_place_issue_reports(people: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.issue_report(
            people.place, period_start=START, period_end=END, user=getattr(people, who)
        )
    assert not ProgressReport.objects.exists()


def test_the_reports_page_issues_one_and_shows_errors(reported: Any, people: Any) -> None:
    client = Client()
    client.force_login(people.officer)
    slug = people.place.slug
    bad = client.post(
        f"/places/{slug}/actions/reports/issue/",
        {"period_start": "2025-06-30", "period_end": "2025-01-01"},
    )
    assert bad.status_code == 400
    assert "before it starts" in bad.content.decode()
    good = client.post(
        f"/places/{slug}/actions/reports/issue/",
        {"period_start": "2025-01-01", "period_end": "2025-06-30", "title": "Half year 2025"},
    )
    assert good.status_code == 302
    listed = Client().get(f"/places/{slug}/actions/reports/").content.decode()
    assert "Half year 2025" in listed and "Issue the report" not in listed
