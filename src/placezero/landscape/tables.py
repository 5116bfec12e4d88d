"""The results table (acceptance per zone for one technology): the map's text alternative
and its download."""

from __future__ import annotations

from typing import TYPE_CHECKING

from placezero.tables import About, Column, Table

from .acceptance import weighted_by
from .services import MINIMUM_RESPONSES, Acceptance

if TYPE_CHECKING:
    from placezero.places.models import Place

COLUMNS = (
    Column("zone", "Neighbourhood"),
    Column("code", "Zone code"),
    Column("responses", "Published responses"),
    Column("effective", "Effective sample size"),
    Column("acceptance", "Acceptance, weighted", "%"),
    Column("unweighted", "Acceptance, unweighted", "%"),
    Column("low", "95 % interval from", "%"),
    Column("high", "to", "%"),
)


def acceptance_table(place: Place, label: str, rows: list[Acceptance]) -> Table:
    def percent(value: float | None) -> float | None:
        return None if value is None else round(100 * value)

    matched = weighted_by(place)
    age_source = "; residents by age: ONS, Census 2021 table TS007A" if "TS007A" in matched else ""

    return Table(
        slug="landscape-acceptance",
        caption=f"Acceptance of {label.lower()} by neighbourhood, {place.name}",
        columns=COLUMNS,
        rows=tuple(
            {
                "zone": r.zone_label,
                "code": r.zone_code,
                "responses": r.responses,
                "effective": r.effective_n,
                "acceptance": percent(r.share),
                "unweighted": percent(r.unweighted),
                "low": percent(r.low),
                "high": percent(r.high),
            }
            for r in rows
        ),
        about=About(
            source=f"Published contributions of residents to placezero's citizen landscaping "
            f"in {place.name} (pre-moderated; no names). Households by tenure: ONS, Census "
            f"2021 table TS054{age_source}, OGL v3. Zones: ONS MSOA 2011.",
        ),
        zone_key="code",
        notes=(
            "Acceptance = (welcoming + half of neutral) ÷ responses, weighted so that "
            f"{matched}; the 95 % Wilson interval uses the effective sample size under that "
            "weighting (method: citizen landscaping, acceptance).",
            f"Hidden (blank) where fewer than {MINIMUM_RESPONSES} responses were published, "
            "so that nobody's answer can be singled out.",
        ),
    )
