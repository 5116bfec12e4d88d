"""Response shapes. Every figure travels with its unit: `value` + `unit` in the long tables,
and the unit in the field name where a field holds one quantity."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from .pagination import Page


class PlaceOut(Schema):
    slug: str
    name: str
    description: str
    loaded_at: datetime | None = Field(description="when the place pack was last loaded")
    pack_digest: str = Field(description="sha256 of the place pack last loaded")


class AreaOut(Schema):
    code: str = Field(description="ONS GSS code")
    name: str
    kind: str = Field(description="county, district or unitary")
    role: str = Field(description="member (part of the place) or neighbour")
    parent_code: str | None = Field(description="GSS code of the county a district lies in")

    @staticmethod
    def resolve_parent_code(area: Any) -> str | None:
        if isinstance(area, dict):  # a detail body already built from this schema
            return area.get("parent_code")
        return area.parent.code if area.parent else None


class PlaceDetailOut(PlaceOut):
    areas: list[AreaOut]


class TargetVersionOut(Schema):
    net_zero_year: int
    valid_from: date
    date_precision: str = Field(description="how precisely the source dates valid_from")
    decision: str
    source: str
    assumption: str = Field(description="what was assumed where the source is silent, and why")


class TargetOut(Schema):
    scope: str = Field(description="area (the whole area) or own-operations (the council's)")
    net_zero_year: int | None = Field(description="the year currently in force")
    history: list[TargetVersionOut] = Field(description="every setting of the target, oldest first")


class AreaDetailOut(AreaOut):
    zone_count: int = Field(description="zones (2011 MSOAs) in the area")
    targets: list[TargetOut]


class ZoneOut(Schema):
    code: str = Field(description="MSOA 2011 code")
    name: str = Field(description="ONS name, e.g. Charnwood 001")
    local_name: str = Field(description="House of Commons Library name")
    area_code: str = Field(description="GSS code of the local authority the zone lies in")

    @staticmethod
    def resolve_area_code(zone: Any) -> str:
        return zone.area.code


class ZonePage(Page):
    items: list[ZoneOut]


class StatisticOut(Schema):
    area_code: str
    dataset_key: str
    variable: str
    scenario: str = Field(description="empty for published figures; FES code for projections")
    year: int
    value: float
    unit: str = Field(description="unit of value, e.g. kt CO2e, kWh, count")


class StatisticPage(Page):
    items: list[StatisticOut]


class ZoneStatisticOut(StatisticOut):
    zone_code: str


class ZoneStatisticPage(Page):
    items: list[ZoneStatisticOut]


class DatasetOut(Schema):
    key: str
    title: str
    publisher: str
    source_url: str
    licence: str
    attribution: str = Field(description="the words the licence asks users of the data to show")
    coverage: str
    method: str = Field(description="how the pack's figures were derived from the raw files")
    raw_files: list[str]


class PointOut(Schema):
    year: int
    value: float


class SeriesOut(Schema):
    """One variable over time for one area (or zone)."""

    area_code: str
    area_name: str
    zone_code: str | None = None
    dataset_key: str
    variable: str
    label: str = Field(description="what the variable measures, in words")
    unit: str
    points: list[PointOut]


class SeriesSetOut(Schema):
    place: str
    measure: Literal["emissions", "consumption"]
    by: str = Field(description="total, or subsector for the sub-sector breakdown")
    series: list[SeriesOut]
    datasets: list[str] = Field(description="keys of the datasets the series come from")


class GeometryOut(Schema):
    type: str
    coordinates: list[Any]


class FeatureOut(Schema):
    type: Literal["Feature"]
    id: str
    geometry: GeometryOut | None
    properties: dict[str, Any]


class FeatureCollectionOut(Schema):
    type: Literal["FeatureCollection"]
    features: list[FeatureOut]
