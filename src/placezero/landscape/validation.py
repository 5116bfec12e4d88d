"""Checks at the edge: geometry (shapely), text (nh3) and how often one client may submit.

Each check raises `ContributionError({field: message})`, the message saying what is wrong
and how to put it right; nothing is written until every check has passed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from shapely.geometry import shape
from shapely.ops import unary_union
from shapely.prepared import prep
from shapely.validation import explain_validity

from placezero.web import submissions

MAX_VERTICES = 500
MAX_REASON_CHARS = 2000
MAX_DESCRIPTION_CHARS = 300
MAX_GEOMETRY_BYTES = 100_000
# One client (a keyed hash of its address) may send this many contributions an hour to a
# place: enough for a household, too few to flood a consultation.
RATE_LIMIT_PER_HOUR = 10
# Everyone together may send this many an hour to one consultation: far above the busiest
# hour a county consultation sees, low enough to stop a flood from many addresses.
CONSULTATION_RATE_PER_HOUR = 300
# A postcode district (outward code), e.g. LE11, LE7 or NG32; London's EC1A style too.
POSTCODE_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")


class ContributionError(ValueError):
    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)


# The abuse checks every public form shares (`web.submissions`), kept under landscape's
# own purpose so hashes stored before they moved there still match.
PURPOSE = "landscape"


def client_key(address: str) -> str:
    """A keyed hash of the client's address: enough to count its submissions, not to find it."""
    return submissions.client_key(address, PURPOSE)


def secret_hash(token: str) -> str:
    return submissions.secret_hash(token, PURPOSE)


def plain_text(raw: str | None, field: str, label: str, limit: int) -> str:
    """Plain text only: refused (not silently changed) if it holds markup or is too long."""
    try:
        return submissions.plain_text(raw, field=field, label=label, limit=limit)
    except ValidationError as refused:
        raise ContributionError(
            {key: " ".join(messages) for key, messages in refused.message_dict.items()}
        ) from None


def parse_geometry(raw: str | Mapping[str, Any] | None) -> dict[str, Any]:
    """A GeoJSON Point or Polygon as a dict; ContributionError saying what is wrong."""
    field = "geometry"
    if raw in (None, ""):
        raise ContributionError({field: "Mark a point or draw an area on the map."})
    if isinstance(raw, str):
        if len(raw) > MAX_GEOMETRY_BYTES:
            raise ContributionError(
                {field: f"The shape is too large to send; draw it with fewer than "
                        f"{MAX_VERTICES} corners."}
            )  # fmt: skip
        try:
            raw = json.loads(raw)
        except ValueError:
            raise ContributionError(
                {field: "The shape could not be read; draw it again."}
            ) from None
    if not isinstance(raw, Mapping) or raw.get("type") not in ("Point", "Polygon"):
        raise ContributionError({field: "Mark a point or draw an area (a polygon) on the map."})
    coordinates = raw.get("coordinates")
    vertices = _count_vertices(coordinates) if raw["type"] == "Polygon" else 1
    if vertices > MAX_VERTICES:
        raise ContributionError(
            {field: f"The area has {vertices:,} corners; draw it with at most {MAX_VERTICES}."}
        )
    try:
        geometry = shape({"type": raw["type"], "coordinates": coordinates})
    except (TypeError, ValueError, IndexError, AttributeError):
        raise ContributionError({field: "The shape could not be read; draw it again."}) from None
    if geometry.is_empty:
        raise ContributionError({field: "Mark a point or draw an area on the map."})
    if raw["type"] == "Polygon" and not geometry.is_valid:
        why = explain_validity(geometry)
        if "Self-intersection" in why:
            message = "The area crosses over itself; redraw it so its edges do not cross."
        else:
            message = "The area is not a simple shape; redraw it with at least three corners."
        raise ContributionError({field: message})
    return {"type": raw["type"], "coordinates": geometry.__geo_interface__["coordinates"]}


def _count_vertices(coordinates: Any) -> int:
    if not isinstance(coordinates, list):
        return 0
    # A closed ring repeats its first corner at the end; that is not another corner.
    return sum(
        len(ring) - (1 if len(ring) > 1 and ring[0] == ring[-1] else 0)
        for ring in coordinates
        if isinstance(ring, list)
    )


@dataclass(frozen=True)
class PlaceShapes:
    """A place's zone outlines (id, shapely shape) and their union, built once per pack."""

    outlines: tuple[tuple[int, Any], ...]
    boundary: Any
    by_code: dict[str, int]
    code_of: dict[int, str]


def place_shapes(zones: Iterable[tuple[int, str, Mapping[str, Any] | None]]) -> PlaceShapes:
    listed = list(zones)
    outlines = tuple((pk, prep(shape(g))) for pk, _, g in listed if g)
    boundary = unary_union([shape(g) for _, _, g in listed if g]).buffer(1e-9)
    by_code = {code: pk for pk, code, _ in listed}
    return PlaceShapes(outlines, prep(boundary), by_code, {pk: c for c, pk in by_code.items()})


def zone_of(geometry: Mapping[str, Any], shapes: PlaceShapes) -> int:
    """The zone (id) a point lies in, or that holds most of an area; refused if any of the
    shape lies outside the place."""
    drawn = shape(geometry)
    if not shapes.boundary.covers(drawn):
        raise ContributionError(
            {"geometry": "The shape is outside the place; mark somewhere inside its boundary."}
        )
    best = max(shapes.outlines, key=lambda item: _overlap(item[1], drawn))
    return best[0]


def _overlap(outline: Any, drawn: Any) -> float:
    if not outline.intersects(drawn):
        return 0.0
    if drawn.geom_type == "Point":
        return 1.0
    return outline.context.intersection(drawn).area


def answers(given: Mapping[str, Any], questions: list[dict[str, Any]]) -> dict[str, str]:
    """Answers to a consultation's structured questions: each optional, each one of its
    question's choices; answers to questions it does not ask are refused."""
    by_key = {q["key"]: q for q in questions}
    cleaned: dict[str, str] = {}
    for key, value in given.items():
        if key not in by_key:
            raise ContributionError({"answers": "One answer is to a question not asked here."})
        if value in ("", None):
            continue
        if value not in by_key[key]["choices"]:
            raise ContributionError(
                {f"question_{key}": f"Choose one of the answers to “{by_key[key]['text']}”."}
            )
        cleaned[key] = value
    return cleaned


def about_you(age_band: str, tenure: str, postcode_district: str) -> dict[str, str]:
    """The optional questions about the contributor: each may be left blank."""
    from .options import AgeBand, Tenure

    errors = {}
    if age_band and age_band not in AgeBand.values:
        errors["age_band"] = "Choose an age band from the list, or leave it blank."
    if tenure and tenure not in Tenure.values:
        errors["tenure"] = "Choose how you hold your home from the list, or leave it blank."
    district = (postcode_district or "").strip().upper().replace(" ", "")
    if district and not POSTCODE_DISTRICT.match(district):
        errors["postcode_district"] = (
            "Enter only the first part of your postcode, such as LE11 or LE7 (not the whole "
            "postcode), or leave it blank."
        )
    if errors:
        raise ContributionError(errors)
    return {"age_band": age_band, "tenure": tenure, "postcode_district": district}
