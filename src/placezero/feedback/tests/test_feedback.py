"""Feedback: anyone gives it (no personal data needed), bad input is refused clearly and
nothing is written, floods and robots are stopped, officers and administrators review it,
its giver removes their email or deletes it, and it expires; every change is in history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.feedback import services
from placezero.feedback.models import Feedback
from placezero.feedback.options import Status

pytestmark = pytest.mark.django_db

GOOD = {"message": "The map was hard to use on my phone.", "satisfaction": "neutral"}


def _give(client: Client, **data: str):
    return client.post("/feedback/", {**GOOD, **data})


def test_the_phase_banner_links_to_the_form_with_the_page(client) -> None:
    html = client.get("/privacy/").content.decode()
    assert 'href="/feedback/?page=/privacy/" id="phase-banner-feedback"' in html
    form = client.get("/feedback/?page=/privacy/").content.decode()
    assert "About the page <code>/privacy/</code>" in form
    assert "for one year, then they are deleted" in form  # the privacy line
    assert 'id="id_website"' in form and "pz-honeypot" in form


@pytest.mark.parametrize("role", [None, Role.RESIDENT, Role.OFFICER])
def test_anyone_gives_feedback_without_personal_data(role) -> None:
    client = Client(REMOTE_ADDR="203.0.113.9")
    if role:
        client.force_login(UserFactory(role=role))
    response = _give(client, page="/places/leicestershire/")
    assert response.status_code == 302 and response["Location"] == "/feedback/thanks/"
    feedback = Feedback.objects.get()
    assert (feedback.message, feedback.page, feedback.email) == (
        GOOD["message"], "/places/leicestershire/", "",
    )  # fmt: skip
    assert "203.0.113.9" not in feedback.client_key and len(feedback.client_key) == 64
    assert not hasattr(feedback, "user")  # no account is tied to it
    thanks = client.get("/feedback/thanks/").content.decode()
    assert 'id="feedback-link"' in thanks
    assert "/feedback/mine/" not in client.get("/feedback/thanks/").content.decode()  # once


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"message": ""}, "message", "Enter your feedback"),
        ({"message": "x" * 2001}, "message", "2,000 characters or fewer (it has 2,001)"),
        ({"message": "<script>alert(1)</script>"}, "message", "must be plain text"),
        ({"satisfaction": "ecstatic"}, "satisfaction", "Choose one of the five answers"),
        ({"email": "not-an-address"}, "email", "like name@example.org"),
        ({"website": "http://spam.example"}, "website", "Leave the last field empty"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(
    client, data, field, words
) -> None:
    response = _give(client, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert words in html and "There is a problem" in html
    assert Feedback.objects.count() == 0


def test_a_foreign_or_odd_page_is_not_stored(client) -> None:
    for page in ("https://evil.example/", "//evil.example/", "/a<b>", "javascript:alert(1)"):
        _give(client, page=page)
    assert set(Feedback.objects.values_list("page", flat=True)) == {""}


def test_one_device_may_send_five_an_hour() -> None:
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(services.RATE_LIMIT_PER_HOUR):
        assert _give(client).status_code == 302
    refused = _give(client)
    assert refused.status_code == 400
    assert "You have sent 5 pieces of feedback in the last hour" in refused.content.decode()
    assert Feedback.objects.count() == 5
    assert _give(Client(REMOTE_ADDR="198.51.100.8")).status_code == 302  # another device


def _token(client: Client, **data: str) -> str:
    _give(client, **data)
    return client.session["feedback.last_secret"]  # what the thanks page turns into the link


def test_the_giver_removes_their_email_then_deletes_it_with_its_history(client) -> None:
    token = _token(client, email="me@example.org")
    feedback = Feedback.objects.get()
    assert feedback.email == "me@example.org"
    page = client.get(f"/feedback/mine/{token}/")
    assert page.status_code == 200 and "me@example.org" in page.content.decode()
    client.post(f"/feedback/mine/{token}/", {"action": "remove_email"})
    feedback.refresh_from_db()
    assert feedback.email == ""
    assert "me@example.org" not in str(list(Feedback.history.values()))  # never in history
    response = client.post(f"/feedback/mine/{token}/", {"action": "delete"})
    assert "Your feedback was deleted" in response.content.decode()
    assert Feedback.objects.count() == 0 and Feedback.history.count() == 0
    assert client.get(f"/feedback/mine/{token}/").status_code == 404


def test_a_wrong_link_or_action_is_refused(client) -> None:
    assert client.get("/feedback/mine/not-a-token/").status_code == 404
    token = _token(client)
    response = client.post(f"/feedback/mine/{token}/", {"action": "explode"})
    assert response.status_code == 400 and "Choose to remove" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (None, False), (Role.RESIDENT, False), (Role.MEMBER, False),
        (Role.PARTNER_EDITOR, False), (Role.OFFICER, True), (Role.ADMINISTRATOR, True),
    ],
)  # fmt: skip
def test_only_officers_and_administrators_review(role, allowed) -> None:
    _give(Client())
    feedback = Feedback.objects.get()
    client = Client()
    if role:
        client.force_login(UserFactory(role=role))
    listing = client.get("/feedback/review/")
    marked = client.post(f"/feedback/review/{feedback.pk}/", {"status": "reviewed"})
    feedback.refresh_from_db()
    if allowed:
        assert listing.status_code == 200 and GOOD["message"] in listing.content.decode()
        assert marked.status_code == 302 and feedback.status == Status.REVIEWED
    else:
        assert listing.status_code in (302, 403) and marked.status_code in (302, 403)
        assert feedback.status == Status.NEW


def test_review_hide_and_restore_are_recorded_with_who_and_when(client) -> None:
    _give(Client())
    feedback = Feedback.objects.get()
    officer = UserFactory(role=Role.OFFICER)
    client.force_login(officer)
    client.post(f"/feedback/review/{feedback.pk}/", {"status": "hidden", "note": "Spam"})
    assert GOOD["message"] not in client.get("/feedback/review/").content.decode()
    assert GOOD["message"] in client.get("/feedback/review/?status=hidden").content.decode()
    client.post(f"/feedback/review/{feedback.pk}/", {"status": "reviewed"})
    history = list(feedback.history.order_by("history_date"))
    assert [h.status for h in history] == ["new", "hidden", "reviewed"]
    assert history[1].history_user == officer and history[1].note == "Spam"


@pytest.mark.parametrize(
    ("data", "query"),
    [({"status": "gone"}, ""), ({"status": "reviewed", "note": "<b>x</b>"}, "")],
)
def test_a_bad_review_is_refused_clearly(client, data, query) -> None:
    _give(Client())
    feedback = Feedback.objects.get()
    client.force_login(UserFactory(role=Role.OFFICER))
    response = client.post(f"/feedback/review/{feedback.pk}/", data)
    assert response.status_code == 400 and "There is a problem" in response.content.decode()
    feedback.refresh_from_db()
    assert feedback.status == Status.NEW
    assert client.get("/feedback/review/?status=bogus").status_code == 400
    assert client.post("/feedback/review/999999/", {"status": "reviewed"}).status_code == 404


def test_feedback_expires_after_a_year_and_emails_after_90_days() -> None:
    now = timezone.now()
    given = [services.give(message=f"Note {i}", email="a@example.org", user=None,
                           client_address=f"192.0.2.{i}") for i in range(3)]  # fmt: skip
    ages = [timedelta(days=10), timedelta(days=100), timedelta(days=400)]
    for item, age in zip(given, ages, strict=True):
        Feedback.objects.filter(pk=item.feedback.pk).update(created_at=now - age)
    outcome = services.expire(now)
    assert outcome == "Removed 2 email address(es) and deleted 1 piece(s) of feedback."
    kept = dict(Feedback.objects.values_list("message", "email"))
    assert kept == {"Note 0": "a@example.org", "Note 1": ""}
    assert not Feedback.history.filter(message="Note 2").exists()


def test_expiry_is_a_daily_periodic_job() -> None:
    from placezero.jobs.registry import registered_periodic

    spec = registered_periodic()["feedback.expire"]
    assert spec.every == timedelta(days=1) and spec.run is services.expire
