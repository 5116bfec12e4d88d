"""Uncertainty: Monte Carlo over the low/central/high assumption ranges, with bands on outputs.

Each assumption with a range is drawn from a triangular distribution (low, mode = central,
high) — the usual choice when only a range and a best estimate are known (Vose, *Risk
Analysis*, 2008, ch. 10). Draws are Latin hypercube stratified so that 1,000 samples cover
every range evenly. Each sample runs `simulate` once; each output is reduced to the place
totals (zones summed) and the 5th, 50th and 95th percentiles over samples form its band.

Batches of samples run in this process (`scheduler=None`), on a Dask LocalCluster of two
single-threaded workers (`scheduler="local-cluster"`) or on a running Dask scheduler
(`scheduler="tcp://host:8786"`). See `docs/method/uncertainty.md`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

PERCENTILES: tuple[float, float, float] = (5.0, 50.0, 95.0)
LOCAL_CLUSTER = "local-cluster"
SAMPLING_METHODS = ("latin-hypercube", "random", "central")
# How long to wait for a remote scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = "10s"

if TYPE_CHECKING:
    from placezero.engine.assumptions import Assumptions
    from placezero.engine.inputs import PlaceInputs
    from placezero.engine.results import Results
    from placezero.engine.scenario import Scenario

Progress = Callable[[int, int], None]
# Outputs also kept per zone (not only as place totals) by default: the map layers.
ZONE_OUTPUTS: tuple[str, ...] = ("emissions_total_tco2e", "peak_demand_kw")


class UncertaintyError(ValueError):
    """A Monte Carlo request that cannot run; the message says how to fix it."""


@dataclass(frozen=True)
class AssumptionRange:
    """One uncertain assumption: its key and its low, central and high values."""

    key: str
    low: float
    central: float
    high: float

    def __post_init__(self) -> None:
        if not (self.low <= self.central <= self.high):
            raise UncertaintyError(
                f"Assumption {self.key!r} has low {self.low}, central {self.central}, high "
                f"{self.high}: they must satisfy low <= central <= high."
            )


def triangular_quantile(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """Inverse CDF of the triangular distribution; a point mass when low == high."""
    u = np.asarray(u, dtype=float)
    width = high - low
    if width == 0:
        return np.full_like(u, low)
    split = (mode - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u < split, left, right)


def _unit_draws(n_samples: int, n_keys: int, method: str, rng: np.random.Generator) -> np.ndarray:
    if method == "latin-hypercube":
        # One draw in each of n equal-probability strata per assumption, strata shuffled
        # independently per assumption (McKay, Beckman & Conover, 1979).
        strata = np.argsort(rng.random((n_keys, n_samples)), axis=1).T
        return (strata + rng.random((n_samples, n_keys))) / n_samples
    if method == "random":
        return rng.random((n_samples, n_keys))
    raise UncertaintyError(f"Unknown sampling method {method!r}; use one of {SAMPLING_METHODS}.")


def sample_values(
    ranges: Sequence[AssumptionRange],
    n_samples: int,
    *,
    seed: int = 0,
    method: str = "latin-hypercube",
) -> np.ndarray:
    """Draw `n_samples` values of every assumption: an array (n_samples, len(ranges))."""
    if n_samples < 1:
        raise UncertaintyError(f"--samples must be at least 1 (got {n_samples}).")
    if method == "central":
        return np.tile([r.central for r in ranges], (n_samples, 1)).astype(float)
    rng = np.random.default_rng(seed)
    unit = _unit_draws(n_samples, len(ranges), method, rng)
    columns = [
        triangular_quantile(unit[:, k], r.low, r.central, r.high) for k, r in enumerate(ranges)
    ]
    return np.column_stack(columns) if columns else np.empty((n_samples, 0))


@dataclass(frozen=True)
class Bands:
    """Percentile bands of every output over the samples."""

    percentiles: tuple[float, ...]
    outputs: dict[str, np.ndarray]  # name -> (len(percentiles), *output shape)
    keys: tuple[str, ...]  # the assumptions that varied
    samples: np.ndarray  # (n_samples, len(keys)) the values drawn
    seed: int
    method: str
    units: dict[str, str] = field(default_factory=dict)

    @property
    def n_samples(self) -> int:
        return int(self.samples.shape[0])

    def band(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(low, median, high) of one output, e.g. `bands.band("emissions_tco2e")`."""
        low, median, high = self.outputs[name]
        return low, median, high


