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


def test_each_gsp_counts_the_nged_primaries_inside_it(raw_data_dir: Path) -> None:
    """The denominator the engine shares a GSP's FES peak by: every NGED primary in the
    national file whose location lies in the GSP polygon, also outside the place."""
    import csv

    from placezero.datapack.geometry import contains

    pack = read_pack("rutland")
    with (raw_data_dir / "nged" / "substation_locations_raw_NGED.csv").open(newline="") as f:
        primaries = [
            (float(r["Longitude"]), float(r["Latitude"]))
            for r in csv.DictReader(f)
            if r["Substation Type"] == "Primary Substation"
        ]
    for feature in pack.gsp_geojson["features"]:
        inside = sum(contains(feature["geometry"], lon, lat) for lon, lat in primaries)
        assert feature["properties"]["nged_primaries"] == inside > len(pack.substations)
