"""Opportunities found by the model, adopting one as a group's project, and its business
case (inputs saved with history, results from `finance.business_case`).

The model is read only through `pathways.services`. Default business case inputs come from
the engine's figures for the opportunity and from public sources, each marked as an
assumption the group should check and edit (`ASSUMPTIONS`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from placezero.accounts.permissions import require
from placezero.landscape import services as landscape
from placezero.pathways import services as pathways

from ..finance import BusinessCase, BusinessCaseError, business_case
from ..models import BusinessCaseRecord, CommunityGroup, Project
from . import recorded

if TYPE_CHECKING:
    from placezero.places.models import Place


@dataclass(frozen=True)
class Assumption:
    field: str
    value: float
    source: str


# Defaults a group edits, each with its public source. Smart Export Guarantee tariffs are
# set by each supplier, not by Ofgem; the on-site price sits below the price cap a building
# would otherwise pay.
EXPORT_PRICE = Assumption(
    "export_price_gbp_per_mwh",
    55.0,
    "Assumption: 5.5 p/kWh, within the range of Smart Export Guarantee tariffs offered by "
    "licensed suppliers (Ofgem, Smart Export Guarantee, "
    "https://www.ofgem.gov.uk/environmental-and-social-schemes/smart-export-guarantee-seg); "
    "check your supplier's current rate.",
)
ONSITE_PRICE = Assumption(
    "onsite_price_gbp_per_mwh",
    150.0,
    "Assumption: 15 p/kWh for a power purchase agreement with a building on the site, below "
    "the 24.5 p/kWh Ofgem price cap for October-December 2024 "
    "(https://www.ofgem.gov.uk/energy-price-cap) that it would otherwise pay.",
)
ONSITE_SHARE = {
    "solar_rooftop": Assumption(
        "onsite_share",
        0.5,
        "Assumption: half the output of a rooftop array is used in the building below it.",
    ),
}
NO_ONSITE = Assumption("onsite_share", 0.0, "Assumption: all output exported.")
DEGRADATION = {
    "solar_rooftop": 0.005,
    "solar_ground": 0.005,
}
DEGRADATION_SOURCE = (
    "Assumption: solar panels lose about 0.5 % of output a year (Jordan and Kurtz, "
    "Photovoltaic Degradation Rates - an Analytical Review, NREL 2012, "
    "https://www.nrel.gov/docs/fy12osti/51664.pdf); wind and batteries: none assumed."
)
LIFETIME = Assumption(
    "lifetime_years",
    25,
    "Assumption: 25 years of operation, a common design life for solar, wind and batteries; "
    "compare the operating periods in DESNZ Electricity Generation Costs 2023 "
    "(https://www.gov.uk/government/publications/electricity-generation-costs-2023).",
)
DISCOUNT = (
    "HM Treasury Green Book (2022): 3.5 % social time preference rate, the engine's discount "
    "rate; a group borrowing money should use its cost of capital."
)
OPEX = (
    "The engine's fixed operating cost share of capital per year (PyPSA technology-data, "
    "costs_2030), times the capital cost."
)
COMMUNITY_BENEFIT = Assumption(
    "community_benefit_share",
    0.1,
    "Assumption: 10 % of each year's surplus to a community benefit fund; set it to your "
    "society's rules.",
)


# The landscape survey's name for each opportunity technology.
LANDSCAPE_TECHNOLOGY = {
    "solar_rooftop": "rooftop_solar",
    "solar_ground": "ground_solar",
    "onshore_wind": "onshore_wind",
    "battery": "battery",
    "heat_network": "heat_network",
}


def residents_acceptance(place: Place) -> dict[tuple[str, str], tuple[float | None, int]]:
    """{(zone code, technology): (acceptance share, or None below the landscape module's
    minimum of responses; responses)} from its published contributions."""
    found: dict[tuple[str, str], tuple[float | None, int]] = {}
    for ours, theirs in LANDSCAPE_TECHNOLOGY.items():
        for row in landscape.acceptance(place, theirs):
            found[(row.zone_code, ours)] = (row.share, row.responses)
    return found


def opportunities(place: Place, *, district_code: str | None = None) -> list[Any]:
    return pathways.community_energy_opportunities(
        place, district_code=district_code, acceptance=residents_acceptance(place)
    )


def opportunity(place: Place, key: str) -> Any:
    return pathways.community_energy_opportunity(place, key, acceptance=residents_acceptance(place))


def minimum_responses() -> int:
    return landscape.MINIMUM_RESPONSES


@transaction.atomic
def adopt(group: CommunityGroup, *, user: Any, key: str) -> Project:
    """The group takes an opportunity the model found in its place as its project, with the
    engine's figures, and a business case built from them."""
    require(user, "community.adopt_opportunity", group)
    found = opportunity(group.place, key)
    if found is None:
        raise ValidationError(
            f"The model has no opportunity {key!r} in {group.place}: choose one from the list."
        )
    try:
        with transaction.atomic():
            project = recorded.create(
                Project,
                user,
                group=group,
                opportunity_key=found.key,
                name=f"{found.technology_label} in {found.zone_name}",
                technology=found.technology,
                technology_label=found.technology_label,
                zone_code=found.zone_code,
                zone_name=found.zone_name,
                mw=found.mw,
                mwh_per_year=found.mwh_per_year,
                capex_gbp=found.capex_gbp,
                carbon_saved_tco2e_per_year=found.carbon_saved_tco2e_per_year,
                headroom_kw=found.headroom_kw,
                score=found.score,
                model_year=found.year,
                scenario_name=found.scenario_name,
                adopted_by=user,
            )
    except IntegrityError:
        raise ValidationError(f"{group} has already adopted this opportunity.") from None
    recorded.create(
        BusinessCaseRecord, user, project=project, **default_inputs(found), updated_by=user
    )
    return project


