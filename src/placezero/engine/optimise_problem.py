"""The least-cost problem and its answers as plain data: `DeploymentProblem` (arrays, checked
on creation), `DeploymentPlan`, the limits that bind, and `InfeasibleTarget` with its
explanation. `placezero.engine.optimise` is the door (`solve`); the LP itself is in
`optimise_lp`, which builds on these types, as do the inputs and the scenario writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from placezero.engine.optimise_explain import explain_infeasibility

# Limits whose relaxation changes the optimum less than this (relative) are not reported.
_DUAL_TOLERANCE = 1e-7


class ProblemError(ValueError):
    """The deployment problem is malformed; the message says what to fix."""


@dataclass(frozen=True)
class DeploymentProblem:
    """Plain arrays describing one least-cost deployment problem.

    Shapes: Z zones, T technologies, P periods. Period p covers the years after
    `period_end_years[p-1]` (or `base_year`) up to and including `period_end_years[p]`;
    deployment in a period counts from its end year on.
    """

    zone_codes: tuple[str, ...]
    technologies: tuple[str, ...]
    technology_units: tuple[str, ...]  # what one unit is, e.g. "home", "kW", "MW"
    base_year: int
    period_end_years: tuple[int, ...]
    # Present value (base year, discounted) of building one unit in a period: capex annuity
    # plus opex over the years of the horizon it serves (see present_value_cost_gbp).
    cost_gbp_per_unit: np.ndarray  # (Z, T, P)
    # Annual emissions avoided in the end year of period p by one unit installed by then.
    abatement_tco2e_per_unit: np.ndarray  # (Z, T, P)
    baseline_emissions_tco2e: np.ndarray  # (P,) emissions with no deployment
    target_emissions_tco2e: np.ndarray  # (P,) NaN where a period has no target
    technical_potential_units: np.ndarray  # (Z, T)
    acceptance_units: np.ndarray  # (Z, T) what residents accept; ≤ potential to bind
    build_rate_units: np.ndarray  # (T, P) place-wide deployment limit per period; inf = none
    peak_kw_per_unit: np.ndarray  # (Z, T) electricity peak added (+) or removed (-)
    headroom_kw: np.ndarray  # (Z, P) spare network capacity for new load
    reinforcement_gbp_per_mw: np.ndarray  # (P,) present value of one MW bought in period p
    reinforcement_limit_mw: np.ndarray = field(default=None)  # (Z,) inf = unlimited
    carbon_budget_tco2e: float | None = None  # total over the horizon

    def __post_init__(self) -> None:
        if self.reinforcement_limit_mw is None:
            object.__setattr__(
                self, "reinforcement_limit_mw", np.full(len(self.zone_codes), np.inf)
            )
        validate_problem(self)

    @property
    def shape(self) -> tuple[int, int, int]:
        return len(self.zone_codes), len(self.technologies), len(self.period_end_years)

    def period_label(self, p: int) -> str:
        start = self.base_year if p == 0 else self.period_end_years[p - 1]
        return f"{start}-{self.period_end_years[p]}"

    def period_length_years(self) -> np.ndarray:
        ends = np.asarray(self.period_end_years, dtype=float)
        return np.diff(np.concatenate([[self.base_year], ends]))

    def cap_units(self) -> np.ndarray:
        """The binding upper limit per zone and technology: potential or acceptance."""
        return np.minimum(self.technical_potential_units, self.acceptance_units)


def _expect(name: str, array: np.ndarray, shape: tuple[int, ...], allow_inf: bool) -> None:
    array = np.asarray(array)
    if array.shape != shape:
        raise ProblemError(
            f"{name} has shape {array.shape} but the problem needs {shape} "
            "(zones x technologies x periods as given by zone_codes, technologies, "
            "period_end_years)."
        )
    if np.isnan(array).any():
        raise ProblemError(f"{name} contains NaN values: fill every zone and technology.")
    if not allow_inf and np.isinf(array).any():
        raise ProblemError(f"{name} contains infinite values: give a finite number.")


def validate_problem(problem: DeploymentProblem) -> None:
    """Refuse a malformed problem with a message that says what is wrong and how to fix it."""
    n_z, n_t, n_p = problem.shape
    if min(n_z, n_t, n_p) == 0:
        raise ProblemError("A deployment problem needs at least one zone, technology and period.")
    if len(problem.technology_units) != n_t:
        raise ProblemError("technology_units needs one unit name per technology.")
    ends = np.asarray(problem.period_end_years)
    if ends[0] <= problem.base_year or (np.diff(ends) <= 0).any():
        raise ProblemError(
            f"period_end_years {list(ends)} must be increasing and after the base year "
            f"{problem.base_year}."
        )
    _expect("cost_gbp_per_unit", problem.cost_gbp_per_unit, (n_z, n_t, n_p), False)
    _expect("abatement_tco2e_per_unit", problem.abatement_tco2e_per_unit, (n_z, n_t, n_p), False)
    _expect("baseline_emissions_tco2e", problem.baseline_emissions_tco2e, (n_p,), False)
    if np.asarray(problem.target_emissions_tco2e).shape != (n_p,):
        raise ProblemError(f"target_emissions_tco2e needs one value per period ({n_p}).")
    _expect("technical_potential_units", problem.technical_potential_units, (n_z, n_t), True)
    _expect("acceptance_units", problem.acceptance_units, (n_z, n_t), True)
    _expect("build_rate_units", problem.build_rate_units, (n_t, n_p), True)
    _expect("peak_kw_per_unit", problem.peak_kw_per_unit, (n_z, n_t), False)
    _expect("headroom_kw", problem.headroom_kw, (n_z, n_p), True)
    _expect("reinforcement_gbp_per_mw", problem.reinforcement_gbp_per_mw, (n_p,), False)
    _expect("reinforcement_limit_mw", problem.reinforcement_limit_mw, (n_z,), True)
    for name in ("technical_potential_units", "acceptance_units", "build_rate_units"):
        if (np.asarray(getattr(problem, name)) < 0).any():
            raise ProblemError(f"{name} has negative values: a limit cannot be below zero.")
    # A negative cost (a unit whose savings outweigh its cost) is fine while something caps
    # it; without a cap the cheapest plan would be to build without end.
    saving = (np.asarray(problem.cost_gbp_per_unit) < 0).any(axis=2)
    if (saving & np.isinf(problem.cap_units())).any():
        raise ProblemError(
            "cost_gbp_per_unit is negative (a net saving) for a zone and technology with no "
            "technical potential or acceptance limit: give a finite limit."
        )
    has_target = np.isfinite(problem.target_emissions_tco2e).any()
    if not has_target and problem.carbon_budget_tco2e is None:
        raise ProblemError(
            "Give a target: target_emissions_tco2e for at least one period, or a carbon budget."
        )


@dataclass(frozen=True)
class BindingLimit:
    """A limit that holds the plan back; `value` is its shadow price.

    For a feasible plan the shadow price is £ saved per unit the limit is relaxed; when a
    target is infeasible it is tCO2e/yr of shortfall removed per unit relaxed.
    """

    kind: str  # "target", "carbon budget", "acceptance", "technical potential",
    #            "build rate", "network headroom", "reinforcement limit"
    technology: str | None
    zone: str | None
    period: str | None
    value: float


@dataclass(frozen=True)
class DeploymentPlan:
    """The least-cost plan: what to build where and when, and what it costs."""

    problem: DeploymentProblem
    deployment_units: np.ndarray  # (Z, T, P) new units built in each period
    reinforcement_mw: np.ndarray  # (Z, P) reinforcement bought in each period
    cost_gbp: float  # present value in the base year
    emissions_tco2e: np.ndarray  # (P,) annual emissions in each period's end year
    binding: tuple[BindingLimit, ...]

    @property
    def installed_units(self) -> np.ndarray:
        """Cumulative units in place at the end of each period (Z, T, P)."""
        return np.cumsum(self.deployment_units, axis=2)

    def uptake_share(self) -> np.ndarray:
        """Installed units as a share of technical potential (Z, T, P), 0 where none.

        This is the form a lever trajectory takes: the share of what could be done that is
        done by each year, which `simulate` scenarios express per technology.
        """
        potential = self.problem.technical_potential_units[:, :, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(potential > 0, self.installed_units / potential, 0.0)
        return np.clip(share, 0.0, 1.0)


@dataclass(frozen=True)
class TargetShortfall:
    """One target that cannot be met, and what is achievable instead."""

    kind: str  # "target" or "carbon budget"
    period: str | None
    target_tco2e: float
    best_achievable_tco2e: float

    @property
    def short_by_tco2e(self) -> float:
        return self.best_achievable_tco2e - self.target_tco2e


class InfeasibleTarget(Exception):
    """The target cannot be met within the limits; `str(error)` explains it for planners."""

    def __init__(
        self, shortfalls: tuple[TargetShortfall, ...], binding: tuple[BindingLimit, ...]
    ) -> None:
        self.shortfalls = shortfalls
        self.binding = binding
        super().__init__(explain_infeasibility(shortfalls, binding))


def annuity_factor(discount_rate: float, lifetime_years: float) -> float:
    """Capital recovery factor: the annual payment that repays 1 over the lifetime."""
    if discount_rate == 0:
        return 1.0 / lifetime_years
    return discount_rate / (1.0 - (1.0 + discount_rate) ** -lifetime_years)


def present_value_cost_gbp(
    capex_gbp: np.ndarray,
    opex_gbp_per_year: np.ndarray,
    lifetime_years: np.ndarray,
    build_year: int,
    horizon_end_year: int,
    base_year: int,
    discount_rate: float,
) -> np.ndarray:
    """Present value in `base_year` of one unit built in `build_year`, within the horizon.

    Capex is spread as an annuity over the lifetime and only the years inside the horizon
    are charged, so a unit built late is not penalised for life it delivers after the
    horizon — the usual treatment of end effects in multi-period investment models
    (PyPSA multi-investment). Discounting at the HM Treasury Green Book rate (3.5 %).
    """
    capex = np.asarray(capex_gbp, dtype=float)
    opex = np.asarray(opex_gbp_per_year, dtype=float)
    life = np.asarray(lifetime_years, dtype=float)
    crf = np.vectorize(annuity_factor)(discount_rate, life)
    annual = capex * crf + opex
    years = np.arange(build_year, horizon_end_year + 1)
    discount = (1.0 + discount_rate) ** -(years - base_year).astype(float)
    # Years the unit is alive inside the horizon: from build year for `life` years.
    alive = (years[None, :] - build_year) < np.atleast_1d(life).reshape(-1, 1)
    factor = (alive * discount[None, :]).sum(axis=1).reshape(np.shape(life))
    return annual * factor
