"""Monte Carlo sampling, percentile bands and the batch runners (in process and on Dask)."""

from __future__ import annotations

import numpy as np
import pytest

from placezero.engine.uncertainty import (
    LOCAL_CLUSTER,
    AssumptionRange,
    UncertaintyError,
    monte_carlo,
    sample_values,
    triangular_quantile,
)

RANGES = (
    AssumptionRange("heat_pump_spf", 2.2, 2.8, 3.4),
    AssumptionRange("boiler_efficiency", 0.80, 0.84, 0.88),
    AssumptionRange("grid_intensity_2050_kg_per_kwh", 0.005, 0.02, 0.06),
)


class ToyHeatModel:
    """Heat demand met by heat pumps and boilers: emissions per year depend on the ranges."""

    def __init__(self) -> None:
        self.heat_kwh = np.linspace(1e6, 8e5, 26)  # falling with retrofit, 2025..2050
        self.heat_pump_share = np.linspace(0.05, 0.8, 26)

    def __call__(self, values: dict[str, float]) -> dict[str, np.ndarray]:
        grid = np.linspace(0.2, values["grid_intensity_2050_kg_per_kwh"], 26)
        electricity_kwh = self.heat_kwh * self.heat_pump_share / values["heat_pump_spf"]
        gas_kwh = self.heat_kwh * (1 - self.heat_pump_share) / values["boiler_efficiency"]
        emissions = (electricity_kwh * grid + gas_kwh * 0.183) / 1000.0
        return {"emissions_tco2e": emissions, "electricity_kwh": electricity_kwh}


def test_bands_are_ordered_low_median_high():
    """For every output and year, p5 <= p50 <= p95."""
    bands = monte_carlo(ToyHeatModel(), RANGES, n_samples=200, seed=1)
    for values in bands.outputs.values():
        assert (values[0] <= values[1]).all() and (values[1] <= values[2]).all()


def test_bands_have_width_where_assumptions_vary():
    """Uncertain inputs give a band of non-zero width on the outputs they drive."""
    low, _, high = monte_carlo(ToyHeatModel(), RANGES, n_samples=200, seed=1).band(
        "emissions_tco2e"
    )
    assert (high[-1] - low[-1]) > 0.01 * high[-1]


def test_same_seed_gives_the_same_bands():
    """A seeded run is reproducible to the bit."""
    first = monte_carlo(ToyHeatModel(), RANGES, n_samples=50, seed=7)
    second = monte_carlo(ToyHeatModel(), RANGES, n_samples=50, seed=7)
    np.testing.assert_array_equal(
        first.outputs["emissions_tco2e"], second.outputs["emissions_tco2e"]
    )


def test_different_seeds_give_different_samples():
    """The seed actually drives the draws."""
    assert not np.array_equal(sample_values(RANGES, 20, seed=1), sample_values(RANGES, 20, seed=2))


def test_central_sampling_equals_the_central_run():
    """With every assumption at its central value, every band collapses onto the central run."""
    model = ToyHeatModel()
    central = model({r.key: r.central for r in RANGES})
    bands = monte_carlo(model, RANGES, n_samples=5, method="central")
    for name, values in central.items():
        for row in bands.outputs[name]:
            np.testing.assert_allclose(row, values, rtol=1e-12)


def test_latin_hypercube_puts_one_draw_in_each_stratum():
    """n samples of each assumption fall one in each of n equal-probability strata."""
    n = 40
    values = sample_values(RANGES[:1], n, seed=3)[:, 0]
    low, mode, high = 2.2, 2.8, 3.4
    # Triangular CDF maps each draw back to its probability; strata are [i/n, (i+1)/n).
    cdf = np.where(
        values < mode,
        (values - low) ** 2 / ((high - low) * (mode - low)),
        1 - (high - values) ** 2 / ((high - low) * (high - mode)),
    )
    assert sorted(np.floor(cdf * n).astype(int)) == list(range(n))


def test_samples_stay_within_low_and_high():
    """No draw falls outside its assumption's range."""
    values = sample_values(RANGES, 500, seed=0, method="random")
    for k, r in enumerate(RANGES):
        assert values[:, k].min() >= r.low and values[:, k].max() <= r.high


def test_triangular_quantile_median_of_symmetric_range_is_central():
    """For a symmetric range the 50th percentile is the central value."""
    assert triangular_quantile(np.array([0.5]), 1.0, 2.0, 3.0)[0] == pytest.approx(2.0)


def test_fixed_assumption_is_a_point_mass():
    """low == central == high always draws the central value."""
    draws = sample_values([AssumptionRange("x", 1.5, 1.5, 1.5)], 10, seed=0)
    assert (draws == 1.5).all()


def test_range_out_of_order_is_refused():
    """A central value outside low..high is an input error with a clear message."""
    with pytest.raises(UncertaintyError, match="low <= central <= high"):
        AssumptionRange("heat_pump_spf", 3.0, 2.8, 3.4)


def test_zero_samples_is_refused():
    """Asking for no samples says how many are needed."""
    with pytest.raises(UncertaintyError, match="at least 1"):
        sample_values(RANGES, 0)


def test_progress_reports_every_sample():
    """The progress callback ends at (total, total) and never goes backwards."""
    seen = []
    monte_carlo(
        ToyHeatModel(), RANGES, n_samples=30, batch_size=7, progress=lambda d, t: seen.append(d)
    )
    assert seen == sorted(seen) and seen[-1] == 30


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_bands_as_in_process():
    """Batches on a LocalCluster of two workers reproduce the in-process result exactly."""
    local = monte_carlo(ToyHeatModel(), RANGES, n_samples=40, seed=5, batch_size=10)
    on_dask = monte_carlo(
        ToyHeatModel(), RANGES, n_samples=40, seed=5, batch_size=10, scheduler=LOCAL_CLUSTER
    )
    for name, values in local.outputs.items():
        np.testing.assert_array_equal(values, on_dask.outputs[name])


def test_unreachable_scheduler_is_explained(monkeypatch):
    """A wrong --scheduler address says what to start or how to run without one."""
    monkeypatch.setattr("placezero.engine.uncertainty.CONNECT_TIMEOUT", "1s")
    with pytest.raises(UncertaintyError, match="Could not reach the Dask scheduler"):
        monte_carlo(ToyHeatModel(), RANGES, n_samples=2, scheduler="tcp://127.0.0.1:9")
