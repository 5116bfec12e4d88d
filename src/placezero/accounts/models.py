"""People, the organisations they belong to, and the role each person holds.

A person's `role` is the single source of truth for what they may do (see `permissions.py`).
Django's own `is_staff` and `is_superuser` flags are *derived* from it on every save, so
Django admin follows the role and nobody can hold admin rights the role does not give:

- officer → `is_staff` (may open Django admin; sees records read-only, see `backends.py`);
- administrator → `is_staff` and `is_superuser` (full Django admin);
- every other role → neither.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from simple_history.models import HistoricalRecords

from .options import OrganisationKind, Role

# `user.has_perm("placezero:places.edit_targets")` asks the role permission registry.
PERMISSION_PREFIX = "placezero:"


def role_rank(role: str) -> int:
    """1 for a registered resident up to 5 for an administrator (0 is kept for the public)."""
    return Role.values.index(role) + 1


class PlacezeroUserManager(UserManager["User"]):
    use_in_migrations = True

    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra: Any
    ) -> User:
        # `createsuperuser` must give the administrator role, or the derived flags would
        # take the superuser rights straight back on save.
        extra.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra)


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.RESIDENT)
    is_demo = models.BooleanField(
        default=False, help_text="a made-up demonstration account, not a real person"
    )

    objects = PlacezeroUserManager()

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def rank(self) -> int:
        return role_rank(self.role)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.is_staff = self.rank >= role_rank(Role.OFFICER)
        self.is_superuser = self.role == Role.ADMINISTRATOR
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "role" in update_fields:
            kwargs["update_fields"] = {*update_fields, "is_staff", "is_superuser"}
        super().save(*args, **kwargs)

    def has_perm(self, perm: str, obj: object | None = None) -> bool:
        # Django answers True to any permission for an active superuser without asking the
        # backends; placezero permissions must give the same answer as `permissions.check`,
        # so they always go to the backends.
        if perm.startswith(PERMISSION_PREFIX):
            from django.contrib.auth.models import _user_has_perm

            return _user_has_perm(self, perm, obj)
        return super().has_perm(perm, obj)


class Organisation(models.Model):
    place = models.ForeignKey(
        "places.Place",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    area_code = models.CharField(
        max_length=9, blank=True, help_text="GSS code of the area the organisation serves"
    )
    website = models.URLField(blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="made up for the demonstration; not a real record"
    )

    # The shared history (placezero.activity). People themselves (User) are not tracked:
    # their history would copy password hashes and email addresses into another table.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="organisation_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    job_title = models.CharField(max_length=200, blank=True)
    is_editor = models.BooleanField(
        default=False, help_text="may edit the organisation's records on its behalf"
    )
    is_demo = models.BooleanField(
        default=False, help_text="made up for the demonstration; not a real membership"
    )

    # Who joined, left or became an editor of an organisation, and when.
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation}"


class SignInFailure(models.Model):
    """Failed sign-ins under one username, for the lockout (`accounts.lockout`).

    Kept for any username tried, whether or not an account has it, so the lockout says
    nothing about which accounts exist. Holds no password and no address."""

    username_key = models.CharField(max_length=150, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.username_key}: {self.failures} failed sign-in(s)"
