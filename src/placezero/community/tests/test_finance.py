"""The business case against a hand calculation of the same inputs.

Hand calculation (no degradation, all exported):
  capex £100,000, grants £20,000 -> £80,000 to raise (year 0: -80,000).
  100 MWh a year x £100/MWh = £10,000 income; less £2,000 operating cost = £8,000 a year.
  Payback = 80,000 / 8,000 = 10.0 years.
  NPV at 5 % over 20 years = -80,000 + 8,000 x (1 - 1.05^-20) / 0.05
                           = -80,000 + 8,000 x 12.462210 = £19,697.68.
  IRR: 8,000 x annuity(r, 20) = 80,000 -> annuity = 10 -> r = 7.7547 % (annuity tables:
  at 7.75 % the factor is 10.0031, at 7.76 % 9.9964).
"""

from __future__ import annotations

import pytest

from placezero.community.finance import (
    BusinessCaseError,
    BusinessCaseInputs,
    business_case,
    irr,
    npv,
)


def inputs(**changes):
    values = dict(
        capex_gbp=100_000,
        grant_gbp=20_000,
        annual_output_mwh=100,
        export_price_gbp_per_mwh=100,
        onsite_share=0.0,
        onsite_price_gbp_per_mwh=150,
        opex_gbp_per_year=2_000,
        degradation_per_year=0.0,
        discount_rate=0.05,
        lifetime_years=20,
        community_benefit_share=0.0,
    )
    values.update(changes)
    return BusinessCaseInputs(**values)


def test_the_business_case_matches_the_hand_calculation() -> None:
    case = business_case(inputs())
    assert case.investment_gbp == 80_000
    assert case.cash_flows[0] == -80_000
    assert all(flow == pytest.approx(8_000) for flow in case.cash_flows[1:])
    assert len(case.years) == 20
    assert case.payback_years == pytest.approx(10.0)
    assert case.npv_gbp == pytest.approx(19_697.68, abs=0.01)
    assert case.irr == pytest.approx(0.077547, abs=1e-5)
    assert case.years[-1].cumulative_gbp == pytest.approx(80_000)


def test_degradation_on_site_sales_and_community_benefit_by_hand() -> None:
    """Year 1: 100 MWh, half on site at £150, half exported at £100 -> £12,500; surplus
    £10,500; 10 % benefit £1,050; net £9,450. Year 2: 99 MWh -> £12,375; surplus £10,375;
    benefit £1,037.50; net £9,337.50. Payback of £20,000 (no grant, capex 20,000): after
    year 2 cumulative = -20,000 + 9,450 + 9,337.50 = -1,212.50; year 3 output 98.01 MWh ->
    income £12,251.25, surplus £10,251.25, net £9,226.125; payback = 2 + 1,212.50 /
    9,226.125 = 2.1314 years."""
    case = business_case(
        inputs(
            capex_gbp=20_000,
            grant_gbp=0,
            onsite_share=0.5,
            degradation_per_year=0.01,
            community_benefit_share=0.1,
            lifetime_years=3,
        )
    )
    first, second, third = case.years
    assert first.income_gbp == pytest.approx(12_500)
    assert first.community_benefit_gbp == pytest.approx(1_050)
    assert first.net_gbp == pytest.approx(9_450)
    assert second.output_mwh == pytest.approx(99)
    assert second.net_gbp == pytest.approx(9_337.5)
    assert third.net_gbp == pytest.approx(9_226.125)
    assert case.payback_years == pytest.approx(2 + 1_212.5 / 9_226.125)
    assert case.community_benefit_total_gbp == pytest.approx(1_050 + 1_037.5 + 1_025.125)
    assert npv(case.irr, case.cash_flows) == pytest.approx(0, abs=1e-6)


def test_a_project_that_never_pays_back_has_no_payback_or_irr() -> None:
    case = business_case(inputs(export_price_gbp_per_mwh=10, opex_gbp_per_year=2_000))
    assert case.payback_years is None
    assert case.irr is None
    assert case.npv_gbp < -80_000


def test_editing_an_input_changes_the_answer() -> None:
    assert business_case(inputs(export_price_gbp_per_mwh=120)).payback_years == pytest.approx(
        80_000 / 10_000
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"grant_gbp": 200_000}, "Grants cannot be more than the capital cost."),
        ({"onsite_share": 1.5}, "The share sold on site must be between 0 and 1"),
        ({"lifetime_years": 0}, "The asset's life must be between 1 and 60 years."),
        ({"capex_gbp": -1}, "The capital cost cannot be negative."),
    ],
)
def test_bad_inputs_are_refused_with_the_reason(changes, message) -> None:
    with pytest.raises(BusinessCaseError, match=message.replace("(", r"\(")):
        business_case(inputs(**changes))


