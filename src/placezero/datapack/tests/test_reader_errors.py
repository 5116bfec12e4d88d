"""The reader refuses a damaged pack and says where: file, row (line number) and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from placezero.datapack.errors import PackError
from placezero.datapack.reader import read_pack

from .conftest import edit_line

STATS = "area_statistics.csv"


def test_a_wrong_unit_is_refused_naming_file_row_and_column(pack_copy: Path) -> None:
    path = pack_copy / STATS
    line = _line_of(path, "E07000134,desnz-la-ghg,territorial_emissions_ktco2e,,2023,")
    edit_line(path, line, "kt CO2e", "Mt CO2e")
    with pytest.raises(PackError) as caught:
        read_pack(pack_copy)
    message = str(caught.value)
    assert message.startswith(f"{STATS}, row {line}, column 'unit': expected 'kt CO2e'")
    assert "found 'Mt CO2e'" in message
    assert "placezero place build" in message


def test_an_unknown_area_code_is_refused(pack_copy: Path) -> None:
    edit_line(pack_copy / STATS, 5, "E06000016", "E06000099")
    with pytest.raises(PackError, match=rf"{STATS}, row 5, column 'area_code': code 'E06000099'"):
        read_pack(pack_copy)


def test_an_unknown_zone_code_is_refused(pack_copy: Path) -> None:
    path = pack_copy / "zone_statistics.csv"
    code = path.read_text().split("\n")[1].split(",")[0]
    edit_line(path, 2, code, "E02999999")
    with pytest.raises(PackError, match=r"zone_statistics.csv, row 2, column 'zone_code'"):
        read_pack(pack_copy)


def test_bad_quoting_is_refused_naming_the_row(pack_copy: Path) -> None:
    edit_line(pack_copy / STATS, 7, "census-2021", '"census-2021"x')
    with pytest.raises(PackError, match=rf"{STATS}, row 7: malformed CSV"):
        read_pack(pack_copy)


def test_a_ragged_row_is_refused_naming_the_row(pack_copy: Path) -> None:
    edit_line(pack_copy / STATS, 9, ",households", "")
    with pytest.raises(PackError, match=rf"{STATS}, row 9: expected 7 fields, found 6"):
        read_pack(pack_copy)


def test_a_file_cut_mid_line_is_reported_as_truncated(pack_copy: Path) -> None:
    path = pack_copy / STATS
    content = path.read_bytes()
    cut = content[: len(content) // 2]
    cut = cut[: cut.rfind(b"\n") + 12]  # stop 11 characters into a line
    path.write_bytes(cut)
    expected_row = cut.count(b"\n") + 1
    with pytest.raises(PackError, match=rf"{STATS}, row {expected_row}: .*truncated"):
        read_pack(pack_copy)


def test_a_file_cut_at_a_line_end_fails_the_digest_check(pack_copy: Path) -> None:
    path = pack_copy / STATS
    content = path.read_bytes()
    path.write_bytes(content[: content.rfind(b"\n", 0, len(content) // 2) + 1])
    with pytest.raises(PackError, match=rf"{STATS}: sha256 .* does not match the manifest"):
        read_pack(pack_copy)


def test_a_changed_value_fails_the_digest_check_and_asks_for_a_rebuild(pack_copy: Path) -> None:
    path = pack_copy / STATS
    line = _line_of(path, "E07000134,desnz-la-ghg,territorial_emissions_ktco2e,,2023,")
    edit_line(path, line, "915.961", "815.961")
    with pytest.raises(PackError, match=r"Rebuild the pack with `placezero place build`"):
        read_pack(pack_copy)


def test_a_missing_column_is_refused(pack_copy: Path) -> None:
    edit_line(pack_copy / STATS, 1, ",scenario", ",scenery")
    with pytest.raises(PackError, match=rf"{STATS}, row 1: header .*missing column\(s\) scenario"):
        read_pack(pack_copy)


def test_a_value_that_is_not_a_number_is_refused(pack_copy: Path) -> None:
    path = pack_copy / STATS
    line = _line_of(path, "E07000134,desnz-la-ghg,territorial_emissions_ktco2e,,2023,")
    edit_line(path, line, "915.961", "n/a")
    with pytest.raises(PackError, match=rf"row {line}, column 'value': expected a number"):
        read_pack(pack_copy)


def test_a_year_that_is_not_whole_is_refused(pack_copy: Path) -> None:
    edit_line(pack_copy / STATS, 3, ",2021,", ",2021.5,")
    with pytest.raises(PackError, match=rf"{STATS}, row 3, column 'year'"):
        read_pack(pack_copy)


def test_a_manifest_missing_a_file_entry_is_refused(pack_copy: Path) -> None:
    manifest = json.loads((pack_copy / "manifest.json").read_text())
    del manifest["files"]["substations.csv"]
    (pack_copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(PackError, match=r"manifest.json: 'files' does not list substations.csv"):
        read_pack(pack_copy)


def test_an_unknown_slug_says_how_to_build_it() -> None:
    with pytest.raises(PackError, match=r"no place pack 'atlantis'.*placezero place build"):
        read_pack("atlantis")


def _line_of(path: Path, prefix: str) -> int:
    for number, line in enumerate(path.read_text().split("\n"), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(f"{prefix!r} not in {path.name}")
