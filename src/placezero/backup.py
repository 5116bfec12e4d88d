"""`placezero backup FILE` and `placezero restore FILE`: the whole database and the uploaded
files in one zip, restored into an empty database with checks, on SQLite and PostgreSQL.

The archive holds `data.json` (Django's dumpdata, with natural foreign keys so content
types and permissions, which `migrate` makes afresh, match by name not by number),
`manifest.json` (row counts per model, the migrations the data was written under, a SHA-256
of data.json) and `media/` (the default storage's files, when it is a folder on disk).

Restore refuses, saying why and what to do, when the file is damaged, when the database's
migrations differ from the backup's, or when the database already holds data (a restore
never mixes two databases); it loads in one transaction and compares the row counts with the
manifest before it commits. Sessions are left out: a restore signs nobody in.
Schedule and retention: README, "Running in production".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = 1
# Remade by `migrate` (content types, permissions) or not worth keeping (sessions).
EXCLUDED = ("contenttypes", "auth.permission", "sessions")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def _models() -> list[Any]:
    from django.apps import apps

    skipped = {label for label in EXCLUDED if "." not in label}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in skipped
        and model._meta.label_lower not in EXCLUDED
        and not model._meta.proxy
        and model._meta.managed
    ]


def row_counts(using: str = "default") -> dict[str, int]:
    return {m._meta.label_lower: m._base_manager.using(using).count() for m in _models()}


def applied_migrations(using: str = "default") -> dict[str, list[str]]:
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connections[using]).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _media_files() -> list[tuple[str, Path]]:
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage, default_storage

    if not isinstance(default_storage, FileSystemStorage) or not settings.MEDIA_ROOT:
        return []  # e.g. the tests' in-memory storage; never the working directory
    root = Path(default_storage.location)
    if not root.is_dir():
        return []
    return sorted((p.relative_to(root).as_posix(), p) for p in root.rglob("*") if p.is_file())


def dump(using: str = "default") -> str:
    """The database as dumpdata JSON (what the archive's data.json holds)."""
    from django.core.management import call_command

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "data.json"
        call_command(
            "dumpdata",
            exclude=list(EXCLUDED),
            natural_foreign=True,
            database=using,
            output=str(out),
            verbosity=0,
        )
        return out.read_text(encoding="utf-8")


def _pending_migrations(using: str) -> list[str]:
    from django.db import connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def backup(target: Path, using: str = "default") -> dict[str, Any]:
    pending = _pending_migrations(using)
    if pending:
        raise BackupError(
            f"The database is behind the code ({len(pending)} migration(s) not applied, "
            f"e.g. {pending[0]}): run `placezero manage migrate` first, then back up."
        )
    data = dump(using)
    media = _media_files()
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "migrations": applied_migrations(using),
        "counts": row_counts(using),
        "data_sha256": hashlib.sha256(data.encode()).hexdigest(),
        "media": [name for name, _ in media],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", data)
        for name, path in media:
            archive.write(path, f"media/{name}")
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    partial.replace(target)  # a backup cut short never looks like a whole one
    return manifest


def _read(source: Path) -> tuple[dict[str, Any], str, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(source)
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read("data.json").decode("utf-8")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise BackupError(f"{source} is not a placezero backup ({error}).") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is a backup of format {manifest.get('format')}, not {FORMAT}.")
    if hashlib.sha256(data.encode()).hexdigest() != manifest["data_sha256"]:
        raise BackupError(f"{source} is damaged: its data does not match its checksum.")
    return manifest, data, archive


def _check_target(manifest: dict[str, Any], using: str) -> None:
    here = applied_migrations(using)
    if here != manifest["migrations"]:
        apps = sorted(
            a
            for a in set(here) | set(manifest["migrations"])
            if here.get(a) != manifest["migrations"].get(a)
        )
        raise BackupError(
            "The database's migrations differ from the backup's (apps: "
            f"{', '.join(apps)}). Restore with the placezero version that made the backup, "
            "then upgrade and migrate."
        )
    filled = {label: n for label, n in row_counts(using).items() if n}
    if filled:
        shown = ", ".join(f"{label} ({n})" for label, n in sorted(filled.items())[:5])
        raise BackupError(
            f"The database is not empty: {shown}. Restore into an empty database (create "
            "one and run `placezero manage migrate`), so two databases are never mixed."
        )


def restore(source: Path, using: str = "default") -> dict[str, Any]:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.management import call_command
    from django.db import transaction

    manifest, data, archive = _read(source)
    _check_target(manifest, using)
    with tempfile.TemporaryDirectory() as folder:
        fixture = Path(folder) / "data.json"
        fixture.write_text(data, encoding="utf-8")
        with transaction.atomic(using=using):
            call_command("loaddata", str(fixture), database=using, verbosity=0)
            counts = row_counts(using)
            if counts != manifest["counts"]:
                wrong = sorted(k for k in counts if counts[k] != manifest["counts"].get(k))
                raise BackupError(f"Restored row counts differ from the backup's: {wrong}.")
    for name in manifest["media"]:
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(archive.read(f"media/{name}")))
    return manifest


# --- the command line -------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    made = subparsers.add_parser("backup", help="write the database and uploads to a zip file")
    made.add_argument("file", type=Path, help="where to write it, e.g. backups/2026-12-01.zip")
    made.set_defaults(handler=_backup_command)
    back = subparsers.add_parser("restore", help="restore a backup into an empty database")
    back.add_argument("file", type=Path, help="a zip written by `placezero backup`")
    back.set_defaults(handler=_restore_command)


def _backup_command(args: argparse.Namespace) -> int:
    from placezero.cli import setup_django

    setup_django()
    try:
        manifest = backup(args.file)
    except BackupError as error:
        print(f"No backup written: {error}", file=sys.stderr)
        return 1
    print(
        f"Wrote {args.file}: {sum(manifest['counts'].values())} rows, "
        f"{len(manifest['media'])} file(s)."
    )
    return 0


def _restore_command(args: argparse.Namespace) -> int:
    from placezero.cli import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    try:
        manifest = restore(args.file)
    except BackupError as error:
        print(f"Nothing restored: {error}", file=sys.stderr)
        return 1
    print(
        f"Restored {args.file}: {sum(manifest['counts'].values())} rows, "
        f"{len(manifest['media'])} file(s), backed up at {manifest['created_at']}."
    )
    return 0
