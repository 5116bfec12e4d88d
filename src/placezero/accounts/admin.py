"""Django admin for people, organisations and memberships.

The role is shown and edited here; `is_staff` and `is_superuser` are read-only because they
follow the role on save (accounts.models). Officers see admin read-only (accounts.backends);
administrators change everything."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation", "user"]
    fields = ["organisation", "user", "job_title", "is_editor", "is_demo"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "get_full_name", "email", "role", "is_active", "is_demo"]
    list_filter = ["role", "is_active", "is_demo"]
    search_fields = ["username", "first_name", "last_name", "email"]
    readonly_fields = ["is_staff", "is_superuser", "last_login", "date_joined"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Personal details", {"fields": ["first_name", "last_name", "email"]}),
        (
            "Role",
            {
                "fields": ["role", "is_active", "is_demo", "is_staff", "is_superuser"],
                "description": (
                    "The role decides what this person may do. Staff and superuser status "
                    "follow it when you save: officers are staff (read-only admin), "
                    "administrators are superusers."
                ),
            },
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "email", "role"]}),
        ("Password", {"fields": ["usable_password", "password1", "password2"]}),
    ]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "area_code", "place", "is_demo"]
    list_filter = ["kind", "place", "is_demo"]
    search_fields = ["name", "area_code"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "job_title", "is_editor", "is_demo"]
    list_filter = ["is_editor", "is_demo", "organisation__kind"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
