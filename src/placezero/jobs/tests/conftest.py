"""Fixtures of the jobs tests: the counting kind, people, and quick heartbeats."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.jobs import JobKindSpec

from . import kinds


@pytest.fixture
def counting() -> Iterator[JobKindSpec]:
    yield from kinds.installed()


@pytest.fixture
def partner(db: None) -> Any:
    return UserFactory(role=Role.PARTNER_EDITOR)


@pytest.fixture
def officer(db: None) -> Any:
    return UserFactory(role=Role.OFFICER)


@pytest.fixture
def quick_heartbeats(settings: Any) -> None:
    """Beats every 0.2 s, a worker taken for dead after 2 s silent (ten beats: room for a
    busy machine), hardly a pause when idle."""
    settings.JOBS_HEARTBEAT_S = 0.2
    settings.JOBS_WORKER_TIMEOUT_S = 2.0
    settings.JOBS_POLL_S = 0.05
    settings.JOBS_PROGRESS_INTERVAL_S = 0.0
