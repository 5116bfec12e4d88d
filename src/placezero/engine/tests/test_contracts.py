"""Arithmetic rules of the simulation, one per test (the rule is in each docstring)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from placezero.engine.dimensions import CARRIERS, SECTORS
from placezero.engine.levers import LEVER_KEYS
from placezero.engine.scenario import all_levels, scenario_from_mapping
from placezero.engine.simulate import grid_intensity, simulate

ELEC, GAS, ROAD = (CARRIERS.index(c) for c in ("electricity", "gas", "road_fuel"))


def run(inputs, assumptions, **levels):
    return simulate(inputs, all_levels(1).with_levels(levels), assumptions)


def test_heat_delivered_equals_heat_demand(synthetic, assumptions):
    """Energy balance: useful heat delivered by boilers, heat pumps and heat networks equals
    the buildings' heat demand after efficiency, every zone and year."""
    results = simulate(synthetic, all_levels(3.3), assumptions)
    np.testing.assert_allclose(results.delivered_heat_kwh, results.useful_heat_kwh, rtol=1e-9)


def test_electricity_demand_equals_imports_plus_local_generation(synthetic, assumptions):
    """Energy balance: electricity demand = imports + local generation."""
    results = simulate(synthetic, all_levels(4), assumptions)
    np.testing.assert_allclose(
        results.electricity_import_kwh + results.generation_kwh, results.electricity_demand_kwh
    )


def test_carrier_totals_are_the_sum_of_sectors(synthetic, assumptions):
    """Energy balance: energy by carrier is the sum over sectors."""
    results = simulate(synthetic, all_levels(2.5), assumptions)
    np.testing.assert_allclose(
        results.energy_by_carrier_kwh.sum(axis=2), results.energy_kwh.sum(axis=(2, 3))
    )


def test_no_negative_energy_or_stock_at_the_edge(synthetic, assumptions):
    """Rule: at the highest levels no energy flow or deployed stock goes below zero."""
    results = simulate(synthetic, all_levels(4), assumptions)
    assert (results.energy_kwh >= 0).all()
    assert all((stock >= 0).all() for stock in results.deployment.values())


def test_more_heat_pumps_never_means_more_gas(synthetic, assumptions):
    """Rule: raising the heat pump level never raises gas use, in any zone or year."""
    gas = [
        run(synthetic, assumptions, domestic_heat_pumps=level).energy_kwh[..., GAS]
        for level in (1, 1.7, 2.4, 3, 3.6, 4)
    ]
    for lower, higher in itertools.pairwise(gas):
        assert (higher <= lower + 1e-6).all()


def test_heat_pumps_never_raise_gas_beside_heat_networks(synthetic, assumptions):
    """Rule: with heat networks at their highest, more heat pumps still never raise gas."""
    low = run(synthetic, assumptions, heat_networks=4, domestic_heat_pumps=2)
    high = run(synthetic, assumptions, heat_networks=4, domestic_heat_pumps=4)
    assert (high.energy_kwh[..., GAS] <= low.energy_kwh[..., GAS] + 1e-6).all()


def test_all_levers_at_one_keep_energy_constant(synthetic, assumptions):
    """Rule: with every lever at 1, energy by zone, sector and carrier never changes."""
    energy = simulate(synthetic, all_levels(1), assumptions).energy_kwh
    np.testing.assert_array_equal(energy, np.broadcast_to(energy[:, :1], energy.shape))


def test_all_levers_at_one_change_only_through_the_grid(synthetic, assumptions):
    """Rule: with every lever at 1, emissions change only in electricity, in proportion to
    the grid carbon intensity."""
    results = simulate(synthetic, all_levels(1), assumptions)
    factors = synthetic.emission_factor_kgco2e_per_kwh
    energy = results.energy_kwh
    non_elec = (energy[:, :, :, [GAS, 2, ROAD]] * factors[:, None, :, [GAS, 2, ROAD]]).sum(3)
    elec = results.emissions_tco2e - non_elec / 1000 - synthetic.non_energy_emissions_tco2e[:, None]
    grid = grid_intensity(synthetic, assumptions)
    expected = elec[:, :1] * (grid / grid[0])[None, :, None]
    np.testing.assert_allclose(elec, expected, rtol=1e-9, atol=1e-9)
    assert (results.capex_gbp == 0).all()


def test_level_one_deploys_nothing(synthetic, assumptions):
    """Rule: level 1 on every lever adds no technology."""
    results = simulate(synthetic, all_levels(1), assumptions)
    assert all(not stock.any() for stock in results.deployment.values())


