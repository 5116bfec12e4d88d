"""Small, dependency-free geometry: rounding, merging polygons, centroids, point in polygon,
and British National Grid (OSGB36) eastings/northings to WGS84 latitude/longitude.

Polygons are GeoJSON coordinate lists in WGS84 longitude/latitude. Nothing here needs
projected accuracy: zones are a few kilometres across and the tests are containment tests.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

COORDINATE_DP = 5  # 5 d.p. of a degree is about 1 m: finer than the generalised boundaries.


def round_coordinates(coordinates: Any, dp: int = COORDINATE_DP) -> Any:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(float(value), dp) for value in coordinates]
    return [round_coordinates(part, dp) for part in coordinates]


def polygons_of(geometry: dict) -> list[list]:
    """The polygons of a Polygon or MultiPolygon, each a list of rings."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"expected a Polygon or MultiPolygon, found {geometry['type']}")


def merge_geometries(geometries: list[dict]) -> dict:
    """A MultiPolygon holding every polygon of the inputs (no dissolve of shared edges)."""
    polygons: list[list] = []
    for geometry in geometries:
        polygons.extend(polygons_of(geometry))
    return {"type": "MultiPolygon", "coordinates": polygons}


def _ring_area_centroid(ring: list) -> tuple[float, float, float]:
    """Signed area and centroid of a ring by the shoelace formula (planar lon/lat)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2.0
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area, cx / (6 * area), cy / (6 * area)


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid (lon, lat) of the outer rings; holes are small enough to ignore."""
    total = sx = sy = 0.0
    for polygon in polygons_of(geometry):
        area, x, y = _ring_area_centroid(polygon[0])
        weight = abs(area)
        total += weight
        sx += x * weight
        sy += y * weight
    if total == 0:
        first = polygons_of(geometry)[0][0][0]
        return float(first[0]), float(first[1])
    return sx / total, sy / total


