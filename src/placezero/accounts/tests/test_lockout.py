"""Ten wrong passwords lock a username out for fifteen minutes, with a message that says
so; the right password is then refused too (site and admin); a username with no account
is treated the same (no user enumeration); the pause ends by itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from placezero.accounts import lockout
from placezero.accounts.models import SignInFailure
from placezero.accounts.options import Role

from .factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"
PAUSED = "Too many failed attempts to sign in with this username"


def fail(client: Client, username: str, times: int) -> str:
    page = ""
    for _ in range(times):
        page = client.post(LOGIN, {"username": username, "password": "wrong"}).content.decode()
    return page


def test_ten_wrong_passwords_lock_the_account_even_against_the_right_one() -> None:
    user = UserFactory()
    client = Client()
    assert PAUSED not in fail(client, user.username, 9)
    assert PAUSED in fail(client, user.username, 1)
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 200  # the form again, not a redirect
    assert PAUSED in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert client.get("/accounts/profile/").status_code == 302  # still signed out


def test_the_admin_sign_in_is_locked_too() -> None:
    admin = UserFactory(role=Role.ADMINISTRATOR)
    fail(Client(), admin.username, 10)
    client = Client()
    client.post(
        "/admin/login/?next=/admin/", {"username": admin.username, "password": TEST_PASSWORD}
    )
    assert client.get("/admin/").status_code == 302


def test_an_unknown_username_gets_the_same_answers() -> None:
    user = UserFactory()
    known = fail(Client(), user.username, 10)
    unknown = fail(Client(), "nobody-has-this-name", 10)
    assert PAUSED in known and PAUSED in unknown
    strip = lambda page, name: page.replace(name, "NAME")  # noqa: E731
    assert strip(known, user.username).count(PAUSED) == strip(
        unknown, "nobody-has-this-name"
    ).count(PAUSED)


def test_a_good_sign_in_before_the_limit_starts_the_count_again() -> None:
    user = UserFactory()
    client = Client()
    fail(client, user.username, 9)
    assert (
        client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD}).status_code
        == 302
    )
    assert not SignInFailure.objects.filter(username_key=user.username.casefold()).exists()
    assert PAUSED not in fail(Client(), user.username, 9)


def test_the_pause_ends_by_itself() -> None:
    user = UserFactory()
    fail(Client(), user.username, 10)
    assert lockout.is_locked(user.username)
    SignInFailure.objects.update(locked_until=timezone.now() - timedelta(seconds=1))
    client = Client()
    assert (
        client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD}).status_code
        == 302
    )


def test_case_and_spaces_do_not_dodge_the_count() -> None:
    UserFactory(username="alex")
    for variant in ["alex", "ALEX", " Alex "] * 3 + ["aLex"]:
        fail(Client(), variant, 1)
    assert lockout.is_locked("alex")
