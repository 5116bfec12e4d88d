"""Risks, co-benefits, the local powers an action uses (and governance's question back),
and priorities with the place's weights."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from placezero.accounts.tests.factories import UserFactory
from placezero.governance import services as governance
from placezero.tracker import priority, services
from placezero.tracker.models import LeverLink, PriorityWeights, Risk

from .conftest import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(people: Any) -> None:
    """The two-tier county structure, with its register of local powers."""
    admin = UserFactory(role="administrator")
    governance.import_structure(
        people.place, governance.starting_template("two-tier-county"), user=admin
    )


def test_a_risk_is_added_scored_and_recorded(action: Any, people: Any) -> None:
    risk = services.add_risk(
        action,
        description="Installers cannot be found in time",
        likelihood=4,
        impact="3",
        mitigation="Frame contract with two installers",
        user=people.editor,
    )
    assert (risk.likelihood, risk.impact, risk.score) == (4, 3, 12)
    assert risk.history.get().history_user == people.editor
    page = Client().get(f"/places/{people.place.slug}/actions/{action.pk}/").content.decode()
    assert "Installers cannot be found in time" in page and ">12<" in page


def test_a_bad_risk_is_refused_with_each_field_and_nothing_written(
    action: Any, people: Any
) -> None:
    with pytest.raises(ValidationError) as refused:
        services.add_risk(action, description=" ", likelihood=9, impact="x", user=people.editor)
    assert set(refused.value.message_dict) == {"description", "likelihood", "impact"}
    assert "from 1 (very low) to 5" in refused.value.message_dict["likelihood"][0]
    assert not Risk.objects.exists()


def test_another_organisation_may_not_add_a_risk(action: Any, people: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.add_risk(action, description="R", likelihood=1, impact=1, user=people.other_editor)
    assert not Risk.objects.exists()


def test_co_benefits_from_the_taxonomy_only(action: Any, people: Any) -> None:
    services.update_action(action, user=people.officer, co_benefits=["health", "fuel_poverty"])
    action.refresh_from_db()
    assert action.co_benefits == ["health", "fuel_poverty"]
    with pytest.raises(ValidationError) as refused:
        services.update_action(action, user=people.officer, co_benefits=["happiness"])
    assert "not happiness" in refused.value.message_dict["co_benefits"][0]
    action.refresh_from_db()
    assert action.co_benefits == ["health", "fuel_poverty"]


def test_powers_come_from_the_governance_register(
    action: Any, people: Any, plan: Any, register: None
) -> None:
    services.update_action(action, user=people.officer, powers_used=["building-control"])
    with pytest.raises(ValidationError) as refused:
        services.update_action(action, user=people.officer, powers_used=["martial-law"])
    assert "martial-law is not in it" in refused.value.message_dict["powers_used"][0]
    other = make_action(plan, people.charnwood, "B2", powers_used=["estates"])
    using = services.actions_using_power(people.place, "building-control")
    assert [a.reference for a in using] == ["B1"]
    assert [a.reference for a in services.actions_using_power(people.place, "estates")] == [
        other.reference
    ]
    assert not services.actions_using_power(people.rutland, "building-control").exists()
    page = Client().get(f"/places/{people.place.slug}/actions/{action.pk}/").content.decode()
    assert 'data-power="building-control"' in page


def test_the_action_form_offers_co_benefits_and_powers(
    action: Any, people: Any, register: None
) -> None:
    client = Client()
    client.force_login(people.officer)
    url = f"/places/{people.place.slug}/actions/{action.pk}/edit/"
    page = client.get(url).content.decode()
    assert 'value="fuel_poverty"' in page and 'value="local-nature-recovery"' in page
    form = {
        "plan": action.plan_id,
        "reference": "B1",
        "title": action.title,
        "theme": action.theme,
        "owner": action.owner_id,
        "status": action.status,
        "planned_start": "2024-01-01",
        "planned_end": "2026-12-31",
        "co_benefits": ["jobs", "air_quality"],
        "powers_used": ["estates"],
        "deliverability": "4",
    }
    assert client.post(url, form).status_code == 302
    action.refresh_from_db()
    assert (action.co_benefits, action.powers_used, action.deliverability) == (
        ["jobs", "air_quality"],
        ["estates"],
        4,
    )


def _linked(action: Any, by_year: dict[str, float], target: int = 2030) -> None:
    LeverLink.objects.create(
        action=action,
        lever="heat_pumps",
        unit="heat pumps",
        amount=100,
        start_year=2024,
        target_year=target,
        expected_by_year=by_year,
        expected_tco2e=by_year.get(str(target)),
    )


def test_priority_is_the_weighted_geometric_mean_of_the_three_factors(
    plan: Any, people: Any
) -> None:
    big = make_action(plan, people.county, "P1", deliverability=5, budget_gbp=Decimal(1000))
    small = make_action(plan, people.county, "P2", deliverability=2, budget_gbp=Decimal(1000))
    unscored = make_action(plan, people.county, "P3")
    _linked(big, {"2030": 100.0, "2031": 100.0})  # 200 t over the years: £5/t
    _linked(small, {"2030": 25.0, "2031": 25.0})  # 50 t: £20/t
    scores = services.priorities(people.place)
    assert scores[big.pk].score == pytest.approx(100.0)
    # impact 0.25, deliverability 0.4, cost 0.25, equal weights
    assert scores[small.pk].score == pytest.approx(100 * (0.25 * 0.4 * 0.25) ** (1 / 3))
    assert scores[small.pk].cost_per_tonne == pytest.approx(20.0)
    assert scores[unscored.pk].score is None
    assert "link the action to a pathway lever" in scores[unscored.pk].why_not
    # Only impact counts: the small action scores its share of the largest savings.
    weights = PriorityWeights(place=people.place, impact=1, deliverability=0, cost=0)
    assert services.priorities(people.place, weights)[small.pk].score == pytest.approx(25.0)
    weights = PriorityWeights(place=people.place, impact=2, deliverability=1, cost=0)
    expected = 100 * math.exp((2 * math.log(0.25) + math.log(0.4)) / 3)
    assert services.priorities(people.place, weights)[small.pk].score == pytest.approx(expected)


def test_officers_set_the_weights_with_history_others_are_refused(people: Any) -> None:
    assert services.priority_weights(people.place).pk is None  # defaults until set
    weights = services.set_priority_weights(
        people.place, impact=3, deliverability=1, cost="0.5", user=people.officer
    )
    assert (weights.impact, weights.deliverability, weights.cost) == (3, 1, 0.5)
    services.set_priority_weights(
        people.place, impact=2, deliverability=1, cost=0.5, user=people.officer
    )
    assert weights.history.count() == 2
    assert weights.history.first().history_user == people.officer
    for who in (people.editor, people.rutland_officer):
        with pytest.raises(PermissionDenied):
            services.set_priority_weights(
                people.place, impact=1, deliverability=1, cost=1, user=who
            )
    with pytest.raises(ValidationError) as refused:
        services.set_priority_weights(
            people.place, impact="nan", deliverability=11, cost=-1, user=people.officer
        )
    assert set(refused.value.message_dict) == {"impact", "deliverability", "cost"}
    with pytest.raises(ValidationError, match="at least one factor"):
        services.set_priority_weights(
            people.place, impact=0, deliverability=0, cost=0, user=people.officer
        )
    assert services.priority_weights(people.place).impact == 2


def test_the_weights_page_and_the_sortable_priority_column(plan: Any, people: Any) -> None:
    low = make_action(plan, people.county, "A1", deliverability=1, budget_gbp=Decimal(10))
    high = make_action(plan, people.county, "Z9", deliverability=5, budget_gbp=Decimal(10))
    _linked(low, {"2030": 10.0})
    _linked(high, {"2030": 10.0})
    make_action(plan, people.county, "M5")  # no priority: listed last
    client = Client()
    slug = people.place.slug
    listed = client.get(f"/places/{slug}/actions/all/?sort=priority").content.decode()
    assert listed.index("Z9 Action Z9") < listed.index("A1 Action A1") < listed.index("M5 Action")
    assert 'aria-sort="descending"' in listed
    by_reference = client.get(f"/places/{slug}/actions/all/").content.decode()
    assert by_reference.index("A1 Action") < by_reference.index("M5 Action")
    assert by_reference.index("M5 Action") < by_reference.index("Z9 Action")
    client.force_login(people.officer)
    refused = client.post(
        f"/places/{slug}/actions/priority/weights/",
        {"impact": "20", "deliverability": "1", "cost": "1"},
    )
    assert refused.status_code == 400
    assert "Error:" in refused.content.decode()
    saved = client.post(
        f"/places/{slug}/actions/priority/weights/",
        {"impact": "1", "deliverability": "0", "cost": "0"},
    )
    assert saved.status_code == 302
    page = client.get(f"/places/{slug}/actions/priority/").content.decode()
    assert "Changes to the weights" in page
    assert priority.LABELS["impact"] in page


def test_the_governance_power_page_lists_the_actions_using_it(
    action: Any, people: Any, register: None
) -> None:
    services.update_action(action, user=people.officer, powers_used=["estates"])
    page = Client().get(f"/places/{people.place.slug}/governance/powers/estates/")
    assert page.status_code == 200
    assert "B1" in page.content.decode()
