"""The permission matrix of every tracker page and service: each role, this organisation
and another, this place and another.

Every tracker route is found from the URL configuration and must appear in ROUTES, so a new
one cannot be forgotten. A refused person gets the 403 page with the reason (or, signed
out, the sign-in page) and nothing changes; an allowed one gets past the check.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from placezero.tracker import reports, services, spreadsheet
from placezero.tracker.models import (
    Action,
    Dependency,
    Milestone,
    PriorityWeights,
    ProgressReport,
    ProgressUpdate,
    Risk,
)

from .conftest import make_action

pytestmark = pytest.mark.django_db

EVERYONE = {
    "anonymous", "resident", "member", "other_member", "editor", "other_editor", "officer",
    "rutland_editor", "rutland_officer", "admin",
}  # fmt: skip
PLACE_PEOPLE = {"member", "other_member", "editor", "other_editor", "officer", "admin"}
PLACE_EDITORS = {"editor", "other_editor", "officer", "admin"}
# The action asked about belongs to the county council: `editor` and `member` are its people.
EDITS_ACTION = {"editor", "officer", "admin"}
UPDATES_ACTION = {"member", "editor", "officer", "admin"}
OFFICERS = {"officer", "admin"}

# route name -> (method, who may)
ROUTES: dict[str, tuple[str, set[str]]] = {
    "index": ("GET", EVERYONE),
    "dashboard": ("GET", EVERYONE),
    "actions": ("GET", EVERYONE),
    "action": ("GET", EVERYONE),
    "action_new": ("GET", PLACE_EDITORS),
    "action_edit": ("GET", EDITS_ACTION),
    "milestone_add": ("POST", EDITS_ACTION),
    "milestone_done": ("POST", UPDATES_ACTION),
    "dependency_add": ("POST", EDITS_ACTION),
    "dependency_remove": ("POST", EDITS_ACTION),
    "lever_link": ("POST", EDITS_ACTION),
    "update_post": ("POST", UPDATES_ACTION),
    "export": ("GET", PLACE_PEOPLE),
    "import": ("GET", OFFICERS),
    "open_csv": ("GET", EVERYONE),
    "open_json": ("GET", EVERYONE),
    "priority": ("GET", EVERYONE),
    "priority_set": ("POST", OFFICERS),
    "reports": ("GET", EVERYONE),
    "report_issue": ("POST", OFFICERS),
    "report": ("GET", EVERYONE),
    "report_pdf": ("GET", EVERYONE),
    "risk_add": ("POST", EDITS_ACTION),
    "risk_remove": ("POST", EDITS_ACTION),
}


def tracker_routes() -> list[tuple[str, str]]:
    patterns = get_resolver().namespace_dict["tracker"][1].url_patterns
    return [(p.name, str(p.pattern)) for p in patterns if isinstance(p, URLPattern)]


def test_every_route_is_in_the_matrix():
    assert {name for name, _ in tracker_routes()} == set(ROUTES)


@pytest.fixture
def records(people, plan) -> dict[str, Any]:
    action = make_action(plan, people.county, "B1")
    other = make_action(plan, people.charnwood, "B2")
    return {
        "place_slug": people.place.slug,
        "action_id": action.pk,
        "milestone_id": Milestone.objects.create(
            action=action, title="M", due=dt.date(2025, 1, 1)
        ).pk,
        "dependency_id": Dependency.objects.create(action=action, other=other, kind="needs").pk,
        "risk_id": Risk.objects.create(action=action, description="R", likelihood=2, impact=3).pk,
        "report_id": ProgressReport.objects.create(
            place=people.place,
            title="Report",
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 3, 31),
            issued_at=timezone.now(),
            snapshot=reports.snapshot(people.place, dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
        ).pk,
    }


def _state() -> tuple:
    return (
        Action.objects.count(),
        Milestone.objects.filter(completed_on__isnull=False).count(),
        Dependency.objects.count(),
        ProgressUpdate.objects.count(),
        Risk.objects.count(),
        ProgressReport.objects.count(),
        list(PriorityWeights.objects.values_list("impact", "deliverability", "cost")),
        sorted(Action.objects.values_list("reference", "title", "status")),
    )


@pytest.mark.parametrize("role", sorted(EVERYONE))
def test_each_route_for_each_role(people, records, role):
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(people, role))
    for name, route in tracker_routes():
        method, allowed = ROUTES[name]
        kwargs = {k: records[k] for k in re.findall(r"<(?:\w+:)?(\w+)>", route)}
        url = reverse(f"tracker:{name}", kwargs=kwargs)
        before = _state()
        response = client.get(url) if method == "GET" else client.post(url, {})
        if role in allowed:
            assert response.status_code in (200, 302, 400), (name, role, response.status_code)
            if response.status_code == 302:
                assert "/accounts/login" not in response["Location"], (name, role)
        elif role == "anonymous":
            assert response.status_code == 302 and "/accounts/login" in response["Location"], name
            assert _state() == before, name
        else:
            assert response.status_code == 403, (name, role, response.status_code)
            assert "Only" in response.content.decode(), (name, role)
            assert _state() == before, (name, role)


def _services(people, records) -> dict[str, Any]:
    action = Action.objects.get(pk=records["action_id"])
    milestone = Milestone.objects.get(pk=records["milestone_id"])
    dependency = Dependency.objects.get(pk=records["dependency_id"])
    other = Action.objects.get(reference="B2")
    return {
        "update_action": (
            EDITS_ACTION,
            lambda u: services.update_action(action, user=u, title="Renamed"),
        ),
        "add_milestone": (
            EDITS_ACTION,
            lambda u: services.add_milestone(action, title="X", due=dt.date(2026, 1, 1), user=u),
        ),
        "complete_milestone": (
            UPDATES_ACTION,
            lambda u: services.complete_milestone(
                milestone, completed_on=dt.date(2025, 2, 1), user=u
            ),
        ),
        "add_dependency": (
            EDITS_ACTION,
            lambda u: services.add_dependency(action, other=other, kind="conflicts", user=u),
        ),
        "remove_dependency": (
            EDITS_ACTION,
            lambda u: services.remove_dependency(dependency, user=u),
        ),
        "link_lever": (
            EDITS_ACTION,
            lambda u: services.link_lever(
                action, lever="domestic_heat_pumps", amount=10, target_year=2027, user=u
            ),
        ),
        "post_update": (
            UPDATES_ACTION,
            lambda u: services.post_update(
                action,
                user=u,
                as_of=dt.date(2025, 1, 1),
                status="on_track",
                narrative="Going well.",
            ),
        ),
        "create_action": (
            PLACE_EDITORS & EDITS_ACTION,
            lambda u: services.create_action(
                people.place,
                user=u,
                plan=action.plan,
                reference="N1",
                title="New",
                theme="transport",
                owner=people.county,
                planned_start=dt.date(2025, 1, 1),
                planned_end=dt.date(2025, 2, 1),
            ),
        ),
        "create_plan": (
            OFFICERS,
            lambda u: services.create_plan(people.place, title="P", starts=2025, ends=2026, user=u),
        ),
        "export": (PLACE_PEOPLE, lambda u: spreadsheet.export_workbook(people.place, user=u)),
        "import_check": (OFFICERS, lambda u: spreadsheet.check(people.place, b"x", user=u)),
        "add_risk": (
            EDITS_ACTION,
            lambda u: services.add_risk(action, description="R2", likelihood=1, impact=1, user=u),
        ),
        "remove_risk": (
            EDITS_ACTION,
            lambda u: services.remove_risk(Risk.objects.get(pk=records["risk_id"]), user=u),
        ),
        "set_priority_weights": (
            OFFICERS,
            lambda u: services.set_priority_weights(
                people.place, impact=2, deliverability=1, cost=1, user=u
            ),
        ),
        "issue_report": (
            OFFICERS,
            lambda u: services.issue_report(
                people.place,
                period_start=dt.date(2025, 1, 1),
                period_end=dt.date(2025, 2, 1),
                user=u,
            ),
        ),
    }


SERVICE_NAMES = [
    "update_action", "add_milestone", "complete_milestone", "add_dependency",
    "remove_dependency", "link_lever", "post_update", "create_action", "create_plan", "export",
    "import_check", "add_risk", "remove_risk", "set_priority_weights", "issue_report",
]  # fmt: skip


@pytest.mark.parametrize("service", SERVICE_NAMES)
def test_each_service_for_each_role(people, records, service):
    for role in sorted(EVERYONE):
        user = AnonymousUser() if role == "anonymous" else getattr(people, role)
        allowed, call = _services(people, records)[service]
        if role in allowed:
            # Allowed: it runs (rolled back, so the next role meets the same records).
            with transaction.atomic():
                call(user)
                transaction.set_rollback(True)
        else:
            before = _state()
            with pytest.raises(PermissionDenied):
                call(user)
            assert _state() == before, (service, role)


def test_an_update_on_another_organisations_action_is_refused_with_the_reason(people, records):
    action = Action.objects.get(pk=records["action_id"])
    with pytest.raises(PermissionDenied) as refused:
        services.post_update(
            action,
            user=people.other_member,
            as_of=dt.date(2025, 1, 1),
            status="on_track",
            narrative="x",
        )
    assert "Leicestershire County Council (test)" in str(refused.value)
