"""A full build from the shared national files (slow: a few seconds per pack)."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from placezero.datapack.build import build_pack
from placezero.datapack.definitions import load_definition
from placezero.datapack.reader import PACKS_DIR, read_pack

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("slug", ["leicestershire", "rutland"])
def test_a_fresh_build_is_byte_identical_to_the_committed_pack(
    slug: str, raw_data_dir: Path, tmp_path: Path
) -> None:
    """Same input, same bytes: the build is deterministic and the committed pack is current."""
    built = build_pack(load_definition(slug), raw_data_dir, tmp_path)
    committed = PACKS_DIR / slug
    names = sorted(p.name for p in committed.iterdir())
    assert sorted(p.name for p in built.iterdir()) == names
    _match, mismatch, errors = filecmp.cmpfiles(committed, built, names, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_leicestershire_pack_stays_compact(raw_data_dir: Path, tmp_path: Path) -> None:
    built = build_pack(load_definition("leicestershire"), raw_data_dir, tmp_path)
    size = sum(p.stat().st_size for p in built.iterdir())
    assert size < 8_000_000
    assert read_pack(built).digest == read_pack("leicestershire").digest
