"""Signing in and out, and resetting a forgotten password by email."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from placezero.accounts.options import Role

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


@pytest.mark.parametrize("role", Role.values)
def test_each_role_can_sign_in(role: str) -> None:
    user = UserFactory(role=role)
    client = Client()
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200


def test_sign_in_returns_to_the_page_asked_for() -> None:
    user = UserFactory()
    response = Client().post(
        LOGIN, {"username": user.username, "password": TEST_PASSWORD, "next": "/accounts/profile/"}
    )
    assert response.url == "/accounts/profile/"


def test_a_wrong_password_is_explained_in_the_error_summary() -> None:
    user = UserFactory()
    page = Client().post(LOGIN, {"username": user.username, "password": "nope"}).content.decode()
    assert "There is a problem" in page
    assert '<a href="#id_username">The username or password is not right' in page


def test_empty_fields_get_a_message_linked_to_each_field() -> None:
    page = Client().post(LOGIN, {"username": "", "password": ""}).content.decode()
    assert '<a href="#id_username">Enter your username</a>' in page
    assert '<a href="#id_password">Enter your password</a>' in page
    assert "<title>Error: Sign in" in page


def test_sign_in_form_has_autocomplete_attributes() -> None:
    page = Client().get(LOGIN).content.decode()
    assert 'autocomplete="username"' in page and 'autocomplete="current-password"' in page


def test_signing_out_needs_a_post() -> None:
    client = Client()
    client.force_login(UserFactory())
    assert client.get("/accounts/logout/").status_code == 405


def test_signing_out_ends_the_session() -> None:
    client = Client()
    client.force_login(UserFactory())
    client.post("/accounts/logout/")
    assert client.get("/accounts/profile/").status_code == 302


def _reset_link() -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/password-reset/\S+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_a_reset_request_sends_one_email_with_a_link() -> None:
    user = UserFactory(email="pat@example.invalid")
    response = Client().post(reverse("accounts:password_reset"), {"email": user.email})
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert _reset_link().startswith("/accounts/password-reset/")


def test_a_reset_request_for_an_unknown_address_sends_nothing() -> None:
    Client().post(reverse("accounts:password_reset"), {"email": "nobody@example.invalid"})
    assert mail.outbox == []


def test_a_malformed_address_is_explained() -> None:
    page = Client().post(reverse("accounts:password_reset"), {"email": "pat"}).content.decode()
    assert "Enter an email address in the correct format" in page


def test_the_reset_link_sets_a_new_password_that_signs_in() -> None:
    user = UserFactory(email="pat@example.invalid")
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    form_url = client.get(_reset_link()).url  # Django swaps the token for a session key
    new = "a-brand-new-passphrase-42"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.url == reverse("accounts:password_reset_complete")
    assert Client().login(username=user.username, password=new)


def test_mismatched_new_passwords_are_explained() -> None:
    user = UserFactory(email="pat@example.invalid")
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    form_url = client.get(_reset_link()).url
    page = client.post(
        form_url, {"new_password1": "a-long-pass-1", "new_password2": "a-long-pass-2"}
    ).content.decode()
    assert "The two passwords do not match" in page


def test_a_used_reset_link_says_it_does_not_work() -> None:
    page = Client().get("/accounts/password-reset/MQ/bad-token/").content.decode()
    assert "This link does not work" in page
