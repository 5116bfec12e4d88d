"""One-click unsubscribe (RFC 8058): the link in every email works without signing in; a
GET only asks, a POST stops the emails; a changed token is refused and changes nothing."""

from __future__ import annotations

from django.core import mail
from django.test import Client

from placezero.activity import services
from placezero.activity.emails import unsubscribe_token
from placezero.activity.notifications import DAILY, NEVER, STRAIGHT_AWAY
from placezero.activity.options import Channel

from .conftest import KIND


def link_of(email) -> str:
    url = email.extra_headers["List-Unsubscribe"].strip("<>")
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_one_click_from_the_mail_program_stops_the_emails(kind, alice) -> None:
    services.notify(alice, KIND, title="Hello")
    path = link_of(mail.outbox[0])
    mail_program = Client(enforce_csrf_checks=True)  # no session, no CSRF cookie

    asked = mail_program.get(path)
    assert asked.status_code == 200 and "A test reminder" in asked.content.decode()
    assert services.email_choices_of(alice)[KIND] == STRAIGHT_AWAY  # a GET changes nothing

    done = mail_program.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200 and "You are unsubscribed" in done.content.decode()
    assert services.email_choices_of(alice)[KIND] == NEVER
    mail.outbox.clear()
    services.notify(alice, KIND, title="Not emailed")
    assert mail.outbox == []


def test_the_digest_link_stops_the_digest(kind, alice) -> None:
    services.set_email_choices(alice, {KIND: DAILY})
    services.notify(alice, KIND, title="Waiting")
    services.send_digests()
    assert Client().post(link_of(mail.outbox[0])).status_code == 200
    assert services.email_choices_of(alice)[KIND] == NEVER
    assert not services.wants(alice, KIND, Channel.DIGEST)


def test_a_tampered_token_is_refused(kind, alice, bob) -> None:
    token = unsubscribe_token(alice, KIND, Channel.EMAIL)
    # Someone swaps the person in the signed data, or cuts the link short.
    bobs = unsubscribe_token(bob, KIND, Channel.EMAIL)
    forged = bobs.split(":")[0] + ":" + token.split(":", 1)[1]
    for bad in (forged, token[:-3], token + "x", "made-up"):
        answer = Client().post(f"/unsubscribe/{bad}/")
        assert answer.status_code == 400, bad
        assert "not valid" in answer.content.decode()
    assert services.email_choices_of(alice)[KIND] == STRAIGHT_AWAY
    assert services.email_choices_of(bob)[KIND] == STRAIGHT_AWAY
