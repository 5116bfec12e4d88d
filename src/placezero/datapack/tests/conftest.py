"""Fixtures for the place pack tests: the committed packs, editable copies of them, and a
raw data directory made of links to the shared national files (so one file can be swapped
for a damaged copy without touching the originals)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from placezero.datapack.reader import PACKS_DIR, Pack, read_pack
from placezero.datapack.sources import DEFAULT_DATA_DIR


@pytest.fixture(scope="session")
def leicestershire_pack() -> Pack:
    return read_pack("leicestershire")


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    """An editable copy of the committed Leicestershire pack."""
    target = tmp_path / "leicestershire"
    shutil.copytree(PACKS_DIR / "leicestershire", target)
    return target


@pytest.fixture(scope="session")
def raw_data_dir() -> Path:
    if not (DEFAULT_DATA_DIR / "PROVENANCE.md").is_file():
        pytest.skip(f"raw national files not found in {DEFAULT_DATA_DIR} (PLACEZERO_DATA_DIR)")
    return DEFAULT_DATA_DIR


@pytest.fixture
def linked_data_dir(tmp_path: Path, raw_data_dir: Path) -> Path:
    """A data directory of symlinks to the raw files; replace one with `damage()`."""
    root = tmp_path / "data"
    for source in raw_data_dir.rglob("*"):
        if source.is_file():
            link = root / source.relative_to(raw_data_dir)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(source)
    return root


def replace_file(data_dir: Path, relative: str, text: str, encoding: str = "utf-8") -> None:
    """Swap one linked raw file for a real file holding `text`."""
    path = data_dir / relative
    path.unlink()
    path.write_text(text, encoding=encoding, newline="")


def edit_line(path: Path, line: int, old: str, new: str) -> None:
    """Replace `old` by `new` on one line (1-based) of a pack file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], f"{old!r} not on line {line} of {path.name}"
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
