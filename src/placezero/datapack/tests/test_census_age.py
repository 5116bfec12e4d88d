"""Census 2021 residents by age (TS007A, or TS007): read when a user puts the official MSOA
file in the data directory, summed into citizen landscaping's age bands and moved onto the
2011 zones; without the file the build adds nothing (the shipped census folder has none)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from placezero.datapack.build_census_age import AGE_FILES, age_columns, age_zone_rows
from placezero.datapack.context import BuildContext
from placezero.datapack.definitions import PlaceDefinition
from placezero.datapack.errors import SourceDataError
from placezero.datapack.schema import CENSUS_AGE_VARIABLES, EXPECTED_UNITS

FIXTURE = Path(__file__).parent / "fixtures" / "census2021-ts007a-msoa.csv"
# E02005340 stayed itself (U); E02005341 was formed from two 2011 MSOAs (M).
LOOKUP = [
    {"MSOA11CD": "E02005340", "MSOA21CD": "E02005340"},
    {"MSOA11CD": "E02005341", "MSOA21CD": "E02005341"},
    {"MSOA11CD": "E02005342", "MSOA21CD": "E02005341"},
]
WEIGHTS = {"E02005340": 1.0, "E02005341": 3.0, "E02005342": 1.0}


def _context(data_dir: Path) -> BuildContext:
    definition = PlaceDefinition("blaby", "Blaby", ("E07000129",), None, None, (), ())
    return BuildContext(definition, data_dir, {"E07000129": "Blaby"}, lambda _m: None)


def _data_dir(tmp_path: Path, text: str | None = None) -> Path:
    target = tmp_path / AGE_FILES[0]
    target.parent.mkdir(parents=True)
    if text is None:
        shutil.copy(FIXTURE, target)
    else:
        target.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_reader_sums_five_year_bands_into_the_consultation_bands(tmp_path: Path):
    """Rule: 16-24 takes four fifths of 15-19 and all of 20-24; under-16s are left out;
    a 2021 MSOA formed from two 2011 MSOAs is shared by the weights; provenance noted."""
    ctx = _context(_data_dir(tmp_path))
    rows = {(r[0], r[2]): r[5] for r in age_zone_rows(ctx, LOOKUP, WEIGHTS)}
    assert rows[("E02005340", "age_16_24_persons")] == pytest.approx(0.8 * 50 + 60)
    assert rows[("E02005340", "age_25_34_persons")] == pytest.approx(150)
    assert rows[("E02005340", "age_35_49_persons")] == pytest.approx(30)
    assert rows[("E02005340", "age_50_64_persons")] == pytest.approx(60)
    assert rows[("E02005340", "age_65_74_persons")] == pytest.approx(60)
    assert rows[("E02005340", "age_75_plus_persons")] == pytest.approx(20)
    assert rows[("E02005341", "age_75_plus_persons")] == pytest.approx(0.75 * 30)
    assert rows[("E02005342", "age_75_plus_persons")] == pytest.approx(0.25 * 30)
    assert not any(code == "E02000001" for code, _ in rows)  # outside the place
    assert {v for _, v in rows} == set(CENSUS_AGE_VARIABLES)
    assert all(EXPECTED_UNITS[("census-2021-age", v)] == "persons" for v in CENSUS_AGE_VARIABLES)
    note = ctx.notes["census-2021-age"]
    assert note["raw_files"] == [AGE_FILES[0]] and "TS007A" in note["method"]


def test_without_the_file_the_reader_adds_nothing(tmp_path: Path):
    """Rule: the age table is optional; the build goes on without it (so the committed
    packs, built from a census folder without it, stay as they are)."""
    ctx = _context(tmp_path)
    assert age_zone_rows(ctx, LOOKUP, WEIGHTS) == []
    assert "census-2021-age" not in ctx.notes


def test_single_years_nested_under_bands_are_counted_once():
    """Rule: TS007 nests single years under five-year bands; only the leaves count."""
    under_5 = "Age: Aged 4 years and under"
    header = [
        "geography code", "Age: Total", under_5, f"{under_5}: Aged under 1 year",
        *[f"{under_5}: Aged {a} year" for a in range(1, 5)],
        *[f"Age: Aged {a} years" for a in range(5, 100)], "Age: Aged 100 years and over",
    ]  # fmt: skip
    columns = age_columns(header, "census2021/census2021-ts007-msoa.csv")
    assert "Age: Aged 4 years and under" not in columns and len(columns) == 101


def test_a_file_with_a_band_missing_is_refused_naming_the_gap(tmp_path: Path):
    """Rule: age columns that leave an age out are refused, saying which age."""
    lines = FIXTURE.read_text().splitlines()
    cut = [",".join(c for i, c in enumerate(line.split(",")) if i != 8) for line in lines]
    with pytest.raises(SourceDataError, match=r"starting at 20, found 25") as caught:
        age_zone_rows(_context(_data_dir(tmp_path, "\n".join(cut) + "\n")), LOOKUP, WEIGHTS)
    assert AGE_FILES[0] in str(caught.value)
