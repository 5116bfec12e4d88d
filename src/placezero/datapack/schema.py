"""What a place pack holds: its files, their columns, and the unit of every variable.

The builder writes only variables listed here and the reader refuses any row whose unit
differs from the one listed, so a figure cannot silently change meaning (kt → Mt, kWh → GWh)
between the raw file and the engine. Variable names are snake_case and end in their unit.
"""

from __future__ import annotations

PACK_FORMAT = "placezero-place-pack/1"

PACK_FILES: dict[str, tuple[str, ...]] = {
    "manifest.json": (),
    "areas.geojson": ("code", "name", "kind", "parent", "role"),
    "zones.geojson": ("code", "name", "local_name", "area"),
    "area_statistics.csv": (
        "area_code",
        "dataset",
        "variable",
        "scenario",
        "year",
        "value",
        "unit",
    ),
    "zone_statistics.csv": (
        "zone_code",
        "dataset",
        "variable",
        "scenario",
        "year",
        "value",
        "unit",
    ),
    "national_series.csv": ("dataset", "variable", "scenario", "year", "value", "unit"),
    "technology_costs.csv": (
        "technology",
        "parameter",
        "year",
        "value",
        "unit",
        "currency_year",
        "source",
    ),
    "renewable_sites.csv": (
        "ref_id",
        "name",
        "technology",
        "capacity_mw",
        "status",
        "planning_authority",
        "area_code",
        "easting",
        "northing",
        "lat",
        "lon",
    ),
    "grid_supply_points.csv": ("gsp_id", "scenario", "parameter", "year", "value", "unit"),
    "grid_supply_points.geojson": ("gsp_id", "name"),
    "substations.csv": ("number", "name", "kind", "lat", "lon", "zone_code"),
}

# FES scenario codes (National Grid ESO, Future Energy Scenarios 2023).
FES_SCENARIOS: dict[str, str] = {
    "CT": "Consumer Transformation",
    "LW": "Leading the Way",
    "ST": "System Transformation",
    "FS": "Falling Short",
}
CARBON_VALUE_SCENARIOS: tuple[str, ...] = ("low", "central", "high")

# --- Area statistics -------------------------------------------------------------------

DESNZ_LA_GHG: dict[str, tuple[str, str]] = {
    # raw column in la-ghg-totals-2005-2023.csv -> (variable, unit)
    "territorial_emissions_ktco2e": ("territorial_emissions_ktco2e", "kt CO2e"),
    "total_emissions_scope_ktco2": ("scope_emissions_ktco2", "kt CO2"),
    "mid_year_population_thousands": ("population_thousands", "thousand people"),
    "area_km2": ("area_km2", "km2"),
}

# The official DESNZ full dataset (2005-23-uk-local-authority-ghg-emissions-CSV-dataset.csv):
# its "LA GHG Sector" values -> the engine's sector keys. Every sector must be present for every
# authority and year read; the pack keeps territorial and within-scope totals per sector.
DESNZ_GHG_SECTORS: dict[str, str] = {
    "Agriculture": "agriculture",
    "Commercial": "commercial",
    "Domestic": "domestic",
    "Industry": "industry",
    "LULUCF": "lulucf",
    "Public Sector": "public",
    "Transport": "transport",
    "Waste": "waste",
}
DESNZ_GHG_SECTOR_VARIABLES: dict[str, str] = {
    f"{key}_territorial_ktco2e": "kt CO2e" for key in DESNZ_GHG_SECTORS.values()
} | {f"{key}_scope_ktco2e": "kt CO2e" for key in DESNZ_GHG_SECTORS.values()}

# mySociety sub-sector columns ("Industry Electricity:kt CO2"); all in kt CO2.
MYSOCIETY_SUBSECTORS: tuple[str, ...] = (
    "Industry Electricity",
    "Industry Gas",
    "Large Industrial Installations",
    "Industrial Other Fuels",
    "Industry Total",
    "Commercial Electricity",
    "Commercial Gas",
    "Commercial Other Fuels",
    "Commercial Total",
    "Public Sector Electricity",
    "Public Sector Gas",
    "Public Sector Other Fuels",
    "Public Sector Total",
    "Domestic Electricity",
    "Domestic Gas",
    "Domestic Other Fuels",
    "Domestic Total",
    "Road Transport (A roads)",
    "Road Transport (Minor roads)",
    "Transport Other",
    "Transport Total",
    "Agriculture Electricity",
    "Agriculture",
    "Agriculture 'Other'",
    "Agriculture Total",
    "Waste Management Other",
    "Waste Management Total",
    "Total Emissions",
)


