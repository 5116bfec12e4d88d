"""Lever definitions in the manner of the 2050 Pathways Calculator.

Each lever has ambition levels 1-4 (fractional levels interpolate linearly between the
neighbouring whole levels). A level stands for a stated outcome in 2050; the path from the
start year to 2050 follows a trajectory shape (linear or s-curve). Level 1 always means "no
change from the base year": a scenario with every lever at 1 changes only through the grid's
carbon intensity.

Every outcome is a share (0-1) of something the place data measures, so the same levels mean
the same thing in any local authority. Levers whose deployment can be given explicitly (the
FES check does this) also name the deployment unit the explicit trajectory uses.
"""

from __future__ import annotations

from dataclasses import dataclass

SHAPES: tuple[str, ...] = ("linear", "s-curve")
MIN_LEVEL, MAX_LEVEL = 1.0, 4.0
END_YEAR = 2050
DEFAULT_START_YEAR = 2025


@dataclass(frozen=True)
class Lever:
    key: str
    title: str
    outcome: str  # what the 2050 value measures, in plain English
    values: tuple[float, float, float, float]  # 2050 outcome at levels 1, 2, 3, 4
    levels: tuple[str, str, str, str]  # plain-English meaning of each level
    deployment_unit: str = ""  # unit of an explicit deployment trajectory ("" = share)
    start_year: int = DEFAULT_START_YEAR
    shape: str = "linear"
    source: str = ""  # the public source the 2050 outcomes are anchored on

    def outcome_at(self, level: float) -> float:
        """2050 outcome for a (possibly fractional) level, interpolated between levels."""
        low = int(min(max(level, MIN_LEVEL), MAX_LEVEL - 1))
        weight = level - low
        return self.values[low - 1] * (1 - weight) + self.values[low] * weight


def _lever(key, title, outcome, values, levels, unit="", shape="linear") -> Lever:
    return Lever(
        key,
        title,
        outcome,
        values,
        levels,
        deployment_unit=unit,
        shape=shape,
        source=LEVER_SOURCES[key],
    )


CCC6 = "Climate Change Committee (2020) The Sixth Carbon Budget, Balanced Net Zero Pathway"
CCC7 = "Climate Change Committee (2025) The Seventh Carbon Budget, Balanced Pathway"
# Level 3 is anchored on the CCC Balanced Pathway where it states the outcome; level 4 is
# the CCC's more ambitious exploratory scenarios (Widespread Engagement / Innovation).
LEVER_SOURCES: dict[str, str] = {
    "domestic_retrofit": f"{CCC6}: around 15 million homes insulated by 2050",
    "domestic_heat_pumps": f"{CCC6}: heat pumps in most homes, fossil boilers phased out by 2050",
    "heat_networks": f"{CCC6}: heat networks supply about 18 % of UK heat by 2050",
    "non_domestic_efficiency_electrification": f"{CCC6}: non-residential buildings "
    "decarbonised by 2040-2050, most heat by heat pumps",
    "rooftop_solar": "NGESO Future Energy Scenarios 2023, Consumer Transformation rooftop solar",
    "ground_solar": "NGESO Future Energy Scenarios 2023, distributed solar capacity",
    "onshore_wind": "NGESO Future Energy Scenarios 2023, onshore wind capacity",
    "battery_storage": "NGESO Future Energy Scenarios 2023, distributed storage capacity",
    "car_van_electrification": f"{CCC6}: all new cars and vans zero emission from 2032-35, "
    "the fleet almost entirely electric by 2050",
    "travel_demand": f"{CCC6}: car-km about 17 % below baseline by 2050 (demand and mode shift)",
    "hgv_decarbonisation": f"{CCC6}: zero-emission HGVs and buses, diesel rail electrified or "
    "replaced by hydrogen and battery trains by 2040-2050",
    "industrial_fuel_switching": f"{CCC6}: manufacturing and construction emissions at least "
    "90 % lower by 2050, electrification the largest measure",
    "industrial_ccs_hydrogen": f"{CCC6}: carbon capture and storage and low-carbon hydrogen "
    "for the industrial emissions electrification cannot reach (e.g. cement process CO2)",
    "agriculture": f"{CCC6}: agricultural emissions about 35 % lower by 2050 (low-carbon "
    "farming, livestock measures, diet change of 20 % less meat); level 4 its Widespread "
    "Engagement scenario",
    "trees_land_use": f"{CCC6}: UK woodland cover from 13 % to 18 % of land by 2050; "
    "peatland restoration and hedgerows 40 % longer",
    "waste": f"{CCC6}: waste emissions about 75 % lower by 2050 (landfill ban on "
    "biodegradable waste from 2025, methane capture)",
    "greenhouse_gas_removals": f"{CCC7}: engineered removals (BECCS, DACCS, biochar) of "
    "35.8 MtCO2e in 2050, shared here per resident",
}


