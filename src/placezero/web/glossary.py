"""The terms of art the site uses, in plain English, each with the public source its
meaning comes from where it comes from one (a term the site itself coined, such as a
lever, says so and points to the method page that defines it).

Pages link a term to its entry with `{% term "headroom" %}` (web/templatetags/glossary.py);
an unknown key is refused when the template is compiled, so a misspelt term fails its page's
tests instead of linking nowhere. The glossary page is `/glossary/`, one anchor per key.
"""

from __future__ import annotations

from dataclasses import dataclass

DESNZ_LA_EMISSIONS = (
    "Department for Energy Security and Net Zero, UK local authority and regional "
    "greenhouse gas emissions statistics",
    "https://www.gov.uk/government/collections/"
    "uk-local-authority-and-regional-greenhouse-gas-emissions-national-statistics",
)
DESNZ_CONVERSION = (
    "Department for Energy Security and Net Zero, Greenhouse gas reporting: conversion factors",
    "https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting",
)
NET_ZERO_ORDER = (
    "The Climate Change Act 2008 (2050 Target Amendment) Order 2019",
    "https://www.legislation.gov.uk/uksi/2019/1056/contents/made",
)
OFGEM_LAEP = (
    "Energy Systems Catapult for Ofgem, Local Area Energy Planning: the method",
    "https://www.ofgem.gov.uk/publications/local-area-energy-planning-method",
)
NGED_DATA = (
    "National Grid Electricity Distribution, Connected Data Portal",
    "https://connecteddata.nationalgrid.co.uk/",
)
ONS_GEOGRAPHY = (
    "Office for National Statistics, Census 2021 geographies",
    "https://www.ons.gov.uk/methodology/geography/ukgeographies/censusgeographies/"
    "census2021geographies",
)
FES = (
    "National Energy System Operator, Future Energy Scenarios",
    "https://www.nationalgrideso.com/future-energy/future-energy-scenarios",
)
SI_UNITS = (
    "Bureau International des Poids et Mesures, The International System of Units (SI)",
    "https://www.bipm.org/en/measurement-units",
)


@dataclass(frozen=True)
class Term:
    key: str  # the anchor: /glossary/#<key>
    name: str  # as the glossary heads it
    meaning: str  # plain English, one or two sentences
    source: tuple[str, str] | None = None  # (publisher and title, address)
    method: str = ""  # a "How the figures are made" page slug, for the site's own terms
    also: tuple[str, ...] = ()  # other spellings a reader may meet


