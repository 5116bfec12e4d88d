"""Results of one simulation: arrays per zone x year, totals and long-table export.

Export is a long table, one value column with explicit units (`zone,district,year,variable,
value,unit`), to CSV or Parquet (pyarrow), without pandas. `district_summary()` is the
compact district x year table the golden-output tests compare.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .assumptions import Assumptions
from .costs import capital_costs, fuel_costs, operating_costs, standing_charges
from .dimensions import CARRIERS, SECTORS, TECHNOLOGIES, S
from .inputs import PlaceInputs
from .network import NetworkPeak
from .scenario import Scenario

LONG_COLUMNS = ("zone", "district", "year", "variable", "value", "unit")
TECHNOLOGY_UNITS = {name: ("MW" if name.endswith("_mw") else "count") for name in TECHNOLOGIES}


@dataclass(frozen=True)
class Results:
    inputs: PlaceInputs
    scenario: Scenario
    assumptions: Assumptions
    energy_kwh: np.ndarray  # [Z, Y, NS, NC]
    emissions_tco2e: np.ndarray  # [Z, Y, NS]
    deployment: dict[str, np.ndarray]  # technology -> [Z, Y] stock added since base year
    generation_kwh: np.ndarray  # [Z, Y] local solar and wind
    grid_intensity_kgco2e_per_kwh: np.ndarray  # [Y]
    useful_heat_kwh: np.ndarray  # [Z, Y] building heat demand after efficiency
    delivered_heat_kwh: np.ndarray  # [Z, Y] heat the heating systems deliver
    capex_by_item_gbp: dict[str, np.ndarray]  # item -> [Z, Y]
    opex_gbp: np.ndarray  # [Z, Y]
    fuel_cost_gbp: np.ndarray  # [Z, Y, NS]
    network: NetworkPeak
    # [Z, Y] homes still on mains gas (gas-heated homes not yet on a heat pump or heat
    # network): they pay the gas standing charge (costs.standing_charges).
    gas_connected_households: np.ndarray | None = None

    @classmethod
    def assemble(
        cls,
        *,
        inputs,
        scenario,
        assumptions,
        peak,
        heat_peak_kw,
        switched_fuel_kwh,
        woodland_ha,
        abated_non_energy_tco2e,
        captured_tco2e,
        **arrays,
    ) -> Results:
        capex = capital_costs(
            assumptions,
            arrays["deployment"],
            heat_peak_kw,
            switched_fuel_kwh,
            woodland_ha,
            peak.reinforcement_kw,
        )
        return cls(
            inputs=inputs,
            scenario=scenario,
            assumptions=assumptions,
            network=peak,
            capex_by_item_gbp=capex,
            opex_gbp=operating_costs(assumptions, capex, abated_non_energy_tco2e, captured_tco2e),
            fuel_cost_gbp=fuel_costs(assumptions, arrays["energy_kwh"]),
            **arrays,
        )

    # --- derived series -----------------------------------------------------------------
    @property
    def years(self) -> np.ndarray:
        return self.inputs.years

    @property
    def capex_gbp(self) -> np.ndarray:
        return sum(self.capex_by_item_gbp.values())

    @property
    def total_emissions_tco2e(self) -> np.ndarray:
        return self.emissions_tco2e.sum(axis=2)

    @property
    def cumulative_emissions_tco2e(self) -> np.ndarray:
        return np.cumsum(self.total_emissions_tco2e, axis=1)

    @property
    def energy_by_carrier_kwh(self) -> np.ndarray:
        return self.energy_kwh.sum(axis=2)  # [Z, Y, NC]

    @property
    def electricity_demand_kwh(self) -> np.ndarray:
        return self.energy_by_carrier_kwh[:, :, CARRIERS.index("electricity")]

    @property
    def electricity_import_kwh(self) -> np.ndarray:
        """Demand minus local generation; negative means the zone exports over the year."""
        return self.electricity_demand_kwh - self.generation_kwh

    @property
    def domestic_standing_charges_gbp(self) -> np.ndarray:
        """[Z, Y] standing charges the place's homes pay: electricity for every home, gas
        for the homes still on mains gas (E22)."""
        return standing_charges(
            self.assumptions, self.inputs.households, self._gas_homes(), len(self.years)
        )

    @property
    def running_cost_gbp(self) -> np.ndarray:
        """[Z, Y] what the place pays each year to run its energy system: fuel at unit rates,
        the homes' standing charges and operating costs (the optimiser's and the MACC's
        running cost)."""
        return self.fuel_cost_gbp.sum(axis=2) + self.domestic_standing_charges_gbp + self.opex_gbp

    def _gas_homes(self) -> np.ndarray:
        if self.gas_connected_households is not None:
            return self.gas_connected_households
        return np.zeros((len(self.inputs.zones), len(self.years)))

    @property
    def domestic_bill_gbp_per_household(self) -> np.ndarray:
        """[Z, Y] the average home's energy bill: unit costs plus standing charges (E22)."""
        households = np.maximum(self.inputs.households, 1.0)
        bills = self.fuel_cost_gbp[:, :, S["domestic"]] + self.domestic_standing_charges_gbp
        return bills / households[:, None]

    @property
    def carbon_value_of_reduction_gbp(self) -> np.ndarray:
        """[Z, Y] emissions below the base year valued at the Green Book central carbon
        value of that year (2022 prices): a co-benefit measure, not a cash flow."""
        reduction = self.total_emissions_tco2e[:, :1] - self.total_emissions_tco2e
        return reduction * self.inputs.carbon_value_gbp_per_tco2e[None, :]

    def carbon_budget_tco2e(self, net_zero_year: int = 2050) -> float:
        """Straight-line budget for the place: base-year emissions falling linearly to zero
        in the net zero year, summed over the model years (a documented, simple method)."""
        base = self.total_emissions_tco2e[:, 0].sum()
        years = self.years
        path = base * np.clip((net_zero_year - years) / (net_zero_year - years[0]), 0, 1)
        return float(path.sum())

    # --- aggregation --------------------------------------------------------------------
    def by_district(self, zone_array: np.ndarray) -> np.ndarray:
        return self.inputs.district_sum(zone_array)

    def series(self) -> Iterator[tuple[str, str, np.ndarray]]:
        """(variable, unit, [Z, Y] array) for every output; all-zero energy rows skipped."""
        for s, sector in enumerate(SECTORS):
            for c, carrier in enumerate(CARRIERS):
                values = self.energy_kwh[:, :, s, c]
                if values.any():
                    yield f"energy_{sector}_{carrier}_kwh", "kWh", values
        for s, sector in enumerate(SECTORS):
            yield f"emissions_{sector}_tco2e", "tCO2e", self.emissions_tco2e[:, :, s]
        yield "emissions_total_tco2e", "tCO2e", self.total_emissions_tco2e
        yield "cumulative_emissions_tco2e", "tCO2e", self.cumulative_emissions_tco2e
        yield "electricity_demand_kwh", "kWh", self.electricity_demand_kwh
        yield "local_generation_kwh", "kWh", self.generation_kwh
        yield "electricity_import_kwh", "kWh", self.electricity_import_kwh
        yield "capex_gbp", "GBP", self.capex_gbp
        yield "opex_gbp", "GBP", self.opex_gbp
        yield "fuel_cost_gbp", "GBP", self.fuel_cost_gbp.sum(axis=2)
        yield "domestic_bill_gbp_per_household", "GBP", self.domestic_bill_gbp_per_household
        yield "carbon_value_of_reduction_gbp", "GBP", self.carbon_value_of_reduction_gbp
        yield "peak_demand_kw", "kW", self.network.peak_kw
        yield "network_exceedance_kw", "kW", self.network.exceedance_kw
        yield "network_reinforcement_kw", "kW", self.network.reinforcement_kw
        yield (
            "network_reinforcement_capex_gbp",
            "GBP",
            self.capex_by_item_gbp["network_reinforcement"],
        )
        for technology in TECHNOLOGIES:
            yield (
                f"deployed_{technology}",
                TECHNOLOGY_UNITS[technology],
                self.deployment[technology],
            )

    def long_rows(self) -> dict[str, np.ndarray]:
        """Columns of the long table as arrays (zone-major within each variable)."""
        zones = np.array(self.inputs.zones)
        districts = np.array(self.inputs.district_of_zone)
        n_zones, n_years = len(zones), len(self.years)
        parts: dict[str, list] = {name: [] for name in LONG_COLUMNS}
        for variable, unit, values in self.series():
            parts["zone"].append(np.repeat(zones, n_years))
            parts["district"].append(np.repeat(districts, n_years))
            parts["year"].append(np.tile(self.years, n_zones))
            parts["variable"].append(np.full(n_zones * n_years, variable))
            parts["value"].append(values.reshape(-1))
            parts["unit"].append(np.full(n_zones * n_years, unit))
        return {name: np.concatenate(chunks) for name, chunks in parts.items()}

    def write(self, path: str | Path) -> int:
        """Write the long table to .csv or .parquet; returns the number of rows."""
        path = Path(path)
        columns = self.long_rows()
        if path.suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.table(
                {k: pa.array(v.tolist() if v.dtype.kind == "U" else v) for k, v in columns.items()}
            )
            pq.write_table(table, path)
        elif path.suffix == ".csv":
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(LONG_COLUMNS)
                values = [f"{v:.6g}" for v in columns["value"]]
                writer.writerows(
                    zip(
                        columns["zone"],
                        columns["district"],
                        columns["year"],
                        columns["variable"],
                        values,
                        columns["unit"],
                        strict=True,
                    )
                )
        else:
            raise ValueError(f"{path.name}: output must end in .csv or .parquet.")
        return len(columns["value"])

    def district_summary(self) -> list[dict[str, object]]:
        """Compact district x year table (golden outputs): emissions by sector, electricity,
        gas, peak, heat pumps, EVs, solar MW and capex."""
        electricity = self.by_district(self.electricity_demand_kwh)
        gas = self.by_district(self.energy_by_carrier_kwh[:, :, CARRIERS.index("gas")])
        emissions = self.by_district(self.emissions_tco2e)
        peak = self.by_district(self.network.peak_kw)
        capex = self.by_district(self.capex_gbp)
        heat_pumps = self.by_district(self.deployment["heat_pumps"])
        evs = self.by_district(self.deployment["electric_vehicles"])
        solar = self.by_district(
            self.deployment["solar_rooftop_mw"] + self.deployment["solar_ground_mw"]
        )
        rows = []
        for d, district in enumerate(self.inputs.districts):
            for y, year in enumerate(self.years):
                row: dict[str, object] = {"district": district, "year": int(year)}
                for s, sector in enumerate(SECTORS):
                    row[f"emissions_{sector}_tco2e"] = float(emissions[d, y, s])
                row.update(
                    electricity_demand_kwh=float(electricity[d, y]),
                    gas_kwh=float(gas[d, y]),
                    peak_demand_kw=float(peak[d, y]),
                    heat_pumps_added=float(heat_pumps[d, y]),
                    electric_vehicles_added=float(evs[d, y]),
                    solar_mw_added=float(solar[d, y]),
                    capex_gbp=float(capex[d, y]),
                )
                rows.append(row)
        return rows
