"""Role by permission: what each role may do, for every registered permission.

A permission registered without a row here fails `test_every_permission_has_a_row`, so
nobody adds a permission without deciding, in one reviewed table, who holds it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.accounts import permissions
from placezero.accounts.options import Role

from .factories import UserFactory

PUBLIC = "public"
ROLES = [PUBLIC, *Role.values]  # lowest first

Y, N = True, False
# permission:              public resident member editor officer admin
EXPECTED: dict[str, tuple[bool, bool, bool, bool, bool, bool]] = {
    "web.view_public":          (Y, Y, Y, Y, Y, Y),
    "places.view_statistics":   (Y, Y, Y, Y, Y, Y),
    "api.read":                 (Y, Y, Y, Y, Y, Y),
    "accounts.view_own_account": (N, Y, Y, Y, Y, Y),
    "places.edit_targets":      (N, N, N, N, Y, Y),
    "admin.access":             (N, N, N, N, Y, Y),
    "accounts.manage_users":    (N, N, N, N, N, Y),
    "pathways.view":            (Y, Y, Y, Y, Y, Y),
    "pathways.play":            (Y, Y, Y, Y, Y, Y),
    "pathways.edit_scenarios":  (N, N, N, Y, Y, Y),
    "pathways.set_preferred":   (N, N, N, N, Y, Y),
    "pathways.run_jobs":        (N, N, N, Y, Y, Y),
    # Without a job: officers only; the person who started a job may cancel it too.
    "pathways.cancel_job":      (N, N, N, N, Y, Y),
}  # fmt: skip

CASES = [
    pytest.param(name, role, row[index], id=f"{name}-{role}")
    for name, row in EXPECTED.items()
    for index, role in enumerate(ROLES)
]


def person(role: str):
    return AnonymousUser() if role == PUBLIC else UserFactory(role=role)


def test_every_permission_has_a_row() -> None:
    assert set(permissions.registered()) == set(EXPECTED)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "allowed"), CASES)
def test_permission_check(name: str, role: str, allowed: bool) -> None:
    verdict = permissions.check(person(role), name)
    assert verdict.allowed is allowed, verdict.reason


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "allowed"), CASES)
def test_django_has_perm_agrees(name: str, role: str, allowed: bool) -> None:
    assert person(role).has_perm(f"placezero:{name}") is allowed
