"""Retention: after a consultation has been closed for its retention period, the periodic
job deletes what was never published and anonymises what was."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.utils import timezone

from placezero.jobs import registered_periodic
from placezero.landscape import consultations, moderation, retention, services
from placezero.landscape.models import Contribution, Report

from .conftest import consultation_data, open_consultation, say

pytestmark = pytest.mark.django_db


def test_the_job_is_registered_with_the_kernel():
    task = registered_periodic()["landscape.retention"]
    assert task.run is retention.enforce and task.every == dt.timedelta(days=1)


def test_personal_data_goes_after_the_period_and_not_before(
    leicestershire, officer, resident, inside_point
):
    consultation = open_consultation(leicestershire)
    kept = say(consultation, resident, geometry=inside_point, tenure="owns", age_band="50-64",
               postcode_district="LE11").contribution  # fmt: skip
    kept = services.moderate(kept, decision="approve", reason="", user=officer)
    moderation.report(kept, reason="spam", note="", user=AnonymousUser(), client_address="x")
    dropped = say(consultation, AnonymousUser(), geometry=inside_point, address="other",
                  reason="Never published").contribution  # fmt: skip
    token = say(consultation, AnonymousUser(), geometry=inside_point, address="third",
                reason="Secret one")  # fmt: skip
    services.moderate(token.contribution, decision="approve", reason="", user=officer)
    elsewhere = open_consultation(leicestershire, title="Still running")
    untouched = say(elsewhere, resident, geometry=inside_point).contribution

    today = dt.date.today()
    closed = consultation_data(
        opens_on=today - dt.timedelta(days=400), closes_on=today - dt.timedelta(days=40),
        retention_days=30,
    )  # fmt: skip
    consultations.update(consultation, closed, user=officer)
    # Not yet due: this one closed 20 days ago and keeps personal data for 30 days.
    not_yet = consultation_data(
        opens_on=today - dt.timedelta(days=400), closes_on=today - dt.timedelta(days=20),
        retention_days=30,
    )  # fmt: skip
    consultations.update(elsewhere, not_yet, user=officer)

    outcome = retention.enforce()
    assert "1 consultations" in outcome and "1 contributions deleted, 2 anonymised" in outcome
    assert not Contribution.objects.filter(pk=dropped.pk).exists()
    assert not Contribution.history.filter(id=dropped.pk).exists()
    kept.refresh_from_db()
    assert kept.contributor is None and kept.client_key == "" and kept.postcode_district == ""
    assert kept.anonymised_at is not None
    # What was published stays, and so does what weighs it.
    assert kept.reason and kept.tenure == "owns" and kept.age_band == "50-64"
    assert Report.objects.get().client_key == ""
    # The secret link no longer leads anywhere.
    assert Client().get(f"/landscape/link/{token.secret_token}/").status_code == 404
    untouched.refresh_from_db()
    assert untouched.contributor == resident and untouched.anonymised_at is None
    # Once done, a consultation is not done again.
    assert "0 consultations" in retention.enforce()


def test_a_later_run_counts_from_the_day_it_runs(leicestershire, officer, inside_point):
    consultation = open_consultation(leicestershire)
    say(consultation, AnonymousUser(), geometry=inside_point)
    today = dt.date.today()
    consultations.update(
        consultation,
        consultation_data(opens_on=today - dt.timedelta(days=5), closes_on=today,
                          retention_days=30),
        user=officer,
    )  # fmt: skip
    assert retention.due() == []
    later = timezone.now() + dt.timedelta(days=32)
    assert retention.due(later) == [consultation]