TERMS: tuple[Term, ...] = (
    Term(
        "co2e",
        "CO2e (carbon dioxide equivalent)",
        "One unit for every greenhouse gas: an amount of methane or nitrous oxide is counted "
        "as the amount of carbon dioxide that would warm the climate as much over 100 years. "
        "Emissions on this site are in tonnes (t CO2e) or thousands of tonnes (kt CO2e).",
        DESNZ_CONVERSION,
        also=("tCO2e", "kt CO2e"),
    ),
    Term(
        "territorial-emissions",
        "Territorial emissions",
        "All the greenhouse gases released inside an area's boundary in a year — from homes, "
        "businesses, transport, farming and land — whoever is responsible for them. It is the "
        "official measure the net zero target is counted against here.",
        DESNZ_LA_EMISSIONS,
    ),
    Term(
        "scope-of-influence",
        "Scope of influence",
        "The part of an area's emissions a council can reasonably affect, for example through "
        "its planning, housing and transport powers. It leaves out large industrial sites in "
        "the national emissions trading scheme, motorways and railways.",
        DESNZ_LA_EMISSIONS,
    ),
    Term(
        "net-zero",
        "Net zero",
        "The point where the greenhouse gases still released are no more than those taken "
        "out of the air (removals). The UK's legal target is net zero by 2050; many councils "
        "have set themselves an earlier date.",
        NET_ZERO_ORDER,
    ),
    Term(
        "removals",
        "Removals",
        "Greenhouse gases taken out of the air and kept out, mostly by trees, hedges and "
        "soils. They are shown as negative emissions and count against what is still "
        "released on the way to net zero.",
        DESNZ_LA_EMISSIONS,
    ),
    Term(
        "lulucf",
        "LULUCF (land use, land-use change and forestry)",
        "The sector of the emissions statistics for land: woodland and grassland usually take "
        "carbon in (removals), while draining peat or ploughing grassland releases it.",
        DESNZ_LA_EMISSIONS,
    ),
    Term(
        "laep",
        "LAEP (Local Area Energy Plan)",
        "A plan, made with the people and organisations of a place, of how its buildings, "
        "transport, heat and electricity network change to reach net zero at the least cost "
        "to society. The plan on a page follows its six stages.",
        OFGEM_LAEP,
        also=("Local Area Energy Planning",),
    ),
    Term(
        "pathway",
        "Pathway",
        "One route from today's emissions to net zero, year by year: which changes happen, "
        "where and when, and what they cost. The partnership chooses one as its preferred "
        "pathway.",
        method="index",
    ),
    Term(
        "scenario",
        "Scenario",
        "A set of choices about the future (how fast homes switch to heat pumps, how much "
        "solar is built, and so on) that the model turns into a pathway. Each scenario has a "
        "title and a one-line description of what it assumes.",
        method="levers",
    ),
    Term(
        "lever",
        "Lever",
        "One of the choices a scenario makes, such as the share of homes insulated by 2050, "
        "set from level 1 (no change from today) to level 4 (the most ambitious). A term of "
        "this site's model, which works in the manner of the UK 2050 Pathways Calculator.",
        method="levers",
    ),
    Term(
        "headroom",
        "Headroom",
        "Spare capacity at a substation: how much more electricity demand (or generation) it "
        "can take before it has to be reinforced. Little headroom means new heat pumps, "
        "chargers or solar farms there may wait for, or pay towards, network upgrades.",
        NGED_DATA,
    ),
    Term(
        "primary-substation",
        "Primary substation",
        "A substation that takes electricity at 33,000 volts and steps it down to 11,000 "
        "volts for the local network of streets and villages around it. A primary "
        "substation group is the area it supplies.",
        NGED_DATA,
    ),
    Term(
        "gsp",
        "GSP (grid supply point)",
        "Where the national transmission network hands electricity to the regional "
        "distribution network; each grid supply point feeds several primary substations.",
        NGED_DATA,
        also=("grid supply point",),
    ),
    Term(
        "macc",
        "MACC (marginal abatement cost curve)",
        "A chart that lines up ways of cutting emissions from cheapest to dearest per tonne "
        "of CO2e saved, each bar as wide as the emissions it saves, so the cheapest savings "
        "show first.",
        method="equations",
    ),
    Term(
        "monte-carlo",
        "Monte Carlo",
        "A way of showing how sure a result is: the model is run many times with the uncertain "
        "assumptions (costs, take-up) drawn at random within their ranges, and the spread of "
        "the answers is shown as a range.",
        method="uncertainty",
    ),
    Term(
        "msoa",
        "Neighbourhood (MSOA)",
        "The neighbourhoods the pathway is worked out for are Middle layer Super Output Areas, "
        "the Office for National Statistics' areas of between 5,000 and 15,000 people; each "
        "has a local name as well as a code.",
        ONS_GEOGRAPHY,
        also=("Middle layer Super Output Area",),
    ),
    Term(
        "fes",
        "FES (Future Energy Scenarios)",
        "The national energy system operator's yearly set of ways Great Britain's energy "
        "could change to 2050; the model uses them for national trends such as the carbon in "
        "grid electricity.",
        FES,
    ),
    Term(
        "tonnes",
        "t and kt (tonnes and kilotonnes)",
        "A tonne (t) is 1,000 kilograms; a kilotonne (kt) is 1,000 tonnes. Emissions are "
        "counted in tonnes of CO2e.",
        SI_UNITS,
    ),
    Term(
        "mw",
        "kW, MW and GW (power)",
        "How much electricity something can produce or use at once. A kilowatt (kW) is 1,000 "
        "watts, a megawatt (MW) 1,000 kW and a gigawatt (GW) 1,000 MW.",
        SI_UNITS,
    ),
    Term(
        "mwh",
        "kWh, MWh and GWh (energy)",
        "How much electricity or heat is used or made over time: a kilowatt-hour (kWh) is one "
        "kilowatt for one hour; a megawatt-hour (MWh) is 1,000 kWh and a gigawatt-hour "
        "(GWh) 1,000 MWh.",
        SI_UNITS,
    ),
)

BY_KEY: dict[str, Term] = {term.key: term for term in TERMS}


def term(key: str) -> Term:
    """The entry for key; KeyError names the known keys."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"No glossary term {key!r}; known: {', '.join(sorted(BY_KEY))}") from None
