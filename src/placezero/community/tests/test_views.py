"""The community pages: every route is in the permission matrix below (a new one fails
`test_every_route_is_in_the_matrix`), and each role gets what the rules say, per place.

Acting for a group (adopting, applying, claiming) is for the people who edit on its behalf:
an administrator is not the group and is refused too.

Roles: anonymous, a registered resident, the group's editor, a member of the group who does
not edit, the editor of another group, a partner editor of this place and of another, an
officer of this place and of another, a reviewer who declared no conflict, a reviewer who
declared one, the round's finance approver, and an administrator.
"""

from __future__ import annotations

import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone

from placezero.community.models import (
    Application,
    Claim,
    EndOfGrantReport,
    GrantAgreement,
    StepProgress,
)
from placezero.community.services import fund
from placezero.pathways.tests.test_permissions_by_place import routes

from .conftest import advance

OK, LOGIN, DENIED = 200, 302, 403
ROLES = (
    "anonymous",
    "resident",
    "founder",
    "group_member",
    "other_founder",
    "partner",
    "other_partner",
    "officer",
    "other_officer",
    "reviewer1",
    "reviewer3",
    "finance",
    "admin",
)
PUBLIC = dict.fromkeys(ROLES, OK)


def signed_in(ok: int = OK) -> dict[str, int]:
    return {role: (LOGIN if role == "anonymous" else ok) for role in ROLES}


def only(*allowed: str, anonymous: int = LOGIN) -> dict[str, int]:
    return {
        role: OK if role in allowed else (anonymous if role == "anonymous" else DENIED)
        for role in ROLES
    }


# (route name, expected GET status by role); POST routes are in POSTS.
GETS = {
    "index": dict.fromkeys(ROLES, 302),
    "home": PUBLIC,
    "directory": PUBLIC,
    "group": PUBLIC,
    "mentors": PUBLIC,
    "opportunities": PUBLIC,
    "rounds": PUBLIC,
    "round": PUBLIC,
    "network": PUBLIC,
    "giving360": PUBLIC,
    "giving360_csv": PUBLIC,
    "register": signed_in(),
    "my_data": signed_in(),
    "group_edit": only("founder", "officer", "admin"),
    "project": only("founder", "group_member", "officer", "admin"),
    "project_xlsx": only("founder", "group_member", "officer", "admin"),
    "round_new": only("officer", "admin"),
    "apply": only("founder"),
    "application": only("founder", "group_member", "officer", "reviewer1", "finance", "admin"),
    "declare": only("reviewer1", "reviewer3"),
    "application_edit": only("founder"),
}
# POST routes: the permission asked; every role not allowed must be refused (403 or login)
# and change nothing. Allowed roles are checked by the flow tests.
POSTS = {
    "submit_step": only("founder", "officer", "admin"),
    "log_session": only("founder", "officer", "admin"),
    "decide_step": only("officer", "admin"),
    "adopt": only("founder"),
    "round_team": only("officer", "admin"),
    "score": only("reviewer1"),
    "determine": only("officer", "admin"),
    "milestone": only("officer", "admin"),
    "claim": only("founder"),
    "claim_action": only("officer", "admin"),
    "agreement": only("officer", "admin"),
    "accept_agreement": only("founder"),
    "report": only("founder"),
    "decide_report": only("officer", "admin"),
}
ALSO_POST = {
    "register",
    "group_edit",
    "mentors",
    "project",
    "round_new",
    "apply",
    "declare",
    "application_edit",
    "my_data",
}


@pytest.fixture
def matrix(awarded) -> SimpleNamespace:
    w = awarded
    fund.declare(w.application, user=w.reviewer1, has_conflict=False)
    fund.declare(w.application, user=w.reviewer3, has_conflict=True, details="Related.")
    w.claim = fund.claim(w.milestone, user=w.founder, amount_gbp=Decimal("100"), evidence="x")
    # A report waiting for sign-off, made directly (set-up: its rules are tested elsewhere).
    w.report = EndOfGrantReport.objects.create(
        award=w.award,
        outputs="x",
        spend_gbp=Decimal("100"),
        lessons="x",
        members=1,
        volunteers=1,
        staff=0,
        submitted_at=timezone.now(),
    )
    advance(w.group, 5)
    progress = StepProgress.objects.get(group=w.group, step_number=5)
    w.values = {
        "place_slug": w.place.slug,
        "group_id": w.group.pk,
        "progress_id": progress.pk,
        "project_id": w.project.pk,
        "round_id": w.round.pk,
        "application_id": w.application.pk,
        "claim_id": w.claim.pk,
        "action": "officer",
    }
    return w


def community_routes() -> list[tuple[str, str]]:
    return list(routes(get_resolver().namespace_dict["community"][1].url_patterns))


def url(w, name: str, route: str) -> str:
    kwargs = {k: w.values[k] for k in re.findall(r"<(?:\w+:)?(\w+)>", route)}
    return reverse(f"community:{name}", kwargs=kwargs)


def client_for(w, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(w, role))
    return client


def test_every_route_is_in_the_matrix() -> None:
    assert {name for name, _ in community_routes()} == set(GETS) | set(POSTS)


@pytest.mark.parametrize("name", sorted(GETS))
def test_each_page_answers_each_role_as_the_rules_say(matrix, name: str) -> None:
    route = dict(community_routes())[name]
    target = url(matrix, name, route)
    got = {role: client_for(matrix, role).get(target).status_code for role in ROLES}
    assert got == GETS[name]


@pytest.mark.parametrize("name", sorted(POSTS))
def test_each_change_refuses_the_roles_the_rules_refuse_and_changes_nothing(matrix, name) -> None:
    route = dict(community_routes())[name]
    target = url(matrix, name, route)
    before = _state(matrix)
    for role, expected in POSTS[name].items():
        if expected == OK:
            continue
        response = client_for(matrix, role).post(target, {"key": "x", "group": matrix.group.pk})
        assert response.status_code == expected, role
        if expected == DENIED:  # the 403 page says why
            assert response.context["reason"] in response.content.decode()
    assert _state(matrix) == before


def _state(w) -> tuple:
    return (
        StepProgress.objects.filter(status="signed_off").count(),
        list(Claim.objects.values_list("status", flat=True)),
        list(Application.objects.values_list("status", flat=True)),
        w.group.sessions.count(),
        w.group.projects.count(),
        w.round.team.count(),
        w.award.milestones.count(),
        list(w.award.milestones.values_list("status", flat=True)),
        list(GrantAgreement.objects.values_list("accepted_at", "terms")),
        list(EndOfGrantReport.objects.values_list("status", "outputs")),
    )


def test_a_record_of_another_place_is_not_found(matrix) -> None:
    target = reverse("community:group", args=[matrix.other.slug, matrix.group.pk])
    assert Client().get(target).status_code == 404


def test_the_public_group_page_never_shows_a_persons_details(matrix) -> None:
    page = Client().get(
        url(matrix, "group", "places/<slug:place_slug>/community/groups/<int:group_id>/")
    )
    text = page.content.decode()
    assert matrix.founder.username not in text and "alex@example.invalid" not in text
    assert "Evidence:" not in text
