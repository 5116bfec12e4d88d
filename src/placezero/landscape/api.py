"""Citizen landscaping in the public API: a place's consultations, their anonymised
contributions as GeoJSON and CSV (`open_data`), and acceptance per zone and technology.

Read-only and public like the rest of the API (`placezero.api`). Only published
contributions appear, and only what is published about them: no account, client, secret
link, reason text or answer about the contributor. Small counts are suppressed the same way
as on the results page: a zone and technology with fewer than `MINIMUM_RESPONSES`
published responses shows no acceptance, and its contributions are left out of the GeoJSON
(counted in `suppressed`; the CSV leaves the same rows out), so no single answer can be
picked out.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema

from placezero.api import geojson
from placezero.api.errors import not_found
from placezero.api.queries import place as api_place
from placezero.api.schemas import FeatureCollectionOut
from placezero.tables import csv

from . import consultations, open_data, services
from .options import Status, Technology

if TYPE_CHECKING:
    from placezero.places.models import Place

router = Router(tags=["landscape"])
PREFIX = "/places/{slug}/landscape"
TechnologyName = Literal[tuple(Technology.values)]  # type: ignore[valid-type]
METHOD_URL = "/method/acceptance/"
GEOJSON_PROPERTIES = ("technology", "stance", "shape", "zone", "published_on")


class QuestionOut(Schema):
    key: str
    text: str
    choices: list[str]


class ConsultationOut(Schema):
    slug: str = Field(description="what ?consultation= takes")
    title: str
    summary: str
    state: Literal["upcoming", "open", "closed"]
    opens_on: dt.date
    closes_on: dt.date = Field(description="the last day contributions are taken")
    area: str = Field(description="the districts or neighbourhoods asked about, in words")
    district_codes: list[str] = Field(
        description="district codes; empty with no zone codes: the whole place"
    )
    zone_codes: list[str] = Field(description="zone (MSOA 2011) codes asked about")
    technologies: list[str]
    questions: list[QuestionOut] = Field(description="optional structured questions asked")
    decisions_informed: str
    consent_version: int = Field(
        description="the current version of the privacy notice and consent text"
    )
    retention_days: int = Field(description="days after closing that personal data is kept")
    published_contributions: int
    is_demo: bool = Field(description="made up for the demonstration")


class ZoneAcceptanceOut(Schema):
    zone: str = Field(description="zone (MSOA 2011) code")
    zone_name: str
    technology: str
    responses: int = Field(description="published responses")
    acceptance: float | None = Field(
        description="weighted by tenure to the zone's households (Census 2021 TS054), 0-1: "
        "(welcoming + half of neutral) / responses; null below minimum_responses"
    )
    acceptance_unweighted: float | None = Field(description="0-1; null below the minimum")
    low: float | None = Field(description="95 % Wilson interval, lower end, 0-1")
    high: float | None = Field(description="95 % Wilson interval, upper end, 0-1")
    effective_sample_size: float | None = Field(
        description="Kish's (sum of weights)^2 / sum of squared weights; the interval's n"
    )
    weighted: bool = Field(description="whether tenure weighting changed anything")


class ResultsOut(Schema):
    place: str
    consultation: str | None = Field(description="its slug; null for every consultation")
    minimum_responses: int = Field(description="below this, a zone's figures are withheld")
    method: str = Field(description="where the method is explained")
    results: list[ZoneAcceptanceOut]


def _consultation(place: Place, slug: str | None) -> Any:
    if not slug:
        return None
    found = consultations.consultation_of(place, slug)
    if found is None:
        known = [c.slug for c in consultations.consultations_of(place)]
        raise not_found("consultation", slug, known, within=place.name)
    return found


def _out(consultation: Any) -> dict[str, Any]:
    published = consultation.contributions.filter(status=Status.PUBLISHED).count()
    return {
        "slug": consultation.slug, "title": consultation.title,
        "summary": consultation.summary, "state": consultations.state(consultation),
        "opens_on": consultation.opens_on, "closes_on": consultation.closes_on,
        "area": consultations.area_label(consultation),
        "district_codes": consultation.district_codes, "zone_codes": consultation.zone_codes,
        "technologies": consultation.technologies, "questions": consultation.questions,
        "decisions_informed": consultation.decisions_informed,
        "consent_version": consultation.current_consent().version,
        "retention_days": consultation.retention_days,
        "published_contributions": published, "is_demo": consultation.is_demo,
    }  # fmt: skip


@router.get(
    f"{PREFIX}/consultations",
    response=list[ConsultationOut],
    summary="Citizen landscaping consultations of a place, newest first",
)
def list_consultations(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    place = api_place(slug)
    return [_out(c) for c in consultations.consultations_of(place)]


@router.get(
    f"{PREFIX}/consultations/{{consultation}}/contributions.geojson",
    response=FeatureCollectionOut,
    summary="A consultation's published contributions, anonymised, as GeoJSON (WGS84)",
    openapi_extra=geojson.openapi_response(
        "FeatureCollection, a Feature per published contribution (id: its number); "
        "properties technology, stance (welcome, neutral or oppose), shape (point, area or "
        "described: then geometry is null and zone says where), zone, published_on; foreign "
        "members consultation, minimum_responses and suppressed (contributions left out "
        "because their zone and technology had fewer published responses than the minimum)"
    ),
)
def contributions_geojson(request: HttpRequest, slug: str, consultation: str) -> HttpResponse:
    place = api_place(slug)
    asked = _consultation(place, consultation)
    found = open_data.open_contributions(place, asked)
    features = [
        {"type": "Feature", "id": str(row["id"]), "geometry": row["geometry"],
         "properties": {key: row[key] for key in GEOJSON_PROPERTIES}}
        for row in found.rows
    ]  # fmt: skip
    return geojson.response({
        "type": "FeatureCollection", "features": features, "consultation": asked.slug,
        "minimum_responses": services.MINIMUM_RESPONSES, "suppressed": found.suppressed,
    })  # fmt: skip


@router.get(
    f"{PREFIX}/consultations/{{consultation}}/contributions.csv",
    summary="A consultation's published contributions, anonymised, as CSV",
    openapi_extra={
        "responses": {
            200: {
                "description": "RFC 4180 CSV, a header row then one line per published "
                f"contribution: {open_data.FIELDS_DESCRIBED}. Columns, in order: "
                + ", ".join(c.heading for c in open_data.FIELDS)
                + ". The same rows as contributions.geojson: contributions whose zone and "
                "technology had fewer published responses than the minimum (5) are left out.",
                "content": {csv.CONTENT_TYPE: {"schema": {"type": "string"}}},
            }
        }
    },
)
def contributions_csv(request: HttpRequest, slug: str, consultation: str) -> HttpResponse:
    place = api_place(slug)
    asked = _consultation(place, consultation)
    table = open_data.contributions_table(place, open_data.open_contributions(place, asked))
    response = HttpResponse(csv.write(table), content_type=csv.CONTENT_TYPE)
    name = f"{place.slug}-{asked.slug}-contributions.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get(
    f"{PREFIX}/results",
    response=ResultsOut,
    summary="Acceptance per zone and technology, weighted, with sample size and interval",
)
def results(
    request: HttpRequest,
    slug: str,
    technology: TechnologyName | None = None,  # type: ignore[valid-type]
    consultation: str | None = None,
) -> dict[str, Any]:
    place = api_place(slug)
    asked = _consultation(place, consultation)
    chosen = [technology] if technology else list(Technology.values)
    rows = []
    for name in chosen:
        for row in services.acceptance(place, name, asked):
            rows.append({
                "zone": row.zone_code, "zone_name": row.zone_label, "technology": name,
                "responses": row.responses, "acceptance": row.share,
                "acceptance_unweighted": row.unweighted, "low": row.low, "high": row.high,
                "effective_sample_size": row.effective_n, "weighted": row.weighted,
            })  # fmt: skip
    return {
        "place": place.slug, "consultation": asked.slug if asked else None,
        "minimum_responses": services.MINIMUM_RESPONSES, "method": METHOD_URL,
        "results": rows,
    }  # fmt: skip
