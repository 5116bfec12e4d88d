"""The builder refuses bad input with a message naming the file, row and column, and never
leaves a half-written pack behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from placezero.datapack import build
from placezero.datapack.build import build_pack
from placezero.datapack.definitions import definition_from_lads, load_definition
from placezero.datapack.errors import SourceDataError

from .conftest import replace_file

GHG = "desnz/la-ghg-totals-2005-2023.csv"
POPULATION = "population/la-population-2011-2024.csv"


def test_an_unknown_gss_code_names_the_code_and_where_valid_codes_are(raw_data_dir: Path) -> None:
    with pytest.raises(SourceDataError) as caught:
        definition_from_lads(["E07000134", "E07999999"], data_dir=raw_data_dir)
    message = str(caught.value)
    assert "'E07999999'" in message
    assert "lad_code column" in message


def test_a_county_code_among_districts_is_refused(raw_data_dir: Path) -> None:
    """Alone a county code stands for its districts (test_authorities); mixed, it is refused."""
    with pytest.raises(SourceDataError, match="give one county code on its own"):
        definition_from_lads(["E10000018", "E07000134"], data_dir=raw_data_dir)


def test_names_come_from_the_national_files(raw_data_dir: Path) -> None:
    definition = definition_from_lads(["E06000017"], data_dir=raw_data_dir)
    assert (definition.slug, definition.name) == ("rutland", "Rutland")


def test_a_raw_csv_missing_a_column_is_named(linked_data_dir: Path, tmp_path: Path) -> None:
    original = (linked_data_dir / GHG).read_text(encoding="utf-8")
    damaged = original.replace("territorial_emissions_ktco2e", "territorial_ktco2e", 1)
    replace_file(linked_data_dir, GHG, damaged)
    with pytest.raises(SourceDataError) as caught:
        build_pack(load_definition("rutland"), linked_data_dir, tmp_path / "out")
    assert str(caught.value).startswith(
        f"{GHG}, row 1, column 'territorial_emissions_ktco2e': expected a column named"
    )


def test_a_raw_csv_cut_mid_line_names_the_row(linked_data_dir: Path, tmp_path: Path) -> None:
    lines = (linked_data_dir / POPULATION).read_text(encoding="utf-8").split("\n")
    cut = "\n".join(lines[:100]) + "\n" + lines[100][:12]
    replace_file(linked_data_dir, POPULATION, cut)
    with pytest.raises(SourceDataError, match=rf"{POPULATION}, row 101: expected 4 fields"):
        build_pack(load_definition("rutland"), linked_data_dir, tmp_path / "out")


def test_a_raw_csv_cut_at_a_line_end_is_found_incomplete(
    linked_data_dir: Path, tmp_path: Path
) -> None:
    """Rows for Rutland (E06000017) come early in the file: cut before them, it is missing."""
    lines = (linked_data_dir / POPULATION).read_text(encoding="utf-8").split("\n")
    replace_file(linked_data_dir, POPULATION, "\n".join(lines[:50]) + "\n")
    with pytest.raises(SourceDataError, match=rf"{POPULATION}: no rows for E06000017"):
        build_pack(load_definition("rutland"), linked_data_dir, tmp_path / "out")


def test_a_build_failing_while_writing_leaves_nothing_behind(
    raw_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files are written to a temporary folder first; a failure removes it."""

    def fail_after_files_written(*_args: object) -> dict:
        raise OSError("disk full")

    monkeypatch.setattr(build, "_manifest", fail_after_files_written)
    out = tmp_path / "out"
    with pytest.raises(OSError, match="disk full"):
        build.build_pack(load_definition("rutland"), raw_data_dir, out)
    assert list(out.iterdir()) == []


def test_a_failed_rebuild_keeps_the_previous_pack(linked_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built = build_pack(load_definition("rutland"), linked_data_dir, out)
    before = {p.name: p.read_bytes() for p in built.iterdir()}
    replace_file(linked_data_dir, POPULATION, "lad_code,lad_name,year\n")
    with pytest.raises(SourceDataError):
        build_pack(load_definition("rutland"), linked_data_dir, out)
    assert {p.name: p.read_bytes() for p in built.iterdir()} == before
    assert [p.name for p in out.iterdir()] == ["rutland"]


def test_a_missing_raw_file_says_to_download_it(linked_data_dir: Path, tmp_path: Path) -> None:
    (linked_data_dir / "green-book/carbon-values-2020-2050.csv").unlink()
    with pytest.raises(SourceDataError, match=r"carbon-values-2020-2050.csv: raw file not found"):
        build_pack(load_definition("rutland"), linked_data_dir, tmp_path / "out")
