"""Place definitions shipped with the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from placezero.datapack.definitions import load_definition
from placezero.datapack.errors import PackError


def test_leicestershire_is_the_county_its_seven_districts_and_leicester() -> None:
    definition = load_definition("leicestershire")
    assert definition.county == "E10000018"
    assert definition.lads == tuple(f"E07000{n}" for n in range(129, 136))
    assert definition.neighbours == ("E06000016",)


def test_an_undated_target_is_flagged_as_assumed_with_its_reason() -> None:
    definition = load_definition("leicestershire")
    own = next(t for t in definition.targets if t["scope"] == "own-operations")
    first = own["history"][0]
    assert (first["net_zero_year"], first["date_precision"]) == (2030, "assumed")
    assert "no date" in first["assumption"]


def test_an_unknown_definition_lists_the_known_ones() -> None:
    with pytest.raises(PackError, match=r"no place definition 'atlantis'.*leicestershire, rutland"):
        load_definition("atlantis")


def test_a_definition_with_a_bad_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("slug: bad\nname: Bad\nlads: [E7000134]\n")
    with pytest.raises(PackError, match=r"bad.yaml: 'E7000134' is not a GSS code"):
        load_definition(path)
