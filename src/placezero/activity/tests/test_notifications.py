"""The notify() door: a notification reaches the inbox and the email outbox, respects an
opt-out and the daily digest, and bad input is refused with what to fix."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse

from placezero.activity import UnknownNotificationKind, services
from placezero.activity.models import Notification
from placezero.activity.notifications import DAILY, NEVER, STRAIGHT_AWAY
from placezero.jobs import registered_periodic

from .conftest import KIND


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_notification_reaches_the_inbox_and_the_email(kind, alice, bob, settings) -> None:
    settings.PLACEZERO_SITE_URL = "https://netzero.example.org"
    sent = services.notify(
        alice, KIND, title="Check the draft", body="The draft is ready.", url="/inbox/", actor=bob
    )
    assert sent.actor == bob and sent.emailed_at is not None
    assert services.unread_count(alice) == 1 and services.unread_count(bob) == 0

    page = signed_in(alice).get(reverse("activity:inbox")).content.decode()
    assert "Check the draft" in page and "The draft is ready." in page
    assert "A test reminder" in page  # the kind's label
    assert 'id="header-inbox"' in page and ">1</strong>" in page  # the unread count

    [email] = mail.outbox
    assert email.to == ["alice@example.org"] and email.subject == "Check the draft"
    assert "https://netzero.example.org/inbox/" in email.body
    unsubscribe = email.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://netzero.example.org/unsubscribe/")
    assert unsubscribe.strip("<>") in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_email_goes_only_when_the_callers_change_is_saved(
    kind, alice, settings, django_capture_on_commit_callbacks
) -> None:
    """Rule: an email cannot be recalled, so it waits for the commit; a rollback after
    notify() leaves neither the inbox entry nor a sent email."""
    settings.ACTIVITY_EMAIL_AFTER_COMMIT = True
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.notify(alice, KIND, title="Rolled back")
                assert mail.outbox == []  # not yet: the change is not saved
                raise RuntimeError("the caller's change fails after notifying")
        except RuntimeError:
            pass
    assert mail.outbox == [] and not Notification.objects.filter(title="Rolled back").exists()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.notify(alice, KIND, title="Saved")
        assert mail.outbox == []
    assert [m.subject for m in mail.outbox] == ["Saved"]


def test_an_opt_out_stops_the_email_not_the_inbox(kind, alice) -> None:
    # The form holds every registered kind (jobs.finished too): the others stay as they are.
    choices = services.email_choices_of(alice) | {KIND: NEVER}
    answer = signed_in(alice).post(reverse("activity:preferences"), choices)
    assert answer.status_code == 302
    assert services.email_choices_of(alice)[KIND] == NEVER
    services.notify(alice, KIND, title="Quietly")
    assert mail.outbox == []
    assert services.unread_count(alice) == 1


def test_the_preferences_page_shows_the_choices_and_refuses_a_made_up_one(kind, alice) -> None:
    client = signed_in(alice)
    page = client.get(reverse("activity:preferences")).content.decode()
    assert "A test reminder" in page and "When the tests remind you." in page
    assert f'value="{STRAIGHT_AWAY}" checked' in page  # the kind's default
    refused = client.post(
        reverse("activity:preferences"), services.email_choices_of(alice) | {KIND: "hourly"}
    )
    assert refused.status_code == 200
    assert "govuk-error-summary" in refused.content.decode()
    assert services.email_choices_of(alice)[KIND] == STRAIGHT_AWAY


def test_the_daily_digest_lists_unread_notifications_once(kind, alice, bob) -> None:
    assert "activity.daily_digest" in registered_periodic()
    services.set_email_choices(alice, {KIND: DAILY})
    services.notify(alice, KIND, title="First thing", url="/inbox/")
    services.notify(alice, KIND, title="Second thing")
    read = services.notify(alice, KIND, title="Already read")
    services.mark_read(alice, read)
    services.notify(bob, KIND, title="Bob's own")  # Bob kept "straight away"
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    mail.outbox.clear()

    assert services.send_digests() == "Sent 1 digest listing 2 notifications."
    [digest] = mail.outbox
    assert digest.to == ["alice@example.org"] and digest.subject == "2 unread notifications"
    assert "First thing" in digest.body and "Second thing" in digest.body
    assert "Already read" not in digest.body and "Bob" not in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    assert services.send_digests() == "Sent 0 digests listing 0 notifications."


def test_a_failing_mail_server_leaves_the_notification_in_the_inbox(
    kind, alice, monkeypatch
) -> None:
    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    notification = services.notify(alice, KIND, title="Mail is down")
    assert notification.pk and notification.emailed_at is None
    assert services.unread_count(alice) == 1


def test_bad_input_is_refused_with_what_to_fix(kind, alice) -> None:
    with pytest.raises(UnknownNotificationKind, match="register_notification_kind"):
        services.notify(alice, "activity.no_such_kind", title="x")
    with pytest.raises(ValidationError, match="path on this site"):
        services.notify(alice, KIND, title="x", url="https://elsewhere.example/")
    with pytest.raises(ValidationError, match="path on this site"):
        services.notify(alice, KIND, title="x", url="//elsewhere.example/")
    with pytest.raises(ValidationError, match="needs a title"):
        services.notify(alice, KIND, title="  ")
    alice.is_active = False
    alice.save()
    assert services.notify(alice, KIND, title="Nobody home") is None
    assert not Notification.objects.exists()