HEAT_SOLD = Assumption(
    "onsite_share",
    1.0,
    "Assumption: all the network's heat is sold to the buildings it serves.",
)
HEAT_PRICE_SOURCE = (
    "Derived: the cost of the heat a gas boiler would otherwise make, the engine's gas price "
    "(Ofgem energy price cap, October-December 2024) / its boiler efficiency (Energy Saving "
    "Trust in-situ monitoring); a heat network must sell at or below it to win customers."
)
HEAT_OPEX_SOURCE = (
    "The engine's fixed operating cost share for heat pumps (PyPSA technology-data) times "
    "the capital cost, plus the heat pumps' electricity: heat / the network's seasonal "
    "performance factor x the engine's electricity price (Ofgem price cap). The capital is "
    "supply plant only: add the pipework from your feasibility study."
)


def _heat_defaults(found: Any) -> dict[str, float]:
    a = pathways.assumptions()
    heat_price = a["gas_price_gbp_per_kwh"] / a["gas_boiler_efficiency"] * 1000
    electricity = found.mwh_per_year / a["heat_network_spf"] * a["electricity_price_gbp_per_kwh"]
    return {
        "export_price_gbp_per_mwh": 0.0,
        "onsite_share": HEAT_SOLD.value,
        "onsite_price_gbp_per_mwh": round(heat_price, 2),
        "opex_gbp_per_year": round(
            found.capex_gbp * found.opex_fraction_per_year + electricity * 1000, 2
        ),
    }


def default_inputs(found: Any) -> dict[str, float]:
    share = ONSITE_SHARE.get(found.technology, NO_ONSITE)
    values = _electricity_defaults(found, share)
    if found.technology == "heat_network":
        values.update(_heat_defaults(found))
    return values


def _electricity_defaults(found: Any, share: Assumption) -> dict[str, float]:
    return {
        "capex_gbp": round(found.capex_gbp, 2),
        "grant_gbp": 0.0,
        "annual_output_mwh": round(found.mwh_per_year, 3),
        "export_price_gbp_per_mwh": EXPORT_PRICE.value,
        "onsite_share": share.value,
        "onsite_price_gbp_per_mwh": ONSITE_PRICE.value,
        "opex_gbp_per_year": round(found.capex_gbp * found.opex_fraction_per_year, 2),
        "degradation_per_year": DEGRADATION.get(found.technology, 0.0),
        "discount_rate": pathways.assumptions()["discount_rate"],
        "lifetime_years": int(LIFETIME.value),
        "community_benefit_share": COMMUNITY_BENEFIT.value,
    }


