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

    def outcome_at(self, level: float) -> float:
        """2050 outcome for a (possibly fractional) level, interpolated between levels."""
        low = int(min(max(level, MIN_LEVEL), MAX_LEVEL - 1))
        weight = level - low
        return self.values[low - 1] * (1 - weight) + self.values[low] * weight


def _lever(key, title, outcome, values, levels, unit="", shape="linear") -> Lever:
    return Lever(key, title, outcome, values, levels, deployment_unit=unit, shape=shape)


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
            "HGV and bus decarbonisation",
            "share of HGV and bus vehicle-km driven electrically by 2050",
            (0.0, 0.25, 0.6, 0.9),
            ("no change", "a quarter", "6 in 10 km", "9 in 10 km"),
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
            "agriculture",
            "Agriculture",
            "reduction in agricultural fossil fuel use and emissions by 2050",
            (0.0, 0.1, 0.2, 0.35),
            ("no change", "10 % lower", "20 % lower", "35 % lower"),
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
    )
}
LEVER_KEYS: tuple[str, ...] = tuple(LEVERS)
EXPLICIT_LEVERS: tuple[str, ...] = tuple(k for k, v in LEVERS.items() if v.deployment_unit)
