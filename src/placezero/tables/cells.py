"""How a cell is written, in one place, for the page and for every file.

- A **figure** is any number in a column with a unit, and any non-whole number. A whole
  number in a column without a unit is a **label** (a year, a count named in words) and is
  written as it is: "2030", never "2,030".
- On the page a figure has thousands separators and the column's decimals ("12,345.7"); in
  a CSV the same decimals without separators ("12345.7"); XLSX and JSON keep the full value.
- No figure (None, an empty string, NaN or infinity) is an en dash on the page, an empty
  CSV cell and null in JSON.
- Tables whose unit differs from row to row (the uncertainty of several outputs) name the
  unit in a row label or a "Unit" column and leave the figure columns without one: their
  non-whole numbers are still figures, shown to the column's decimals.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

from django.utils.html import escape

from .model import Column

NO_FIGURE = "\u2013"  # en dash


def is_number(value: Any) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def plain(value: Any) -> Any:
    """A cell value as plain Python: numpy numbers as int or float, and a figure that is
    not finite (NaN, infinity) as None, i.e. no figure, which every format can hold."""
    if not is_number(value):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    return number if math.isfinite(number) else None


def is_figure(value: Any, column: Column) -> bool:
    """Formatted as a figure: any number in a column with a unit, and any non-whole number."""
    if not is_number(value):
        return False
    return bool(column.unit) or not isinstance(value, numbers.Integral)


def is_missing(value: Any) -> bool:
    return plain(value) is None or value == ""


def text(value: Any, column: Column) -> str:
    """The cell as the page shows it."""
    value = plain(value)
    if value is None or value == "":
        return NO_FIGURE
    if is_figure(value, column):
        return f"{value:,.{column.decimals}f}"
    return str(value)


def html(value: Any, column: Column) -> str:
    """The page's cell text, escaped; a formatted figure has nothing to escape, so it is not
    (a moved lever re-renders hundreds of cells: this is the hot path)."""
    value = plain(value)
    if is_figure(value, column):
        return f"{value:,.{column.decimals}f}"
    return escape(text(value, column))


def csv_text(value: Any, column: Column) -> str:
    """The cell as the CSV writes it: the page's figure without separators; empty for none."""
    value = plain(value)
    if value is None:
        return ""
    if is_figure(value, column):
        return f"{value:.{column.decimals}f}"
    return str(value)
