"""Django's staff and superuser flags follow the role (accounts.models.User.save)."""

from __future__ import annotations

import pytest

from placezero.accounts.models import User
from placezero.accounts.options import Role

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "staff", "superuser"),
    [
        (Role.RESIDENT, False, False),
        (Role.MEMBER, False, False),
        (Role.PARTNER_EDITOR, False, False),
        (Role.OFFICER, True, False),
        (Role.ADMINISTRATOR, True, True),
    ],
)
def test_admin_flags_follow_the_role(role: Role, staff: bool, superuser: bool) -> None:
    user = UserFactory(role=role)
    user.refresh_from_db()
    assert (user.is_staff, user.is_superuser) == (staff, superuser)


def test_flags_set_by_hand_are_overridden_on_save() -> None:
    user = UserFactory(role=Role.RESIDENT)
    user.is_superuser = user.is_staff = True
    user.save()
    user.refresh_from_db()
    assert not user.is_superuser and not user.is_staff


def test_saving_only_the_role_also_saves_the_flags() -> None:
    user = UserFactory(role=Role.ADMINISTRATOR)
    user.role = Role.RESIDENT
    user.save(update_fields=["role"])
    user.refresh_from_db()
    assert not user.is_superuser


def test_createsuperuser_makes_an_administrator() -> None:
    user = User.objects.create_superuser("root", "root@example.invalid", "x-long-password-1")
    assert user.role == Role.ADMINISTRATOR and user.is_superuser
