"""Staff sessions end after the idle time and after the absolute time; residents' do not."""

from __future__ import annotations

import time

import pytest
from django.test import Client, override_settings

from placezero.accounts import session_expiry
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PAGE = "/accounts/profile/"


def _signed_in(role: str) -> Client:
    client = Client()
    client.force_login(UserFactory(role=role))
    return client


def _age(client: Client, *, started_ago: float, seen_ago: float) -> None:
    session = client.session
    now = time.time()
    session[session_expiry.STARTED] = now - started_ago
    session[session_expiry.SEEN] = now - seen_ago
    session.save()


@pytest.mark.parametrize("role", [Role.PARTNER_EDITOR, Role.OFFICER, Role.ADMINISTRATOR])
def test_staff_idle_past_the_limit_are_signed_out_and_told_why(role: str) -> None:
    client = _signed_in(role)
    assert client.get(PAGE).status_code == 200
    _age(client, started_ago=40 * 60, seen_ago=31 * 60)
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=%2Faccounts%2Fprofile%2F")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "signed out after 30 minutes without activity" in page.content.decode()


@pytest.mark.parametrize("role", [Role.PARTNER_EDITOR, Role.OFFICER, Role.ADMINISTRATOR])
def test_staff_within_the_idle_time_stay_signed_in(role: str) -> None:
    client = _signed_in(role)
    client.get(PAGE)
    _age(client, started_ago=3 * 3600, seen_ago=29 * 60)
    assert client.get(PAGE).status_code == 200
    # The request moved "last seen" on, and the cookie's expiry follows the idle time.
    assert time.time() - client.session[session_expiry.SEEN] < 5
    assert client.session.get_expiry_age() == 30 * 60


def test_staff_busy_past_the_absolute_time_are_signed_out() -> None:
    client = _signed_in(Role.OFFICER)
    client.get(PAGE)
    _age(client, started_ago=8 * 3600 + 60, seen_ago=10)
    response = client.get(PAGE)
    assert response.status_code == 302 and "expired=absolute" in response["Location"]
    page = client.get(response["Location"])
    assert "signed in for 8 hours" in page.content.decode()


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.MEMBER])
def test_residents_and_members_keep_the_default_session(role: str) -> None:
    client = _signed_in(role)
    client.get(PAGE)
    _age(client, started_ago=30 * 3600, seen_ago=5 * 3600)
    assert client.get(PAGE).status_code == 200
    assert client.session.get_expiry_age() == 1209600  # Django's two weeks


@override_settings(PLACEZERO_STAFF_SESSION={"idle_minutes": 5, "absolute_hours": 1})
def test_the_limits_are_a_setting() -> None:
    client = _signed_in(Role.OFFICER)
    client.get(PAGE)
    _age(client, started_ago=600, seen_ago=6 * 60)
    response = client.get(PAGE)
    assert response.status_code == 302 and "expired=idle" in response["Location"]
    assert "after 5 minutes without activity" in client.get(response["Location"]).content.decode()


def test_signing_in_again_starts_the_clock_afresh() -> None:
    user = UserFactory(role=Role.OFFICER)
    client = Client()
    client.force_login(user)
    client.get(PAGE)
    _age(client, started_ago=9 * 3600, seen_ago=10)
    client.force_login(user)
    assert client.get(PAGE).status_code == 200
