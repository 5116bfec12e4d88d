"""Reading the API is a registered permission; a refusal is a 403 with its reason."""

from __future__ import annotations

import pytest

from placezero.accounts import permissions
from placezero.accounts.permissions import Verdict


def test_api_read_is_registered_for_everyone(db):
    from django.contrib.auth.models import AnonymousUser

    assert permissions.check(AnonymousUser(), "api.read").allowed


@pytest.fixture
def api_read_refused():
    original = permissions.registered()["api.read"]
    permissions.unregister("api.read")
    permissions.register("api.read", lambda user, obj: Verdict(False, "The API is closed."))
    yield
    permissions.unregister("api.read")
    permissions.register(original.name, original.rule, original.description)


def test_refused_read_is_403_with_the_reason(client, small_place, api_read_refused):
    response = client.get("/api/places")
    assert response.status_code == 403
    assert response.json() == {"detail": "The API is closed."}
