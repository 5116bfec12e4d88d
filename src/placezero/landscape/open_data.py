"""Anonymised contributions as open data: the same rows for the GeoJSON and the CSV, from
the API and the results page.

Only published contributions, and only what is published about them: technology, stance,
shape, zone, publication date and geometry; never the reason text, the account, client,
secret link or any answer about the contributor. A zone and technology with fewer than
`MINIMUM_RESPONSES` published responses is left out whole (its contributions are counted
in `suppressed`), so no single answer can be picked out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shapely.geometry import shape

from placezero.tables import About, Column, Table

from .acceptance import MINIMUM_RESPONSES, tallies
from .models import Contribution
from .options import Status

if TYPE_CHECKING:
    from placezero.places.models import Place

    from .models import Consultation

# The published fields, documented once (the API's description and the CSV's columns).
FIELDS = (
    Column("id", "Contribution"),
    Column("consultation", "Consultation"),
    Column("technology", "Technology"),
    Column("stance", "Stance"),
    Column("shape", "Shape"),
    Column("zone", "Zone code"),
    Column("published_on", "Published on"),
    Column("geometry", "Geometry (WKT, WGS84)"),
)
FIELDS_DESCRIBED = (
    "id (the contribution's number), consultation (its slug), technology, stance (welcome, "
    "neutral or oppose), shape (point, area or described: then geometry is empty and zone "
    "says where), zone (MSOA 2011 code), published_on (date), geometry (WGS84; Well-Known "
    "Text in the CSV)"
)


@dataclass(frozen=True)
class OpenContributions:
    rows: list[dict[str, Any]]  # one per contribution shown; "geometry" is GeoJSON or None
    suppressed: int  # contributions left out: their zone and technology had too few


def open_contributions(place: Place, consultation: Consultation | None) -> OpenContributions:
    """Published contributions of one consultation (or of the place, with None), anonymised,
    with small counts suppressed."""
    counts = tallies(place, consultation)
    found = Contribution.objects.filter(place=place, status=Status.PUBLISHED)
    if consultation is not None:
        found = found.filter(consultation=consultation)
    rows, suppressed = [], 0
    for row in found.select_related("zone", "consultation").order_by("pk"):
        if counts[(row.zone.code, row.technology)].responses < MINIMUM_RESPONSES:
            suppressed += 1
            continue
        rows.append({
            "id": row.pk, "consultation": row.consultation.slug if row.consultation else "",
            "technology": row.technology, "stance": row.stance, "shape": row.shape,
            "zone": row.zone.code,
            "published_on": row.published_at.date().isoformat() if row.published_at else None,
            "geometry": row.geometry,
        })  # fmt: skip
    return OpenContributions(rows, suppressed)


def _wkt(row: dict[str, Any]) -> str:
    return shape(row["geometry"]).wkt if row["geometry"] else ""


def contributions_table(place: Place, found: OpenContributions) -> Table:
    """The rows as a table, for the CSV writer (geometry as Well-Known Text)."""
    return Table(
        slug="landscape-contributions",
        caption=f"Published contributions to citizen landscaping in {place.name}, anonymised",
        columns=FIELDS,
        rows=tuple(row | {"id": str(row["id"]), "geometry": _wkt(row)} for row in found.rows),
        about=About(
            source=f"Published contributions of residents to placezero's citizen landscaping "
            f"in {place.name} (pre-moderated; no names, reasons or answers about the "
            "contributor). Zones: ONS MSOA 2011.",
        ),
        zone_key="zone",
        notes=(
            f"Left out: {found.suppressed} contribution(s) whose neighbourhood and technology "
            f"had fewer than {MINIMUM_RESPONSES} published responses.",
        ),
    )
