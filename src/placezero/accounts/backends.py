"""Django's permission API answered by placezero's roles.

`user.has_perm("placezero:places.edit_targets", obj)` gives exactly what
`permissions.check(user, "places.edit_targets", obj)` gives (an unknown name raises).

Django admin: officers are staff (see `models.User.save`) and this backend grants them the
*view* permission on every model except people's accounts, so they can open admin and look
records up but not change them. Accounts hold personal data (email, last sign-in) that an
officer does not need to see (UK GDPR data minimisation); administrators manage accounts
(`accounts.manage_users`). Administrators are superusers and Django grants them everything.
Other Django model permissions still come from groups and user permissions (`ModelBackend`).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from . import permissions
from .models import PERMISSION_PREFIX
from .options import Role

OFFICER_RANK = Role.values.index(Role.OFFICER) + 1
# Django model permissions officers do not get, though they are view permissions.
HIDDEN_FROM_OFFICERS = frozenset({"accounts.view_user"})


class RolePermissionBackend(BaseBackend):
    """Answers permissions only; it never authenticates anyone."""

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def has_perm(self, user_obj: Any, perm: str, obj: object | None = None) -> bool:
        if perm.startswith(PERMISSION_PREFIX):
            return permissions.has(user_obj, perm.removeprefix(PERMISSION_PREFIX), obj)
        return self._officer_may_view(user_obj, perm)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return permissions.rank_of(user_obj) >= OFFICER_RANK

    def get_all_permissions(self, user_obj: Any, obj: object | None = None) -> set[str]:
        # Listing every placezero permission a user holds, so templates using `perms` and
        # `get_all_permissions()` agree with `has_perm`.
        return {
            PERMISSION_PREFIX + name
            for name in permissions.registered()
            if permissions.has(user_obj, name, obj)
        }

    @staticmethod
    def _officer_may_view(user_obj: Any, perm: str) -> bool:
        _, _, codename = perm.partition(".")
        return (
            codename.startswith("view_")
            and perm not in HIDDEN_FROM_OFFICERS
            and permissions.rank_of(user_obj) >= OFFICER_RANK
        )
