"""Labels of the engine's array dimensions, in the order the arrays use them.

Sector names follow the DESNZ local authority emissions statistics; carriers are the final
energy carriers those statistics distinguish (road fuel is petrol and diesel together).
"""

from __future__ import annotations

SECTORS: tuple[str, ...] = (
    "domestic",
    "commercial",
    "public",
    "industry",
    "transport",
    "agriculture",
    "waste",
    "LULUCF",
    # Engineered greenhouse gas removals (BECCS, DACCS): not a DESNZ sector, kept apart so
    # residual emissions and removals are both shown.
    "removals",
)
CARRIERS: tuple[str, ...] = ("electricity", "gas", "other_fuels", "road_fuel")
# End uses the levers act on separately. "heat" is space heating and hot water; "power" is
# lighting, appliances, cooling and processes run on electricity; "road_vehicles" is road
# transport; "other" is non-road transport and process fuel.
END_USES: tuple[str, ...] = ("heat", "power", "road_vehicles", "other")
# Deployment reported per zone and year (counts, or MW for generation and storage).
TECHNOLOGIES: tuple[str, ...] = (
    "heat_pumps",
    "retrofits",
    "heat_network_connections",
    "electric_vehicles",
    "electric_hgvs",
    "solar_rooftop_mw",
    "solar_ground_mw",
    "onshore_wind_mw",
    "battery_mw",
)

S = {name: index for index, name in enumerate(SECTORS)}
C = {name: index for index, name in enumerate(CARRIERS)}
U = {name: index for index, name in enumerate(END_USES)}
BUILDING_SECTORS: tuple[int, ...] = (S["domestic"], S["commercial"], S["public"])
# The same as a slice (the building sectors come first), so arrays index as views.
BUILDINGS = slice(S["domestic"], S["public"] + 1)
assert tuple(range(len(SECTORS)))[BUILDINGS] == BUILDING_SECTORS
NON_DOMESTIC_BUILDINGS: tuple[int, ...] = (S["commercial"], S["public"])
