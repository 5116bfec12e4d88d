"""The action tracker in the public API: every public action of a place (the same records
as the open data CSV and JSON, `tracker.opendata`), and one action by its reference.
Read-only, like the rest of the API; fields documented in docs/method/tracker-open-data.md.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from placezero.api.errors import not_found
from placezero.api.queries import place as api_place

from . import opendata

router = Router(tags=["action tracker"])
PREFIX = "/places/{slug}/actions"


class ActionOut(Schema):
    reference: str = Field(description="the action's reference, unique in the place")
    title: str
    description: str
    plan: str = Field(description="the plan it belongs to")
    theme: str
    owner: str = Field(description="the lead (owning) partner organisation")
    district_code: str = Field(description="GSS code of the district it covers; empty: all")
    district: str
    status: str
    status_reason: str
    planned_start: str = Field(description="ISO 8601 date")
    planned_end: str = Field(description="ISO 8601 date")
    actual_start: str | None
    actual_end: str | None
    budget_gbp: float | None = Field(description="budget in pounds; null if not given")
    funding_source: str
    deliverability: int | None = Field(description="1 (very hard) to 5 (assured); null")
    co_benefits: list[str] = Field(description="keys of the co-benefit taxonomy")
    powers_used: list[str] = Field(description="keys of the place's register of local powers")
    levers: list[str] = Field(description="keys of the pathway levers the action moves")
    expected_tco2e: float | None = Field(
        description="tCO2e a year the engine expects it to avoid in its target years"
    )
    priority: float | None = Field(description="0 to 100 with the place's weights; null")
    url: str = Field(description="the action's page on this site")
    updated_at: str = Field(description="ISO 8601 time of the last change")
    is_demo: bool = Field(description="written for the demonstration, not real")


@router.get(f"{PREFIX}", response=list[ActionOut], summary="Every action of the place's plans")
def list_actions(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    return opendata.records(api_place(slug))


@router.get(f"{PREFIX}/{{reference}}", response=ActionOut, summary="One action by reference")
def get_action(request: HttpRequest, slug: str, reference: str) -> dict[str, Any]:
    records = opendata.records(api_place(slug))
    for record in records:
        if record["reference"] == reference:
            return record
    raise not_found("action", reference, [r["reference"] for r in records])
