"""Find, read and validate a place pack.

`read_pack` checks everything before it hands a pack over: the manifest, the columns of
every file, that values are numbers and years integers, that every statistic belongs to an
area or zone in the pack, that every unit is the one `schema.EXPECTED_UNITS` expects, and
that each file's sha256 matches the manifest. Any failure is a `PackError` that names the
file, the row (the line number in the file, header = row 1) and the column.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PackError
from .schema import EXPECTED_UNITS, PACK_FILES, PACK_FORMAT
from .tables import (
    REBUILD_HINT,
    NationalRow,
    StatRow,
    read_gsp,
    read_national,
    read_renewable_sites,
    read_stats,
    read_substations,
    read_technology_costs,
)

__all__ = [
    "PACKS_DIR",
    "NationalRow",
    "Pack",
    "StatRow",
    "file_sha256",
    "find_pack_dir",
    "pack_digest",
    "pack_search_path",
    "read_pack",
]

PACKS_DIR: Path = Path(__file__).resolve().parent.parent / "packs"
_REPO_DIR: Path = Path(__file__).resolve().parents[3]


def pack_search_path() -> list[Path]:
    """Where packs are looked for by slug: committed packs first, then local builds."""
    return [PACKS_DIR, _REPO_DIR / "var" / "packs"]


@dataclass(frozen=True)
class Pack:
    """A validated place pack. Treat it as read-only: lists are shared between callers."""

    path: Path
    manifest: dict
    digest: str
    areas: list[dict]
    zones: list[dict]
    area_statistics: list[StatRow]
    zone_statistics: list[StatRow]
    national_series: list[NationalRow]
    technology_costs: list[dict]
    renewable_sites: list[dict]
    grid_supply_points: list[dict]
    gsp_geojson: dict
    substations: list[dict]
    _area_index: dict = field(init=False, repr=False, compare=False)
    _zone_index: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        area_index: dict[tuple[str, str, str, str], dict[int, float]] = {}
        for row in self.area_statistics:
            key = (row.code, row.dataset, row.variable, row.scenario)
            area_index.setdefault(key, {})[row.year] = row.value
        zone_index: dict[tuple[str, str, int, str], dict[str, float]] = {}
        for row in self.zone_statistics:
            key = (row.dataset, row.variable, row.year, row.scenario)
            zone_index.setdefault(key, {})[row.code] = row.value
        object.__setattr__(self, "_area_index", area_index)
        object.__setattr__(self, "_zone_index", zone_index)

    @property
    def slug(self) -> str:
        return self.manifest["slug"]

    @property
    def name(self) -> str:
        return self.manifest["name"]

    def area_series(
        self, area_code: str, dataset: str, variable: str, scenario: str = ""
    ) -> dict[int, float]:
        """Year -> value for one area; empty if the pack has no figures for that area."""
        _check_variable(dataset, variable)
        return dict(
            sorted(self._area_index.get((area_code, dataset, variable, scenario), {}).items())
        )

    def zone_values(
        self, dataset: str, variable: str, year: int, scenario: str = ""
    ) -> dict[str, float]:
        """Zone code -> value for one year; empty if the pack has no figures for that year."""
        _check_variable(dataset, variable)
        return dict(sorted(self._zone_index.get((dataset, variable, year, scenario), {}).items()))


def _check_variable(dataset: str, variable: str) -> None:
    if (dataset, variable) not in EXPECTED_UNITS:
        known = sorted(v for d, v in EXPECTED_UNITS if d == dataset)
        hint = f"known variables: {', '.join(known)}" if known else "no such dataset"
        raise PackError(f"unknown variable {variable!r} for dataset {dataset!r} ({hint}).")


# --- locating ----------------------------------------------------------------------------


def find_pack_dir(slug_or_path: str | Path) -> Path:
    candidate = Path(slug_or_path)
    if candidate.is_dir():
        return candidate
    slug = str(slug_or_path)
    if "/" not in slug and "\\" not in slug:
        for base in pack_search_path():
            if (base / slug / "manifest.json").is_file():
                return base / slug
    searched = ", ".join(str(base) for base in pack_search_path())
    raise PackError(
        f"no place pack {slug!r}: not a directory and not found in {searched}. "
        "Build it with `placezero place build` or give the path to a pack directory."
    )


def read_pack(slug_or_path: str | Path) -> Pack:
    """Read and validate a pack by slug (searched in `pack_search_path()`) or directory."""
    path = find_pack_dir(slug_or_path)
    manifest = _read_manifest(path)
    areas = _read_features(path, "areas.geojson")
    zones = _read_features(path, "zones.geojson")
    area_codes = {feature["properties"]["code"] for feature in areas}
    zone_codes = {feature["properties"]["code"] for feature in zones}
    _check_zone_areas(zones, area_codes)
    gsp_geojson = _read_geojson(path, "grid_supply_points.geojson")
    _check_feature_properties(gsp_geojson, "grid_supply_points.geojson")
    # Content first, digests last: a damaged row is reported where it is, and only a change
    # that still parses (a valid number edited, a file cut at a line end) falls to the digest.
    contents = {
        "area_statistics": read_stats(path, "area_statistics.csv", "area_code", area_codes),
        "zone_statistics": read_stats(path, "zone_statistics.csv", "zone_code", zone_codes),
        "national_series": read_national(path),
        "technology_costs": read_technology_costs(path),
        "renewable_sites": read_renewable_sites(path, area_codes),
        "grid_supply_points": read_gsp(path),
        "substations": read_substations(path, zone_codes),
    }
    pack = Pack(
        path=path,
        manifest=manifest,
        digest=_verify_digests(path, manifest),
        areas=areas,
        zones=zones,
        gsp_geojson=gsp_geojson,
        **contents,
    )
    return pack


# --- manifest and digests ----------------------------------------------------------------


def _read_manifest(path: Path) -> dict:
    file = "manifest.json"
    try:
        manifest = json.loads((path / file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"missing from {path}. {REBUILD_HINT}", file=file) from None
    except json.JSONDecodeError as error:
        raise PackError(
            f"not valid JSON ({error.msg}). {REBUILD_HINT}", file=file, row=error.lineno
        ) from None
    if not isinstance(manifest, dict):
        raise PackError(f"expected a JSON object. {REBUILD_HINT}", file=file)
    if manifest.get("format") != PACK_FORMAT:
        raise PackError(
            f"format is {manifest.get('format')!r}, expected {PACK_FORMAT!r}. {REBUILD_HINT}",
            file=file,
        )
    for key in ("slug", "name", "areas", "datasets", "files"):
        if key not in manifest:
            raise PackError(f"missing key {key!r}. {REBUILD_HINT}", file=file)
    for name in PACK_FILES:
        if name != "manifest.json" and name not in manifest["files"]:
            raise PackError(f"'files' does not list {name}. {REBUILD_HINT}", file=file)
    return manifest


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pack_digest(file_digests: dict[str, str]) -> str:
    """sha256 over the sorted 'name sha256' lines of the data files (manifest excluded)."""
    text = "".join(f"{name} {digest}\n" for name, digest in sorted(file_digests.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _verify_digests(path: Path, manifest: dict) -> str:
    digests: dict[str, str] = {}
    for name, entry in sorted(manifest["files"].items()):
        actual = file_sha256(path / name)
        if actual != entry.get("sha256"):
            raise PackError(
                f"sha256 {actual[:12]}… does not match the manifest "
                f"({str(entry.get('sha256'))[:12]}…): "
                "the file was changed or truncated after the pack was built. "
                "Rebuild the pack with `placezero place build`.",
                file=name,
            )
        digests[name] = actual
    return pack_digest(digests)


# --- GeoJSON -----------------------------------------------------------------------------


def _read_geojson(path: Path, file: str) -> dict:
    try:
        data = json.loads((path / file).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"missing from {path}. {REBUILD_HINT}", file=file) from None
    except json.JSONDecodeError as error:
        raise PackError(
            f"not valid JSON ({error.msg}). {REBUILD_HINT}", file=file, row=error.lineno
        ) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise PackError(f"expected a GeoJSON FeatureCollection. {REBUILD_HINT}", file=file)
    return data


def _check_feature_properties(collection: dict, file: str) -> None:
    for number, feature in enumerate(collection.get("features", []), start=1):
        properties = feature.get("properties") or {}
        for column in PACK_FILES[file]:
            if column not in properties:
                raise PackError(
                    f"feature {number} has no property {column!r}. {REBUILD_HINT}",
                    file=file,
                    column=column,
                )
        if not isinstance(feature.get("geometry"), dict):
            raise PackError(f"feature {number} has no geometry. {REBUILD_HINT}", file=file)


def _read_features(path: Path, file: str) -> list[dict]:
    collection = _read_geojson(path, file)
    _check_feature_properties(collection, file)
    return collection["features"]


def _check_zone_areas(zones: list[dict], area_codes: set[str]) -> None:
    for number, feature in enumerate(zones, start=1):
        area = feature["properties"]["area"]
        if area not in area_codes:
            raise PackError(
                f"feature {number} ({feature['properties']['code']}) names area {area!r}, "
                f"which is not in areas.geojson. {REBUILD_HINT}",
                file="zones.geojson",
                column="area",
            )