def sources(project: Project) -> list[tuple[str, str]]:
    """(input, where its default comes from) for the business case page."""
    if project.technology == "heat_network":
        return _heat_sources()
    share = ONSITE_SHARE.get(project.technology, NO_ONSITE)
    return [
        (
            "Capital cost",
            "The engine's capital cost per kW for the technology (PyPSA "
            "technology-data, converted to GBP 2022) times the MW the pathway builds.",
        ),
        (
            "Output",
            "The engine's MW times 8,760 hours times its capacity factor (solar: DESNZ "
            "Energy Trends; onshore wind: DUKES Table 6.3).",
        ),
        ("Export price", EXPORT_PRICE.source),
        ("On-site price", ONSITE_PRICE.source),
        ("Share sold on site", share.source),
        ("Operating cost", OPEX),
        ("Degradation", DEGRADATION_SOURCE),
        ("Discount rate", DISCOUNT),
        ("Asset life", LIFETIME.source),
        ("Community benefit", COMMUNITY_BENEFIT.source),
        ("Loans and community shares", FINANCING_SOURCE),
    ]


def _heat_sources() -> list[tuple[str, str]]:
    return [
        (
            "Capital cost",
            "The engine's heat network supply plant cost per kW of heat (PyPSA "
            "technology-data 'central air-sourced heat pump', pipework not included) times "
            "the MW of peak heat the pathway's networks serve in the zone.",
        ),
        ("Output", "That MW times the engine's heating full-load hours (MWh of heat a year)."),
        ("Heat price (on-site price)", HEAT_PRICE_SOURCE),
        ("Share sold on site", HEAT_SOLD.source),
        ("Export price", "Heat is not exported: 0."),
        ("Operating cost", HEAT_OPEX_SOURCE),
        ("Degradation", "None assumed for a heat network."),
        ("Discount rate", DISCOUNT),
        ("Asset life", LIFETIME.source),
        ("Community benefit", COMMUNITY_BENEFIT.source),
        ("Loans and community shares", FINANCING_SOURCE),
    ]


FINANCING_SOURCE = (
    "None by default: enter the amount, rate and term a lender offers and the share offer's "
    "interest and repayment terms."
)


def projects_of(group: CommunityGroup) -> list[Project]:
    return list(group.projects.select_related("case"))


def case_of(project: Project, *, user: Any) -> tuple[BusinessCaseRecord, BusinessCase]:
    require(user, "community.see_business_case", project)
    record = project.case
    return record, business_case(record.inputs())


@transaction.atomic
def update_case(record: BusinessCaseRecord, *, user: Any, values: dict[str, float]) -> BusinessCase:
    """Save edited inputs (with history) if they make a valid business case."""
    require(user, "community.edit_business_case", record.project)
    record = BusinessCaseRecord.objects.select_for_update().get(pk=record.pk)
    allowed = set(BusinessCaseRecord.INPUT_FIELDS)
    for name, value in values.items():
        if name not in allowed:
            raise ValidationError(f"{name} is not an input of the business case.")
        setattr(record, name, value)
    funding = record.grant_gbp + record.share_capital_gbp + record.loan_gbp
    financed = record.share_capital_gbp or record.loan_gbp
    if financed and abs(funding - record.capex_gbp) > 0.5:
        raise ValidationError(
            f"Grants, community shares and loans add up to £{funding:,.0f} but the capital "
            f"cost is £{record.capex_gbp:,.0f}: make them add up, or leave shares and loans "
            "at 0."
        )
    try:
        result = business_case(record.inputs())
    except BusinessCaseError as error:
        raise ValidationError(str(error)) from None
    record.updated_by = user
    recorded.save(record, user)
    return result