def subsector_variable(column: str) -> str:
    """'Road Transport (A roads)' -> 'road_transport_a_roads_ktco2'."""
    cleaned = "".join(ch.lower() if ch.isalnum() else "_" for ch in column)
    return "_".join(part for part in cleaned.split("_") if part) + "_ktco2"


# DESNZ sub-national electricity and gas workbooks: header keyword pairs -> (variable, unit).
# Headers read "Number of meters\n(thousands):\nDomestic"; the builder matches on
# (measure, sector) after normalising whitespace.
DESNZ_ENERGY_COLUMNS: dict[tuple[str, str], tuple[str, str]] = {
    ("Number of meters (thousands)", "Domestic"): ("domestic_meters_thousands", "thousand meters"),
    ("Number of meters (thousands)", "All Domestic"): (
        "domestic_meters_thousands",
        "thousand meters",
    ),
    ("Number of meters (thousands)", "Domestic E7"): (
        "domestic_e7_meters_thousands",
        "thousand meters",
    ),
    ("Number of meters (thousands)", "Non-Domestic"): (
        "non_domestic_meters_thousands",
        "thousand meters",
    ),
    ("Number of meters (thousands)", "All Non-Domestic"): (
        "non_domestic_meters_thousands",
        "thousand meters",
    ),
    ("Total consumption (GWh)", "Domestic"): ("domestic_consumption_gwh", "GWh"),
    ("Total consumption (GWh)", "All Domestic"): ("domestic_consumption_gwh", "GWh"),
    ("Total consumption (GWh)", "Domestic E7"): ("domestic_e7_consumption_gwh", "GWh"),
    ("Total consumption (GWh)", "Non-Domestic"): ("non_domestic_consumption_gwh", "GWh"),
    ("Total consumption (GWh)", "All Non-Domestic"): ("non_domestic_consumption_gwh", "GWh"),
}

# Census 2021 tables: header after "<table label>: " -> variable; unit is always households.
CENSUS_TABLES: dict[str, dict[str, str]] = {
    "ts041": {
        "Number of households; measures: Value": "households",
    },
    "ts044": {
        "Total: All households": "accommodation_all_households",
        "Detached": "accommodation_detached_households",
        "Semi-detached": "accommodation_semi_detached_households",
        "Terraced": "accommodation_terraced_households",
        "In a purpose-built block of flats or tenement": (
            "accommodation_purpose_built_flat_households"
        ),
        "Part of a converted or shared house, including bedsits": (
            "accommodation_converted_house_households"
        ),
        "Part of another converted building, for example, former school, church or warehouse": (
            "accommodation_converted_other_building_households"
        ),
        "In a commercial building, for example, in an office building, hotel or over a shop": (
            "accommodation_commercial_building_households"
        ),
        "A caravan or other mobile or temporary structure": "accommodation_caravan_households",
    },
    "ts046": {
        "Total: All households": "heating_all_households",
        "No central heating": "heating_none_households",
        "Mains gas only": "heating_mains_gas_households",
        "Tank or bottled gas only": "heating_tank_or_bottled_gas_households",
        "Electric only": "heating_electric_households",
        "Oil only": "heating_oil_households",
        "Wood only": "heating_wood_households",
        "Solid fuel only": "heating_solid_fuel_households",
        "Renewable energy only": "heating_renewable_households",
        "District or communal heat networks only": "heating_district_or_communal_households",
        "Other central heating only": "heating_other_households",
        "Two or more types of central heating (not including renewable energy)": (
            "heating_two_or_more_without_renewable_households"
        ),
        "Two or more types of central heating (including renewable energy)": (
            "heating_two_or_more_with_renewable_households"
        ),
    },
    "ts054": {
        "Total: All households": "tenure_all_households",
        "Owned": "tenure_owned_households",
        "Owned: Owns outright": "tenure_owned_outright_households",
        "Owned: Owns with a mortgage or loan": "tenure_owned_with_mortgage_households",
        "Shared ownership": "tenure_shared_ownership_households",
        "Social rented": "tenure_social_rented_households",
        "Social rented: Rents from council or Local Authority": (
            "tenure_social_rented_council_households"
        ),
        "Social rented: Other social rented": "tenure_social_rented_other_households",
        "Private rented": "tenure_private_rented_households",
        "Private rented: Private landlord or letting agency": (
            "tenure_private_rented_landlord_households"
        ),
        "Private rented: Other private rented": "tenure_private_rented_other_households",
        "Lives rent free": "tenure_rent_free_households",
    },
}

