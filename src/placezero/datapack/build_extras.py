"""National series, technology costs, renewable sites (REPD), grid supply points (FES 2023)
and NGED primary substations."""

from __future__ import annotations

import json

from . import national_files
from .build_areas import _council_key
from .context import BuildContext
from .errors import SourceDataError
from .geometry import bng_to_wgs84, centroid, contains, round_coordinates
from .schema import (
    CARBON_VALUE_SCENARIOS,
    CARBON_VALUE_VARIABLE,
    CONVERSION_FACTORS,
    FES_SCENARIOS,
    GSP_PARAMETERS,
)
from .sources import FETCH_HINT, maybe_float, raw_float, raw_path, read_raw_csv

FACTORS_FILE = "ghg-conversion-factors/uk_ghg_conversion_factors_electricity_gas_2010_2023.csv"
CARBON_VALUES_FILE = "green-book/carbon-values-2020-2050.csv"
COSTS_FILE = "technology-costs/costs_{year}.csv"
COST_YEARS = (2025, 2030, 2040, 2050)
REPD_FILE = "repd/repd-2021-q2-june.csv"
GSP_POLYGONS = "fes2023-gsp/gridsupplypoints-unique-all-simplified.geojson"
GSP_SERIES = "fes2023-gsp/gridsupplypoints/{scenario}-{parameter}.csv"
SUBSTATIONS_FILE = "nged/substation_locations_raw_NGED.csv"

# Technologies a heat, power and transport model of a place uses (PyPSA technology-data names).
TECHNOLOGIES: tuple[str, ...] = (
    "solar-rooftop",
    "solar-rooftop residential",
    "solar-rooftop commercial",
    "solar-utility",
    "onwind",
    "battery storage",
    "battery inverter",
    "home battery storage",
    "home battery inverter",
    "decentral air-sourced heat pump",
    "decentral ground-sourced heat pump",
    "central air-sourced heat pump",
    "central ground-sourced heat pump",
    "decentral gas boiler",
    "decentral gas boiler connection",
    "decentral oil boiler",
    "decentral resistive heater",
    "central resistive heater",
    "central gas boiler",
    "central gas CHP",
    "biomass boiler",
    "micro CHP",
    "decentral solar thermal",
    "decentral water tank storage",
    "central water tank storage",
    "electrolysis",
    "Battery electric (passenger cars)",
    "Liquid fuels ICE (passenger cars)",
    "Battery electric (trucks)",
    "Liquid fuels ICE (trucks)",
    "BEV Bus city",
    "Charging infrastructure slow (purely) battery electric vehicles passenger cars",
    "Charging infrastructure fast (purely) battery electric vehicles passenger cars",
)


def national_rows(ctx: BuildContext) -> list[tuple[str, str, str, int, float, str]]:
    rows: list[tuple[str, str, str, int, float, str]] = []
    for number, cells in read_raw_csv(
        ctx.data_dir, FACTORS_FILE, ("factor_set_year", *CONVERSION_FACTORS)
    ):
        year = int(
            raw_float(
                cells["factor_set_year"], file=FACTORS_FILE, row=number, column="factor_set_year"
            )
        )
        for column, (variable, unit) in CONVERSION_FACTORS.items():
            if cells[column].strip():
                value = raw_float(cells[column], file=FACTORS_FILE, row=number, column=column)
                rows.append(("ghg-conversion-factors", variable, "", year, value, unit))
    ctx.note(
        "ghg-conversion-factors",
        raw_files=[FACTORS_FILE],
        coverage="electricity 2010-2023, natural gas 2012-2023; no 2022 factor set",
        method=(
            "Per factor-set year: UK electricity generated (kg CO2e/kWh, scope 2, excluding "
            "transmission and distribution losses) and natural gas on a gross calorific value "
            "basis (kg CO2e/kWh), copied. Blank cells (gas 2010-2011) and the missing 2022 "
            "set are left out, not filled."
        ),
    )
    variable, unit = CARBON_VALUE_VARIABLE
    columns = tuple(f"{s}_gbp_per_tco2e" for s in CARBON_VALUE_SCENARIOS)
    for number, cells in read_raw_csv(
        ctx.data_dir, CARBON_VALUES_FILE, ("year", "price_base_year", *columns)
    ):
        if cells["price_base_year"].strip() != "2022":
            raise SourceDataError(
                f"expected 2022 prices, found {cells['price_base_year']!r}. {FETCH_HINT}",
                file=CARBON_VALUES_FILE,
                row=number,
                column="price_base_year",
            )
        year = int(raw_float(cells["year"], file=CARBON_VALUES_FILE, row=number, column="year"))
        for scenario, column in zip(CARBON_VALUE_SCENARIOS, columns, strict=True):
            value = raw_float(cells[column], file=CARBON_VALUES_FILE, row=number, column=column)
            rows.append(("green-book-carbon-values", variable, scenario, year, value, unit))
    ctx.note(
        "green-book-carbon-values",
        raw_files=[CARBON_VALUES_FILE],
        coverage="2020-2050, low/central/high",
        method="Appraisal carbon values (GBP per tonne CO2e, 2022 prices) per year with the "
        "low, central and high series in the scenario column; copied.",
    )
    return rows


