"""What the pathway pages call the engine's sectors, technologies and cost items: one list,
so a sector or technology has the same name on every page, table and download."""

from __future__ import annotations

SECTOR_LABELS = {
    "domestic": "Homes",
    "commercial": "Commercial",
    "public": "Public sector",
    "industry": "Industry",
    "transport": "Transport",
    "agriculture": "Agriculture",
    "waste": "Waste",
    "LULUCF": "Land use and trees",
    "removals": "Greenhouse gas removals",
}
# technology (engine deployment key) -> (label, unit in tables, what is counted, in words)
TECHNOLOGIES = {
    "heat_pumps": ("Heat pumps in homes", "count", "homes"),
    "retrofits": ("Homes retrofitted", "count", "homes"),
    "heat_network_connections": ("Heat network connections", "count", "connections"),
    "electric_vehicles": ("Electric cars and vans", "count", "vehicles"),
    "electric_hgvs": ("Electric HGVs and buses", "count", "vehicles"),
    "solar_rooftop_mw": ("Rooftop solar", "MW", "MW"),
    "solar_ground_mw": ("Ground-mounted solar", "MW", "MW"),
    "onshore_wind_mw": ("Onshore wind", "MW", "MW"),
    "battery_mw": ("Battery storage", "MW", "MW"),
}
TECHNOLOGY_LABELS = {key: (label, unit) for key, (label, unit, _) in TECHNOLOGIES.items()}
TECHNOLOGY_COUNTED = {key: counted for key, (_, _, counted) in TECHNOLOGIES.items()}
CAPEX_LABELS = {
    "heat_pumps": "Domestic heat pumps",
    "retrofits": "Home retrofits",
    "non_domestic_heat_pumps": "Non-domestic heat pumps",
    "heat_networks": "Heat networks",
    "electric_vehicles": "Electric cars and vans (extra cost)",
    "electric_hgvs": "Electric HGVs and buses (extra cost)",
    "solar_rooftop": "Rooftop solar",
    "solar_ground": "Ground-mounted solar",
    "onshore_wind": "Onshore wind",
    "battery": "Battery storage",
    "industrial_electrification": "Industrial electrification",
    "woodland": "Woodland creation",
    "network_reinforcement": "Electricity network reinforcement",
}
