"""Anchors we did not write: the county's emissions per person and its heat pumps, electric
cars and vans and rooftop solar per household, from simulating the shipped scenarios,
beside FES 2023 Consumer Transformation recomputed from its building blocks and the
Climate Change Committee's national pathways (docs/method/checks.md, "Anchors").

Deployment is counted as **added since 2023** in both: the engine's stock added since its
base year; FES as its count in the year minus its count in 2023, per FES domestic customer
(FES's own denominator, so no household count of ours enters the FES side).

    python -m placezero.engine.anchors --place leicestershire   # prints the tables
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .assumptions import Assumptions
from .fes_check import DEPLOYMENT_BLOCKS, FES
from .inputs import PlaceInputs
from .scenario import Scenario, load_scenario
from .simulate import simulate

YEARS = (2030, 2035, 2040, 2050)
FROM_YEAR = 2023
SCENARIOS = ("net-zero", "balanced")
# What each row counts: (label, engine deployment key, scale to the per-household unit,
# FES variables, unit shown).
DEPLOYMENT = (
    ("Heat pumps per household", "heat_pumps", 1.0, DEPLOYMENT_BLOCKS["domestic_heat_pumps"], ""),
    (
        "Electric cars and vans per household",
        "electric_vehicles",
        1.0,
        DEPLOYMENT_BLOCKS["car_van_electrification"],
        "",
    ),
    ("Rooftop solar per household", "solar_rooftop_mw", 1000.0, ("solar_small_mw",), "kW"),
)
FES_FACTOR = {"solar_small_mw": 1000.0}  # MW -> kW

# National anchors, as published (not recomputed here):
UK_2023_MTCO2E = 384.2  # DESNZ, 2023 UK greenhouse gas emissions, provisional (March 2024)
UK_2023_BELOW_1990 = 0.527  # the same release: 52.7 % below 1990
UK_POPULATION_2023 = 68.3e6  # ONS, population estimates for the UK, mid-2023
CCC_BELOW_1990 = {
    2035: 0.78,  # CCC (2020) Sixth Carbon Budget, Balanced Net Zero Pathway (in law, 2021)
    2040: 0.87,  # CCC (2025) Seventh Carbon Budget, Balanced Pathway
    2050: 1.0,  # net zero, Climate Change Act 2008 (2050 Target Amendment) Order 2019
}
CCC_2040_HOMES_WITH_HEAT_PUMP = 0.5  # CCC (2025) Seventh Carbon Budget: half of homes


def uk_per_person_tco2e() -> dict[int, float]:
    """UK territorial tCO2e per person in 2023 and on the CCC pathways (at the 2023
    population: a per-person path, not a population projection)."""
    base = UK_2023_MTCO2E * 1e6 / UK_POPULATION_2023
    out = {2023: base}
    for year, below in CCC_BELOW_1990.items():
        out[year] = base * (1 - below) / (1 - UK_2023_BELOW_1990)
    return out


def shipped(name: str) -> Scenario:
    return load_scenario(Path(__file__).parent / "scenarios" / f"{name}.yaml")


@dataclass(frozen=True)
class Anchor:
    label: str
    unit: str
    engine: dict[str, dict[int, float]]  # scenario -> year -> value
    fes_ct: dict[int, float]


def per_person_tco2e(inputs: PlaceInputs, a: Assumptions, scenario: str) -> dict[int, float]:
    """Territorial emissions net of removals per resident (base-year population), by year."""
    results = simulate(inputs, shipped(scenario), a)
    total = results.total_emissions_tco2e.sum(axis=0)
    residents = float(inputs.residents.sum())
    years = [int(y) for y in results.years]
    return {year: float(total[years.index(year)]) / residents for year in (years[0], *YEARS)}


def deployment_anchors(pack: Any, inputs: PlaceInputs, a: Assumptions) -> list[Anchor]:
    households = float(inputs.households.sum())
    runs = {name: simulate(inputs, shipped(name), a) for name in SCENARIOS}
    years = [int(y) for y in inputs.years]
    anchors = []
    for label, key, scale, variables, unit in DEPLOYMENT:
        engine = {
            name: {
                year: float(results.deployment[key][:, years.index(year)].sum())
                * scale
                / households
                for year in YEARS
            }
            for name, results in runs.items()
        }
        anchors.append(Anchor(label, unit, engine, _fes_per_customer(pack, inputs, variables)))
    return anchors


def _fes_per_customer(pack: Any, inputs: PlaceInputs, variables: tuple[str, ...]):
    """FES CT count added since 2023 per FES domestic customer, summed over the districts."""
    added = dict.fromkeys(YEARS, 0.0)
    customers = 0.0
    for district in inputs.districts:
        for variable in variables:
            series = pack.area_series(district, FES, variable, "CT")
            factor = FES_FACTOR.get(variable, 1.0)
            for year in YEARS:
                added[year] += (series[year] - series[FROM_YEAR]) * factor
        customers += pack.area_series(district, FES, "domestic_customers_count", "CT")[FROM_YEAR]
    return {year: value / customers for year, value in added.items()}


def main(argv: list[str] | None = None) -> int:
    from placezero.datapack.reader import read_pack

    from .assumptions import load_assumptions
    from .pack_inputs import build_inputs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--place", default="leicestershire")
    args = parser.parse_args(argv)
    a = load_assumptions()
    pack = read_pack(args.place)
    inputs = build_inputs(pack, assumptions=a)
    for line in render_lines(pack, inputs, a):
        print(line)
    return 0


def render_lines(pack: Any, inputs: PlaceInputs, a: Assumptions) -> list[str]:
    lines = ["| per person, tCO2e (territorial, net) | " + " | ".join(
        str(y) for y in (inputs.base_year, *YEARS)) + " |",
        "|---|" + "---|" * (len(YEARS) + 1)]  # fmt: skip
    for name in SCENARIOS:
        values = per_person_tco2e(inputs, a, name)
        lines.append(f"| `{name}` | " + " | ".join(f"{v:.2f}" for v in values.values()) + " |")
    lines += ["", "| added since 2023, per household | source | " + " | ".join(
        map(str, YEARS)) + " |", "|---|---|" + "---|" * len(YEARS)]  # fmt: skip
    for anchor in deployment_anchors(pack, inputs, a):
        unit = f" ({anchor.unit})" if anchor.unit else ""
        for name, values in anchor.engine.items():
            cells = " | ".join(f"{values[y]:.3f}" for y in YEARS)
            lines.append(f"| {anchor.label}{unit} | engine, `{name}` | {cells} |")
        cells = " | ".join(f"{anchor.fes_ct[y]:.3f}" for y in YEARS)
        lines.append(f"| {anchor.label}{unit} | FES 2023 CT | {cells} |")
    return [*lines, "", *comparison_lines(pack, inputs, a)]


def comparison_lines(pack: Any, inputs: PlaceInputs, a: Assumptions) -> list[str]:
    """The county beside the national anchors, in words."""
    uk = uk_per_person_tco2e()
    county = {name: per_person_tco2e(inputs, a, name) for name in SCENARIOS}
    base = inputs.base_year
    heat, cars, solar = deployment_anchors(pack, inputs, a)
    cut = {name: 1 - county[name][2035] / county[name][base] for name in SCENARIOS}
    uk_cut = 1 - uk[2035] / uk[2023]
    pace = "slower than" if cut["net-zero"] < uk_cut else "at least as fast as"
    above = [y for y in YEARS if cars.engine["net-zero"][y] > cars.fes_ct[y]]
    solar_below = all(solar.engine["net-zero"][y] < solar.fes_ct[y] for y in YEARS)
    return [
        f"- **Per person.** The UK emitted {uk[2023]:.2f} tCO2e per person in 2023",
        f"  ({UK_2023_MTCO2E} MtCO2e, DESNZ provisional 2023 statistics; ONS mid-2023",
        f"  population {UK_POPULATION_2023 / 1e6:.1f} million); the county "
        f"{county['net-zero'][base]:.2f} (DESNZ territorial,",
        "  the engine's base year). The CCC's Balanced Net Zero Pathway (Sixth Carbon Budget,",
        "  78 % below 1990 by 2035) and the Seventh Carbon Budget's Balanced Pathway (87 % by",
        f"  2040) mean {uk[2035]:.2f} and {uk[2040]:.2f} tCO2e per person at the 2023 "
        f"population, a cut of {uk_cut:.0%}",
        f"  from 2023 to 2035. The county's `net-zero` scenario cuts {cut['net-zero']:.0%} "
        f"by 2035 ({county['net-zero'][2035]:.2f} t)",
        f"  and reaches {county['net-zero'][2040]:.2f} t in 2040; `balanced` cuts "
        f"{cut['balanced']:.0%} by 2035: `net-zero` is {pace} the national pathway to "
        "2035.",
        "- **Heat pumps.** FES 2023 CT adds "
        f"{heat.fes_ct[2040]:.2f} heat pumps per domestic customer from 2023 to 2040 in the",
        f"  county's districts; `net-zero` adds {heat.engine['net-zero'][2040]:.2f} per "
        "household; the Seventh Carbon Budget has half of",
        f"  UK homes ({CCC_2040_HOMES_WITH_HEAT_PUMP:.2f}) heated by a heat pump by 2040. "
        f"By 2050, `net-zero` {heat.engine['net-zero'][2050]:.2f}, FES CT "
        f"{heat.fes_ct[2050]:.2f}.",
        "- **Electric cars and vans.** The engine counts vehicles as the road fuel of cars",
        "  and vans (including through traffic on the county's motorways, which DESNZ",
        "  territorial counts) over the km per car; FES CT counts the vehicles registered to",
        f"  its customers. `net-zero` is above FES CT in {', '.join(map(str, above)) or 'no year'}"
        f" (2050: {cars.engine['net-zero'][2050]:.2f} against {cars.fes_ct[2050]:.2f}):",
        "  treat the engine's figure as vehicle-equivalents of the fuel burnt in the county,",
        "  not registrations. Not checked: the CCC's four in five",
        "  cars electric by 2040 needs the county's car stock (DfT VEH0105), which the pack",
        "  does not hold.",
        "- **Rooftop solar.** The engine's rooftop solar is "
        + ("below" if solar_below else "not everywhere below")
        + " FES CT's small-scale solar",
        "  (which also counts small non-domestic arrays) in the years shown.",
        "- Not checked: the CCC's sector trajectories year by year (the CCC's dataset is not",
        "  among the shipped data); only the headline economy-wide cuts above are used.",
    ]


if __name__ == "__main__":
    raise SystemExit(main())