def test_cleaner_grid_lowers_every_electric_emission(synthetic, assumptions):
    """Rule: a lower grid intensity lowers emissions wherever electricity is used."""
    scenario = all_levels(3)
    dirty = simulate(synthetic, scenario, assumptions)
    clean = simulate(
        synthetic,
        scenario,
        assumptions.with_values(
            {
                "grid_intensity_2030_kgco2e_per_kwh": 0.0,
                "grid_intensity_2035_kgco2e_per_kwh": 0.0,
                "grid_intensity_2050_kgco2e_per_kwh": 0.0,
            }
        ),
    )
    uses = dirty.energy_kwh[:, -1, :, ELEC] > 0
    assert (clean.emissions_tco2e[:, -1][uses] < dirty.emissions_tco2e[:, -1][uses]).all()


def test_electric_vehicles_swap_road_fuel_for_electricity(synthetic, assumptions):
    """Rule: electrifying cars lowers road fuel and raises transport electricity."""
    base = run(synthetic, assumptions)
    ev = run(synthetic, assumptions, car_van_electrification=4)
    transport = SECTORS.index("transport")
    assert (ev.energy_kwh[:, -1, transport, ROAD] < base.energy_kwh[:, -1, transport, ROAD]).all()
    assert (ev.energy_kwh[:, -1, transport, ELEC] > 0).all()


def test_retrofit_lowers_heat_demand_by_the_stated_share(synthetic, assumptions):
    """Rule: level 4 retrofit (9 in 10 homes, each saving the assumed fraction) lowers 2050
    domestic heat demand by 0.9 x saving."""
    base = run(synthetic, assumptions)
    retrofit = run(synthetic, assumptions, domestic_retrofit=4)
    saving = 0.9 * assumptions["retrofit_heat_saving_fraction"]
    dom = synthetic.baseline_energy_kwh[:, 0, 0, :]
    useful0 = (
        dom[:, GAS] * assumptions["gas_boiler_efficiency"]
        + dom[:, 2] * assumptions["other_fuel_heating_efficiency"]
    )
    drop = base.useful_heat_kwh[:, -1] - retrofit.useful_heat_kwh[:, -1]
    np.testing.assert_allclose(drop, useful0 * saving, rtol=1e-9)


def test_trees_make_lulucf_a_sink(synthetic, assumptions):
    """Rule: new woodland makes LULUCF emissions negative."""
    results = run(synthetic, assumptions, trees_land_use=3)
    assert (results.emissions_tco2e[:, -1, SECTORS.index("LULUCF")] < 0).all()


def test_fractional_level_interpolates_the_outcome(synthetic, assumptions):
    """Rule: level 2.5 deploys halfway between levels 2 and 3."""
    at = {
        lv: run(synthetic, assumptions, domestic_heat_pumps=lv).deployment["heat_pumps"]
        for lv in (2, 2.5, 3)
    }
    np.testing.assert_allclose(at[2.5], (at[2] + at[3]) / 2)


def test_nothing_happens_before_the_start_year(synthetic, assumptions):
    """Rule: a lever's deployment is zero until its start year."""
    scenario = scenario_from_mapping(
        {"levers": {"domestic_heat_pumps": {"level": 4, "start_year": 2030}}}
    )
    stock = simulate(synthetic, scenario, assumptions).deployment["heat_pumps"]
    assert not stock[:, synthetic.years <= 2030].any()
    assert stock[:, -1].all()


def test_zone_override_changes_only_that_zone(synthetic, assumptions):
    """Rule: a zone override moves that zone and no other."""
    zone = synthetic.zones[5]
    results = simulate(
        synthetic,
        scenario_from_mapping({"zones": {zone: {"car_van_electrification": 4}}}),
        assumptions,
    )
    evs = results.deployment["electric_vehicles"][:, -1]
    assert evs[5] > 0 and np.delete(evs, 5).sum() == 0


def test_explicit_heat_pumps_arrive_in_full(synthetic, assumptions):
    """Rule: an explicit district trajectory of heat pumps is deployed in full when the
    district has enough fossil-heated homes."""
    district = synthetic.districts[1]
    scenario = scenario_from_mapping(
        {"trajectories": {"domestic_heat_pumps": {district: {2022: 0, 2040: 500}}}}
    )
    stock = simulate(synthetic, scenario, assumptions).deployment["heat_pumps"]
    in_district = synthetic.zone_district_index == 1
    assert stock[in_district, synthetic.years == 2040].sum() == pytest.approx(500)
    assert stock[~in_district].sum() == 0


def test_peak_above_capacity_sets_first_year_and_reinforcement(synthetic, assumptions):
    """Rule: the first year exceeded is the first year the group's peak > its capacity, and
    reinforcement never falls once built."""
    results = simulate(synthetic, all_levels(4), assumptions)
    net = results.network
    over = net.group_peak_kw > net.group_capacity_kw[:, None]
    for g in range(len(net.group_capacity_kw)):
        expected = synthetic.years[over[g]][0] if over[g].any() else 0
        assert net.group_first_year_exceeded[g] == expected
    assert (np.diff(net.reinforcement_kw, axis=1) >= -1e-9).all()


