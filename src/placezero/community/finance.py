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
year t by (1 + discount rate)^t. These are the *project* figures: before financing.

Financing (after the project's own cash flow):

- a loan of L at rate r over n years is repaid as an annuity, the same payment every year:
  P = L x r / (1 - (1 + r)^-n) (P = L / n at 0 %); each year's interest is r x the balance
  at the start of the year and the rest of P repays the balance;
- community shares of S pay interest at the share rate on the shares still held at the
  start of each year, and the capital is repaid in equal parts over the years set
  (0: not repaid within the asset's life, as withdrawable shares often are);
- the *equity* cash flow is the money the group puts in itself (capital less grants less
  the loan: shares and reserves) in year 0, then each year's net cash flow less the loan's
  payment. The equity payback and equity IRR are of that flow: what the group's own money
  earns after the lender is paid, out of which share interest and capital are paid;
- the society's cash after financing is each year's net cash flow less the loan payment,
  share interest and share capital repaid; a year where its running total falls below zero
  is a year the society cannot pay its investors and lender from the project alone.
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
    loan_gbp: float = 0.0
    loan_rate: float = 0.0  # e.g. 0.06 for 6 % a year
    loan_term_years: int = 0
    share_capital_gbp: float = 0.0
    share_interest_rate: float = 0.0  # e.g. 0.04 for 4 % a year
    share_repayment_years: int = 0  # 0: shares not repaid within the asset's life

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
        problems += self._financing_problems()
        if problems:
            raise BusinessCaseError(" ".join(problems))

    def _financing_problems(self) -> list[str]:
        problems = []
        for name in ("loan_gbp", "share_capital_gbp"):
            if getattr(self, name) < 0:
                problems.append(f"{_label(name)} cannot be negative.")
        for name in ("loan_rate", "share_interest_rate"):
            if not 0 <= getattr(self, name) < 1:
                problems.append(f"{_label(name)} must be between 0 and 1 (0 % and 100 %).")
        if self.grant_gbp + self.loan_gbp + self.share_capital_gbp > self.capex_gbp + 0.5:
            problems.append(
                "Grants, loans and community shares cannot add up to more than the capital cost."
            )
        if self.loan_gbp > 0 and not 1 <= self.loan_term_years <= self.lifetime_years:
            problems.append(
                f"The loan's term must be between 1 year and the asset's life "
                f"({self.lifetime_years} years)."
            )
        if not 0 <= self.share_repayment_years <= self.lifetime_years:
            problems.append(
                "Share capital is repaid over 0 (not repaid) to the asset's life "
                f"({self.lifetime_years}) years."
            )
        return problems


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
    "loan_gbp": "The loan",
    "loan_rate": "The loan's interest rate",
    "loan_term_years": "The loan's term",
    "share_capital_gbp": "Community shares",
    "share_interest_rate": "The share interest rate",
    "share_repayment_years": "The years over which shares are repaid",
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
    loan_interest_gbp: float = 0.0
    loan_principal_gbp: float = 0.0
    share_interest_gbp: float = 0.0
    share_repaid_gbp: float = 0.0

    @property
    def equity_net_gbp(self) -> float:
        """The year's cash to the group's own money: net cash flow less the loan payment."""
        return self.net_gbp - self.loan_interest_gbp - self.loan_principal_gbp

    @property
    def society_net_gbp(self) -> float:
        """What the society keeps after paying the lender and its shareholders."""
        return self.equity_net_gbp - self.share_interest_gbp - self.share_repaid_gbp


@dataclass(frozen=True)
class BusinessCase:
    inputs: BusinessCaseInputs
    investment_gbp: float  # capital less grants, raised by the group (year 0)
    years: tuple[YearFlow, ...]
    payback_years: float | None  # None: never pays back within the asset's life
    irr: float | None  # None: no rate makes NPV zero (e.g. it never pays back)
    npv_gbp: float
    community_benefit_total_gbp: float
    loan_payment_gbp: float = 0.0  # the annuity, each year of the loan's term
    equity_gbp: float = 0.0  # capital less grants less the loan (year 0 of the equity flow)
    equity_payback_years: float | None = None
    equity_irr: float | None = None
    short_years: tuple[int, ...] = ()  # years the society's running cash is below zero

    @property
    def cash_flows(self) -> tuple[float, ...]:
        """Year 0 (minus the investment) then each year's net cash flow."""
        return (-self.investment_gbp, *(flow.net_gbp for flow in self.years))

    @property
    def equity_cash_flows(self) -> tuple[float, ...]:
        """Year 0 (minus the group's own money) then each year's cash after the loan."""
        return (-self.equity_gbp, *(flow.equity_net_gbp for flow in self.years))

    @property
    def total_loan_interest_gbp(self) -> float:
        return sum(flow.loan_interest_gbp for flow in self.years)

    @property
    def total_share_interest_gbp(self) -> float:
        return sum(flow.share_interest_gbp for flow in self.years)

    @property
    def has_financing(self) -> bool:
        return self.inputs.loan_gbp > 0 or self.inputs.share_capital_gbp > 0


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


def annuity_payment(principal: float, rate: float, years: int) -> float:
    """The equal yearly payment that repays `principal` with interest over `years`."""
    if principal <= 0 or years <= 0:
        return 0.0
    if rate == 0:
        return principal / years
    return principal * rate / (1 - (1 + rate) ** -years)


def loan_schedule(principal: float, rate: float, years: int) -> list[tuple[float, float]]:
    """(interest, principal repaid) for each year of the loan's term."""
    payment, balance, rows = annuity_payment(principal, rate, years), principal, []
    for _ in range(years):
        interest = balance * rate
        repaid = payment - interest
        balance -= repaid
        rows.append((interest, repaid))
    return rows


def share_schedule(capital: float, rate: float, years: int, life: int) -> list[tuple[float, float]]:
    """(interest, capital repaid) for each year of the asset's life."""
    repaid_each = capital / years if years else 0.0
    held, rows = capital, []
    for year in range(1, life + 1):
        repaid = repaid_each if year <= years else 0.0
        rows.append((held * rate, repaid))
        held -= repaid
    return rows


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
    loan = loan_schedule(inputs.loan_gbp, inputs.loan_rate, inputs.loan_term_years)
    shares = share_schedule(
        inputs.share_capital_gbp,
        inputs.share_interest_rate,
        inputs.share_repayment_years,
        inputs.lifetime_years,
    )
    for year in range(1, inputs.lifetime_years + 1):
        output = inputs.annual_output_mwh * (1 - inputs.degradation_per_year) ** (year - 1)
        income = output * price
        surplus = income - inputs.opex_gbp_per_year
        benefit = max(surplus, 0.0) * inputs.community_benefit_share
        net = surplus - benefit
        cumulative += net
        benefit_total += benefit
        loan_interest, loan_repaid = loan[year - 1] if year <= len(loan) else (0.0, 0.0)
        share_interest, share_repaid = shares[year - 1]
        years.append(
            YearFlow(
                year,
                output,
                income,
                inputs.opex_gbp_per_year,
                benefit,
                net,
                cumulative,
                loan_interest,
                loan_repaid,
                share_interest,
                share_repaid,
            )
        )
    nets = [flow.net_gbp for flow in years]
    flows = [-investment, *nets]
    equity = investment - inputs.loan_gbp
    equity_nets = [flow.equity_net_gbp for flow in years]
    society, short = 0.0, []
    for flow in years:
        society += flow.society_net_gbp
        if society < -0.005:
            short.append(flow.year)
    return BusinessCase(
        inputs=inputs,
        investment_gbp=investment,
        years=tuple(years),
        payback_years=payback(investment, nets),
        irr=irr(flows) if investment > 0 else None,
        npv_gbp=npv(inputs.discount_rate, flows),
        community_benefit_total_gbp=benefit_total,
        loan_payment_gbp=annuity_payment(inputs.loan_gbp, inputs.loan_rate, inputs.loan_term_years),
        equity_gbp=equity,
        equity_payback_years=payback(equity, equity_nets),
        equity_irr=irr([-equity, *equity_nets]) if equity > 0 else None,
        short_years=tuple(short),
    )
