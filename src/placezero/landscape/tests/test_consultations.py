"""Consultations set up by officers: checked whole, history kept, consent versioned; a
contribution belongs to one and is refused when it is closed, not yet open, outside its
area or about a technology it does not ask about."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from shapely.geometry import shape

from placezero.landscape import consultations, services
from placezero.landscape.models import ConsentText, Consultation, Contribution
from placezero.landscape.validation import ContributionError

from .conftest import consultation_data, say

pytestmark = pytest.mark.django_db


def refused(place, user, **changes) -> dict[str, str]:
    with pytest.raises(ContributionError) as caught:
        consultations.create(place, consultation_data(**changes), user=user)
    return caught.value.errors


def test_an_officer_sets_one_up_and_its_history_is_kept(leicestershire, officer):
    made = consultations.create(
        leicestershire,
        consultation_data(
            title="Solar in Charnwood", technologies=["ground_solar", "rooftop_solar"],
            questions_text="Would you invest in community shares? | Yes | No | Not sure",
        ),
        user=officer,
    )  # fmt: skip
    assert made.slug == "solar-in-charnwood"
    assert made.questions == [{
        "key": "would-you-invest-in-community-shares",
        "text": "Would you invest in community shares?", "choices": ["Yes", "No", "Not sure"],
    }]  # fmt: skip
    assert made.current_consent().version == 1
    assert made.history.get().history_user == officer
    assert consultations.state(made) == "open"


def test_bad_set_up_is_refused_field_by_field_and_nothing_is_written(leicestershire, officer):
    today = dt.date.today()
    errors = refused(
        leicestershire, officer, title="", technologies=[], opens_on=today,
        closes_on=today - dt.timedelta(days=1), district_codes=["E07999999"],
        zone_codes=["E02999999"], questions_text="Only a question?",
        privacy_notice="<script>alert(1)</script>", consent_text="", retention_days=5,
    )  # fmt: skip
    assert set(errors) == {
        "title", "technologies", "closes_on", "district_codes", "zone_codes", "questions",
        "privacy_notice", "consent_text", "retention_days",
    }  # fmt: skip
    assert "on or after the opening date" in errors["closes_on"]
    assert "plain text" in errors["privacy_notice"]
    assert not Consultation.objects.exists() and not ConsentText.objects.exists()


def test_only_officers_of_the_place_set_one_up(leicestershire, other_officer, resident):
    for user in (AnonymousUser(), resident, other_officer):
        with pytest.raises(PermissionDenied):
            consultations.create(leicestershire, consultation_data(), user=user)
    assert not Consultation.objects.exists()


def test_changing_the_consent_text_makes_a_new_version_and_old_contributions_keep_theirs(
    leicestershire, officer, consultation, inside_point
):
    first = say(consultation, AnonymousUser(), geometry=inside_point).contribution
    changed = consultation_data(consent_text="I agree, and I have read the new notice.")
    consultations.update(consultation, changed, user=officer)
    assert consultation.current_consent().version == 2
    # Someone who read version 1 and sends after the change is asked to read it again.
    with pytest.raises(ContributionError) as caught:
        say(consultation, AnonymousUser(), geometry=inside_point, consent_version=1,
            address="192.0.2.9")  # fmt: skip
    assert "changed while you were writing" in caught.value.errors["consent"]
    second = say(consultation, AnonymousUser(), geometry=inside_point, consent_version=2,
                 address="192.0.2.9", reason="Another").contribution  # fmt: skip
    first.refresh_from_db()
    assert (first.consent.version, second.consent.version) == (1, 2)
    assert "new notice" in second.consent.consent_text
    # A change that leaves the texts alone makes no new version.
    consultations.update(consultation, changed | {"title": "Renamed"}, user=officer)
    assert consultation.consents.count() == 2
    assert consultation.history.count() == 3


def test_without_consent_nothing_is_sent(leicestershire, consultation, inside_point):
    with pytest.raises(ContributionError) as caught:
        say(consultation, AnonymousUser(), geometry=inside_point, consent=False)
    assert "Tick the box" in caught.value.errors["consent"]
    assert not Contribution.objects.exists()


def test_a_closed_or_not_yet_open_consultation_refuses_contributions_clearly(
    leicestershire, officer, consultation, inside_point
):
    today = dt.date.today()
    past = consultation_data(
        opens_on=today - dt.timedelta(days=20), closes_on=today - dt.timedelta(days=1)
    )
    consultation = consultations.update(consultation, past, user=officer)
    with pytest.raises(ContributionError) as caught:
        say(consultation, AnonymousUser(), geometry=inside_point)
    assert "closed on" in caught.value.errors["__all__"]
    assert "no more contributions" in caught.value.errors["__all__"]
    later = consultation_data(
        opens_on=today + dt.timedelta(days=3), closes_on=today + dt.timedelta(days=9)
    )
    consultation = consultations.update(consultation, later, user=officer)
    with pytest.raises(ContributionError) as caught:
        say(consultation, AnonymousUser(), geometry=inside_point)
    assert "opens on" in caught.value.errors["__all__"]
    assert not Contribution.objects.exists()


def test_outside_the_consultations_area_or_technologies_is_refused(
    leicestershire, officer, zone, inside_point
):
    other = next(z for z in services.zones(leicestershire) if z.area_id != zone.area_id)
    elsewhere = shape(other.geometry).representative_point()
    asked = consultations.create(
        leicestershire,
        consultation_data(title="Only there", district_codes=[other.area.code],
                          technologies=["onshore_wind"]),
        user=officer,
    )  # fmt: skip
    with pytest.raises(ContributionError) as caught:
        say(asked, AnonymousUser(), geometry=inside_point, technology="ground_solar")
    assert "outside that area" in caught.value.errors["geometry"]
    assert "technologies this consultation asks about" in caught.value.errors["technology"]
    point = {"type": "Point", "coordinates": [elsewhere.x, elsewhere.y]}
    made = say(asked, AnonymousUser(), geometry=point, technology="onshore_wind").contribution
    assert made.zone_id == other.pk and made.consultation == asked


def test_structured_answers_and_the_questions_about_you(leicestershire, officer, inside_point):
    asked = consultations.create(
        leicestershire,
        consultation_data(title="Shares", questions_text="Invest? | Yes | No"),
        user=officer,
    )  # fmt: skip
    with pytest.raises(ContributionError) as caught:
        say(asked, AnonymousUser(), geometry=inside_point, answers={"invest": "Maybe"},
            age_band="teen", tenure="castle", postcode_district="LE11 3TU")  # fmt: skip
    assert set(caught.value.errors) == {
        "question_invest", "age_band", "tenure", "postcode_district"
    }  # fmt: skip
    made = say(
        asked,
        AnonymousUser(),
        geometry=inside_point,
        answers={"invest": "Yes"},
        age_band="35-49",
        tenure="social",
        postcode_district="le11",
    ).contribution
    assert made.answers == {"invest": "Yes"}
    assert (made.age_band, made.tenure, made.postcode_district) == ("35-49", "social", "LE11")
    # The questions about the contributor are personal data: not in the history.
    record = made.history.get()
    assert not hasattr(record, "tenure") and not hasattr(record, "postcode_district")
