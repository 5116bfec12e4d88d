"""Load a place pack into the database.

One load is one transaction: either every table of the place matches the pack afterwards,
or (on any error) nothing changed. Loading the same pack again leaves the same rows:

- areas, zones and datasets are updated in place by code/key, so their ids (which other
  apps may point at) survive a reload; ones the pack no longer has are removed;
- statistics and renewable sites are replaced wholesale (nothing points at them);
- net zero targets keep their history: a version from the pack is added only when it is
  new, and no version is ever deleted, least of all one a person recorded in the app.

Statistics run to tens of thousands of rows, so they go in with bulk_create in batches.

A load ends by sending `signals.place_loaded` inside its transaction, so what other apps
derive from the place (pathways publishes its plan on a page) is written, or rolled back,
with it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from placezero.datapack.errors import PackError
from placezero.datapack.reader import PACKS_DIR, Pack, StatRow, read_pack

from .models import (
    Area,
    AreaStatistic,
    Dataset,
    NetZeroTarget,
    Place,
    PlaceLoad,
    RenewableSite,
    TargetVersion,
    Zone,
    ZoneStatistic,
)
from .options import DatePrecision
from .pack_checks import FIX, check_pack
from .signals import place_loaded

Progress = Callable[[str], None]
# Rows per executemany / bulk_create call: bounds the memory of one round of inserts.
BATCH_SIZE = 5000
DATASET_FIELDS = (
    "title",
    "publisher",
    "source_url",
    "licence",
    "attribution",
    "coverage",
    "method",
    "raw_files",
)


@dataclass
class LoadReport:
    """What one load did, for the command line and the PlaceLoad record."""

    place: Place
    created: bool
    digest: str
    row_counts: dict[str, int] = field(default_factory=dict)
    target_versions_added: int = 0
    duration_s: float = 0.0

    def lines(self) -> list[str]:
        verb = "Created" if self.created else "Reloaded"
        counts = ", ".join(
            f"{count:,} {name.replace('_', ' ')}" for name, count in self.row_counts.items()
        )
        return [
            f"{verb} {self.place.name} ({self.place.slug}) from pack {self.digest[:12]}.",
            f"Rows: {counts}.",
            f"Target versions added: {self.target_versions_added}.",
            f"Took {self.duration_s:.2f} s.",
        ]


def committed_pack_dir(slug: str) -> Path:
    """Where the committed pack for `slug` lives in the source tree."""
    return PACKS_DIR / slug


def read_and_load(
    slug_or_path: str | Path, *, recorded_by: Any = None, progress: Progress | None = None
) -> LoadReport:
    """Read, check and load a pack by slug (committed or under var/packs) or folder."""
    return load_pack(read_pack(slug_or_path), recorded_by=recorded_by, progress=progress)


def load_pack(
    pack: Pack, *, recorded_by: Any = None, progress: Progress | None = None
) -> LoadReport:
    """Write `pack` into the database as its place, replacing what an earlier load wrote.

    Raises PackError (naming file, row and column) before writing anything if the pack's
    files do not fit together; any later error rolls the whole load back."""
    say = progress or (lambda message: None)
    started = time.perf_counter()
    say(f"Checking pack {pack.slug} ({pack.path})")
    check_pack(pack)
    with transaction.atomic():
        place, created = _upsert_place(pack)
        say(f"{'Creating' if created else 'Updating'} place {place.name}")
        areas = _sync_areas(place, pack)
        zones = _sync_zones(place, pack, areas)
        datasets = _sync_datasets(place, pack)
        say("Replacing statistics")
        AreaStatistic.objects.filter(area__place=place).delete()
        ZoneStatistic.objects.filter(zone__place=place).delete()
        area_rows = _insert_statistics(AreaStatistic, "area", pack.area_statistics, areas, datasets)
        say(f"  {area_rows:,} area statistics")
        zone_rows = _insert_statistics(ZoneStatistic, "zone", pack.zone_statistics, zones, datasets)
        say(f"  {zone_rows:,} zone statistics")
        Dataset.objects.filter(place=place).exclude(key__in=datasets).delete()
        site_rows = _replace_sites(place, pack, areas)
        say("Keeping target history")
        added = _merge_targets(place, pack, areas)
        report = LoadReport(
            place=place,
            created=created,
            digest=pack.digest,
            row_counts={
                "areas": len(areas),
                "zones": len(zones),
                "datasets": len(datasets),
                "area_statistics": area_rows,
                "zone_statistics": zone_rows,
                "renewable_sites": site_rows,
            },
            target_versions_added=added,
        )
        report.duration_s = time.perf_counter() - started
        PlaceLoad.objects.create(
            place=place,
            loaded_by=recorded_by,
            pack_digest=pack.digest,
            pack_source=str(pack.path)[:500],
            row_counts={**report.row_counts, "target_versions_added": added},
            duration_s=report.duration_s,
        )
        # Other apps derive what they need from the place in the same transaction.
        place_loaded.send(sender=Place, place=place, created=created, report=report)
    say(f"Loaded {place.name} in {report.duration_s:.2f} s")
    return report


def _upsert_place(pack: Pack) -> tuple[Place, bool]:
    defaults = {"name": pack.name, "pack_digest": pack.digest, "loaded_at": timezone.now()}
    if pack.manifest.get("description"):
        # Otherwise keep the description someone wrote in the admin.
        defaults["description"] = pack.manifest["description"]
    return Place.objects.update_or_create(slug=pack.slug, defaults=defaults)


def _sync_areas(place: Place, pack: Pack) -> dict[str, Area]:
    """Update areas in place by GSS code (keeping their ids), add new ones, drop the rest."""
    existing = {area.code: area for area in Area.objects.filter(place=place)}
    wanted: dict[str, Area] = {}
    for feature in pack.areas:
        properties = feature["properties"]
        area = existing.get(properties["code"]) or Area(place=place, code=properties["code"])
        area.name = properties["name"]
        area.kind = properties["kind"]
        area.role = properties["role"]
        area.geometry = feature["geometry"]
        area.parent = None
        area.save()
        wanted[area.code] = area
    for feature in pack.areas:
        parent = feature["properties"]["parent"]
        if parent:
            area = wanted[feature["properties"]["code"]]
            area.parent = wanted[parent]
            area.save(update_fields=["parent"])
    _drop_areas(place, set(existing) - set(wanted))
    return wanted


def _drop_areas(place: Place, codes: set[str]) -> None:
    if not codes:
        return
    recorded = TargetVersion.objects.filter(
        target__area__place=place, target__area__code__in=codes, from_pack=False
    )
    if recorded.exists():
        names = ", ".join(sorted(codes))
        raise PackError(
            f"the pack no longer has area(s) {names}, but people recorded target versions for "
            "them in the app; removing the areas would delete that history. Keep the areas in "
            "the place's definition, or export the history before removing them.",
            file="areas.geojson",
        )
    Area.objects.filter(place=place, code__in=codes).delete()


def _sync_zones(place: Place, pack: Pack, areas: dict[str, Area]) -> dict[str, Zone]:
    existing = {zone.code: zone for zone in Zone.objects.filter(place=place)}
    to_create: list[Zone] = []
    to_update: list[Zone] = []
    wanted: dict[str, Zone] = {}
    for feature in pack.zones:
        properties = feature["properties"]
        values = {
            "area_id": areas[properties["area"]].pk,
            "name": properties["name"],
            "local_name": properties["local_name"] or "",
            "geometry": feature["geometry"],
        }
        zone = existing.get(properties["code"])
        if zone is None:
            zone = Zone(place=place, code=properties["code"], **values)
            to_create.append(zone)
        elif any(getattr(zone, name) != value for name, value in values.items()):
            # Only rewrite zones that changed: geometry makes each UPDATE costly.
            for name, value in values.items():
                setattr(zone, name, value)
            to_update.append(zone)
        wanted[zone.code] = zone
    Zone.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    Zone.objects.bulk_update(to_update, ["area", "name", "local_name", "geometry"], batch_size=200)
    Zone.objects.filter(place=place).exclude(code__in=wanted).delete()
    if any(zone.pk is None for zone in to_create):
        # Backends that do not return ids from bulk inserts: read them back.
        ids = dict(Zone.objects.filter(place=place).values_list("code", "id"))
        for zone in to_create:
            zone.pk = ids[zone.code]
    return wanted


def _sync_datasets(place: Place, pack: Pack) -> dict[str, Dataset]:
    existing = {dataset.key: dataset for dataset in Dataset.objects.filter(place=place)}
    wanted: dict[str, Dataset] = {}
    for entry in pack.manifest["datasets"]:
        dataset = existing.get(entry["key"]) or Dataset(place=place, key=entry["key"])
        for name in DATASET_FIELDS:
            value = entry.get(name)
            setattr(dataset, name, value if value is not None else _empty(name))
        dataset.save()
        wanted[dataset.key] = dataset
    return wanted


def _empty(name: str) -> Any:
    return [] if name == "raw_files" else ""


def _insert_statistics(
    model: type[AreaStatistic] | type[ZoneStatistic],
    owner: str,
    rows: list[StatRow],
    owners: dict[str, Area] | dict[str, Zone],
    datasets: dict[str, Dataset],
) -> int:
    """Insert statistic rows without building a model instance for each.

    The ORM's bulk_create spent most of a 55,000-row load building instances and SQL
    (4.5 s on SQLite). PostgreSQL takes the rows through COPY; SQLite through executemany
    of one INSERT. Values were already checked by the reader and by check_pack, so no model
    validation is skipped."""
    owner_ids = {code: obj.pk for code, obj in owners.items()}
    dataset_ids = {key: dataset.pk for key, dataset in datasets.items()}
    columns = (f"{owner}_id", "dataset_id", "variable", "scenario", "year", "value", "unit")
    values = [
        (
            owner_ids[row.code],
            dataset_ids[row.dataset],
            row.variable,
            row.scenario,
            row.year,
            row.value,
            row.unit,
        )
        for row in rows
    ]
    _insert_rows(model._meta.db_table, columns, values)
    return len(values)


def _insert_rows(table: str, columns: tuple[str, ...], values: list[tuple]) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # psycopg 3 COPY: several times faster than pipelined executemany here.
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
            return
        sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        for start in range(0, len(values), BATCH_SIZE):
            cursor.executemany(sql, values[start : start + BATCH_SIZE])


def _replace_sites(place: Place, pack: Pack, areas: dict[str, Area]) -> int:
    RenewableSite.objects.filter(place=place).delete()
    sites = [
        RenewableSite(
            place=place,
            area=areas.get(row["area_code"]),
            ref_id=row["ref_id"],
            name=row["name"],
            technology=row["technology"],
            capacity_mw=row["capacity_mw"],
            status=row["status"],
            planning_authority=row["planning_authority"],
            lat=row["lat"],
            lon=row["lon"],
        )
        for row in pack.renewable_sites
    ]
    RenewableSite.objects.bulk_create(sites, batch_size=BATCH_SIZE)
    return len(sites)


def _merge_targets(place: Place, pack: Pack, areas: dict[str, Area]) -> int:
    """Add the pack's target versions that the database does not have yet; delete none.

    A version is the same version when it has the same start date and year. One that came
    from an earlier pack takes the pack's current wording; one a person recorded is left
    exactly as they recorded it."""
    added = 0
    for entry in pack.manifest.get("targets", []):
        target, _ = NetZeroTarget.objects.get_or_create(
            place=place, area=areas[entry["area"]], scope=entry["scope"]
        )
        known = {(v.valid_from, v.net_zero_year): v for v in target.versions.all()}
        for item in entry.get("history", []):
            valid_from = dt.date.fromisoformat(str(item["valid_from"]))
            wording = {
                "decision": item["decision"],
                "source": str(item.get("source", ""))[:500],
                "date_precision": item.get("date_precision", DatePrecision.DAY),
                "assumption": item.get("assumption", ""),
            }
            version = known.get((valid_from, item["net_zero_year"]))
            if version is None:
                TargetVersion.objects.create(
                    target=target,
                    net_zero_year=item["net_zero_year"],
                    valid_from=valid_from,
                    from_pack=True,
                    **wording,
                )
                added += 1
            elif version.from_pack and any(
                getattr(version, name) != value for name, value in wording.items()
            ):
                for name, value in wording.items():
                    setattr(version, name, value)
                version.save(update_fields=list(wording))
    return added


__all__ = ["FIX", "LoadReport", "PackError", "committed_pack_dir", "load_pack", "read_and_load"]
