"""The rules that turn emissions series into the overview's table, chart, CSV and map."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from placezero.tables import csv
from placezero.web.figures import (
    MAP_COLOURS,
    Measure,
    UnknownMeasure,
    area_kinds,
    chart_figures,
    emissions_table,
    map_classes,
    per_person_tco2e,
)


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class Series:
    area: Area
    years: list[int]
    territorial_ktco2e: list[float]
    population: dict[int, float] = field(default_factory=dict)


COUNTY = Series(Area("E10000001", "Shire", "county"), [2005, 2006], [30.0, 27.0], {2006: 9000})
NORTH = Series(Area("E07000001", "North", "district"), [2005, 2006], [20.0, 18.0], {2006: 6000})
EAST = Series(Area("E07000002", "East", "district"), [2005, 2006], [10.0, 9.0], {2006: 3000})


def test_per_person_is_kilotonnes_times_a_thousand_over_people() -> None:
    """t CO2e per person = kt CO2e * 1000 / people."""
    assert per_person_tco2e(18.0, 6000) == pytest.approx(3.0)


def test_per_person_is_missing_without_population() -> None:
    assert per_person_tco2e(18.0, None) is None


def test_table_puts_the_county_first_then_areas_by_name() -> None:
    table = emissions_table([NORTH, COUNTY, EAST], Measure.TERRITORIAL)
    assert [c.label for c in table.columns] == ["Year", "Shire", "East", "North"]
    assert {c.unit for c in table.columns[1:]} == {"kt CO2e"}


def test_table_rows_are_years_with_one_value_per_area() -> None:
    table = emissions_table([NORTH, COUNTY, EAST], Measure.TERRITORIAL)
    assert table.rows == (
        {"year": 2005, "E10000001": 30.0, "E07000002": 10.0, "E07000001": 20.0},
        {"year": 2006, "E10000001": 27.0, "E07000002": 9.0, "E07000001": 18.0},
    )


def test_per_person_table_leaves_years_without_population_empty() -> None:
    table = emissions_table([NORTH], Measure.PER_PERSON)
    assert table.rows == ({"year": 2005, "E07000001": None}, {"year": 2006, "E07000001": 3.0})


def test_territorial_chart_stacks_and_per_person_chart_does_not() -> None:
    kinds = area_kinds([COUNTY, NORTH])
    territorial = chart_figures(
        emissions_table([COUNTY, NORTH], Measure.TERRITORIAL), Measure.TERRITORIAL, kinds
    )
    per_person = chart_figures(
        emissions_table([COUNTY, NORTH], Measure.PER_PERSON), Measure.PER_PERSON, kinds
    )
    assert (territorial["stacked"], per_person["stacked"]) == (True, False)


def test_chart_series_follow_the_table() -> None:
    table = emissions_table([COUNTY, NORTH], Measure.TERRITORIAL)
    figures = chart_figures(table, Measure.TERRITORIAL, area_kinds([COUNTY, NORTH]))
    assert figures["years"] == [2005, 2006] and figures["has_total"]
    assert figures["series"][1] == {
        "code": "E07000001",
        "name": "North",
        "kind": "district",
        "values": [20.0, 18.0],
    }


def test_csv_has_the_tables_one_decimal_figures_and_units() -> None:
    """Rule: the overview's CSV is in the site's one dialect (`tables.csv`): a header of
    `label (unit)`, CRLF line ends, the page's one-decimal figures."""
    text = csv.write(emissions_table([NORTH], Measure.TERRITORIAL))
    assert text == "Year,North (kt CO2e)\r\n2005,20.0\r\n2006,18.0\r\n"


def test_csv_writes_a_missing_figure_as_an_empty_cell() -> None:
    text = csv.write(emissions_table([NORTH], Measure.PER_PERSON))
    assert text.splitlines()[1] == "2005,"


def test_table_caption_names_the_measure_unit_and_years() -> None:
    table = emissions_table([NORTH], Measure.PER_PERSON)
    assert table.caption == "Territorial emissions per person, t CO2e per person, 2005 to 2006"


def test_no_measure_means_territorial_and_an_unknown_one_is_refused() -> None:
    assert Measure.parse("") is Measure.TERRITORIAL
    with pytest.raises(UnknownMeasure, match=r"no measure “nonsense”.*per-person"):
        Measure.parse("nonsense")


def test_map_classes_split_the_range_evenly() -> None:
    classes = map_classes([2.0, 4.0, 10.0])
    assert [(c.lower, c.upper) for c in classes] == [(2, 4), (4, 6), (6, 8), (8, 10)]


def test_map_classes_give_the_darkest_colour_to_the_highest_figures() -> None:
    assert map_classes([2.0, 10.0])[-1].colour == MAP_COLOURS[-1]


def test_map_classes_collapse_to_one_when_all_figures_are_equal() -> None:
    assert len(map_classes([5.0, 5.0])) == 1


def test_map_classes_ignore_missing_figures() -> None:
    assert map_classes([None, None]) == []