def technology_cost_rows(ctx: BuildContext) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    files = []
    wanted = set(TECHNOLOGIES)
    for year in COST_YEARS:
        relative = COSTS_FILE.format(year=year)
        files.append(relative)
        columns = ("technology", "parameter", "value", "unit", "source", "currency_year")
        for number, cells in read_raw_csv(ctx.data_dir, relative, columns):
            if cells["technology"] not in wanted:
                continue
            raw_float(cells["value"], file=relative, row=number, column="value")
            currency_year = cells["currency_year"].strip()
            rows.append(
                {
                    "technology": cells["technology"],
                    "parameter": cells["parameter"],
                    "year": str(year),
                    "value": cells["value"].strip(),
                    "unit": cells["unit"],
                    "currency_year": str(int(float(currency_year))) if currency_year else "",
                    "source": cells["source"],
                }
            )
    found = {row["technology"] for row in rows}
    ctx.note(
        "technology-costs",
        raw_files=files,
        coverage=", ".join(str(y) for y in COST_YEARS),
        method=(
            "Rows of costs_<year>.csv for the heat, power, storage and transport technologies "
            f"the engine uses ({len(found)} technologies), copied with year = file year. "
            "Costs stay in EUR of the row's currency_year: convert to GBP with a cited "
            "exchange rate and deflator before use."
        ),
    )
    return rows


def renewable_site_rows(ctx: BuildContext, areas: list[dict]) -> list[dict[str, str]]:
    authority_codes = {
        _council_key(feature["properties"]["name"]): feature["properties"]["code"]
        for feature in areas
    }
    lads = [feature for feature in areas if feature["properties"]["kind"] != "county"]
    columns = (
        "Ref ID", "Site Name", "Technology Type", "Installed Capacity (MWelec)",
        "Development Status (short)", "Planning Authority", "X-coordinate", "Y-coordinate",
    )  # fmt: skip
    rows: list[dict[str, str]] = []
    located = 0
    for _number, cells in read_raw_csv(ctx.data_dir, REPD_FILE, columns, encoding="latin-1"):
        authority = cells["Planning Authority"].strip()
        code = authority_codes.get(_council_key(authority))
        if code is None:
            continue
        easting, northing = maybe_float(cells["X-coordinate"]), maybe_float(cells["Y-coordinate"])
        lat = lon = ""
        if easting is not None and northing is not None:
            lat_deg, lon_deg = bng_to_wgs84(easting, northing)
            lat, lon = f"{lat_deg:.5f}", f"{lon_deg:.5f}"
            # Sites decided by the county council lie in one of its districts: name that one.
            inside = [
                f["properties"]["code"] for f in lads if contains(f["geometry"], lon_deg, lat_deg)
            ]
            if inside:
                code, located = inside[0], located + 1
        capacity = maybe_float(cells["Installed Capacity (MWelec)"])
        rows.append(
            {
                "ref_id": cells["Ref ID"].strip(),
                "name": cells["Site Name"].strip(),
                "technology": cells["Technology Type"].strip(),
                "capacity_mw": "" if capacity is None else f"{capacity:g}",
                "status": cells["Development Status (short)"].strip(),
                "planning_authority": authority,
                "area_code": code,
                "easting": "" if easting is None else f"{easting:g}",
                "northing": "" if northing is None else f"{northing:g}",
                "lat": lat,
                "lon": lon,
            }
        )
    ctx.note(
        "repd",
        raw_files=[REPD_FILE],
        coverage=f"June 2021 extract; {len(rows)} sites",
        method=(
            "Sites whose Planning Authority is one of the pack's councils (names compared "
            "without 'District/Borough/City/County Council'). British National Grid X/Y "
            "converted to WGS84 with the Ordnance Survey transverse Mercator inverse and "
            "OSGB36→WGS84 Helmert transformation (accuracy a few metres). area_code is the "
            f"district or unitary whose boundary contains the site ({located} sites), else "
            "the planning authority's own code."
        ),
    )
    return sorted(rows, key=lambda row: (row["area_code"], int(row["ref_id"] or 0), row["name"]))


