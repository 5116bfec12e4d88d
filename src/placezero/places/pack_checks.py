"""Checks a place pack must pass before the loader writes anything.

`placezero.datapack.reader` already checks each file on its own (columns, numbers, units,
digests, that statistics name an area or zone of the pack). What is left is what only the
database cares about: references between files that the reader does not follow (parents,
datasets, targets), values that must be one of the model's choices, and rows that would
collide on a unique constraint. Every refusal names the file, row and column and says how
to fix it, because a half-understood error is how people end up editing packs by hand.
"""

from __future__ import annotations

import datetime as dt
import re

from placezero.datapack.errors import PackError
from placezero.datapack.reader import Pack, StatRow

from .options import AreaKind, AreaRole, DatePrecision, TargetScope

# ONS GSS codes: a country letter and eight digits (ONS Register of Geographic Codes).
GSS_CODE = re.compile(r"^[EWSN]\d{8}$")
FIX = "Fix the pack's definition and rebuild it with `placezero place build`."


def check_pack(pack: Pack) -> None:
    """Raise PackError on the first cross-reference the database could not hold."""
    area_codes = _check_areas(pack)
    _check_zones(pack)
    dataset_keys = _check_datasets(pack)
    _check_statistics(pack.area_statistics, "area_statistics.csv", "area_code", dataset_keys)
    _check_statistics(pack.zone_statistics, "zone_statistics.csv", "zone_code", dataset_keys)
    _check_sites(pack)
    _check_targets(pack, area_codes)


def _check_areas(pack: Pack) -> set[str]:
    file = "areas.geojson"
    codes: set[str] = set()
    for number, feature in enumerate(pack.areas, start=1):
        properties = feature["properties"]
        code = properties["code"]
        if not isinstance(code, str) or not GSS_CODE.match(code):
            raise PackError(
                f"feature {number}: {code!r} is not an ONS GSS code (a letter E, W, S or N "
                f"and eight digits, e.g. E07000134). {FIX}",
                file=file,
                column="code",
            )
        if code in codes:
            raise PackError(f"feature {number}: area {code} appears twice. {FIX}", file=file)
        codes.add(code)
        _check_choice(properties["kind"], AreaKind, file=file, column="kind", number=number)
        _check_choice(properties["role"], AreaRole, file=file, column="role", number=number)
    for number, feature in enumerate(pack.areas, start=1):
        parent = feature["properties"]["parent"]
        if parent and parent not in codes:
            raise PackError(
                f"feature {number} ({feature['properties']['code']}) has parent {parent!r}, "
                f"which is not an area of the pack. {FIX}",
                file=file,
                column="parent",
            )
    listed = {area.get("code") for area in pack.manifest["areas"]}
    if listed != codes:
        differ = ", ".join(sorted(str(code) for code in listed ^ codes))
        raise PackError(
            f"'areas' and areas.geojson disagree on {differ}. {FIX}", file="manifest.json"
        )
    return codes


def _check_choice(value: object, choices: type, *, file: str, column: str, number: int) -> None:
    allowed = [str(choice) for choice in choices.values]  # type: ignore[attr-defined]
    if value not in allowed:
        raise PackError(
            f"feature {number}: {value!r} is not one of {', '.join(allowed)}. {FIX}",
            file=file,
            column=column,
        )


def _check_zones(pack: Pack) -> None:
    seen: set[str] = set()
    for number, feature in enumerate(pack.zones, start=1):
        code = feature["properties"]["code"]
        if not isinstance(code, str) or not GSS_CODE.match(code):
            raise PackError(
                f"feature {number}: {code!r} is not an ONS GSS code (MSOA codes look like "
                f"E02005347). {FIX}",
                file="zones.geojson",
                column="code",
            )
        if code in seen:
            raise PackError(
                f"feature {number}: zone {code} appears twice. {FIX}", file="zones.geojson"
            )
        seen.add(code)


def _check_datasets(pack: Pack) -> set[str]:
    keys: set[str] = set()
    required = ("key", "title", "publisher", "licence", "attribution")
    for number, dataset in enumerate(pack.manifest["datasets"], start=1):
        for name in required:
            if not dataset.get(name):
                raise PackError(
                    f"dataset {number} has no {name!r}; every dataset needs "
                    f"{', '.join(required)} so the site can credit it. {FIX}",
                    file="manifest.json",
                    column=name,
                )
        if dataset["key"] in keys:
            raise PackError(
                f"dataset key {dataset['key']!r} appears twice. {FIX}", file="manifest.json"
            )
        keys.add(dataset["key"])
    return keys


def _check_statistics(
    rows: list[StatRow], file: str, code_column: str, dataset_keys: set[str]
) -> None:
    seen: set[tuple[str, str, str, str, int]] = set()
    # The builder writes one line per row after the header, so the file row is index + 2.
    for index, row in enumerate(rows):
        number = index + 2
        if row.dataset not in dataset_keys:
            raise PackError(
                f"dataset {row.dataset!r} is not listed in manifest.json 'datasets'. {FIX}",
                file=file,
                row=number,
                column="dataset",
            )
        key = (row.code, row.dataset, row.variable, row.scenario, row.year)
        if key in seen:
            raise PackError(
                f"{row.code} {row.dataset}/{row.variable} {row.scenario or 'observed'} "
                f"{row.year} is given twice. {FIX}",
                file=file,
                row=number,
                column=code_column,
            )
        seen.add(key)


def _check_sites(pack: Pack) -> None:
    seen: set[str] = set()
    for index, site in enumerate(pack.renewable_sites):
        if site["ref_id"] in seen:
            raise PackError(
                f"REPD ref_id {site['ref_id']!r} appears twice. {FIX}",
                file="renewable_sites.csv",
                row=index + 2,
                column="ref_id",
            )
        seen.add(site["ref_id"])


def _check_targets(pack: Pack, area_codes: set[str]) -> None:
    file = "manifest.json"
    for number, target in enumerate(pack.manifest.get("targets", []), start=1):
        if target.get("area") not in area_codes:
            raise PackError(
                f"target {number} is for area {target.get('area')!r}, which is not an area of "
                f"the pack. {FIX}",
                file=file,
                column="targets",
            )
        scopes = [str(scope) for scope in TargetScope.values]
        if target.get("scope") not in scopes:
            raise PackError(
                f"target {number} has scope {target.get('scope')!r}; use one of "
                f"{', '.join(scopes)}. {FIX}",
                file=file,
                column="targets",
            )
        for version in target.get("history", []):
            _check_target_version(version, number)


def _check_target_version(version: dict, number: int) -> None:
    year = version.get("net_zero_year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise PackError(
            f"target {number}: net_zero_year {year!r} is not a year between 2000 and 2100. {FIX}",
            file="manifest.json",
            column="targets",
        )
    try:
        dt.date.fromisoformat(str(version.get("valid_from")))
    except ValueError:
        raise PackError(
            f"target {number}: valid_from {version.get('valid_from')!r} is not a date "
            f"(YYYY-MM-DD). {FIX}",
            file="manifest.json",
            column="targets",
        ) from None
    precision = version.get("date_precision", DatePrecision.DAY)
    if precision not in DatePrecision.values:
        raise PackError(
            f"target {number}: date_precision {precision!r} is not one of "
            f"{', '.join(DatePrecision.values)}. {FIX}",
            file="manifest.json",
            column="targets",
        )
    if not version.get("decision"):
        raise PackError(
            f"target {number}: a version has no 'decision' (say which decision set it). {FIX}",
            file="manifest.json",
            column="targets",
        )