# FES 2023 building blocks kept in the pack: block id -> (variable, unit). Units from
# fes2023-lad/parameters-building-blocks.json; "Number of" is written as "count".
# Gen_BB005 and Gen_BB015 have no unit in that file: every other generation block is
# installed capacity in MW and the ESO building-block definitions list both under
# "Installed capacity", so MW is used (see docs/method/data.md).
FES_BLOCKS: dict[str, tuple[str, str]] = {
    "Dem_BB001a": ("domestic_customers_count", "count"),
    "Dem_BB002a": ("ic_customers_count", "count"),
    "Dem_BB003": ("annual_demand_gwh", "GWh"),
    "Dem_BB004": ("residential_heat_pump_demand_gwh", "GWh"),
    "Dem_BB005": ("ic_heat_pump_demand_gwh", "GWh"),
    "Dem_BB006": ("ev_light_vehicle_demand_gwh", "GWh"),
    "Dem_BB007": ("ev_hgv_bus_demand_gwh", "GWh"),
    "Dem_BB008": ("baseline_demand_gwh", "GWh"),
    "Dem_BB008a": ("baseline_domestic_demand_gwh", "GWh"),
    "Dem_BB008b": ("non_domestic_demand_gwh", "GWh"),
    "Dem_BB009": ("hydrogen_electrolysis_mw", "MW"),
    "Gen_BB001": ("non_renewable_chp_large_mw", "MW"),
    "Gen_BB002": ("non_renewable_chp_small_mw", "MW"),
    "Gen_BB003": ("micro_chp_mw", "MW"),
    "Gen_BB004": ("renewable_engines_mw", "MW"),
    "Gen_BB005": ("diesel_engines_mw", "MW"),
    "Gen_BB006": ("gas_engines_mw", "MW"),
    "Gen_BB007": ("fuel_cells_mw", "MW"),
    "Gen_BB009": ("ccgt_mw", "MW"),
    "Gen_BB010": ("biomass_mw", "MW"),
    "Gen_BB011": ("waste_incineration_mw", "MW"),
    "Gen_BB012": ("solar_large_mw", "MW"),
    "Gen_BB013": ("solar_small_mw", "MW"),
    "Gen_BB014": ("offshore_wind_mw", "MW"),
    "Gen_BB015": ("onshore_wind_large_mw", "MW"),
    "Gen_BB016": ("onshore_wind_small_mw", "MW"),
    "Gen_BB018": ("hydro_mw", "MW"),
    "Gen_BB023": ("hydrogen_generation_mw", "MW"),
    "Lct_BB001": ("battery_electric_light_vehicles_count", "count"),
    "Lct_BB002": ("plug_in_hybrid_light_vehicles_count", "count"),
    "Lct_BB003": ("battery_electric_other_vehicles_count", "count"),
    "Lct_BB004": ("plug_in_hybrid_other_vehicles_count", "count"),
    "Lct_BB005": ("domestic_heat_pumps_count", "count"),
    "Lct_BB006": ("domestic_hybrid_heat_pumps_count", "count"),
    "Lct_BB007": ("ic_heat_pumps_count", "count"),
    "Lct_BB008": ("ic_hybrid_heat_pumps_count", "count"),
    "Lct_BB009": ("district_heating_properties_count", "count"),
    "Srg_BB001": ("battery_storage_mw", "MW"),
    "Srg_BB002": ("domestic_battery_storage_mw", "MW"),
    "Srg_BB005": ("vehicle_to_grid_mw", "MW"),
    "Srg_BB006a": ("ic_flexibility_mw", "MW"),
}

