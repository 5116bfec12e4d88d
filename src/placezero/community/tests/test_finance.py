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
