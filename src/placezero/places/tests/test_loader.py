"""Loading a good pack: what lands in the database, and that loading it again changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from placezero.accounts.models import User
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import MembershipFactory
from placezero.datapack.errors import PackError
from placezero.places import services
from placezero.places.loader import read_and_load
from placezero.places.models import Area, AreaStatistic, PlaceLoad, TargetVersion, Zone

from .packs import COUNTY, DISTRICT_A, NEIGHBOUR, PackSpec
from .test_loader_bad_input import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return PackSpec().write(tmp_path / "testshire")


@pytest.fixture
def officer() -> User:
    return User.objects.create_user("officer", password="x", role=Role.OFFICER)


def test_load_writes_every_table(pack_dir: Path) -> None:
    report = read_and_load(pack_dir)
    assert report.created
    assert report.row_counts == {
        "areas": 4,
        "zones": 3,
        "datasets": 2,
        "area_statistics": 24,
        "zone_statistics": 3,
        "renewable_sites": 1,
    }
    assert AreaStatistic.objects.filter(area__place=report.place).count() == 24


def test_load_sets_parents_from_the_pack(pack_dir: Path) -> None:
    place = read_and_load(pack_dir).place
    district = Area.objects.get(place=place, code=DISTRICT_A)
    assert district.parent is not None and district.parent.code == COUNTY


def test_second_load_of_same_pack_changes_nothing(pack_dir: Path) -> None:
    read_and_load(pack_dir)
    before = snapshot()
    area_ids = dict(Area.objects.values_list("code", "id"))
    report = read_and_load(pack_dir)
    assert not report.created
    assert report.target_versions_added == 0
    after = snapshot()
    # Each load is recorded; nothing else differs.
    assert after.pop("loads").count(("testshire", report.digest)) == 2
    before.pop("loads")
    assert after == before
    assert dict(Area.objects.values_list("code", "id")) == area_ids


def test_load_is_recorded_with_who_and_digest(pack_dir: Path, officer: User) -> None:
    report = read_and_load(pack_dir, recorded_by=officer)
    load = PlaceLoad.objects.get(place=report.place)
    assert load.loaded_by == officer
    assert load.pack_digest == report.digest == report.place.pack_digest
    assert load.row_counts["area_statistics"] == 24


def test_reload_drops_zones_the_pack_no_longer_has(tmp_path: Path, pack_dir: Path) -> None:
    read_and_load(pack_dir)
    spec = PackSpec()
    del spec.zones["E02005360"]
    spec.zone_statistics = [row for row in spec.zone_statistics if row["zone_code"] != "E02005360"]
    read_and_load(spec.write(tmp_path / "smaller"))
    codes = Zone.objects.filter(place__slug="testshire").values_list("code", flat=True)
    assert sorted(codes) == ["E02005347", "E02005348"]


def test_target_recorded_in_the_app_survives_reload(pack_dir: Path, officer: User) -> None:
    place = read_and_load(pack_dir).place
    MembershipFactory(user=officer, organisation__place=place)  # an officer of this place
    target, _versions = services.target_history(place)[0]
    services.record_target_change(
        target,
        net_zero_year=2050,
        valid_from=dt.date(2024, 5, 1),
        decision="Cabinet moved the target to 2050.",
        source="Cabinet minutes",
        user=officer,
    )
    read_and_load(pack_dir)
    _target, versions = services.target_history(place)[0]
    assert [(v.net_zero_year, v.from_pack) for v in versions] == [(2045, True), (2050, False)]
    assert versions[1].recorded_by == officer


def test_new_target_version_in_pack_is_added_once(tmp_path: Path, pack_dir: Path) -> None:
    read_and_load(pack_dir)
    spec = PackSpec()
    spec.targets[0]["history"].append(
        {
            "net_zero_year": 2050,
            "valid_from": "2024-01-01",
            "date_precision": "year",
            "decision": "Test revision.",
            "source": "test",
        }
    )
    newer = spec.write(tmp_path / "newer")
    assert read_and_load(newer).target_versions_added == 1
    assert read_and_load(newer).target_versions_added == 0
    assert TargetVersion.objects.filter(target__place__slug="testshire").count() == 2


def test_version_dropped_from_pack_is_kept(tmp_path: Path, pack_dir: Path) -> None:
    """A pack that forgets a version does not erase history."""
    read_and_load(pack_dir)
    spec = PackSpec()
    spec.targets[0]["history"] = []
    read_and_load(spec.write(tmp_path / "forgetful"))
    assert TargetVersion.objects.filter(
        target__place__slug="testshire", net_zero_year=2045
    ).exists()


def test_progress_reports_each_stage(pack_dir: Path) -> None:
    messages: list[str] = []
    read_and_load(pack_dir, progress=messages.append)
    assert messages[0].startswith("Checking pack testshire")
    assert any("24 area statistics" in message for message in messages)
    assert messages[-1].startswith("Loaded Testshire in")


def _without_neighbour() -> PackSpec:
    spec = PackSpec()
    spec.areas = [area for area in spec.areas if area["code"] != NEIGHBOUR]
    spec.area_statistics = [row for row in spec.area_statistics if row["area_code"] != NEIGHBOUR]
    return spec


def test_reload_drops_an_area_the_pack_no_longer_has(tmp_path: Path) -> None:
    spec = PackSpec()
    spec.targets.append({"area": NEIGHBOUR, "scope": "area", "history": []})
    read_and_load(spec.write(tmp_path / "first"))
    smaller = _without_neighbour()
    read_and_load(smaller.write(tmp_path / "smaller"))
    assert not Area.objects.filter(place__slug="testshire", code=NEIGHBOUR).exists()


def test_area_with_history_recorded_in_the_app_is_not_dropped(
    tmp_path: Path, officer: User
) -> None:
    spec = PackSpec()
    spec.targets.append({"area": NEIGHBOUR, "scope": "area", "history": []})
    place = read_and_load(spec.write(tmp_path / "first")).place
    MembershipFactory(user=officer, organisation__place=place)  # an officer of this place
    target = next(t for t, _ in services.target_history(place) if t.area.code == NEIGHBOUR)
    services.record_target_change(
        target,
        net_zero_year=2040,
        valid_from=dt.date(2025, 6, 1),
        decision="Neighbour's own decision (test).",
        source="test",
        user=officer,
    )
    smaller = _without_neighbour()
    with pytest.raises(PackError) as caught:
        read_and_load(smaller.write(tmp_path / "smaller"))
    assert NEIGHBOUR in str(caught.value) and "recorded target versions" in str(caught.value)
    assert Area.objects.filter(place=place, code=NEIGHBOUR).exists()
    assert AreaStatistic.objects.filter(area__place=place, area__code=NEIGHBOUR).exists()


def test_reload_keeps_a_description_written_in_the_admin(pack_dir: Path) -> None:
    place = read_and_load(pack_dir).place
    place.description = "Written by an officer."
    place.save()
    read_and_load(pack_dir)
    place.refresh_from_db()
    assert place.description == "Written by an officer."
