"""`{% load permissions %}{% can "places.edit_targets" target as allowed %}`.

Answers exactly as `placezero.accounts.permissions.has` for the signed-in user (or the
public visitor); an unknown permission name raises, so a typo shows up at once."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from placezero.accounts import permissions

register = template.Library()


def _user(context: template.Context) -> Any:
    request = context.get("request")
    return getattr(request, "user", None) or context.get("user") or AnonymousUser()


@register.simple_tag(takes_context=True)
def can(context: template.Context, permission: str, obj: Any = None) -> bool:
    return permissions.has(_user(context), permission, obj)


@register.simple_tag(takes_context=True)
def why_not(context: template.Context, permission: str, obj: Any = None) -> str:
    """The reason behind the verdict, e.g. as a hint beside an action someone may not take."""
    return permissions.check(_user(context), permission, obj).reason
