"""Nobody reads another person's inbox: the permission matrix of the inbox pages, for a
visitor, the recipient, another person and an administrator; marking read and unread."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.activity import services

from .conftest import KIND


@pytest.fixture
def sent(kind, alice):
    return services.notify(alice, KIND, title="For Alice only", body="Private words.")


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["activity:inbox", "activity:preferences"])
def test_a_visitor_is_asked_to_sign_in(sent, path) -> None:
    answer = Client().get(reverse(path))
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]


@pytest.mark.parametrize(
    "role", [Role.RESIDENT, Role.PARTNER_EDITOR, Role.OFFICER, Role.ADMINISTRATOR]
)
def test_nobody_else_reads_or_marks_a_notification(sent, role, leicestershire) -> None:
    other = client_for(UserFactory(role=role, place=None))
    page = other.get(reverse("activity:inbox")).content.decode()
    assert "For Alice only" not in page and "Private words." not in page
    refused = other.post(reverse("activity:mark", args=[sent.pk]))
    assert refused.status_code == 403
    assert "sent to someone else" in refused.content.decode()
    sent.refresh_from_db()
    assert sent.read_at is None
    other.post(reverse("activity:mark_all"))
    sent.refresh_from_db()
    assert sent.read_at is None


def test_a_visitor_cannot_mark_a_notification(sent) -> None:
    answer = Client().post(reverse("activity:mark", args=[sent.pk]))
    assert answer.status_code == 302
    sent.refresh_from_db()
    assert sent.read_at is None


def test_the_recipient_marks_read_and_unread(sent, alice) -> None:
    client = client_for(alice)
    assert client.post(reverse("activity:mark", args=[sent.pk])).status_code == 302
    sent.refresh_from_db()
    assert sent.read_at is not None
    assert ">1</strong>" not in client.get(reverse("activity:inbox")).content.decode()
    client.post(reverse("activity:mark", args=[sent.pk]), {"state": "unread"})
    sent.refresh_from_db()
    assert sent.read_at is None
    unread = client.get(reverse("activity:inbox") + "?show=unread").content.decode()
    assert "For Alice only" in unread
    client.post(reverse("activity:mark_all"))
    assert services.unread_count(alice) == 0
    assert client.post(reverse("activity:mark", args=[999999])).status_code == 404


def test_the_header_count_is_only_for_signed_in_people(sent) -> None:
    assert 'id="header-inbox"' not in Client().get("/").content.decode()