def test_zone_peaks_add_up_to_the_substation_group(leicestershire, assumptions):
    """Rule: a primary-substation group's peak is the sum of its zones' peaks, and its
    reinforcement is shared out among its zones without loss."""
    net = simulate(leicestershire, all_levels(3.5), assumptions).network
    groups = np.zeros_like(net.group_peak_kw)
    np.add.at(groups, net.group_index, net.peak_kw)
    np.testing.assert_allclose(groups, net.group_peak_kw)
    need = np.maximum.accumulate(net.group_exceedance_kw, axis=1)
    shared = np.zeros_like(need)
    np.add.at(shared, net.group_index, net.reinforcement_kw)
    assert (shared >= need - 1e-6).all()


def test_every_lever_changes_something(synthetic, assumptions):
    """Rule: each lever at level 4 changes emissions, energy or deployment (batteries are
    sized on new solar and wind, so they are tried beside rooftop solar)."""
    for lever in LEVER_KEYS:
        context = {"rooftop_solar": 4} if lever == "battery_storage" else {}
        base = run(synthetic, assumptions, **context)
        moved = run(synthetic, assumptions, **context, **{lever: 4})
        changed = (
            not np.allclose(moved.emissions_tco2e, base.emissions_tco2e)
            or not np.allclose(moved.energy_kwh, base.energy_kwh)
            or any(
                not np.allclose(moved.deployment[k], base.deployment[k]) for k in moved.deployment
            )
        )
        assert changed, lever


def test_batteries_lower_the_peak(synthetic, assumptions):
    """Rule: batteries beside new solar lower the zone peak by MW x availability."""
    solar = run(synthetic, assumptions, rooftop_solar=4)
    both = run(synthetic, assumptions, rooftop_solar=4, battery_storage=4)
    cut = both.deployment["battery_mw"] * 1000 * assumptions["battery_peak_availability"]
    expected = np.maximum(solar.network.peak_kw - cut, 0)
    np.testing.assert_allclose(both.network.peak_kw, expected)


def test_straight_line_budget_is_half_the_base_emissions_times_the_span(synthetic, assumptions):
    """Rule: the straight-line budget to zero in 2050 sums base x (2050 - y) / (2050 - y0)."""
    results = simulate(synthetic, all_levels(1), assumptions)
    base = results.total_emissions_tco2e[:, 0].sum()
    span = 2050 - synthetic.base_year
    expected = base * sum((2050 - y) / span for y in synthetic.years)
    assert results.carbon_budget_tco2e(2050) == pytest.approx(expected)


def test_carbon_value_is_zero_in_the_base_year(synthetic, assumptions):
    """Rule: the carbon value of reductions is measured from the base year (zero there)."""
    results = simulate(synthetic, all_levels(3), assumptions)
    assert not results.carbon_value_of_reduction_gbp[:, 0].any()
    assert (results.carbon_value_of_reduction_gbp[:, -1] > 0).all()


@pytest.mark.parametrize(
    "lever",
    [
        "domestic_retrofit",
        "heat_networks",
        "travel_demand",
        "industrial_fuel_switching",
        "agriculture",
        "trees_land_use",
        "waste",
    ],
)
def test_explicit_share_trajectory_is_applied(synthetic, assumptions, lever):
    """Rule: an explicit share trajectory for a share lever equals the level that gives the
    same 2050 share (here level 4's share, reached linearly from 2025)."""
    from placezero.engine.levers import LEVERS

    value = LEVERS[lever].values[3]
    by_level = simulate(
        synthetic,
        scenario_from_mapping(
            {"levers": {lever: {"level": 4, "shape": "linear", "start_year": 2025}}}
        ),
        assumptions,
    )
    trajectory = {d: {2025: 0.0, 2050: value} for d in synthetic.districts}
    explicit = simulate(
        synthetic, scenario_from_mapping({"trajectories": {lever: trajectory}}), assumptions
    )
    np.testing.assert_allclose(explicit.emissions_tco2e, by_level.emissions_tco2e)


def test_units_are_bought_again_after_their_lifetime():
    """Rule: a unit added in year y is bought again in y + lifetime."""
    from placezero.engine.costs import with_replacement

    added = np.zeros((1, 40))
    added[0, 3] = 10
    bought = with_replacement(added, 18)
    assert bought[0, 3] == 10 and bought[0, 21] == 10 and bought[0, 39] == 10
    assert bought.sum() == 30