LEVERS: dict[str, Lever] = {
    lever.key: lever
    for lever in (
        _lever(
            "domestic_retrofit",
            "Domestic fabric retrofit",
            "share of homes given a fabric retrofit package by 2050",
            (0.0, 0.3, 0.6, 0.9),
            ("no retrofit programme", "3 in 10 homes", "6 in 10 homes", "9 in 10 homes"),
            shape="s-curve",
        ),
        _lever(
            "domestic_heat_pumps",
            "Domestic heat pumps",
            "share of gas-, oil- and solid-fuel-heated homes heated by a heat pump by 2050",
            (0.0, 0.25, 0.6, 0.9),
            ("no switching", "1 in 4 homes", "6 in 10 homes", "9 in 10 homes"),
            unit="heat pumps added",
            shape="s-curve",
        ),
        _lever(
            "heat_networks",
            "Heat networks",
            "share of building heat supplied by heat networks by 2050",
            (0.0, 0.05, 0.12, 0.2),
            ("none", "5 % of heat", "12 % of heat", "20 % of heat"),
        ),
        _lever(
            "non_domestic_efficiency_electrification",
            "Non-domestic efficiency and electrification",
            "share of commercial and public heat electrified by 2050 (a third of it is also "
            "saved as efficiency on all non-domestic energy)",
            (0.0, 0.3, 0.6, 0.9),
            (
                "no change",
                "30 % electrified, 10 % saved",
                "60 % electrified, 20 % saved",
                "90 % electrified, 30 % saved",
            ),
        ),
        _lever(
            "rooftop_solar",
            "Rooftop solar",
            "share of homes with a rooftop solar array by 2050",
            (0.0, 0.1, 0.25, 0.5),
            ("no new arrays", "1 in 10 homes", "1 in 4 homes", "1 in 2 homes"),
            unit="MW added",
        ),
        _lever(
            "ground_solar",
            "Ground-mounted solar",
            "share of the zone's land under solar farms by 2050",
            (0.0, 0.002, 0.005, 0.01),
            ("none", "0.2 % of land", "0.5 % of land", "1 % of land"),
            unit="MW added",
        ),
        _lever(
            "onshore_wind",
            "Onshore wind",
            "share of the zone's land within wind farms by 2050",
            (0.0, 0.002, 0.005, 0.01),
            ("none", "0.2 % of land", "0.5 % of land", "1 % of land"),
            unit="MW added",
        ),
        _lever(
            "battery_storage",
            "Battery storage",
            "MW of batteries per MW of new solar and wind by 2050",
            (0.0, 0.1, 0.25, 0.5),
            ("none", "0.1 MW per MW", "0.25 MW per MW", "0.5 MW per MW"),
            unit="MW added",
        ),
        _lever(
            "car_van_electrification",
            "Car and van electrification",
            "share of car and van vehicle-km driven electrically by 2050",
            (0.0, 0.5, 0.8, 1.0),
            ("no change", "half", "8 in 10 km", "all"),
            unit="electric vehicles added",
            shape="s-curve",
        ),
        _lever(
            "travel_demand",
            "Travel demand reduction and mode shift",
            "reduction in car and van vehicle-km by 2050",
            (0.0, 0.05, 0.1, 0.2),
            ("no change", "5 % fewer km", "10 % fewer km", "20 % fewer km"),
        ),
        _lever(
            "hgv_decarbonisation",
            "HGV, bus and rail decarbonisation",
            "share of HGV and bus vehicle-km driven electrically, and of diesel rail and "
            "other non-road transport fuel replaced, by 2050",
            (0.0, 0.25, 0.6, 1.0),
            ("no change", "a quarter", "6 in 10 km", "all"),
            unit="electric HGVs and buses added",
            shape="s-curve",
        ),
        _lever(
            "industrial_fuel_switching",
            "Industrial fuel switching",
            "share of industrial gas and other fuel replaced by electricity by 2050",
            (0.0, 0.2, 0.45, 0.7),
            ("no change", "20 %", "45 %", "70 %"),
        ),
        _lever(
            "industrial_ccs_hydrogen",
            "Industrial carbon capture and hydrogen",
            "share of the industrial fossil emissions left after fuel switching that is "
            "captured or replaced by low-carbon hydrogen by 2050",
            (0.0, 0.25, 0.6, 0.9),
            ("none", "a quarter", "6 in 10 tonnes", "9 in 10 tonnes"),
            shape="s-curve",
        ),
        _lever(
            "agriculture",
            "Agriculture",
            "reduction in agricultural fuel use and in livestock methane and soil nitrous "
            "oxide by 2050",
            (0.0, 0.15, 0.35, 0.5),
            ("no change", "15 % lower", "35 % lower", "half"),
        ),
        _lever(
            "trees_land_use",
            "Tree planting and land use",
            "share of the zone's land newly wooded by 2050",
            (0.0, 0.02, 0.05, 0.1),
            ("no new woodland", "2 % of land", "5 % of land", "10 % of land"),
        ),
        _lever(
            "waste",
            "Waste",
            "reduction in waste-management emissions by 2050",
            (0.0, 0.2, 0.45, 0.7),
            ("no change", "20 % lower", "45 % lower", "70 % lower"),
        ),
        _lever(
            "greenhouse_gas_removals",
            "Greenhouse gas removals",
            "engineered removals hosted or contracted by the place in 2050, as a share of "
            "twice its per-resident share of the national removals (level 3: its share)",
            (0.0, 0.25, 0.5, 1.0),
            ("none", "half its share", "its share", "twice its share (hosting a plant)"),
            shape="s-curve",
        ),
    )
}
LEVER_KEYS: tuple[str, ...] = tuple(LEVERS)
EXPLICIT_LEVERS: tuple[str, ...] = tuple(k for k, v in LEVERS.items() if v.deployment_unit)
