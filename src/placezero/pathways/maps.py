"""Zone maps: any per-zone output of the engine, classed and coloured, with the zones'
boundaries, for static/pathways/js/zone-map.js (Leaflet, no tile layer: no network needed).

The page carries only each zone's figures; the boundaries, the same for every visitor and
scenario, are one JSON file per place, pack and area (`boundaries_json`, served by
views/boundaries.py with an ETag and a year's caching, its address carrying the pack
digest). Writing ~150 kB of polygons into every page cost more than the rest of the page.

The legend and a table of the same values sit beside every map; each zone is a keyboard
stop that announces its name and value, and a zone picker (a plain select) is the text way
to choose a zone.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.urls import reverse

from placezero.places import services as places

if TYPE_CHECKING:
    from placezero.places.models import Place

# Sequential blues (light to dark), as on the overview page; distinguishable in greyscale.
SEQUENTIAL = ("#d2e2f1", "#93bde0", "#4a8bc6", "#1d5a94", "#0b2e54")
NO_VALUE = "#f3f2f1"
NO_VALUE_LABEL = "No figure"


@dataclass(frozen=True)
class MapClass:
    label: str
    colour: str
    lower: float | None = None
    upper: float | None = None


@dataclass(frozen=True)
class ZoneMap:
    dom_id: str
    title: str
    unit: str
    classes: tuple[MapClass, ...]
    geojson: dict[str, Any]
    link_template: str = ""  # e.g. "?zone={code}": where choosing a zone goes
    boundaries_url: str = ""  # the zones' polygons (boundaries_json); the page has none

    @property
    def data_id(self) -> str:
        return f"{self.dom_id}-data"

    @property
    def status_id(self) -> str:
        return f"{self.dom_id}-status"

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "unit": self.unit,
            # Each zone's figures by code; the polygons come from boundaries_url.
            "zones": [feature["properties"] for feature in self.geojson["features"]],
            "boundaries_url": self.boundaries_url,
            "link_template": self.link_template,
            "attribution": "Boundaries: ONS, OGL v3; contains OS data © Crown copyright 2021.",
        }


def quantile_classes(
    values: Sequence[float], colours: Sequence[str] = SEQUENTIAL, decimals: int = 1
) -> list[MapClass]:
    """Classes with about as many zones in each (quantiles), so a few large zones do not
    leave the rest of the map one colour. Equal values never straddle two classes."""
    present = sorted(v for v in values if v is not None and not math.isnan(v))
    if not present:
        return []
    n = min(len(colours), len(set(present)))
    if n == 1:
        return [MapClass(f"{present[0]:,.{decimals}f}", colours[-1], present[0], present[0])]
    bounds = [present[0]]
    for i in range(1, n):
        cut = present[round(i * (len(present) - 1) / n)]
        if cut > bounds[-1]:
            bounds.append(cut)
    bounds.append(present[-1])
    palette = colours[len(colours) - (len(bounds) - 1) :]
    return [
        MapClass(
            f"{bounds[i]:,.{decimals}f} to {bounds[i + 1]:,.{decimals}f}",
            palette[i],
            bounds[i],
            bounds[i + 1],
        )
        for i in range(len(bounds) - 1)
    ]


def class_of(value: float | None, classes: Sequence[MapClass]) -> MapClass | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or not classes:
        return None
    for item in classes:
        if item.upper is not None and value <= item.upper:
            return item
    return classes[-1]


def categorical_classes(labels: Sequence[str], colours: Sequence[str]) -> list[MapClass]:
    """Named classes (e.g. the decade headroom runs out) in a given order."""
    return [MapClass(label, colour) for label, colour in zip(labels, colours, strict=True)]


@lru_cache(maxsize=16)
def _zone_features(slug: str, digest: str, area_code: str | None) -> tuple[dict[str, Any], ...]:
    """The place's zone features, read once per pack digest: decoding ~100 MSOA polygons
    from the database costs ~100 ms, more than the engine run a page shows."""
    place = places.get_place(slug)
    return tuple(places.zones_geojson(place, area_code=area_code)["features"])


@lru_cache(maxsize=32)
def boundaries_json(slug: str, digest: str, area_code: str | None) -> tuple[bytes, str]:
    """(body, ETag) of the zones' polygons alone: a FeatureCollection whose features carry
    only their code, written once per place, pack digest and area."""
    features = [
        {"type": "Feature", "id": f["id"], "geometry": f["geometry"],
         "properties": {"code": f["properties"]["code"]}}
        for f in _zone_features(slug, digest, area_code)
    ]  # fmt: skip
    body = json.dumps(
        {"type": "FeatureCollection", "features": features}, separators=(",", ":")
    ).encode()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def boundaries_url(place: Place, area_code: str | None) -> str:
    query = f"?v={place.pack_digest[:16]}" + (f"&area={area_code}" if area_code else "")
    return reverse("pathways:zone_boundaries", kwargs={"place_slug": place.slug}) + query


def zones_geojson(place: Place, area_code: str | None = None) -> dict[str, Any]:
    """A fresh FeatureCollection of the zones: new feature and property dicts (callers add
    values to them) sharing the cached, never-modified geometries."""
    features = _zone_features(place.slug, place.pack_digest, area_code or None)
    return {
        "type": "FeatureCollection",
        "features": [
            {**feature, "properties": dict(feature["properties"])} for feature in features
        ],
    }


def zone_map(
    place: Place,
    values: Mapping[str, float | None],
    *,
    title: str,
    unit: str,
    dom_id: str = "zone-map",
    classes: Sequence[MapClass] | None = None,
    category: Mapping[str, str] | None = None,
    decimals: int = 1,
    area_code: str | None = None,
    link_template: str = "",
) -> ZoneMap:
    """A map of one value per zone code. Numeric values are classed by quantile unless
    `classes` are given; `category` (zone -> class label) colours by named class instead."""
    geojson = zones_geojson(place, area_code)
    chosen = (
        list(classes)
        if classes is not None
        else quantile_classes([v for v in values.values() if v is not None], decimals=decimals)
    )
    by_label = {c.label: c for c in chosen}
    for feature in geojson["features"]:
        code = feature["properties"]["code"]
        value = values.get(code)
        if category is not None:
            match = by_label.get(category.get(code, ""))
        else:
            match = class_of(value, chosen)
        feature["properties"]["value"] = None if value is None else round(float(value), 6)
        feature["properties"]["value_text"] = (
            category.get(code, NO_VALUE_LABEL)
            if category is not None
            else (NO_VALUE_LABEL if value is None else f"{value:,.{decimals}f} {unit}")
        )
        feature["properties"]["colour"] = match.colour if match else NO_VALUE
    if any(f["properties"]["colour"] == NO_VALUE for f in geojson["features"]):
        chosen = [*chosen, MapClass(NO_VALUE_LABEL, NO_VALUE)]
    return ZoneMap(
        dom_id, title, unit, tuple(chosen), geojson, link_template,
        boundaries_url(place, area_code or None),
    )  # fmt: skip
