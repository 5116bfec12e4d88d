"""The consultation, report and bulk-moderation pages by role: officers of the place set
up, change and link; everyone else is refused with the reason and nothing changes. Bad
input is shown on the form (400), never a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from placezero.landscape import consultations, services
from placezero.landscape.models import Consultation, Contribution, Report, ResponseLink
from placezero.landscape.options import Status

from .conftest import consultation_data, say
from .test_views import MODERATORS, client_for, people

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = consultation_data(**changes)
    data["opens_on"] = data["opens_on"].isoformat()
    data["closes_on"] = data["closes_on"].isoformat()
    data["asks_reason"] = "on"
    return data


def test_setting_up_and_changing_by_role(leicestershire, other_place, consultation):
    slug = leicestershire.slug
    edit = reverse("landscape:consultation_edit", args=[slug, consultation.slug])
    for role, user in people(leicestershire, other_place).items():
        client = client_for(user)
        new_page = client.get(reverse("landscape:consultation_new", args=[slug]))
        made = client.post(
            reverse("landscape:consultation_new", args=[slug]), form_data(title=f"By {role}")
        )
        changed = client.post(edit, form_data(title=f"Renamed by {role}"))
        exists = Consultation.objects.filter(title=f"By {role}").exists()
        consultation.refresh_from_db()
        if role in MODERATORS:
            assert (new_page.status_code, made.status_code, changed.status_code) == (200, 302, 302)
            assert exists and consultation.title == f"Renamed by {role}"
        else:
            expected = 302 if user is None else 403
            assert (new_page.status_code, made.status_code, changed.status_code) == (
                expected, expected, expected,
            ), role  # fmt: skip
            assert not exists and not consultation.title.endswith(role), role


def test_a_bad_set_up_is_shown_on_the_form(leicestershire, officer):
    response = client_for(officer).post(
        reverse("landscape:consultation_new", args=[leicestershire.slug]),
        form_data(title="", technologies=[], closes_on=dt.date(2000, 1, 1), retention_days=5),
    )
    body = response.content.decode()
    assert response.status_code == 400 and "govuk-error-summary" in body
    assert "Choose at least one technology" in body and "Enter the title" in body
    assert "on or after the opening date" in body and "Keep personal data between" in body
    assert not Consultation.objects.exists()


def test_the_set_up_page_in_the_browser_records_history(leicestershire, officer):
    client = client_for(officer)
    client.post(
        reverse("landscape:consultation_new", args=[leicestershire.slug]),
        form_data(title="Heat networks in Loughborough", technologies=["heat_network"]),
    )
    made = Consultation.objects.get()
    page = client.get(made.get_absolute_url()).content.decode()
    assert "Heat networks in Loughborough" in page and "History of changes" in page
    assert "Version 1" in page


def test_a_closed_consultation_shows_why_and_refuses_a_post(
    leicestershire, officer, consultation, inside_point
):
    today = dt.date.today()
    consultations.update(
        consultation,
        consultation_data(
            opens_on=today - dt.timedelta(days=9), closes_on=today - dt.timedelta(days=2)
        ),
        user=officer,
    )  # fmt: skip
    url = reverse("landscape:say_in", args=[leicestershire.slug, consultation.slug])
    page = client_for(None).get(url).content.decode()
    assert "takes no more contributions" in page and 'name="stance"' not in page
    posted = client_for(None).post(url, {
        "technology": "ground_solar", "stance": "oppose", "geometry": "", "consent": "on",
    })  # fmt: skip
    assert posted.status_code == 400 and "takes no more contributions" in posted.content.decode()
    assert not Contribution.objects.exists()
    # With no open consultation, the place's address lists them instead.
    listed = client_for(None).get(reverse("landscape:say", args=[leicestershire.slug]))
    assert listed["Location"] == reverse("landscape:consultations", args=[leicestershire.slug])


def test_response_links_by_role(leicestershire, other_place, consultation, monkeypatch):
    from placezero.landscape import responses

    found = responses.Target("E1", "An action", "On track", "/actions/")
    monkeypatch.setattr(responses, "resolve", lambda place, kind, ref: found)
    add = reverse("landscape:response_add", args=[leicestershire.slug, consultation.slug])
    for role, user in people(leicestershire, other_place).items():
        posted = client_for(user).post(add, {
            "kind": "action", "reference": "E1", "technology": "", "you_said": f"From {role}",
        })  # fmt: skip
        linked = ResponseLink.objects.filter(you_said=f"From {role}")
        if role in MODERATORS:
            assert posted.status_code == 302 and linked.exists(), role
            remove = reverse(
                "landscape:response_remove",
                args=[leicestershire.slug, consultation.slug, linked.get().pk],
            )
            assert client_for(user).post(remove).status_code == 302 and not linked.exists()
        else:
            assert posted.status_code == (302 if user is None else 403), role
            assert not linked.exists(), role


def test_reporting_is_open_to_everyone(leicestershire, other_place, officer, inside_point):
    contribution = say(leicestershire, AnonymousUser(), geometry=inside_point).contribution
    url = reverse("landscape:report", args=[leicestershire.slug, contribution.pk])
    # Not published: there is nothing to report.
    assert client_for(None).get(url).status_code == 404
    services.moderate(contribution, decision="approve", reason="", user=officer)
    for n, user in enumerate(people(leicestershire, other_place).values()):
        client = client_for(user)
        assert client.get(url).status_code == 200
        posted = client.post(url, {"reason": "spam", "note": ""}, REMOTE_ADDR=f"198.51.100.{n}")
        assert posted.status_code == 302
    assert Report.objects.count() == 7
    said = (
        client_for(None)
        .get(reverse("landscape:said", args=[leicestershire.slug, contribution.consultation.slug]))
        .content.decode()
    )
    assert "Good farmland." in said and "Report" in said
    bad = client_for(None).post(url, {"reason": "", "note": "<script>"}, REMOTE_ADDR="203.0.113.1")
    assert bad.status_code == 400 and "plain text" in bad.content.decode()


def test_bulk_moderation_by_role_and_forged(
    leicestershire, other_place, other_officer, inside_point
):
    slug = leicestershire.slug
    for role, user in people(leicestershire, other_place).items():
        contribution = say(leicestershire, AnonymousUser(), geometry=inside_point,
                           address=f"bulk-{role}", reason=f"From {role}").contribution  # fmt: skip
        posted = client_for(user).post(
            reverse("landscape:bulk", args=[slug]),
            {"contributions": [contribution.pk], "decision": "approve", "reason": ""},
        )
        contribution.refresh_from_db()
        if role in MODERATORS:
            assert posted.status_code == 302 and contribution.status == Status.PUBLISHED, role
        else:
            assert posted.status_code == (302 if user is None else 403), role
            assert contribution.status == Status.PENDING, role
    # Forged: Rutland's officer names a Leicestershire contribution through Rutland.
    waiting = say(leicestershire, AnonymousUser(), geometry=inside_point, address="forged",
                  reason="Forged").contribution  # fmt: skip
    forged = client_for(other_officer).post(
        reverse("landscape:bulk", args=[other_place.slug]),
        {"contributions": [waiting.pk], "decision": "approve", "reason": ""},
    )
    assert forged.status_code == 400 and "has no contribution number" in forged.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING
    junk = client_for(other_officer).post(
        reverse("landscape:bulk", args=[other_place.slug]),
        {"contributions": ["x"], "decision": "approve"},
    )
    assert junk.status_code == 400
