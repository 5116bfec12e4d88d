"""Build a place pack from the raw national files.

    python -m placezero.datapack.build leicestershire --data-dir ../shared/data --out var/packs

The pack is written to a temporary directory beside the target and renamed into place only
when every file is written, so a failed build never leaves a half-written pack. Rows are
sorted and numbers rounded to 6 significant figures, so the same input gives byte-identical
output.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from . import (
    build_areas,
    build_census_age,
    build_energy,
    build_extras,
    build_geo,
    build_ghg,
    build_network,
    build_zone_stats,
)
from .context import BuildContext, Row, format_number
from .definitions import PlaceDefinition, authority_names, load_definition
from .errors import PackError, SourceDataError
from .provenance import DATASETS
from .reader import PACKS_DIR, file_sha256, pack_digest
from .schema import EXPECTED_UNITS, PACK_FILES, PACK_FORMAT


def build_pack(
    definition: PlaceDefinition,
    data_dir: Path,
    out_dir: Path,
    progress: Callable[[str], None] | None = None,
    *,
    built_with: str | None = None,
) -> Path:
    """Write `out_dir/<slug>/` from the raw files in `data_dir`; return that directory."""
    data_dir, out_dir = Path(data_dir), Path(out_dir)
    if not data_dir.is_dir():
        raise PackError(
            f"data directory {data_dir} does not exist. Point --data-dir at the raw national "
            "files (docs/method/data.md gives where to download each)."
        )
    say = progress or (lambda _message: None)
    ctx = BuildContext(definition, data_dir, authority_names(data_dir), say)
    _check_names(ctx)
    files = _build_files(ctx)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / definition.slug
    staging = Path(tempfile.mkdtemp(prefix=f".{definition.slug}-", dir=out_dir))
    try:
        staging.chmod(0o755)  # mkdtemp makes it private; a pack is meant to be read by all
        for name, content in files.items():
            (staging / name).write_bytes(content)
        manifest = _manifest(ctx, staging, files, built_with or _default_command(ctx))
        (staging / "manifest.json").write_bytes(_json_bytes(manifest))
        _swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    say(f"wrote {target}")
    return target


def _check_names(ctx: BuildContext) -> None:
    for code in ctx.lads:
        if code not in ctx.names:
            raise SourceDataError(
                f"unknown local authority code {code!r} in the definition of "
                f"{ctx.definition.slug!r}: not in the lad_code column.",
                file="desnz/la-ghg-totals-2005-2023.csv",
            )


def _swap_into_place(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with renames only (the old pack survives a failure)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old)


def _build_files(ctx: BuildContext) -> dict[str, bytes]:
    say = ctx.progress
    say("zones and areas")
    lookup = build_geo.read_msoa_lookup(ctx)
    zones = build_geo.build_zones(ctx, lookup)
    areas = build_geo.build_areas(ctx, zones)
    say("area statistics")
    area_rows: list[Row] = []
    for step in (
        build_areas.ghg_rows,
        build_ghg.sector_rows,
        build_areas.mysociety_rows,
        build_areas.population_rows,
        build_areas.census_area_rows,
        build_areas.fes_rows,
        build_energy.electricity_rows,
        build_energy.gas_rows,
    ):
        say(f"  {step.__module__.rsplit('.', 1)[-1]}.{step.__name__}")
        area_rows += step(ctx)
    say("zone statistics")
    electricity = build_zone_stats.msoa_electricity_rows(ctx)
    zone_rows = electricity + build_zone_stats.lsoa_gas_rows(ctx)
    weights = build_zone_stats.zone_weights(electricity)
    census_zones = build_zone_stats.census_zone_rows(ctx, lookup, weights)
    zone_rows += census_zones
    zone_rows += build_census_age.age_zone_rows(ctx, lookup, weights)  # optional file
    _note_census(ctx, area_rows, census_zones)
    say("national series, costs, renewable sites, grid")
    national = build_extras.national_rows(ctx)
    costs = build_extras.technology_cost_rows(ctx)
    sites = build_extras.renewable_site_rows(ctx, areas)
    gsp_rows, gsp_geojson = build_extras.grid_supply_points(ctx, zones)
    gsp_geojson = build_network.add_primary_counts(ctx, gsp_geojson)
    substations = build_extras.substation_rows(ctx, zones)
    return {
        "areas.geojson": _json_bytes({"type": "FeatureCollection", "features": areas}),
        "zones.geojson": _json_bytes({"type": "FeatureCollection", "features": zones}),
        "area_statistics.csv": _stats_csv("area_statistics.csv", area_rows),
        "zone_statistics.csv": _stats_csv("zone_statistics.csv", zone_rows),
        "national_series.csv": _csv(
            "national_series.csv",
            sorted((d, v, s, y, format_number(x), u) for d, v, s, y, x, u in national),
        ),
        "technology_costs.csv": _dict_csv("technology_costs.csv", costs, sort=True),
        "renewable_sites.csv": _dict_csv("renewable_sites.csv", sites),
        "grid_supply_points.csv": _csv(
            "grid_supply_points.csv",
            sorted(
                (
                    r["gsp_id"],
                    r["scenario"],
                    r["parameter"],
                    r["year"],
                    format_number(r["value"]),
                    r["unit"],
                )
                for r in gsp_rows
            ),
        ),
        "grid_supply_points.geojson": _json_bytes(gsp_geojson),
        "substations.csv": _dict_csv("substations.csv", substations),
    }


def _note_census(ctx: BuildContext, area_rows: list[Row], zone_rows: list[Row]) -> None:
    """Record, per authority, how far the zone households sum from the published total."""
    published = {
        row[0]: row[5] for row in area_rows if row[1] == "census-2021" and row[2] == "households"
    }
    sums: dict[str, float] = {}
    for code, _d, variable, _s, _y, value, _u in zone_rows:
        if variable == "households":
            area = ctx.zone_area[code]
            sums[area] = sums.get(area, 0.0) + value
    checks = "; ".join(
        f"{ctx.names[code]} {format_number(sums.get(code, 0.0))} "
        f"vs {format_number(published[code])}"
        for code in ctx.lads
        if code in published
    )
    zone_method = ctx.notes.get("census-2021", {}).pop("zone_method", "")
    ctx.note(
        "census-2021",
        raw_files=[
            build_areas.CENSUS_FILE.format(table=t, level=level)
            for t in ("ts041", "ts044", "ts046", "ts054")
            for level in ("ltla", "utla", "msoa")
        ],
        coverage="2021",
        method=(
            "Areas: each category of TS041, TS044, TS046 and TS054 is a variable (households), "
            "copied from the LTLA tables for districts and unitaries and from the UTLA tables "
            f"for the county. {zone_method} Check, zone sum of households vs the published "
            f"authority total: {checks}."
        ),
    )


def _stats_csv(name: str, rows: Iterable[Row]) -> bytes:
    seen: set[tuple] = set()
    out = []
    for code, dataset, variable, scenario, year, value, unit in rows:
        if EXPECTED_UNITS.get((dataset, variable)) != unit:
            raise PackError(f"builder produced {dataset}/{variable} in {unit!r}", file=name)
        key = (code, dataset, variable, scenario, year)
        if key in seen:
            raise PackError(f"builder produced {key} twice", file=name)
        seen.add(key)
        out.append((code, dataset, variable, scenario, year, format_number(value), unit))
    return _csv(name, sorted(out))


def _csv(name: str, rows: Iterable[tuple]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PACK_FILES[name])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _dict_csv(name: str, rows: list[dict], *, sort: bool = False) -> bytes:
    columns = PACK_FILES[name]
    table = [tuple(str(row[column]) for column in columns) for row in rows]
    return _csv(name, sorted(table) if sort else table)


def _json_bytes(data: object) -> bytes:
    return (
        json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
    ).encode("utf-8")


def _row_count(name: str, content: bytes) -> int:
    if name.endswith(".csv"):
        return content.count(b"\n") - 1
    return len(json.loads(content)["features"])


def _manifest(ctx: BuildContext, staging: Path, files: dict[str, bytes], command: str) -> dict:
    definition = ctx.definition
    digests = {name: file_sha256(staging / name) for name in files}
    areas = json.loads(files["areas.geojson"])["features"]
    return {
        "format": PACK_FORMAT,
        "slug": definition.slug,
        "name": definition.name,
        "built_with": command,
        "digest": pack_digest(digests),
        "areas": [feature["properties"] for feature in areas],
        "datasets": [{"key": key, **DATASETS[key], **ctx.notes[key]} for key in sorted(ctx.notes)],
        "targets": list(definition.targets),
        "files": {
            name: {"sha256": digests[name], "rows": _row_count(name, files[name])}
            for name in sorted(files)
        },
    }


def _default_command(ctx: BuildContext) -> str:
    # The data directory is left out so the manifest (and pack) do not depend on where the
    # raw files happen to live on the machine that built it.
    return f"placezero place build --definition {ctx.definition.slug}"


def main(argv: list[str] | None = None) -> int:
    from .sources import DEFAULT_DATA_DIR

    parser = argparse.ArgumentParser(prog="python -m placezero.datapack.build")
    parser.add_argument("definition", help="definition slug (e.g. leicestershire) or YAML path")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, default=PACKS_DIR)
    args = parser.parse_args(argv)
    try:
        path = build_pack(
            load_definition(args.definition),
            args.data_dir,
            args.out,
            progress=lambda message: print(message, file=sys.stderr),
        )
    except PackError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
