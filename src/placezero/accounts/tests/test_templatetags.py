"""`{% can %}` answers in templates exactly as the registry does."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from placezero.accounts.options import Role
from placezero.accounts.permissions import UnknownPermission

from .factories import UserFactory

TEMPLATE = (
    '{% load permissions %}{% can "admin.access" as allowed %}'
    "{% if allowed %}edit{% else %}{% why_not 'admin.access' %}{% endif %}"
)


def render(user: object, source: str = TEMPLATE) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template(source).render(Context({"request": request}))


@pytest.mark.django_db
def test_can_is_true_for_a_role_that_holds_the_permission() -> None:
    assert render(UserFactory(role=Role.OFFICER)) == "edit"


def test_can_is_false_for_the_public_and_why_not_gives_the_reason() -> None:
    assert "You need to sign in" in render(AnonymousUser())


def test_can_with_an_unknown_permission_raises() -> None:
    with pytest.raises(UnknownPermission):
        render(AnonymousUser(), '{% load permissions %}{% can "places.nope" as x %}')
