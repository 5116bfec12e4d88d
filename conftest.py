"""Fixtures shared by every app's tests.

The committed Leicestershire place pack is loaded once into each test database (one per
xdist worker), right after pytest-django creates it, so tests that use the database find the
real place without paying for a load each. Tests that never touch the database never trigger
it: `django_db_setup` only runs for tests that ask for a database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from pytest_django import DjangoDbBlocker

if TYPE_CHECKING:
    from placezero.places.models import Place

LEICESTERSHIRE = "leicestershire"


def _load_committed_pack() -> None:
    from placezero.datapack.reader import read_pack
    from placezero.places.loader import load_pack

    load_pack(read_pack(LEICESTERSHIRE))


def _committed_pack_exists() -> bool:
    from placezero.places.loader import committed_pack_dir

    return (committed_pack_dir(LEICESTERSHIRE) / "manifest.json").is_file()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> None:
    """pytest-django's test database, with the committed Leicestershire pack loaded."""
    if not _committed_pack_exists():
        # Tests that need the place fail through the `leicestershire` fixture with a clear
        # message; the rest of the suite can still run.
        return
    with django_db_blocker.unblock():
        _load_committed_pack()


def _require_place() -> Place:
    from placezero.places import services

    if not _committed_pack_exists():
        pytest.fail(
            "The committed Leicestershire place pack is missing from src/placezero/packs/"
            "leicestershire. Rebuild it with `make pack` (needs ../shared/data)."
        )
    return services.get_place(LEICESTERSHIRE)


@pytest.fixture
def leicestershire(db: None) -> Place:
    """The Leicestershire place, loaded from the committed pack (rolled back per test)."""
    return _require_place()


@pytest.fixture
def leicestershire_committed(transactional_db: None) -> Iterator[Place]:
    """Leicestershire for tests whose data must be committed (live_server, browser tests).

    Those tests run on a transactional database that pytest-django flushes after each test,
    which removes the session-wide load, so this fixture loads the pack again."""
    if _committed_pack_exists():
        _load_committed_pack()
    yield _require_place()
