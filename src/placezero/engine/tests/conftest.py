"""Shared fixtures for the engine tests: pure pytest, no database."""

from __future__ import annotations

import pytest

from placezero.engine.assumptions import Assumptions, load_assumptions
from placezero.engine.inputs import PlaceInputs, synthetic_inputs


@pytest.fixture(scope="session")
def assumptions() -> Assumptions:
    return load_assumptions()


@pytest.fixture(scope="session")
def synthetic() -> PlaceInputs:
    return synthetic_inputs(40, seed=7, n_districts=3)


@pytest.fixture(scope="session")
def pack():
    from placezero.datapack.reader import read_pack

    return read_pack("leicestershire")


@pytest.fixture(scope="session")
def leicestershire(pack) -> PlaceInputs:
    from placezero.engine.pack_inputs import build_inputs

    return build_inputs(pack)
