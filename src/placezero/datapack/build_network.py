"""How many NGED primary substations each grid supply point feeds: the denominator the engine
needs to share a GSP's FES 2023 peak among the primary substations of a place.

Kept apart from `build_extras.grid_supply_points` (which copies the FES series) so the one
addition to the pack format — the `nged_primaries` property of each feature of
grid_supply_points.geojson — sits in one function. A GSP polygon spans places beyond the pack,
so the count is over the whole national NGED file, not only the pack's substations.
"""

from __future__ import annotations

from .context import BuildContext
from .geometry import contains, polygons_of
from .sources import raw_float, read_raw_csv

SUBSTATIONS_FILE = "nged/substation_locations_raw_NGED.csv"
PRIMARY = "Primary Substation"


def _bbox(geometry: dict) -> tuple[float, float, float, float]:
    xs = [p[0] for polygon in polygons_of(geometry) for p in polygon[0]]
    ys = [p[1] for polygon in polygons_of(geometry) for p in polygon[0]]
    return min(xs), min(ys), max(xs), max(ys)


def primaries_per_gsp(ctx: BuildContext, features: list[dict]) -> dict[str, int]:
    """{gsp_id: number of NGED primary substations whose location lies in its polygon}.
    `features` are the pack's GSP features (properties gsp_id, geometry in WGS84)."""
    columns = ("Substation Type", "Latitude", "Longitude")
    boxes = [(f, _bbox(f["geometry"])) for f in features]
    counts = {f["properties"]["gsp_id"]: 0 for f in features}
    for number, cells in read_raw_csv(ctx.data_dir, SUBSTATIONS_FILE, columns):
        if cells["Substation Type"].strip() != PRIMARY:
            continue
        lat = raw_float(cells["Latitude"], file=SUBSTATIONS_FILE, row=number, column="Latitude")
        lon = raw_float(cells["Longitude"], file=SUBSTATIONS_FILE, row=number, column="Longitude")
        for feature, (x0, y0, x1, y1) in boxes:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and contains(feature["geometry"], lon, lat):
                counts[feature["properties"]["gsp_id"]] += 1
                break
    return counts


def add_primary_counts(ctx: BuildContext, geojson: dict) -> dict:
    """The GSP collection with `nged_primaries` on every feature (0 where NGED has none: a
    GSP in another network operator's area), and the FES note says how."""
    counts = primaries_per_gsp(ctx, geojson["features"])
    for feature in geojson["features"]:
        feature["properties"]["nged_primaries"] = counts[feature["properties"]["gsp_id"]]
    note = ctx.notes["fes-2023-gsp"]
    note["method"] = str(note["method"]) + (
        " NGED primary substations in each GSP polygon (national NGED location file, bounding "
        "box then ray casting; 0 where NGED does not operate), the equal shares the engine "
        "splits a GSP's peak into: "
        + ", ".join(f"{gsp} {count}" for gsp, count in sorted(counts.items()))
        + "."
    )
    note["raw_files"] = [*note["raw_files"], SUBSTATIONS_FILE]
    return geojson
