"""The business case of a community energy project: a pure function of its inputs.

`business_case(inputs)` gives the annual cash flow over the asset's life, the simple payback,
the internal rate of return (IRR) and the net present value (NPV). No Django, no database:
the same inputs always give the same answer, so a hand calculation can check it
(`tests/test_finance.py`) and the method page (`docs/method/community-energy.md`)
states every step.

The cash flow is the project's own (before financing), in real terms (prices held flat):

- year 0: minus the capital cost, plus the grants (the money the group must raise from
  community shares and loans);
- year t = 1..lifetime: output_t = output x (1 - degradation)^(t-1) MWh; income =
  output_t x (on-site share x on-site price + (1 - on-site share) x export price);
  the community benefit fund takes its share of the surplus (income - operating cost) when
  there is one; the net cash flow is income - operating cost - community benefit.

Payback is the first time the cumulative cash flow reaches zero, interpolated within the
year; IRR the rate at which NPV is zero (bisection between -99 % and 100 %); NPV discounts
year t by (1 + discount rate)^t.
"""

from __future__ import annotations

from dataclasses import dataclass


class BusinessCaseError(ValueError):
    """An input is out of range; the message names it and says what is allowed."""


@dataclass(frozen=True)
class BusinessCaseInputs:
    capex_gbp: float
    grant_gbp: float
    annual_output_mwh: float
    export_price_gbp_per_mwh: float
    onsite_share: float  # share of output sold on site (power purchase agreement), 0-1
    onsite_price_gbp_per_mwh: float
    opex_gbp_per_year: float
    degradation_per_year: float  # e.g. 0.005 for 0.5 % a year
    discount_rate: float  # e.g. 0.035
    lifetime_years: int
    community_benefit_share: float = 0.0  # share of the yearly surplus, 0-1

    def check(self) -> None:
        problems = []
        for name in ("capex_gbp", "grant_gbp", "annual_output_mwh", "opex_gbp_per_year"):
            if getattr(self, name) < 0:
                problems.append(f"{_label(name)} cannot be negative.")
        for name in ("export_price_gbp_per_mwh", "onsite_price_gbp_per_mwh"):
            if getattr(self, name) < 0:
                problems.append(f"{_label(name)} cannot be negative.")
        if self.grant_gbp > self.capex_gbp:
            problems.append("Grants cannot be more than the capital cost.")
        for name in ("onsite_share", "degradation_per_year", "community_benefit_share"):
            if not 0 <= getattr(self, name) <= 1:
                problems.append(f"{_label(name)} must be between 0 and 1 (0 % and 100 %).")
        if not -0.5 < self.discount_rate < 1:
            problems.append("The discount rate must be between -50 % and 100 %.")
        if not 1 <= self.lifetime_years <= 60:
            problems.append("The asset's life must be between 1 and 60 years.")
        if problems:
            raise BusinessCaseError(" ".join(problems))


LABELS = {
    "capex_gbp": "The capital cost",
    "grant_gbp": "Grants",
    "annual_output_mwh": "The output in the first year",
    "export_price_gbp_per_mwh": "The export price",
    "onsite_share": "The share sold on site",
    "onsite_price_gbp_per_mwh": "The on-site price",
    "opex_gbp_per_year": "The operating cost",
    "degradation_per_year": "The yearly loss of output (degradation)",
    "discount_rate": "The discount rate",
    "lifetime_years": "The asset's life",
    "community_benefit_share": "The community benefit share",
}


def _label(name: str) -> str:
    return LABELS.get(name, name)


@dataclass(frozen=True)
class YearFlow:
    year: int
    output_mwh: float
    income_gbp: float
    opex_gbp: float
    community_benefit_gbp: float
    net_gbp: float
    cumulative_gbp: float


@dataclass(frozen=True)
class BusinessCase:
    inputs: BusinessCaseInputs
    investment_gbp: float  # capital less grants, raised by the group (year 0)
    years: tuple[YearFlow, ...]
    payback_years: float | None  # None: never pays back within the asset's life
    irr: float | None  # None: no rate makes NPV zero (e.g. it never pays back)
    npv_gbp: float
    community_benefit_total_gbp: float

    @property
    def cash_flows(self) -> tuple[float, ...]:
        """Year 0 (minus the investment) then each year's net cash flow."""
        return (-self.investment_gbp, *(flow.net_gbp for flow in self.years))


def npv(rate: float, flows: tuple[float, ...] | list[float]) -> float:
    return sum(flow / (1 + rate) ** year for year, flow in enumerate(flows))


def irr(flows: tuple[float, ...] | list[float]) -> float | None:
    """The rate between -99 % and 100 % at which NPV is zero, or None if NPV does not change
    sign over that range (bisection: NPV falls as the rate rises for an investment)."""
    low, high = -0.99, 1.0
    at_low, at_high = npv(low, flows), npv(high, flows)
    if at_low == 0:
        return low
    if at_low * at_high > 0:
        return None
    for _ in range(200):
        middle = (low + high) / 2
        at_middle = npv(middle, flows)
        if abs(at_middle) < 1e-9 or high - low < 1e-12:
            return middle
        if (at_middle > 0) == (at_low > 0):
            low, at_low = middle, at_middle
        else:
            high = middle
    return (low + high) / 2


def payback(investment: float, nets: list[float]) -> float | None:
    """Years until the cumulative cash flow first reaches zero, interpolated in the year."""
    if investment <= 0:
        return 0.0
    cumulative = -investment
    for year, net in enumerate(nets, start=1):
        if net > 0 and cumulative + net >= 0:
            return year - 1 + (-cumulative) / net
        cumulative += net
    return None


def business_case(inputs: BusinessCaseInputs) -> BusinessCase:
    inputs.check()
    investment = inputs.capex_gbp - inputs.grant_gbp
    price = (
        inputs.onsite_share * inputs.onsite_price_gbp_per_mwh
        + (1 - inputs.onsite_share) * inputs.export_price_gbp_per_mwh
    )
    years = []
    cumulative = -investment
    benefit_total = 0.0
    for year in range(1, inputs.lifetime_years + 1):
        output = inputs.annual_output_mwh * (1 - inputs.degradation_per_year) ** (year - 1)
        income = output * price
        surplus = income - inputs.opex_gbp_per_year
        benefit = max(surplus, 0.0) * inputs.community_benefit_share
        net = surplus - benefit
        cumulative += net
        benefit_total += benefit
        years.append(
            YearFlow(year, output, income, inputs.opex_gbp_per_year, benefit, net, cumulative)
        )
    nets = [flow.net_gbp for flow in years]
    flows = [-investment, *nets]
    return BusinessCase(
        inputs=inputs,
        investment_gbp=investment,
        years=tuple(years),
        payback_years=payback(investment, nets),
        irr=irr(flows) if investment > 0 else None,
        npv_gbp=npv(inputs.discount_rate, flows),
        community_benefit_total_gbp=benefit_total,
    )
