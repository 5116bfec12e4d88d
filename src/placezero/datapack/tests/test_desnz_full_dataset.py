"""The DESNZ full local authority GHG dataset (by sector, sub-sector and gas): read when a
user puts it in the data directory; a file lacking a year or a sector is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from placezero.datapack.build_ghg import FULL_DATASET_FILE, require_every_year, sector_rows
from placezero.datapack.context import BuildContext
from placezero.datapack.definitions import PlaceDefinition
from placezero.datapack.errors import SourceDataError

FIXTURE = Path(__file__).parent / "fixtures" / "desnz-full-dataset-blaby.csv"


def _context(data_dir: Path) -> BuildContext:
    definition = PlaceDefinition("blaby", "Blaby", ("E07000129",), None, None, (), ())
    return BuildContext(definition, data_dir, {"E07000129": "Blaby"}, lambda _m: None)


def _data_dir(tmp_path: Path, text: str | None = None) -> Path:
    target = tmp_path / FULL_DATASET_FILE
    target.parent.mkdir(parents=True)
    if text is None:
        shutil.copy(FIXTURE, target)
    else:
        target.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_reader_sums_sub_sectors_and_gases_per_sector(tmp_path: Path):
    """Rule: territorial and within-scope totals per sector and year, every gas summed."""
    rows = {(r[2], r[4]): r[5] for r in sector_rows(_context(_data_dir(tmp_path)))}
    assert rows[("agriculture_territorial_ktco2e", 2023)] == pytest.approx(52.0)
    assert rows[("agriculture_scope_ktco2e", 2023)] == pytest.approx(2.0)
    assert rows[("industry_territorial_ktco2e", 2023)] == pytest.approx(120.0)
    assert rows[("lulucf_territorial_ktco2e", 2022)] == pytest.approx(-12.0)
    assert rows[("transport_scope_ktco2e", 2023)] == pytest.approx(70.0)
    assert len(rows) == 2 * 8 * 2  # two variables, eight sectors, two years


def test_without_the_file_the_reader_adds_nothing(tmp_path: Path):
    """Rule: the full dataset is optional; the build goes on without it."""
    assert sector_rows(_context(tmp_path)) == []


def test_a_file_missing_a_sector_is_refused_naming_file_and_sector(tmp_path: Path):
    """Rule: a year without one of the eight sectors is refused, naming the sector."""
    text = "".join(
        line for line in FIXTURE.read_text().splitlines(keepends=True) if ",Waste," not in line
    )
    with pytest.raises(SourceDataError) as caught:
        sector_rows(_context(_data_dir(tmp_path, text)))
    message = str(caught.value)
    assert FULL_DATASET_FILE in message and "Waste" in message and "LA GHG Sector" in message


def test_a_file_missing_a_year_is_refused_naming_the_year(tmp_path: Path):
    """Rule: an authority whose years have a hole is refused with the missing year."""
    with pytest.raises(SourceDataError, match=r"no row for E07000129 in 2021.*column 'year'|2021"):
        require_every_year({"E07000129": {2020, 2022}}, file="desnz/la-ghg-totals-2005-2023.csv")


def test_a_non_numeric_value_is_refused_naming_the_row(tmp_path: Path):
    """Rule: a value that is not a number names its row and column."""
    lines = FIXTURE.read_text().splitlines(keepends=True)
    lines[3] = lines[3].replace(",30.0,30.0,", ",n/a,30.0,")
    with pytest.raises(SourceDataError, match=r"row 4.*Territorial emissions"):
        sector_rows(_context(_data_dir(tmp_path, "".join(lines))))


def test_the_totals_file_lacking_a_year_fails_the_build(linked_data_dir: Path):
    """Rule: `place build` refuses a DESNZ totals file with a year missing for a district."""
    from placezero.datapack.build import build_pack
    from placezero.datapack.definitions import load_definition

    from .conftest import replace_file

    relative = "desnz/la-ghg-totals-2005-2023.csv"
    text = (linked_data_dir / relative).read_text(encoding="utf-8")
    kept = [
        line
        for line in text.splitlines(keepends=True)
        if not line.startswith("E07000129,Blaby,2021,")
    ]
    replace_file(linked_data_dir, relative, "".join(kept))
    with pytest.raises(SourceDataError) as caught:
        build_pack(load_definition("leicestershire"), linked_data_dir, linked_data_dir / "out")
    assert relative in str(caught.value) and "2021" in str(caught.value)
