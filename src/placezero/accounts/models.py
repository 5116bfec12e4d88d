"""People, the organisations they belong to, and the role each person holds."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from .options import OrganisationKind, Role


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.RESIDENT)

    class Meta:
        ordering = ["username"]


class Organisation(models.Model):
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.SET_NULL, related_name="organisations"
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

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership")
        ]
