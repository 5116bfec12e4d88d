"""One table model for every page and download of the site (see `model`).

    from placezero.tables import About, Column, Table, method_url, register, tables_for
    from placezero.tables import csv, xlsx, geojson, json   # the writers

`{% include "tables/_table.html" with table=... chart=... downloads=... %}` renders a
table with its chart, units, notes, about line and download links.
"""

from __future__ import annotations

from .method import method_url
from .model import OGL, OGL_ATTRIBUTION, OGL_URL, About, Column, Table
from .registry import UnknownTable, namespaces, register, slugs, tables_for, unregister

__all__ = [
    "OGL",
    "OGL_ATTRIBUTION",
    "OGL_URL",
    "About",
    "Column",
    "Table",
    "UnknownTable",
    "method_url",
    "namespaces",
    "register",
    "slugs",
    "tables_for",
    "unregister",
]
