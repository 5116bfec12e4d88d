"""Geometry helpers: grid conversion, point in polygon, number formatting."""

from __future__ import annotations

import pytest

from placezero.datapack.context import format_number
from placezero.datapack.geometry import bng_to_wgs84, contains


@pytest.mark.parametrize(
    ("easting", "northing", "lat", "lon"),
    [
        # NGED substation_locations_raw_NGED.csv publishes both grid and WGS84 positions.
        (507341.0, 350898.0, 53.044549, -0.400293),  # Ruskington 33 11kv S Stn
        (369417.0, 305982.0, 52.650669, -2.45351),  # Madeley 33/11kv
        (201491.0, 51749.0, 50.33207, -4.790694),  # Sawles Road
    ],
)
def test_national_grid_positions_convert_to_published_wgs84(
    easting: float, northing: float, lat: float, lon: float
) -> None:
    """Within 0.0002 degrees (about 15 m): the Helmert transformation is good to a few metres."""
    got_lat, got_lon = bng_to_wgs84(easting, northing)
    assert got_lat == pytest.approx(lat, abs=2e-4)
    assert got_lon == pytest.approx(lon, abs=2e-4)


SQUARE_WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]],
    ],
}


def test_a_point_inside_the_outer_ring_is_contained() -> None:
    assert contains(SQUARE_WITH_HOLE, 2, 2)


def test_a_point_in_a_hole_is_not_contained() -> None:
    assert not contains(SQUARE_WITH_HOLE, 5, 5)


def test_a_point_outside_is_not_contained() -> None:
    assert not contains(SQUARE_WITH_HOLE, 11, 5)


@pytest.mark.parametrize(
    ("value", "text"),
    [(915.960703977, "915.961"), (13066091.41, "13066100"), (0.185206, "0.185206"), (42.0, "42")],
)
def test_numbers_are_written_to_six_significant_figures(value: float, text: str) -> None:
    assert format_number(value) == text