def _point_in_ring(x: float, y: float, ring: list) -> bool:
    """Even-odd ray casting (W. Randolph Franklin, PNPOLY)."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


# Outer ring -> its bounding box, so a point far outside is rejected without walking the
# ring: building a pack tests every substation and zone centroid against every zone and grid
# supply point polygon, which dominated a build before. Keyed by id() with the ring kept
# alongside (an id is reused only once its ring is freed, and a kept ring is not freed);
# emptied when large, so it never grows past a few builds' polygons.
_BOUNDS: dict[int, tuple[list, tuple[float, float, float, float]]] = {}
_BOUNDS_LIMIT = 200_000


def _bounds(ring: list) -> tuple[float, float, float, float]:
    kept = _BOUNDS.get(id(ring))
    if kept is not None and kept[0] is ring:
        return kept[1]
    if len(_BOUNDS) >= _BOUNDS_LIMIT:
        _BOUNDS.clear()
    xs = [point[0] for point in ring]
    ys = [point[1] for point in ring]
    box = (min(xs), min(ys), max(xs), max(ys))
    _BOUNDS[id(ring)] = (ring, box)
    return box


def contains(geometry: dict, lon: float, lat: float) -> bool:
    """Whether the point lies inside the geometry (inside an outer ring and no hole)."""
    for polygon in polygons_of(geometry):
        west, south, east, north = _bounds(polygon[0])
        if not (west <= lon <= east and south <= lat <= north):
            continue
        if _point_in_ring(lon, lat, polygon[0]) and not any(
            _point_in_ring(lon, lat, hole) for hole in polygon[1:]
        ):
            return True
    return False


# --- OSGB36 National Grid -> WGS84 ---------------------------------------------------------
# Method and constants: Ordnance Survey, "A guide to coordinate systems in Great Britain"
# (v3.6, 2020): transverse Mercator inverse on the Airy 1830 ellipsoid (annex C) and the
# 7-parameter Helmert transformation OSGB36 -> WGS84 (section 6.6, table 4 reversed).
# Accuracy is a few metres, which is ample for placing a renewable site in a district.
_AIRY_A, _AIRY_B = 6377563.396, 6356256.909
_WGS_A, _WGS_B = 6378137.0, 6356752.3142
_F0 = 0.9996012717
_LAT0, _LON0 = math.radians(49.0), math.radians(-2.0)
_E0, _N0 = 400000.0, -100000.0
# OSGB36 -> WGS84: tx, ty, tz (m), scale (ppm), rx, ry, rz (arc seconds)
_HELMERT = (446.448, -125.157, 542.060, -20.4894, 0.1502, 0.2470, 0.8421)


def _meridional_arc(lat: float, n: float) -> float:
    d, s = lat - _LAT0, lat + _LAT0
    return (
        _AIRY_B
        * _F0
        * (
            (1 + n + 1.25 * n**2 + 1.25 * n**3) * d
            - (3 * n + 3 * n**2 + 2.625 * n**3) * math.sin(d) * math.cos(s)
            + (1.875 * n**2 + 1.875 * n**3) * math.sin(2 * d) * math.cos(2 * s)
            - (35 / 24) * n**3 * math.sin(3 * d) * math.cos(3 * s)
        )
    )


def _grid_to_osgb36(easting: float, northing: float) -> tuple[float, float]:
    a, b = _AIRY_A, _AIRY_B
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)
    lat, m = _LAT0, 0.0
    while True:
        lat = (northing - _N0 - m) / (a * _F0) + lat
        m = _meridional_arc(lat, n)
        if abs(northing - _N0 - m) < 0.00001:
            break
    sin_lat, cos_lat, tan_lat = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * _F0 / math.sqrt(1 - e2 * sin_lat**2)
    rho = a * _F0 * (1 - e2) / (1 - e2 * sin_lat**2) ** 1.5
    eta2 = nu / rho - 1
    vii = tan_lat / (2 * rho * nu)
    viii = tan_lat / (24 * rho * nu**3) * (5 + 3 * tan_lat**2 + eta2 - 9 * tan_lat**2 * eta2)
    ix = tan_lat / (720 * rho * nu**5) * (61 + 90 * tan_lat**2 + 45 * tan_lat**4)
    x = 1 / (cos_lat * nu)
    xi = 1 / (cos_lat * 6 * nu**3) * (nu / rho + 2 * tan_lat**2)
    xii = 1 / (cos_lat * 120 * nu**5) * (5 + 28 * tan_lat**2 + 24 * tan_lat**4)
    xiia = (
        1
        / (cos_lat * 5040 * nu**7)
        * (61 + 662 * tan_lat**2 + 1320 * tan_lat**4 + 720 * tan_lat**6)
    )
    de = easting - _E0
    phi = lat - vii * de**2 + viii * de**4 - ix * de**6
    lam = _LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return phi, lam


def _to_cartesian(lat: float, lon: float, a: float, b: float) -> tuple[float, float, float]:
    e2 = 1 - (b * b) / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return (
        nu * math.cos(lat) * math.cos(lon),
        nu * math.cos(lat) * math.sin(lon),
        (1 - e2) * nu * math.sin(lat),
    )


def _helmert(x: float, y: float, z: float) -> tuple[float, float, float]:
    tx, ty, tz, s_ppm, rx, ry, rz = _HELMERT
    s = s_ppm * 1e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (rx, ry, rz))
    return (
        tx + (1 + s) * x - rz * y + ry * z,
        ty + rz * x + (1 + s) * y - rx * z,
        tz - ry * x + rx * y + (1 + s) * z,
    )


def _from_cartesian(x: float, y: float, z: float, a: float, b: float) -> tuple[float, float]:
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        lat = math.atan2(z + e2 * nu * math.sin(lat), p)
    return lat, math.atan2(y, x)


def bng_to_wgs84(easting: float, northing: float) -> tuple[float, float]:
    """(lat, lon) in WGS84 degrees for an OSGB36 National Grid easting and northing (m)."""
    lat, lon = _grid_to_osgb36(easting, northing)
    x, y, z = _helmert(*_to_cartesian(lat, lon, _AIRY_A, _AIRY_B))
    lat, lon = _from_cartesian(x, y, z, _WGS_A, _WGS_B)
    return math.degrees(lat), math.degrees(lon)
