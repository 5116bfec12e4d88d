"""Alerts to followers: a new resource on what they follow and a funding deadline near, each
once, through the shared notifications' single call site."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from placezero.activity import services as activity
from placezero.advisory import alerts, services
from placezero.advisory.models import AlertSent, Resource


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, str, dict]]:
    calls: list[tuple[Any, str, dict]] = []

    def notify(recipient: Any, kind: str, **message: Any) -> bool:
        calls.append((recipient, kind, message))
        return True

    monkeypatch.setattr(alerts, "_notify", notify)
    return calls


@pytest.mark.django_db
def test_followers_hear_of_new_resources_and_near_deadlines_once(
    demo: Any, people: dict, sent: list
) -> None:
    person = people["resident"]
    services.set_follow(person, demo, topics=["heat-pumps"], audiences=[])
    # The demo was there before the follow: nothing is "new", but a deadline near is told.
    Resource.objects.filter(slug="village-hall-energy-grant-demo").update(
        closes_on=timezone.localdate() + timedelta(days=5)
    )
    alerts.send_alerts()
    assert [(k, m["title"][:6]) for _, k, m in sent] == [(alerts.DEADLINE, "Closes")]
    services.save_resource(
        people["editor"], demo,
        {"kind": "guide", "title": "Heat pumps in flats", "slug": "heat-pumps-flats",
         "summary": "Shared ground loops.", "status": "published"},
        audiences=["tenants"], topics=["heat-pumps"],
    )  # fmt: skip
    alerts.send_alerts()
    alerts.send_alerts()
    kinds = [(k, m["title"]) for _, k, m in sent]
    assert kinds[1:] == [(alerts.NEW_RESOURCE, "New: Heat pumps in flats")]
    assert sent[1][0] == person and sent[1][2]["url"].endswith("/resources/heat-pumps-flats/")


@pytest.mark.django_db
def test_an_alert_lands_in_the_followers_inbox(demo: Any, people: dict) -> None:
    """Through the real shared notifications: the inbox, and the alert marked sent."""
    person = people["resident"]
    services.set_follow(person, demo, topics=["solar"], audiences=[])
    Resource.objects.filter(slug="village-hall-energy-grant-demo").update(
        closes_on=timezone.localdate() + timedelta(days=3)
    )
    assert alerts.send_alerts() == "0 new-resource, 1 deadline and 0 saved-search alerts sent."
    assert activity.unread_count(person) == 1
    assert AlertSent.objects.count() == 1
    assert alerts.send_alerts() == "0 new-resource, 0 deadline and 0 saved-search alerts sent."
