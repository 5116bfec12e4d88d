"""Every CSV download of the site, in one dialect.

The dialect (RFC 4180, https://www.rfc-editor.org/rfc/rfc4180, which the UK government's
Tabular data standard recommends for publishing tabular data:
https://www.gov.uk/government/publications/recommended-open-standards-for-government/tabular-data-standard):

- UTF-8 without a byte order mark; comma separated; fields quoted with double quotes only
  when they hold a comma, a quote or a line break (a quote inside is doubled).
- Lines end with CRLF (``\\r\\n``), the last line too.
- Exactly one header row, then one line per table row: no title, comment or licence lines,
  which would break `csv` readers, pandas and spreadsheets. What the figures are of is in
  the file name the site gives; source, method and licence are in the XLSX "About" sheet
  and the API's `about`.
- A header is the column's label with its unit in brackets: ``Emissions (tCO2e)``; a
  column of labels has no unit: ``Year``. The headers are the page's column headings.
- Figures are written to the column's decimals with a full stop and no thousands
  separators (the figure on the screen, ``12,345.7`` there, ``12345.7`` here); a label is
  written as it is; no figure is an empty field (`tables.cells`).

Served as ``text/csv; charset=utf-8; header=present`` (the media type RFC 4180 registers).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from . import cells
from .model import Table

CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
LINE_END = "\r\n"


def write(table: Table) -> str:
    """The table as CSV text in the site's dialect (see the module doc)."""
    return write_rows([c.heading for c in table.columns], _rows(table))


def _rows(table: Table) -> Iterable[list[str]]:
    columns = table.columns
    for row in table.rows:
        yield [cells.csv_text(row.get(c.key), c) for c in columns]


def write_rows(header: list[str], rows: Iterable[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=LINE_END, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