def grid_supply_points(ctx: BuildContext, zones: list[dict]) -> tuple[list[dict], dict]:
    try:
        polygons = national_files.read_json(raw_path(ctx.data_dir, GSP_POLYGONS))
    except json.JSONDecodeError as error:
        raise SourceDataError(
            f"not valid JSON ({error.msg}). {FETCH_HINT}", file=GSP_POLYGONS, row=error.lineno
        ) from None
    centroids = [centroid(zone["geometry"]) for zone in zones]
    chosen = [
        feature
        for feature in polygons["features"]
        if any(contains(feature["geometry"], lon, lat) for lon, lat in centroids)
    ]
    ids = sorted(feature["properties"]["GSP"] for feature in chosen)
    zones_per_gsp = {
        gsp: sum(
            contains(f["geometry"], lon, lat)
            for lon, lat in centroids
            for f in chosen
            if f["properties"]["GSP"] == gsp
        )
        for gsp in ids
    }
    rows: list[dict] = []
    files = []
    for scenario in FES_SCENARIOS:
        for parameter, unit in GSP_PARAMETERS.items():
            relative = GSP_SERIES.format(scenario=scenario, parameter=parameter)
            files.append(relative)
            for number, cells in read_raw_csv(
                ctx.data_dir, relative, ("Primary",), only=("Primary", ids)
            ):
                if cells["Primary"] not in ids:
                    continue
                for column, text in cells.items():
                    if column.isdigit() and text.strip():
                        value = raw_float(text, file=relative, row=number, column=column)
                        rows.append(
                            {
                                "gsp_id": cells["Primary"],
                                "scenario": scenario,
                                "parameter": parameter,
                                "year": int(column),
                                "value": value,
                                "unit": unit,
                            }
                        )
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"gsp_id": f["properties"]["GSP"], "name": f["properties"]["Name"]},
                "geometry": {
                    "type": f["geometry"]["type"],
                    "coordinates": round_coordinates(f["geometry"]["coordinates"]),
                },
            }
            for f in sorted(chosen, key=lambda f: f["properties"]["GSP"])
        ],
    }
    ctx.note(
        "fes-2023-gsp",
        raw_files=[GSP_POLYGONS, GSP_SERIES.format(scenario="<SC>", parameter="<parameter>")],
        coverage=f"2021-2050, scenarios CT, LW, ST, FS; GSPs {', '.join(ids)}",
        method=(
            "Grid supply points whose polygon contains the centroid of at least one of the "
            "pack's zones (area-weighted centroid, ray-casting point-in-polygon). For each: "
            "peak demand (DemandPk-All) and distribution-connected capacity by technology "
            "(DxCapacity-*), MW, per scenario and year, copied; polygons rounded to 5 d.p. "
            "Zone centroids per GSP: "
            + ", ".join(f"{gsp} {count}" for gsp, count in zones_per_gsp.items())
            + ". A GSP also feeds places outside the pack: its figures are not the place's."
        ),
    )
    return rows, geojson


def substation_rows(ctx: BuildContext, zones: list[dict]) -> list[dict[str, str]]:
    columns = ("Substation Number", "Substation Name", "Substation Type", "Latitude", "Longitude")
    rows: list[dict[str, str]] = []
    for number, cells in read_raw_csv(ctx.data_dir, SUBSTATIONS_FILE, columns):
        if cells["Substation Type"].strip() != "Primary Substation":
            continue
        lat = raw_float(cells["Latitude"], file=SUBSTATIONS_FILE, row=number, column="Latitude")
        lon = raw_float(cells["Longitude"], file=SUBSTATIONS_FILE, row=number, column="Longitude")
        for zone in zones:
            if contains(zone["geometry"], lon, lat):
                rows.append(
                    {
                        "number": cells["Substation Number"].strip(),
                        "name": cells["Substation Name"].strip(),
                        "kind": cells["Substation Type"].strip(),
                        "lat": f"{lat:.5f}",
                        "lon": f"{lon:.5f}",
                        "zone_code": zone["properties"]["code"],
                    }
                )
                break
    ctx.note(
        "nged-substations",
        raw_files=[SUBSTATIONS_FILE],
        coverage=f"{len(rows)} primary substations",
        method=(
            "NGED primary substations whose published latitude/longitude lies inside one of "
            "the pack's zone polygons (ray casting), with that zone. Locations only: this "
            "file holds no headroom or capacity."
        ),
    )
    return sorted(rows, key=lambda row: (row["zone_code"], row["number"]))
