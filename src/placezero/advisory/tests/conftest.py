"""Fixtures of the advisory tests: the demo repository on Leicestershire, and people."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.advisory.demo import load_demo
from placezero.advisory.models import Resource
from placezero.advisory.options import ResourceKind, ResourceStatus
from placezero.advisory.taxonomy import ensure_taxonomy
from placezero.api.tests.factories import PlaceFactory


@pytest.fixture
def demo(leicestershire: Any) -> Any:
    load_demo()
    return leicestershire


@pytest.fixture
def taxonomy(db: None) -> None:
    ensure_taxonomy()


@pytest.fixture
def other_place(db: None) -> Any:
    return PlaceFactory(slug="rutland-test", name="Rutland")


@pytest.fixture
def draft(leicestershire: Any, taxonomy: None) -> Resource:
    resource = Resource.objects.create(
        place=leicestershire,
        kind=ResourceKind.GUIDE,
        title="Draft guide to ground source heat",
        slug="draft-ground-source",
        summary="Not yet published.",
        status=ResourceStatus.DRAFT,
    )
    resource.topics.set([])
    return resource


@pytest.fixture
def people(leicestershire: Any, other_place: Any) -> dict[str, Any]:
    """One person of each role that matters, by name."""
    return {
        "anonymous": None,
        "resident": UserFactory(role=Role.RESIDENT),
        "member": UserFactory(role=Role.MEMBER, place=leicestershire),
        "editor": UserFactory(role=Role.PARTNER_EDITOR, place=leicestershire),
        "editor_elsewhere": UserFactory(role=Role.PARTNER_EDITOR, place=other_place),
        "officer": UserFactory(role=Role.OFFICER, place=leicestershire),
        "officer_elsewhere": UserFactory(role=Role.OFFICER, place=other_place),
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
    }


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
