"""Role by permission by place: what each role may do, for every registered permission.

Each permission is asked three ways: with no object; about a record of a place the person
belongs to ("own place"); and about a record of a place they do not belong to, being a
member of an organisation of another place ("other place"). A role counts only where the
person belongs (accounts.standing); administrators belong everywhere; a place-scoped rule
asked without a place refuses everyone but administrators, so a check that forgets its
object fails closed.

A permission registered without a row here fails `test_every_permission_has_a_row`, so
nobody adds a permission without deciding, in one reviewed table, who holds it and where."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.accounts import permissions
from placezero.accounts.options import Role
from placezero.api.tests.factories import PlaceFactory

from .factories import UserFactory

PUBLIC = "public"
ROLES = [PUBLIC, *Role.values]  # lowest first, as in each column of MATRIX
OWN, OTHER, NO_OBJECT = "own place", "other place", "no object"

# Y: allowed, N: refused; one letter per role in ROLES order:
#   public, resident, member, partner editor, officer, administrator.
# permission:                   no object  own place  other place
MATRIX: dict[str, tuple[str, str, str]] = {
    "web.view_public":           ("YYYYYY", "YYYYYY", "YYYYYY"),
    "places.view_statistics":    ("YYYYYY", "YYYYYY", "YYYYYY"),
    "api.read":                  ("YYYYYY", "YYYYYY", "YYYYYY"),
    "accounts.view_own_account": ("NYYYYY", "NYYYYY", "NYYYYY"),
    # Admin is one site for every place: officers read it whatever their place.
    "admin.access":              ("NNNNYY", "NNNNYY", "NNNNYY"),
    "accounts.manage_users":     ("NNNNNY", "NNNNNY", "NNNNNY"),
    "places.edit_targets":       ("NNNNNY", "NNNNYY", "NNNNNY"),
    "pathways.view":             ("YYYYYY", "YYYYYY", "YYYYYY"),
    "pathways.play":             ("YYYYYY", "YYYYYY", "YYYYYY"),
    "pathways.edit_scenarios":   ("NNNNNY", "NNNYYY", "NNNNNY"),
    "pathways.set_preferred":    ("NNNNNY", "NNNNYY", "NNNNNY"),
    "pathways.run_jobs":         ("NNNNNY", "NNNYYY", "NNNNNY"),
    # A run someone else started; whoever started a run may cancel it (tested below).
    "pathways.cancel_job":       ("NNNNNY", "NNNNYY", "NNNNNY"),
    # Names in a record's history: the place's partners (and the person themselves).
    "activity.see_names_in_history": ("NNNNNY", "NNNYYY", "NNNNNY"),
    # A run's starter by name: officers of its place (and the starter: tested in jobs).
    "jobs.see_who_started":      ("NNNNNY", "NNNNYY", "NNNNNY"),
    "activity.read_inbox":       ("NYYYYY", "NYYYYY", "NYYYYY"),
    # Only the recipient, administrators included (activity/tests/test_inbox.py).
    "activity.read_notification": ("NNNNNN", "NNNNNN", "NNNNNN"),
    "governance.view":           ("YYYYYY", "YYYYYY", "YYYYYY"),
    "governance.export":         ("YYYYYY", "YYYYYY", "YYYYYY"),
    "governance.propose":        ("NNNNNY", "NNNYYY", "NNNNNY"),
    "governance.manage":         ("NNNNNY", "NNNNYY", "NNNNNY"),
    "governance.view_answers":   ("NNNNNY", "NNNNYY", "NNNNNY"),
    # Voting, declaring and answering follow a seat on a body, not a role: nobody holds
    # them by role alone, administrators neither (seats: governance/tests/test_permissions.py).
    "governance.vote":           ("NNNNNN", "NNNNNN", "NNNNNN"),
    "governance.declare_interest": ("NNNNNN", "NNNNNN", "NNNNNN"),
    "governance.answer":         ("NNNNNN", "NNNNNN", "NNNNNN"),
    # Everything published is public; who may publish is the publishing module's rule.
    "publishing.view":           ("YYYYYY", "YYYYYY", "YYYYYY"),
    # Community energy: acting for a group (adopting, business cases, applying, claiming) is
    # for its editors only, whatever the role, and reviewing and finance for the people named
    # to a round: a bare record of a place has neither, so nobody is allowed here (the
    # community app's own matrix tests those rules with groups and rounds).
    "community.view":               ("YYYYYY", "YYYYYY", "YYYYYY"),
    "community.register_group":     ("NYYYYY", "NYYYYY", "NYYYYY"),
    "community.edit_group":         ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.sign_off_step":      ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.manage_mentors":     ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.adopt_opportunity":  ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.see_business_case":  ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.edit_business_case": ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.apply":              ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.manage_fund":        ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.see_application":    ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.declare_conflict":   ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.score":              ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.determine":          ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.claim":              ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.approve_claim":      ("NNNNNY", "NNNNYY", "NNNNNY"),
    "community.finance_claim":      ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.own_data":           ("NYYYYY", "NYYYYY", "NYYYYY"),
    # The group's own editors (no role holds them: tested in community/tests/test_views.py).
    "community.accept_agreement":   ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.report":             ("NNNNNN", "NNNNNN", "NNNNNN"),
    "community.sign_off_report":    ("NNNNNY", "NNNNYY", "NNNNNY"),
    # The action plan is public; its people see who leads what and download it.
    "tracker.view":              ("YYYYYY", "YYYYYY", "YYYYYY"),
    "tracker.see_contacts":      ("NNNNNY", "NNYYYY", "NNNNNY"),
    "tracker.export":            ("NNNNNY", "NNYYYY", "NNNNNY"),
    "tracker.create_action":     ("NNNNNY", "NNNYYY", "NNNNNY"),
    # About a record with no owning organisation; the owner's editors and members are
    # allowed on their own actions (tracker/tests/test_permissions.py).
    "tracker.edit_action":       ("NNNNNY", "NNNNYY", "NNNNNY"),
    "tracker.post_update":       ("NNNNNY", "NNNNYY", "NNNNNY"),
    "tracker.import":            ("NNNNNY", "NNNNYY", "NNNNNY"),
    "tracker.set_priority_weights": ("NNNNNY", "NNNNYY", "NNNNNY"),
    "tracker.issue_report":      ("NNNNNY", "NNNNYY", "NNNNNY"),
    # The advisory repository is public; a record that is not live (no `is_live`, like a
    # draft) is for the place's curators; national resources are tested in the app.
    "advisory.view":             ("YYYYYY", "YYYYYY", "YYYYYY"),
    "advisory.view_resource":    ("YYYYYY", "NNNYYY", "NNNNNY"),
    "advisory.curate":           ("NNNNNY", "NNNYYY", "NNNNNY"),
    "advisory.follow":           ("NYYYYY", "NYYYYY", "NYYYYY"),
    "advisory.edit_wizard":      ("NNNNNY", "NNNYYY", "NNNNNY"),
    "advisory.edit_taxonomy":    ("NNNNNY", "NNNYYY", "NNNNNY"),
    # Citizen landscaping: anyone may have their say and see the results; the place's
    # officers moderate; a contribution's own data is its contributor's alone (tested in
    # landscape/tests/test_own_data.py: the records here were made by nobody).
    "landscape.view_results":    ("YYYYYY", "YYYYYY", "YYYYYY"),
    "landscape.contribute":      ("YYYYYY", "YYYYYY", "YYYYYY"),
    "landscape.moderate":        ("NNNNNY", "NNNNYY", "NNNNNY"),
    "landscape.view_own":        ("NYYYYY", "NYYYYY", "NYYYYY"),
    "landscape.manage_own":      ("NNNNNN", "NNNNNN", "NNNNNN"),
    # Consultations and their "you said, we did" links: the place's officers; reporting a
    # published contribution: anyone.
    "landscape.set_up":          ("NNNNNY", "NNNNYY", "NNNNNY"),
    "landscape.report":          ("YYYYYY", "YYYYYY", "YYYYYY"),
}  # fmt: skip

CASES = [
    pytest.param(name, role, where, row[ROLES.index(role)] == "Y", id=f"{name}-{role}-{where}")
    for name, rows in MATRIX.items()
    for where, row in zip((NO_OBJECT, OWN, OTHER), rows, strict=True)
    for role in ROLES
]


def person(role: str, place: Any = None) -> Any:
    """Someone of `role`; a member of an organisation of `place` unless they are the public
    or a resident (residents hold no membership)."""
    if role == PUBLIC:
        return AnonymousUser()
    if role == Role.RESIDENT:
        return UserFactory(role=role)
    return UserFactory(role=role, place=place)


def subjects(where: str) -> tuple[Any, list[Any]]:
    """(the place the person belongs to, what they are asked about). The records stand in
    for anything with a `.place` (a scenario, a run started by someone else, a target)."""
    if where == NO_OBJECT:
        return PlaceFactory(), [None]
    asked_about = PlaceFactory(name="Leicestershire")
    home = asked_about if where == OWN else PlaceFactory(name="Rutland")
    record = SimpleNamespace(place=asked_about, created_by_id=None)
    return home, [asked_about, record]


def test_every_permission_has_a_row() -> None:
    assert set(permissions.registered()) == set(MATRIX)


def test_every_row_has_a_letter_per_role() -> None:
    assert all(
        len(row) == len(ROLES) and set(row) <= {"Y", "N"} for r in MATRIX.values() for row in r
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "where", "allowed"), CASES)
def test_permission_check(name: str, role: str, where: str, allowed: bool) -> None:
    home, asked = subjects(where)
    user = person(role, home)
    for obj in asked:
        verdict = permissions.check(user, name, obj)
        assert verdict.allowed is allowed, f"{obj!r}: {verdict.reason}"
        assert verdict.reason


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "where", "allowed"), CASES)
def test_django_has_perm_agrees(name: str, role: str, where: str, allowed: bool) -> None:
    home, asked = subjects(where)
    user = person(role, home)
    for obj in asked:
        assert user.has_perm(f"placezero:{name}", obj) is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.MEMBER, Role.PARTNER_EDITOR, Role.OFFICER])
def test_whoever_started_a_run_may_cancel_it_in_any_place(role: str) -> None:
    user = person(role, PlaceFactory(name="Rutland"))
    run = SimpleNamespace(place=PlaceFactory(name="Leicestershire"), created_by_id=user.pk)
    assert permissions.check(user, "pathways.cancel_job", run).reason == "You started this run."


@pytest.mark.django_db
def test_a_refusal_in_another_place_names_both_places_and_the_role() -> None:
    """Rule: a reason says which place's people may act, and where the person stands."""
    leicestershire, rutland = PlaceFactory(name="Leicestershire"), PlaceFactory(name="Rutland")
    officer = person(Role.OFFICER, rutland)
    reason = permissions.check(officer, "pathways.set_preferred", leicestershire).reason
    assert reason == (
        "Only officers of Leicestershire, and administrators, may do this. "
        "You are an officer of Rutland."
    )
