"""`placezero backup` and `restore`: a backup of the real place, its accounts and a saved
scenario, restored into an empty database of the same engine (SQLite, or PostgreSQL when
DATABASE_URL names it), gives the same data row for row; damaged files, a database that
is not empty and a schema that differs are refused with a reason, and nothing is loaded."""

from __future__ import annotations

import json
import zipfile

import pytest
from django.core.management import call_command

from placezero import backup
from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.pathways import services as pathways
from placezero.places.models import AreaStatistic, ZoneStatistic

pytestmark = pytest.mark.django_db(databases=["default", "restore"])


@pytest.fixture
def some_data(leicestershire):
    """Every kind of row, kept small: most of the pack's statistics are dropped so the
    test stays quick (what is kept still crosses every foreign key)."""
    keep = AreaStatistic.objects.order_by("pk").values_list("pk", flat=True)[:300]
    AreaStatistic.objects.exclude(pk__in=list(keep)).delete()
    keep = ZoneStatistic.objects.order_by("pk").values_list("pk", flat=True)[:300]
    ZoneStatistic.objects.exclude(pk__in=list(keep)).delete()
    officer = UserFactory(role=Role.OFFICER, place=leicestershire)
    _, definition = pathways.default_definition(leicestershire)
    pathways.create_scenario(
        leicestershire, name="Backed up", description="", definition=definition, user=officer
    )
    return leicestershire


def _sorted(dump: str) -> list[dict]:
    return sorted(json.loads(dump), key=lambda row: (row["model"], str(row.get("pk"))))


def test_a_restored_backup_holds_the_same_data(some_data, tmp_path):
    archive = tmp_path / "backup.zip"
    manifest = backup.backup(archive)
    assert manifest["counts"]["places.place"] == 1
    assert manifest["counts"]["pathways.pathwayscenario"] >= 1
    assert backup.row_counts("restore")["places.place"] == 0

    backup.restore(archive, using="restore")

    assert backup.row_counts("restore") == backup.row_counts("default")
    assert _sorted(backup.dump("restore")) == _sorted(backup.dump("default"))


def test_a_database_that_is_not_empty_is_refused(some_data, tmp_path):
    archive = tmp_path / "backup.zip"
    backup.backup(archive)
    with pytest.raises(backup.BackupError, match=r"not empty: accounts\..*accounts\.user"):
        backup.restore(archive, using="default")


def test_a_damaged_backup_is_refused_and_loads_nothing(some_data, tmp_path):
    archive = tmp_path / "backup.zip"
    backup.backup(archive)
    with zipfile.ZipFile(archive) as whole:
        manifest, data = whole.read("manifest.json"), whole.read("data.json")
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(damaged, "w") as bad:
        bad.writestr("manifest.json", manifest)
        bad.writestr("data.json", data.replace(b"Leicestershire", b"Leicestershirf", 1))
    with pytest.raises(backup.BackupError, match="damaged"):
        backup.restore(damaged, using="restore")
    (tmp_path / "junk.zip").write_text("not a zip")
    with pytest.raises(backup.BackupError, match="not a placezero backup"):
        backup.restore(tmp_path / "junk.zip", using="restore")
    assert sum(backup.row_counts("restore").values()) == 0


def test_a_backup_of_another_schema_is_refused(some_data, tmp_path):
    archive = tmp_path / "backup.zip"
    manifest = backup.backup(archive)
    manifest["migrations"]["places"].append("9999_from_the_future")
    with zipfile.ZipFile(archive) as whole:
        data = whole.read("data.json")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as changed:
        changed.writestr("manifest.json", json.dumps(manifest))
        changed.writestr("data.json", data)
    with pytest.raises(backup.BackupError, match=r"migrations differ.*places"):
        backup.restore(other, using="restore")


def test_the_commands_exist():
    from placezero.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["backup", "x.zip"]).handler is backup._backup_command
    assert parser.parse_args(["restore", "x.zip"]).handler is backup._restore_command
    call_command("check")