# --- Zone statistics -------------------------------------------------------------------

MSOA_ELECTRICITY: dict[str, tuple[str, str]] = {
    "domestic_meters_count": ("count", "Number of meters"),
    "domestic_consumption_kwh": ("kWh", "Consumption (kWh)"),
    "non_domestic_meters_count": ("count", "Number of meters"),
    "non_domestic_consumption_kwh": ("kWh", "Consumption (kWh)"),
}
LSOA_GAS: dict[str, tuple[str, str]] = {
    "domestic_gas_consumption_kwh": ("kWh", "Consumption (kWh)"),
    "domestic_gas_meters_count": ("count", "Number of meters"),
}

# --- National series and grid --------------------------------------------------------------

CONVERSION_FACTORS: dict[str, tuple[str, str]] = {
    "elec_uk_generated_kgCO2e_per_kWh": (
        "grid_electricity_generated_kgco2e_per_kwh",
        "kg CO2e/kWh",
    ),
    "natgas_gross_cv_kgCO2e_per_kWh": ("natural_gas_gross_cv_kgco2e_per_kwh", "kg CO2e/kWh"),
}
CARBON_VALUE_VARIABLE = ("carbon_value_gbp_per_tco2e", "GBP/tCO2e")

GSP_PARAMETERS: dict[str, str] = {
    # FES 2023 GSP files <scenario>-<parameter>.csv; all in MW.
    "DemandPk-All": "MW",
    "DxCapacity-Solar": "MW",
    "DxCapacity-Wind": "MW",
    "DxCapacity-Storage": "MW",
    "DxCapacity-Hydro": "MW",
    "DxCapacity-Other": "MW",
}


# Census 2021 TS007A/TS007 residents in citizen landscaping's age bands (build_census_age;
# only in a pack built with that optional file).
CENSUS_AGE_VARIABLES: tuple[str, ...] = (
    "age_16_24_persons", "age_25_34_persons", "age_35_49_persons", "age_50_64_persons",
    "age_65_74_persons", "age_75_plus_persons",
)  # fmt: skip


def _expected_units() -> dict[tuple[str, str], str]:
    units: dict[tuple[str, str], str] = {}
    for variable, unit in DESNZ_LA_GHG.values():
        units[("desnz-la-ghg", variable)] = unit
    for variable, unit in DESNZ_GHG_SECTOR_VARIABLES.items():
        units[("desnz-la-ghg-sectors", variable)] = unit
    for column in MYSOCIETY_SUBSECTORS:
        units[("mysociety-co2-subsector", subsector_variable(column))] = "kt CO2"
    for variable, unit in DESNZ_ENERGY_COLUMNS.values():
        units[("desnz-electricity-la", variable)] = unit
        if "_e7_" not in variable:  # the gas workbook has no Economy 7 split
            units[("desnz-gas-la", variable)] = unit
    units[("ons-population", "population_persons")] = "persons"
    for table in CENSUS_TABLES.values():
        for variable in table.values():
            units[("census-2021", variable)] = "households"
    for variable in CENSUS_AGE_VARIABLES:
        units[("census-2021-age", variable)] = "persons"
    for variable, unit in FES_BLOCKS.values():
        units[("fes-2023", variable)] = unit
    for variable, (unit, _column) in MSOA_ELECTRICITY.items():
        units[("desnz-msoa-electricity", variable)] = unit
    for variable, (unit, _column) in LSOA_GAS.items():
        units[("beis-lsoa-gas-2016", variable)] = unit
    for variable, unit in CONVERSION_FACTORS.values():
        units[("ghg-conversion-factors", variable)] = unit
    units[("green-book-carbon-values", CARBON_VALUE_VARIABLE[0])] = CARBON_VALUE_VARIABLE[1]
    return units


EXPECTED_UNITS: dict[tuple[str, str], str] = _expected_units()
