"""Areas (authorities) and zones (2011 MSOAs) with their boundaries."""

from __future__ import annotations

import json

from . import national_files
from .context import BuildContext
from .errors import SourceDataError
from .geometry import merge_geometries, round_coordinates
from .sources import FETCH_HINT, raw_path, read_raw_csv, require_codes

MSOA_LOOKUP = "lookups/MSOA11_MSOA21_LAD22_BestFit_EW_V2.csv"
MSOA_BOUNDARIES = "msoa/msoa-2011-boundaries-bsc-ew.geojson"
MSOA_NAMES = "msoa/msoa-names-1.12.csv"


def read_msoa_lookup(ctx: BuildContext) -> list[dict[str, str]]:
    """Best-fit rows (MSOA11 → MSOA21 → LAD22) for the pack's districts and unitaries."""
    # The 2022 lookup predates the 2023 unitaries: their MSOAs are those of the districts
    # they replaced, relabelled.
    rows = [
        {**cells, "LAD22CD": ctx.on_current_boundaries(cells["LAD22CD"])}
        for _row, cells in read_raw_csv(
            ctx.data_dir,
            MSOA_LOOKUP,
            ("MSOA11CD", "MSOA11NM", "CHNGIND", "MSOA21CD", "LAD22CD"),
            only=("LAD22CD", {*ctx.lads, *ctx.successor_of}),
        )
        if ctx.on_current_boundaries(cells["LAD22CD"]) in ctx.lads
    ]
    missing = sorted(set(ctx.lads) - {row["LAD22CD"] for row in rows})
    if missing:
        raise SourceDataError(
            f"no MSOAs for {', '.join(missing)} in this 2022 lookup. Authorities created "
            "after April 2022 (e.g. the 2023 unitaries) are not in it, so a pack cannot be "
            f"built for them from these files. If instead the file was cut short: {FETCH_HINT}",
            file=MSOA_LOOKUP,
        )
    return rows


def _read_geojson(ctx: BuildContext, relative: str) -> dict:
    try:
        return national_files.read_json(raw_path(ctx.data_dir, relative))
    except json.JSONDecodeError as error:
        raise SourceDataError(
            f"not valid JSON ({error.msg}): truncated or damaged. {FETCH_HINT}",
            file=relative,
            row=error.lineno,
        ) from None


def build_zones(ctx: BuildContext, lookup: list[dict[str, str]]) -> list[dict]:
    zone_names: dict[str, str] = {}
    for row in lookup:
        ctx.zone_area[row["MSOA11CD"]] = row["LAD22CD"]
        zone_names[row["MSOA11CD"]] = row["MSOA11NM"]
    local_names = {
        cells["msoa11cd"]: cells["msoa11hclnm"]
        for _row, cells in read_raw_csv(
            ctx.data_dir, MSOA_NAMES, ("msoa11cd", "msoa11hclnm"), only=("msoa11cd", ctx.zone_area)
        )
        if cells["msoa11cd"] in ctx.zone_area
    }
    geometries = {
        feature["properties"]["MSOA11CD"]: feature["geometry"]
        for feature in _read_geojson(ctx, MSOA_BOUNDARIES)["features"]
        if feature["properties"].get("MSOA11CD") in ctx.zone_area
    }
    require_codes(set(geometries), sorted(ctx.zone_area), file=MSOA_BOUNDARIES)
    features = [
        {
            "type": "Feature",
            "properties": {
                "code": code,
                "name": zone_names[code],
                "local_name": local_names.get(code, ""),
                "area": ctx.zone_area[code],
            },
            "geometry": {
                "type": geometries[code]["type"],
                "coordinates": round_coordinates(geometries[code]["coordinates"]),
            },
        }
        for code in sorted(ctx.zone_area)
    ]
    ctx.note(
        "ons-geography",
        raw_files=[MSOA_LOOKUP, MSOA_BOUNDARIES, MSOA_NAMES, "lad-boundaries/<code>.geojsonl"],
        coverage=f"{len(features)} MSOAs (2011) in {len(ctx.lads)} authorities",
        method=(
            "Zones are the 2011 MSOAs whose best-fit 2022 LAD in the ONS MSOA 2011→2021→LAD "
            "2022 lookup is one of the pack's authorities (members and neighbours); their "
            "super-generalised clipped 2011 boundaries, coordinates rounded to 5 d.p.; local "
            "names from the House of Commons Library MSOA names 1.12 (empty where none). "
            "District and unitary polygons are the ONS LAD 2023 generalised boundaries where "
            "lad-boundaries/<code>.geojsonl is present, otherwise a MultiPolygon of the "
            "authority's MSOA polygons. The county polygon is a MultiPolygon of its "
            "districts' polygons (not dissolved; shared edges remain)."
        ),
    )
    return features


def _lad_geometry(ctx: BuildContext, code: str, zones: list[dict]) -> tuple[dict, str]:
    path = ctx.data_dir / "lad-boundaries" / f"{code}.geojsonl"
    if path.is_file():
        relative = f"lad-boundaries/{code}.geojsonl"
        try:
            feature = json.loads(path.read_text(encoding="utf-8").strip().splitlines()[0])
            geometry = feature["geometry"]
        except (json.JSONDecodeError, IndexError, KeyError) as error:
            raise SourceDataError(
                f"not a GeoJSON feature line ({error}). {FETCH_HINT}", file=relative, row=1
            ) from None
        return (
            {"type": geometry["type"], "coordinates": round_coordinates(geometry["coordinates"])},
            "ONS LAD 2023 boundary",
        )
    own = [zone["geometry"] for zone in zones if zone["properties"]["area"] == code]
    return merge_geometries(own), "MultiPolygon of its 2011 MSOA polygons"


def _kind(code: str) -> str:
    # GSS entity codes: E07 non-metropolitan district; E06/E08/E09/W06 unitary-type authorities.
    return "district" if code.startswith("E07") else "unitary"


def build_areas(ctx: BuildContext, zones: list[dict]) -> list[dict]:
    definition = ctx.definition
    features: list[dict] = []
    district_geometries: list[dict] = []
    sources: dict[str, str] = {}
    for code in ctx.lads:
        geometry, source = _lad_geometry(ctx, code, zones)
        sources[code] = source
        is_member = code in definition.lads
        if is_member and definition.county:
            district_geometries.append(geometry)
        features.append(
            _feature(
                code,
                ctx.names[code],
                _kind(code),
                definition.county if is_member and _kind(code) == "district" else None,
                "member" if is_member else "neighbour",
                geometry,
            )
        )
    if definition.county:
        county_geometry = merge_geometries(district_geometries)
        features.append(
            _feature(
                definition.county,
                definition.county_name or ctx.names[definition.county],
                "county",
                None,
                "member",
                county_geometry,
            )
        )
    ctx.notes["ons-geography"]["method"] = str(ctx.notes["ons-geography"]["method"]) + (
        " Boundaries used: "
        + "; ".join(f"{ctx.names[code]} ({code}): {source}" for code, source in sources.items())
        + "."
    )
    return sorted(features, key=lambda feature: feature["properties"]["code"])


def _feature(
    code: str, name: str, kind: str, parent: str | None, role: str, geometry: dict
) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name, "kind": kind, "parent": parent, "role": role},
        "geometry": geometry,
    }
