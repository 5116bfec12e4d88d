"""Bad packs are refused with a message naming file, row and column, and change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from placezero.datapack.errors import PackError
from placezero.places import loader
from placezero.places.loader import read_and_load
from placezero.places.models import (
    Area,
    AreaStatistic,
    Dataset,
    Place,
    PlaceLoad,
    RenewableSite,
    TargetVersion,
    Zone,
    ZoneStatistic,
)

from .packs import DISTRICT_A, GHG, NEIGHBOUR, TERRITORIAL, PackSpec, reseal

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, list[tuple]]:
    """Every row the loader writes, without the ids a replace may renumber.

    Covers every place, so the Leicestershire rows the root conftest loaded count too."""
    return {
        "places": sorted(Place.objects.values_list("slug", "name", "pack_digest")),
        "areas": sorted(Area.objects.values_list("place__slug", "code", "name", "parent__code")),
        "zones": sorted(Zone.objects.values_list("place__slug", "code", "area__code", "name")),
        "datasets": sorted(Dataset.objects.values_list("place__slug", "key", "title")),
        "area_statistics": sorted(
            AreaStatistic.objects.values_list(
                "area__place__slug",
                "area__code",
                "dataset__key",
                "variable",
                "scenario",
                "year",
                "value",
            )
        ),
        "zone_statistics": sorted(
            ZoneStatistic.objects.values_list(
                "zone__place__slug",
                "zone__code",
                "dataset__key",
                "variable",
                "scenario",
                "year",
                "value",
            )
        ),
        "sites": sorted(RenewableSite.objects.values_list("place__slug", "ref_id")),
        "versions": sorted(
            TargetVersion.objects.values_list(
                "target__place__slug", "target__area__code", "net_zero_year", "valid_from"
            )
        ),
        "loads": sorted(PlaceLoad.objects.values_list("place__slug", "pack_digest")),
    }


@pytest.fixture
def loaded(tmp_path: Path) -> dict[str, list[tuple]]:
    """A good Testshire pack already in the database; returns the snapshot after it."""
    read_and_load(PackSpec().write(tmp_path / "good"))
    return snapshot()


def refused(folder: Path) -> PackError:
    with pytest.raises(PackError) as caught:
        read_and_load(folder)
    return caught.value


def test_malformed_csv_is_refused_with_file_and_row(tmp_path: Path, loaded: dict) -> None:
    folder = PackSpec().write(tmp_path / "bad")
    path = folder / "area_statistics.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(DISTRICT_A, f'"{DISTRICT_A}"x', 1)
    path.write_text("".join(lines), encoding="utf-8")
    reseal(folder)
    error = refused(folder)
    assert (error.file, error.row) == ("area_statistics.csv", 4)
    assert "malformed CSV" in str(error)
    assert snapshot() == loaded


def test_truncated_csv_is_refused(tmp_path: Path, loaded: dict) -> None:
    folder = PackSpec().write(tmp_path / "bad")
    path = folder / "area_statistics.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    error = refused(folder)
    assert error.file == "area_statistics.csv"
    assert "truncated" in str(error)
    assert snapshot() == loaded


def test_unknown_gss_code_in_statistics_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.area_statistics[0]["area_code"] = "E07999999"
    error = refused(spec.write(tmp_path / "bad"))
    assert (error.file, error.row, error.column) == ("area_statistics.csv", 2, "area_code")
    assert "E07999999" in str(error)
    assert snapshot() == loaded


def test_area_code_that_is_not_a_gss_code_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.areas[3]["code"] = "LEICESTER"
    spec.area_statistics = [row for row in spec.area_statistics if row["area_code"] != NEIGHBOUR]
    error = refused(spec.write(tmp_path / "bad"))
    assert (error.file, error.column) == ("areas.geojson", "code")
    assert "'LEICESTER' is not an ONS GSS code" in str(error)
    assert snapshot() == loaded


def test_wrong_unit_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.area_statistics[0]["unit"] = "Mt CO2e"
    error = refused(spec.write(tmp_path / "bad"))
    assert (error.file, error.row, error.column) == ("area_statistics.csv", 2, "unit")
    assert "expected 'kt CO2e'" in str(error)
    assert snapshot() == loaded


def test_zone_pointing_at_unknown_area_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.zones["E02005347"] = "E07000999"
    error = refused(spec.write(tmp_path / "bad"))
    assert (error.file, error.column) == ("zones.geojson", "area")
    assert "E07000999" in str(error)
    assert snapshot() == loaded


def test_statistic_from_unlisted_dataset_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.datasets = [dataset for dataset in spec.datasets if dataset["key"] != GHG]
    error = refused(spec.write(tmp_path / "bad"))
    assert (error.file, error.row, error.column) == ("area_statistics.csv", 2, "dataset")
    assert "not listed in manifest.json" in str(error)
    assert snapshot() == loaded


def test_parent_outside_the_pack_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.areas[1]["parent"] = "E10000099"
    error = refused(spec.write(tmp_path / "bad"))
    assert (error.file, error.column) == ("areas.geojson", "parent")
    assert snapshot() == loaded


def test_duplicate_statistic_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.area_statistics.append(dict(spec.area_statistics[0]))
    error = refused(spec.write(tmp_path / "bad"))
    assert error.file == "area_statistics.csv"
    assert error.row == len(spec.area_statistics) + 1
    assert "given twice" in str(error)
    assert snapshot() == loaded


def test_target_for_area_outside_the_pack_is_refused(tmp_path: Path, loaded: dict) -> None:
    spec = PackSpec()
    spec.targets[0]["area"] = "E06000099"
    error = refused(spec.write(tmp_path / "bad"))
    assert error.file == "manifest.json"
    assert "E06000099" in str(error)
    assert snapshot() == loaded


def test_error_halfway_through_rolls_back_everything(
    tmp_path: Path, loaded: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after statistics were replaced must not leave them replaced."""
    spec = PackSpec()
    spec.area_statistics = [
        {**row, "value": row["value"] * 2} if row["variable"] == TERRITORIAL else row
        for row in spec.area_statistics
    ]
    folder = spec.write(tmp_path / "changed")

    def fail(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader, "_merge_targets", fail)
    with pytest.raises(RuntimeError):
        read_and_load(folder)
    assert snapshot() == loaded


def test_missing_pack_names_where_it_looked(loaded: dict) -> None:
    error = refused(Path("no-such-place"))
    assert "no place pack 'no-such-place'" in str(error)
    assert snapshot() == loaded


def test_manifest_that_is_not_json_is_refused(tmp_path: Path, loaded: dict) -> None:
    folder = PackSpec().write(tmp_path / "bad")
    manifest = folder / "manifest.json"
    manifest.write_text(json.dumps(json.loads(manifest.read_text()))[:-5], encoding="utf-8")
    error = refused(folder)
    assert error.file == "manifest.json"
    assert snapshot() == loaded


def test_misnamed_unit_column_is_refused(tmp_path: Path, loaded: dict) -> None:
    folder = PackSpec().write(tmp_path / "bad")
    path = folder / "zone_statistics.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",unit\n", ",units\n", 1), encoding="utf-8")
    reseal(folder)
    error = refused(folder)
    assert (error.file, error.row) == ("zone_statistics.csv", 1)
    assert "missing column(s) unit" in str(error)
    assert snapshot() == loaded
