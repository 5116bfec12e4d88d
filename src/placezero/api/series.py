"""Which long-table variables make up each time series the API serves, and their labels.

Variable names and units come from placezero.datapack.schema, so the API follows the pack:
DESNZ local authority GHG totals (territorial, kt CO2e; within the scope of influence of
local authorities, kt CO2), mySociety's sub-sector split of the DESNZ CO2 table (kt CO2),
DESNZ sub-national electricity and gas (GWh, thousand meters), DESNZ MSOA electricity and
BEIS LSOA domestic gas summed to MSOA (kWh, count).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from placezero.datapack import schema


@dataclass(frozen=True)
class Measure:
    """Variables (with their labels) taken from one dataset."""

    dataset_key: str
    labels: dict[str, str]


EMISSIONS_TOTAL = (
    Measure(
        "desnz-la-ghg",
        {
            "territorial_emissions_ktco2e": "Territorial greenhouse gas emissions",
            "scope_emissions_ktco2": (
                "CO2 emissions within the scope of influence of local authorities"
            ),
        },
    ),
)

EMISSIONS_BY_SUBSECTOR = (
    Measure(
        "mysociety-co2-subsector",
        {schema.subsector_variable(column): column for column in schema.MYSOCIETY_SUBSECTORS},
    ),
)


def _energy_labels(carrier: str) -> dict[str, str]:
    # (measure, sector) -> variable; several raw headers share a variable: first label wins.
    labels: dict[str, str] = {}
    for (measure, sector), (variable, _unit) in schema.DESNZ_ENERGY_COLUMNS.items():
        wording = measure.split(" (")[0].lower()
        sector_words = sector.removeprefix("All ").lower().replace(" e7", " Economy 7")
        labels.setdefault(variable, f"{carrier}, {sector_words}: {wording}")
    return labels


def _zone_labels(carrier: str, columns: dict[str, tuple[str, str]]) -> dict[str, str]:
    labels = {}
    for variable, (_unit, column) in columns.items():
        sector = "non-domestic" if variable.startswith("non_domestic") else "domestic"
        labels[variable] = f"{carrier}, {sector}: {column.split(' (')[0].lower()}"
    return labels


CONSUMPTION_AREA = (
    Measure("desnz-electricity-la", _energy_labels("Electricity")),
    Measure("desnz-gas-la", _energy_labels("Gas")),
)

CONSUMPTION_ZONE = (
    Measure("desnz-msoa-electricity", _zone_labels("Electricity", schema.MSOA_ELECTRICITY)),
    Measure("beis-lsoa-gas-2016", _zone_labels("Gas", schema.LSOA_GAS)),
)


def label_of(measures: Iterable[Measure], dataset_key: str, variable: str) -> str:
    for measure in measures:
        if measure.dataset_key == dataset_key and variable in measure.labels:
            return measure.labels[variable]
    return variable


def group(rows: Iterable[dict[str, Any]], measures: tuple[Measure, ...]) -> list[dict]:
    """Rows ordered by (area, zone, dataset, variable, year) -> one series per variable."""

    def key(row: dict[str, Any]) -> tuple:
        return (
            row["area_code"],
            row.get("zone_code"),
            row["dataset_key"],
            row["variable"],
            row["unit"],
        )

    series = []
    for (area_code, zone_code, dataset_key, variable, unit), points in groupby(rows, key=key):
        points = list(points)
        series.append(
            {
                "area_code": area_code,
                "area_name": points[0]["area_name"],
                "zone_code": zone_code,
                "dataset_key": dataset_key,
                "variable": variable,
                "label": label_of(measures, dataset_key, variable),
                "unit": unit,
                "points": [{"year": p["year"], "value": p["value"]} for p in points],
            }
        )
    return series
