"""Geometry the baseline needs from a place pack: zone areas, centroids and the network
groups (zones sharing a primary substation). Planar approximations adequate for MSOAs."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np


def ring_area_m2(ring: list[list[float]]) -> float:
    """Area of a lon/lat ring by the shoelace formula on a local equirectangular projection
    (adequate for MSOA-sized polygons; error well under 1 %)."""
    lat0 = math.radians(sum(p[1] for p in ring) / len(ring))
    radius = 6_371_008.8
    xs = [math.radians(p[0]) * radius * math.cos(lat0) for p in ring]
    ys = [math.radians(p[1]) * radius for p in ring]
    twice = sum(xs[i] * ys[i + 1] - xs[i + 1] * ys[i] for i in range(len(ring) - 1))
    return abs(twice) / 2.0


def geometry_area_ha(geometry: dict) -> float:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    total = 0.0
    for polygon in polygons:
        total += ring_area_m2(polygon[0]) - sum(ring_area_m2(hole) for hole in polygon[1:])
    return total / 10_000.0


def geometry_centroid(geometry: dict) -> tuple[float, float]:
    """(lon, lat) area-weighted centroid of the outer rings (planar, adequate for MSOAs)."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    total = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if total == 0:
        xs, ys = zip(*polygons[0][0], strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    return cx / (3 * total), cy / (3 * total)


def _distance_km(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distance (haversine)."""
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * np.arcsin(np.sqrt(h))


def group_holders(pack: Any, zones: list[str]) -> list[str]:
    """The zones holding primary substations, in zone order: group g is holders[g]."""
    primaries = {row["zone_code"] for row in pack.substations if row["zone_code"] in zones}
    return sorted(primaries, key=zones.index)


def network_groups(pack: Any, zone_features: list[dict]) -> tuple[np.ndarray, tuple[str, ...]]:
    """[Z] group index and group labels: zones holding primary substations each form a
    group; other zones join the group of the nearest primary substation."""
    zones = [z["properties"]["code"] for z in zone_features]
    primaries = [row for row in pack.substations if row["zone_code"] in zones]
    if not primaries:
        return np.arange(len(zones)), tuple(zones)
    holders = group_holders(pack, zones)
    labels = tuple(
        " + ".join(sorted(row["name"] for row in primaries if row["zone_code"] == zone))
        for zone in holders
    )
    lon = np.array([row["lon"] for row in primaries])
    lat = np.array([row["lat"] for row in primaries])
    index = np.zeros(len(zones), dtype=int)
    for z, feature in enumerate(zone_features):
        code = zones[z]
        if code in holders:
            index[z] = holders.index(code)
            continue
        zlon, zlat = geometry_centroid(feature["geometry"])
        nearest = primaries[int(np.argmin(_distance_km(zlon, zlat, lon, lat)))]
        index[z] = holders.index(nearest["zone_code"])
    return index, labels


# REPD technology types counted as existing local generation (the engine's solar and wind).
REPD_SOLAR, REPD_WIND = "Solar Photovoltaics", "Wind Onshore"


def existing_generation_mw(pack: Any, zone_features: list[dict]) -> np.ndarray:
    """[Z, 2] operational solar and onshore wind MW per zone from the Renewable Energy
    Planning Database sites in the pack (status "Operational"), each site in the zone whose
    boundary contains it. Sites outside every zone (in a neighbouring area) are left out."""
    from placezero.datapack.geometry import contains

    out = np.zeros((len(zone_features), 2))
    for site in pack.renewable_sites:
        column = {REPD_SOLAR: 0, REPD_WIND: 1}.get(site["technology"])
        if column is None or site["status"] != "Operational" or not site["capacity_mw"]:
            continue
        if site["lat"] in ("", None) or site["lon"] in ("", None):
            continue
        for z, feature in enumerate(zone_features):
            if contains(feature["geometry"], float(site["lon"]), float(site["lat"])):
                out[z, column] += float(site["capacity_mw"])
                break
    return out
