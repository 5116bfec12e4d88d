"""Fixtures of the activity tests: a kind of notification, and people."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.activity import NotificationKind, register_notification_kind
from placezero.activity.registry import unregister_notification_kind

KIND = "activity.test_reminder"


@pytest.fixture
def kind() -> Iterator[NotificationKind]:
    spec = register_notification_kind(
        NotificationKind(
            key=KIND, label="A test reminder", description="When the tests remind you."
        )
    )
    yield spec
    unregister_notification_kind(KIND)


@pytest.fixture
def alice(db: None) -> Any:
    return UserFactory(role=Role.PARTNER_EDITOR, first_name="Alice", email="alice@example.org")


@pytest.fixture
def bob(db: None) -> Any:
    return UserFactory(role=Role.PARTNER_EDITOR, first_name="Bob", email="bob@example.org")