def percentile_bands(
    stacked: dict[str, np.ndarray], percentiles: Sequence[float] = PERCENTILES
) -> dict[str, np.ndarray]:
    """Percentiles over the first (sample) axis of each stacked output."""
    return {name: np.percentile(values, percentiles, axis=0) for name, values in stacked.items()}


# A model run for the Monte Carlo: takes {assumption key: value} and returns named arrays.
Model = Callable[[dict[str, float]], dict[str, np.ndarray]]


def run_batch(model: Model, keys: Sequence[str], values: np.ndarray) -> dict[str, np.ndarray]:
    """Run the model for each row of `values`; stack each output over the rows."""
    runs = [model(dict(zip(keys, row, strict=True))) for row in values]
    return {name: np.stack([run[name] for run in runs]) for name in runs[0]}


def _batches(n_samples: int, batch_size: int) -> list[slice]:
    return [slice(i, min(i + batch_size, n_samples)) for i in range(0, n_samples, batch_size)]


@contextmanager
def dask_client(scheduler: str) -> Iterator[Any]:
    """A Dask client on a fresh LocalCluster (2 workers, 1 thread each) or at an address."""
    from dask.distributed import Client, LocalCluster

    if scheduler == LOCAL_CLUSTER:
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as error:
        raise UncertaintyError(
            f"Could not reach the Dask scheduler at {scheduler} ({error}). Start one with "
            "`dask scheduler` and `dask worker ADDRESS`, or leave out --scheduler to use a "
            "local cluster."
        ) from error
    try:
        yield client
    finally:
        client.close()


def run_samples(
    model: Model,
    keys: Sequence[str],
    values: np.ndarray,
    *,
    scheduler: str | None = None,
    batch_size: int | None = None,
    progress: Progress | None = None,
) -> dict[str, np.ndarray]:
    """Run every sample, in process or on Dask, and stack the outputs in sample order."""
    n_samples = len(values)
    if batch_size is None:
        batch_size = max(1, math.ceil(n_samples / 20))  # ~20 batches: progress + balance
    slices = _batches(n_samples, batch_size)
    parts: list[dict[str, np.ndarray] | None] = [None] * len(slices)
    done = 0
    if scheduler is None:
        for i, part in enumerate(slices):
            parts[i] = run_batch(model, keys, values[part])
            done += part.stop - part.start
            if progress:
                progress(done, n_samples)
    else:
        from dask.distributed import as_completed

        with dask_client(scheduler) as client:
            [model_future] = client.scatter([model], broadcast=True)
            futures = {
                client.submit(run_batch, model_future, list(keys), values[part], pure=False): i
                for i, part in enumerate(slices)
            }
            for future in as_completed(futures):
                i = futures[future]
                parts[i] = future.result()
                done += slices[i].stop - slices[i].start
                if progress:
                    progress(done, n_samples)
    return {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}


def monte_carlo(
    model: Model,
    ranges: Sequence[AssumptionRange],
    *,
    n_samples: int,
    seed: int = 0,
    method: str = "latin-hypercube",
    scheduler: str | None = None,
    batch_size: int | None = None,
    progress: Progress | None = None,
    percentiles: Sequence[float] = PERCENTILES,
) -> Bands:
    """Sample the ranges, run the model for each sample and return percentile bands."""
    keys = tuple(r.key for r in ranges)
    values = sample_values(ranges, n_samples, seed=seed, method=method)
    stacked = run_samples(
        model, keys, values, scheduler=scheduler, batch_size=batch_size, progress=progress
    )
    return Bands(
        percentiles=tuple(percentiles),
        outputs=percentile_bands(stacked, percentiles),
        keys=keys,
        samples=values,
        seed=seed,
        method=method,
    )


