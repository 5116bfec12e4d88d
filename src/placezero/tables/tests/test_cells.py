"""How a cell is written on the page and in a CSV: one set of rules (`tables.cells`)."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.tables import Column, cells

FIGURE = Column("a", "A", "t", 1)
LABEL = Column("y", "Year")
PER_ROW_UNIT = Column("f", "Median")  # the unit is in the row's label


@pytest.mark.parametrize(
    ("value", "column", "page", "csv"),
    [
        (12345.678, FIGURE, "12,345.7", "12345.7"),
        (None, FIGURE, "\u2013", ""),
        (float("nan"), FIGURE, "\u2013", ""),
        (np.float32(np.inf), FIGURE, "\u2013", ""),
        ("Blaby", LABEL, "Blaby", "Blaby"),
        (2030, LABEL, "2030", "2030"),
        (np.int64(2030), LABEL, "2030", "2030"),
        (4321.5, PER_ROW_UNIT, "4,322", "4322"),
        (7, Column("n", "Homes", "count"), "7", "7"),
        (np.float64(1.25), FIGURE, "1.2", "1.2"),
    ],
)
def test_a_cell_reads_the_same_on_the_page_and_in_the_csv(value, column, page, csv):
    """Rule: a figure (a number with a unit, or any non-whole number) has the column's
    decimals, with separators on the page and none in the CSV; a whole number without a
    unit is a label; no figure is a dash on the page and an empty CSV cell."""
    assert cells.text(value, column) == page
    assert cells.csv_text(value, column) == csv
    assert cells.text(value, column).replace(",", "") == (csv or "\u2013")


def test_plain_turns_numpy_into_python_and_non_finite_into_none():
    assert type(cells.plain(np.int64(7))) is int
    assert type(cells.plain(np.float32(1.5))) is float
    assert cells.plain(float("inf")) is None
    assert cells.plain(True) is True
