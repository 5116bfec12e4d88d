"""build_inputs: clear errors when the pack lacks what the engine needs."""

from __future__ import annotations

import pytest

from placezero.engine.pack_inputs import InputError, build_inputs, geometry_area_ha


class WithoutHouseholds:
    """A real pack with one zone's Census household count removed."""

    def __init__(self, pack, zone):
        self._pack, self._zone = pack, zone

    def __getattr__(self, name):
        return getattr(self._pack, name)

    def zone_values(self, dataset, variable, year, scenario=""):
        values = self._pack.zone_values(dataset, variable, year, scenario)
        if variable == "households":
            values = {k: v for k, v in values.items() if k != self._zone}
        return values


def test_missing_zone_data_names_the_zone_and_the_fix(pack):
    """Rule: a zone without a household count stops the build, naming zone and remedy."""
    with pytest.raises(InputError, match=r"households missing for zone.*E02005334.*Rebuild"):
        build_inputs(WithoutHouseholds(pack, "E02005334"))


def test_base_year_outside_the_data_says_what_the_pack_covers(pack):
    """Rule: a base year the pack does not cover is refused with the years it has."""
    with pytest.raises(InputError, match=r"no value for 2024 .pack has 2005-2023"):
        build_inputs(pack, base_year=2024)


def test_square_degree_area_is_right():
    """Rule: the polygon area of a 0.01 x 0.01 degree square at 52.6N is about 75.4 ha."""
    square = {
        "type": "Polygon",
        "coordinates": [[[0, 52.6], [0.01, 52.6], [0.01, 52.61], [0, 52.61], [0, 52.6]]],
    }
    assert geometry_area_ha(square) == pytest.approx(75.4, rel=0.01)


def test_neighbours_are_left_out_by_default(leicestershire):
    """Rule: the pathway covers the member districts; Leicester (a neighbour) is not in it."""
    assert "E06000016" not in leicestershire.districts
    assert len(leicestershire.districts) == 7
