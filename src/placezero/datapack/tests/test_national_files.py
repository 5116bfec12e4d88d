"""Reading each national file once for many builds: the packs are the same bytes as a
single build's, and inside `reading_once()` each CSV is parsed once however many places are
built."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from placezero.datapack import national_files, sources
from placezero.datapack.build import build_pack
from placezero.datapack.definitions import definition_from_lads


def test_packs_are_the_same_and_each_file_is_parsed_once(
    raw_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rutland = definition_from_lads(["E06000017"], data_dir=raw_data_dir)
    scilly = definition_from_lads(["E06000053"], data_dir=raw_data_dir)
    alone = build_pack(rutland, raw_data_dir, tmp_path / "alone")
    parsed: Counter[str] = Counter()
    real_parse = sources._parse

    def counting(path, relative, encoding, strip_headers):
        parsed[relative] += 1
        return real_parse(path, relative, encoding, strip_headers)

    monkeypatch.setattr(sources, "_parse", counting)
    with national_files.reading_once():
        together = build_pack(rutland, raw_data_dir, tmp_path / "together")
        build_pack(scilly, raw_data_dir, tmp_path / "together")
        assert national_files.active()
    assert not national_files.active()  # and nothing is kept after it
    assert parsed and max(parsed.values()) == 1, parsed.most_common(3)
    for path in sorted(alone.iterdir()):
        assert (together / path.name).read_bytes() == path.read_bytes(), path.name
