"""Who published each dataset, under which licence, and what the licence asks us to say.

Attribution sentences are the ones each licence asks for (the Open Government Licence v3.0,
https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/, and the
publishers' own terms for the others). Each dataset's coverage
and method are filled in by the builder from what it actually read (counts included).
"""

from __future__ import annotations

OGL = "OGL-3.0"
ATTRIBUTION_OGL = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
ATTRIBUTION_ONS_GEOGRAPHY = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data © Crown copyright and database right 2021."
)
ATTRIBUTION_FES = (
    "Contains data from National Grid ESO, Future Energy Scenarios 2023, under the National "
    "Grid ESO Open Data Licence."
)
ATTRIBUTION_MYSOCIETY = "Emissions by sub-sector: mySociety transformation of BEIS data, CC BY 4.0."
NOT_STATED_DESNZ = "not stated by the repository; DESNZ OGL v3 at source"

DATASETS: dict[str, dict[str, str]] = {
    "ons-geography": {
        "title": "ONS LAD 2023 and MSOA 2011 boundaries, MSOA 2011→2021→LAD 2022 best-fit "
        "lookup, House of Commons Library MSOA names",
        "publisher": "Office for National Statistics; House of Commons Library",
        "source_url": "https://geoportal.statistics.gov.uk/",
        "licence": OGL,
        "attribution": ATTRIBUTION_ONS_GEOGRAPHY,
    },
    "desnz-la-ghg": {
        "title": "UK local authority greenhouse gas emissions (territorial and within scope "
        "of influence)",
        "publisher": "Department for Energy Security and Net Zero",
        "source_url": "https://www.gov.uk/government/collections/"
        "uk-local-authority-and-regional-greenhouse-gas-emissions-national-statistics",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "desnz-la-ghg-sectors": {
        "title": "UK local authority greenhouse gas emissions, full dataset by sector and gas "
        "(territorial and within scope of influence)",
        "publisher": "Department for Energy Security and Net Zero",
        "source_url": "https://www.gov.uk/government/collections/"
        "uk-local-authority-and-regional-greenhouse-gas-emissions-national-statistics",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "mysociety-co2-subsector": {
        "title": "Local authority CO2 emissions within scope of influence, by sub-sector",
        "publisher": "mySociety (from BEIS/DESNZ statistics)",
        "source_url": "https://pages.mysociety.org/la-emissions-data/",
        "licence": "CC-BY-4.0",
        "attribution": ATTRIBUTION_MYSOCIETY,
    },
    "desnz-electricity-la": {
        "title": "Sub-national electricity consumption by local authority",
        "publisher": "Department for Energy Security and Net Zero",
        "source_url": "https://www.gov.uk/government/statistics/"
        "regional-and-local-authority-electricity-consumption-statistics",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "desnz-gas-la": {
        "title": "Sub-national gas consumption by local authority (not weather corrected)",
        "publisher": "Department for Energy Security and Net Zero",
        "source_url": "https://www.gov.uk/government/statistics/"
        "regional-and-local-authority-gas-consumption-statistics",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "ons-population": {
        "title": "Mid-year population estimates by local authority",
        "publisher": "Office for National Statistics",
        "source_url": "https://www.ons.gov.uk/peoplepopulationandcommunity/"
        "populationandmigration/populationestimates",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "census-2021": {
        "title": "Census 2021 TS041 households, TS044 accommodation type, TS046 central "
        "heating, TS054 tenure",
        "publisher": "Office for National Statistics (Nomis bulk download)",
        "source_url": "https://www.nomisweb.co.uk/sources/census_2021_bulk",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "census-2021-age": {
        "title": "Census 2021 TS007A (or TS007) usual residents by age, in the age bands "
        "citizen landscaping asks about",
        "publisher": "Office for National Statistics (Nomis bulk download)",
        "source_url": "https://www.nomisweb.co.uk/sources/census_2021_bulk",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "fes-2023": {
        "title": "Future Energy Scenarios 2023 regional building blocks by local authority",
        "publisher": "National Grid ESO",
        "source_url": "https://www.nationalgrideso.com/future-energy/future-energy-scenarios",
        "licence": "NGESO-Open-Data-Licence",
        "attribution": ATTRIBUTION_FES,
    },
    "desnz-msoa-electricity": {
        "title": "MSOA domestic and non-domestic electricity consumption",
        "publisher": "Department for Energy Security and Net Zero",
        "source_url": "https://www.gov.uk/government/collections/"
        "sub-national-electricity-consumption-data",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "beis-lsoa-gas-2016": {
        "title": "LSOA domestic gas consumption 2016 (weather corrected)",
        "publisher": "Department for Business, Energy and Industrial Strategy",
        "source_url": "https://www.gov.uk/government/collections/sub-national-gas-consumption-data",
        "licence": NOT_STATED_DESNZ,
        "attribution": ATTRIBUTION_OGL,
    },
    "ghg-conversion-factors": {
        "title": "UK Government GHG conversion factors: grid electricity and natural gas",
        "publisher": "Department for Energy Security and Net Zero",
        "source_url": "https://www.gov.uk/government/collections/"
        "government-conversion-factors-for-company-reporting",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "green-book-carbon-values": {
        "title": "Carbon values for policy appraisal, 2020-2050 (2022 prices)",
        "publisher": "Department for Energy Security and Net Zero",
        "source_url": "https://www.gov.uk/government/publications/"
        "valuing-greenhouse-gas-emissions-in-policy-appraisal",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "technology-costs": {
        "title": "PyPSA technology-data cost and performance assumptions",
        "publisher": "PyPSA technology-data contributors (sources cited per row)",
        "source_url": "https://github.com/PyPSA/technology-data",
        "licence": "not stated by the repository for the data; sources listed per row",
        "attribution": "Technology costs: PyPSA technology-data (sources as cited per row).",
    },
    "repd": {
        "title": "Renewable Energy Planning Database (June 2021 extract)",
        "publisher": "Department for Business, Energy and Industrial Strategy",
        "source_url": "https://www.gov.uk/government/publications/"
        "renewable-energy-planning-database-monthly-extract",
        "licence": OGL,
        "attribution": ATTRIBUTION_OGL,
    },
    "fes-2023-gsp": {
        "title": "Future Energy Scenarios 2023 peak demand and capacity by grid supply point",
        "publisher": "National Grid ESO",
        "source_url": "https://www.nationalgrideso.com/future-energy/future-energy-scenarios",
        "licence": "NGESO-Open-Data-Licence",
        "attribution": ATTRIBUTION_FES,
    },
    "nged-substations": {
        "title": "NGED primary substation locations",
        "publisher": "National Grid Electricity Distribution",
        "source_url": "https://connecteddata.nationalgrid.co.uk/",
        "licence": "NGED Connected Data terms",
        "attribution": "Substation locations: National Grid Electricity Distribution "
        "Connected Data.",
    },
}
