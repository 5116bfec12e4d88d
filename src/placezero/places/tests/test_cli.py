"""`placezero place …` end to end, in process, against the test database."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from placezero.cli import main
from placezero.places import services
from placezero.places.models import Area, AreaStatistic, Place

from .packs import PackSpec

pytestmark = pytest.mark.django_db
# ../shared/data beside the checkout (CI lays a copy beside its clone).
SHARED_DATA = Path(settings.PLACEZERO_DATA_DIR)
needs_shared_data = pytest.mark.skipif(
    not (SHARED_DATA / "PROVENANCE.md").is_file(),
    reason=f"the raw national files are not at {SHARED_DATA}",
)


def test_load_twice_reports_then_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = PackSpec().write(tmp_path / "testshire")
    assert main(["place", "load", str(folder)]) == 0
    first = capsys.readouterr().out
    counts = (Area.objects.count(), AreaStatistic.objects.count())
    assert main(["place", "load", str(folder)]) == 0
    second = capsys.readouterr().out
    assert "Created Testshire (testshire)" in first
    assert "Reloaded Testshire (testshire)" in second
    assert "24 area statistics" in second
    assert (Area.objects.count(), AreaStatistic.objects.count()) == counts


def test_load_of_a_broken_pack_exits_2_with_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = PackSpec()
    spec.area_statistics[0]["unit"] = "Mt CO2e"
    folder = spec.write(tmp_path / "broken")
    assert main(["place", "load", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("placezero place load: area_statistics.csv, row 2, column 'unit'")
    assert "Traceback" not in err
    assert not Place.objects.filter(slug="testshire").exists()


def test_load_of_unknown_slug_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["place", "load", "atlantis"]) == 2
    assert "no place pack 'atlantis'" in capsys.readouterr().err


def test_list_shows_loaded_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["place", "load", str(PackSpec().write(tmp_path / "testshire"))])
    capsys.readouterr()
    assert main(["place", "list"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if "testshire" in line)
    assert "Testshire" in line and "4 areas" in line


def test_create_with_missing_data_dir_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["place", "create", "--lad", "E06000017", "--data-dir", str(missing)]) == 2
    err = capsys.readouterr().err
    assert f"the data directory {missing} does not exist" in err


@needs_shared_data
def test_create_with_unknown_code_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["place", "create", "--lad", "E07999999", "--data-dir", str(SHARED_DATA)]
    assert main([*argv, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "E07999999" in err
    assert "Traceback" not in err
    assert not Place.objects.exclude(slug="leicestershire").exists()


@needs_shared_data
@pytest.mark.slow
def test_create_rutland_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Any English authority from the national files: Rutland, a unitary, by its code."""
    argv = ["place", "create", "--lad", "E06000017", "--data-dir", str(SHARED_DATA)]
    assert main([*argv, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"Pack written to {tmp_path / 'rutland'}" in out
    assert "Created Rutland (rutland)" in out
    place = services.get_place("rutland")
    assert [(area.code, area.kind) for area in services.member_areas(place)] == [
        ("E06000017", "unitary")
    ]
    assert services.zones(place)
    summary = services.emissions_summary(place)[0]
    assert summary.latest_year == 2023
    assert summary.per_capita_tco2e is not None and summary.per_capita_tco2e > 0


def test_build_with_unknown_definition_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["place", "build", "--definition", "atlantis"]) == 2
    err = capsys.readouterr().err
    assert "no place definition 'atlantis'" in err
    assert "leicestershire" in err  # lists the known definitions


@needs_shared_data
@pytest.mark.slow
def test_build_writes_a_pack_that_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["place", "build", "--definition", "rutland", "--data-dir", str(SHARED_DATA)]
    assert main([*argv, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "area statistics" in out  # progress lines from the builder
    assert main(["place", "load", str(tmp_path / "rutland")]) == 0
    assert "Created Rutland (rutland)" in capsys.readouterr().out


def _refused(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run `place create`, expect exit 2 and nothing written (no pack, no new place)."""
    before = set(Place.objects.values_list("slug", flat=True))
    assert main([*argv, "--out", str(tmp_path / "packs")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert not (tmp_path / "packs").exists() or not any((tmp_path / "packs").iterdir())
    assert set(Place.objects.values_list("slug", flat=True)) == before
    return err


@needs_shared_data
def test_create_refuses_a_district_of_another_county(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["place", "create", "--lad", "E07000008", "--county", "E10000018"]
    err = _refused([*argv, "--data-dir", str(SHARED_DATA)], tmp_path, capsys)
    assert "Cambridge (E07000008) is in Cambridgeshire (E10000003)" in err


@needs_shared_data
def test_create_refuses_a_scottish_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["place", "create", "--lad", "S12000033", "--data-dir", str(SHARED_DATA)]
    err = _refused(argv, tmp_path, capsys)
    assert "Scotland, which placezero does not cover yet" in err


@needs_shared_data
def test_create_refuses_a_data_dir_missing_one_national_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    for source in SHARED_DATA.rglob("*"):
        if source.is_file() and source.name != "la-population-2011-2024.csv":
            link = data / source.relative_to(SHARED_DATA)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(source)
    argv = ["place", "create", "--lad", "E06000017", "--data-dir", str(data)]
    err = _refused(argv, tmp_path, capsys)
    assert "population/la-population-2011-2024.csv" in err and "not found" in err


def test_create_without_a_code_says_how(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["place", "create"], tmp_path, capsys)
    assert "--lad CODE" in err and "--county CODE" in err


@needs_shared_data
@pytest.mark.slow
def test_create_all_in_this_process_goes_place_by_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["place", "create", "--all", "--limit", "2", "--jobs", "1"]
    assert main([*argv, "--data-dir", str(SHARED_DATA), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "built on 1 local worker(s)" in out
    assert "[1/2] built Barking and Dagenham (barking-and-dagenham)" in out
    assert "[2/2] built Barnet (barnet)" in out
    assert "Built 2 packs and loaded 2 places" in out
    assert set(Place.objects.values_list("slug", flat=True)) >= {"barking-and-dagenham", "barnet"}


def test_a_scheduler_needs_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["place", "create", "--lad", "E06000017", "--scheduler", "tcp://x:8786"]) == 2
    assert "--scheduler is for --all" in capsys.readouterr().err


def test_create_all_refuses_codes_alongside(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["place", "create", "--all", "--lad", "E06000017"]) == 2
    assert "leave out --lad" in capsys.readouterr().err
