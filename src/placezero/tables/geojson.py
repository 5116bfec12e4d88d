"""A zone table as GeoJSON (RFC 7946, WGS84): one Feature per row, on its zone's boundary.

The table names its zone column (`Table.zone_key`); `geometries` is a FeatureCollection of
boundaries whose features carry the code in `properties.code` and a `name` (as
`places.services.zones_geojson` and `areas_geojson` give them). Each Feature's `id` is the
row's code and its properties are the row's values by column key (plain numbers, null for
no figure) plus the boundary's `zone_name`. A row whose zone has no boundary keeps its
values with a null geometry (RFC 7946 allows it) rather than vanishing.

The FeatureCollection's foreign members say what the values are: `title` (the caption),
`columns` (key, label, unit, decimals), `notes`, `about` (source, method, licence,
attribution), with `source` and `licence` also at the top for readers that look there, and
any `facts` the caller adds (e.g. place, area, scenario).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .cells import plain
from .json import column_json
from .model import Table

MEDIA_TYPE = "application/geo+json"


class NoZones(LookupError):
    """A table without a zone column cannot be drawn on a map."""

    def __init__(self, table: Table) -> None:
        super().__init__(
            f"The table '{table.slug}' ({table.caption}) has no zones, so it has no GeoJSON: "
            "download it as CSV or XLSX instead."
        )


def feature_collection(
    table: Table,
    geometries: Mapping[str, Any],
    *,
    facts: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The table's rows as Features on their boundaries (see the module doc)."""
    if not table.zone_key:
        raise NoZones(table)
    by_code = {feature["properties"]["code"]: feature for feature in geometries.get("features", [])}
    features = []
    for row in table.rows:
        code = str(row.get(table.zone_key) or "")
        zone = by_code.get(code)
        properties = {column.key: plain(row.get(column.key)) for column in table.columns}
        properties.setdefault("zone_name", zone["properties"].get("name") if zone else None)
        features.append(
            {
                "type": "Feature",
                "id": code,
                "geometry": zone["geometry"] if zone else None,
                "properties": properties,
            }
        )
    return {
        "type": "FeatureCollection",
        "title": table.caption,
        "columns": [column_json(column) for column in table.columns],
        "notes": list(table.notes),
        **dict(facts or {}),
        "source": table.about.source,
        "licence": table.about.licence,
        "about": table.about.as_dict(),
        "features": features,
    }