def ranges_from_assumptions(
    assumptions: Assumptions, keys: Sequence[str] | None = None
) -> list[AssumptionRange]:
    """The assumptions that have a range (low < high), or the named ones."""
    chosen = keys if keys is not None else assumptions.keys
    ranges = [AssumptionRange(key, *assumptions.range(key)) for key in chosen]
    return [r for r in ranges if keys is not None or r.low < r.high]


def summarise(
    results: Results, zone_outputs: Sequence[str] = ZONE_OUTPUTS
) -> dict[str, np.ndarray]:
    """Every output of a run as place totals by year ([Y]); the named ones also per zone
    ([Z, Y], under "<name>@zone"). Per-household figures are household-weighted means."""
    households = results.inputs.households
    out: dict[str, np.ndarray] = {}
    for name, _, values in results.series():
        if name.endswith("_per_household"):
            out[name] = households @ values / max(households.sum(), 1.0)
        else:
            out[name] = values.sum(axis=0)
        if name in zone_outputs:
            out[f"{name}@zone"] = np.asarray(values, dtype=float)
    return out


def output_units(results: Results) -> dict[str, str]:
    units = {name: unit for name, unit, _ in results.series()}
    return units | {f"{name}@zone": unit for name, unit in units.items()}


@dataclass(frozen=True)
class SimulationModel:
    """`simulate` as a Monte Carlo model: assumption draws in, summarised outputs out.

    A plain picklable object so Dask can ship it once to every worker (`scatter`).
    """

    inputs: PlaceInputs
    scenario: Scenario
    assumptions: Assumptions
    zone_outputs: tuple[str, ...] = ZONE_OUTPUTS

    def run(self, values: dict[str, float]) -> Results:
        from placezero.engine.simulate import simulate

        return simulate(self.inputs, self.scenario, self.assumptions.with_values(values))

    def __call__(self, values: dict[str, float]) -> dict[str, np.ndarray]:
        return summarise(self.run(values), self.zone_outputs)


def place_uncertainty(
    inputs: PlaceInputs,
    scenario: Scenario,
    assumptions: Assumptions,
    *,
    n_samples: int,
    seed: int = 0,
    keys: Sequence[str] | None = None,
    method: str = "latin-hypercube",
    scheduler: str | None = None,
    batch_size: int | None = None,
    progress: Progress | None = None,
) -> Bands:
    """Bands on every output of `simulate` for a place and scenario.

    keys: the assumptions to vary (default: every one with low < high); the rest stay at
    the value in use in `assumptions`.
    """
    model = SimulationModel(inputs, scenario, assumptions)
    ranges = ranges_from_assumptions(assumptions, keys)
    bands = monte_carlo(
        model, ranges, n_samples=n_samples, seed=seed, method=method, scheduler=scheduler,
        batch_size=batch_size, progress=progress,
    )  # fmt: skip
    units = output_units(model.run({}))
    return Bands(bands.percentiles, bands.outputs, bands.keys, bands.samples, seed, method, units)


# What kind of uncertainty each varied assumption stands for, for the list beside a band.
DEPLOYMENT, POLICY, PARAMETER = "deployment", "policy", "parameter"
POLICY_KEYS = frozenset(
    {
        "grid_intensity_2030_kgco2e_per_kwh",
        "grid_intensity_2035_kgco2e_per_kwh",
        "grid_intensity_2050_kgco2e_per_kwh",
        "electricity_price_gbp_per_kwh",
        "gas_price_gbp_per_kwh",
        "other_fuels_price_gbp_per_kwh",
        "road_fuel_price_gbp_per_kwh",
        "electricity_standing_charge_gbp_per_day",
        "gas_standing_charge_gbp_per_day",
        "discount_rate",
    }
)


def kind_of(key: str) -> str:
    """deployment (how much of the plan is delivered), policy (grid decarbonisation, prices
    and tariffs, the discount rate: set by national policy and markets) or parameter (a
    physical or cost figure)."""
    if key.startswith("delivery_"):
        return DEPLOYMENT
    if key in POLICY_KEYS:
        return POLICY
    return PARAMETER