def test_irr_of_a_flow_without_a_sign_change_is_none() -> None:
    assert irr([100.0, 100.0]) is None


def test_a_loan_and_community_shares_by_hand() -> None:
    """The first hand case financed: capex £100,000 less £20,000 grants, a £50,000 loan at
    6 % over 10 years, and £30,000 community shares at 4 % repaid in equal parts over 10.

    Loan annuity P = 50,000 x 0.06 / (1 - 1.06^-10) = 3,000 / (1 - 0.558395) = £6,793.40.
      Year 1: interest 50,000 x 6 % = £3,000.00, repaid £3,793.40; year 2: interest
      (50,000 - 3,793.40) x 6 % = £2,772.40. Interest in all 10 x 6,793.40 - 50,000 =
      £17,933.98.
    Equity (the group's own money) = 80,000 - 50,000 = £30,000. Its cash: 8,000 - 6,793.40
      = £1,206.60 in years 1-10, £8,000 in years 11-20. Cumulative after year 10:
      -30,000 + 10 x 1,206.60 = -17,933.98; after 12: -1,933.98; payback = 12 +
      1,933.98 / 8,000 = 12.2417 years.
    Equity IRR: NPV = -30,000 + 1,206.60 x a(r,10) + 8,000 x a(r,10) x (1+r)^-10;
      at 8.82 %: a = 6.468819, (1+r)^-10 = 0.429450 -> +£29.57;
      at 8.84 %: a = 6.463103, (1+r)^-10 = 0.428662 -> -£37.73; so r = 8.829 %.
    Shares: interest 4 % of the shares held: £1,200 in year 1, £1,080 in year 2 ... £120 in
      year 10 (£6,600 in all); capital £3,000 a year. Society's cash in year 1:
      1,206.60 - 1,200 - 3,000 = -£2,993.40: short from year 1.
    The project's own payback and IRR (before financing) are unchanged: 10.0 years, 7.7547 %.
    """
    case = business_case(
        inputs(
            loan_gbp=50_000,
            loan_rate=0.06,
            loan_term_years=10,
            share_capital_gbp=30_000,
            share_interest_rate=0.04,
            share_repayment_years=10,
        )
    )
    assert case.loan_payment_gbp == pytest.approx(6_793.40, abs=0.01)
    first, second = case.years[0], case.years[1]
    assert first.loan_interest_gbp == pytest.approx(3_000)
    assert first.loan_principal_gbp == pytest.approx(3_793.40, abs=0.01)
    assert second.loan_interest_gbp == pytest.approx(2_772.40, abs=0.01)
    assert case.total_loan_interest_gbp == pytest.approx(17_933.98, abs=0.01)
    assert sum(flow.loan_principal_gbp for flow in case.years) == pytest.approx(50_000)
    assert case.years[10].loan_interest_gbp == 0 and case.years[10].loan_principal_gbp == 0
    assert case.equity_gbp == 30_000
    assert first.equity_net_gbp == pytest.approx(1_206.60, abs=0.01)
    assert case.equity_payback_years == pytest.approx(12 + 1_933.98 / 8_000, abs=1e-5)
    assert case.equity_irr == pytest.approx(0.08829, abs=1e-5)
    assert first.share_interest_gbp == pytest.approx(1_200)
    assert second.share_interest_gbp == pytest.approx(1_080)
    assert case.years[9].share_interest_gbp == pytest.approx(120)
    assert case.total_share_interest_gbp == pytest.approx(6_600)
    assert first.society_net_gbp == pytest.approx(-2_993.40, abs=0.01)
    assert case.short_years[0] == 1
    assert case.payback_years == pytest.approx(10.0)
    assert case.irr == pytest.approx(0.077547, abs=1e-5)


def test_a_zero_rate_loan_is_repaid_in_equal_parts() -> None:
    case = business_case(inputs(loan_gbp=40_000, loan_rate=0.0, loan_term_years=8))
    assert case.loan_payment_gbp == pytest.approx(5_000)
    assert case.total_loan_interest_gbp == 0
    assert case.equity_gbp == 40_000


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"loan_gbp": 10_000, "loan_term_years": 0}, "The loan's term must be between 1"),
        ({"loan_gbp": 10_000, "loan_term_years": 30}, "The loan's term must be between 1"),
        ({"loan_gbp": 90_000, "loan_term_years": 10}, "cannot add up to more than the capital"),
        ({"loan_rate": 1.5}, "The loan's interest rate must be between 0 and 1"),
        ({"share_repayment_years": 21}, "Share capital is repaid over 0"),
    ],
)
def test_bad_financing_is_refused_with_the_reason(changes, message) -> None:
    with pytest.raises(BusinessCaseError, match=message):
        business_case(inputs(**changes))
