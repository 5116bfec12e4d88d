"""The tracker's services: validation at the edge, cycles refused, outputs in their unit,
everything recorded in the history, nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from placezero.tracker import graph, services
from placezero.tracker.models import Action, DeliveredOutput, Dependency, ProgressUpdate
from placezero.tracker.options import DependencyKind, Status, Theme

from .conftest import make_action

pytestmark = pytest.mark.django_db


def _fields(plan, owner, **extra):
    return {
        "plan": plan,
        "reference": "T9",
        "title": "Bus priority corridors",
        "theme": Theme.TRANSPORT,
        "owner": owner,
        "status": Status.NOT_STARTED,
        "planned_start": dt.date(2025, 1, 1),
        "planned_end": dt.date(2026, 1, 1),
        **extra,
    }


def test_an_officer_creates_an_action_and_its_history_names_them(people, plan):
    action = services.create_action(
        people.place, user=people.officer, **_fields(plan, people.charnwood)
    )
    record = action.history.get()
    assert record.history_type == "+"
    assert record.history_user == people.officer


def test_a_backwards_date_range_is_refused_with_the_dates(people, plan):
    fields = _fields(plan, people.county, planned_end=dt.date(2024, 6, 1))
    with pytest.raises(ValidationError) as refused:
        services.create_action(people.place, user=people.officer, **fields)
    message = refused.value.message_dict["planned_end"][0]
    assert "1 June 2024" in message and "before the planned start" in message
    assert not Action.objects.filter(reference="T9").exists()


def test_a_late_status_needs_its_reason(people, plan):
    with pytest.raises(ValidationError) as refused:
        services.create_action(
            people.place, user=people.officer, **_fields(plan, people.county, status=Status.LATE)
        )
    assert "status_reason" in refused.value.message_dict


def test_an_owner_of_another_place_is_refused(people, plan):
    from placezero.accounts.tests.factories import OrganisationFactory

    elsewhere = OrganisationFactory(place=people.rutland)
    with pytest.raises(ValidationError) as refused:
        services.create_action(people.place, user=people.admin, **_fields(plan, elsewhere))
    assert "not a partner organisation" in refused.value.message_dict["owner"][0]


def test_an_editor_creates_actions_only_for_their_own_organisation(people, plan):
    services.create_action(people.place, user=people.editor, **_fields(plan, people.county))
    with pytest.raises(PermissionDenied):
        services.create_action(
            people.place, user=people.editor, **_fields(plan, people.charnwood, reference="T10")
        )


def test_a_dependency_that_closes_a_cycle_is_refused_naming_it(people, plan):
    a, b, c = (make_action(plan, people.county, ref) for ref in ("A1", "A2", "A3"))
    services.add_dependency(a, other=b, kind=DependencyKind.NEEDS, user=people.officer)
    services.add_dependency(b, other=c, kind=DependencyKind.NEEDS, user=people.officer)
    with pytest.raises(ValidationError) as refused:
        # "A3 needs A1" closes A1 needs A2 needs A3.
        services.add_dependency(c, other=a, kind=DependencyKind.NEEDS, user=people.officer)
    message = refused.value.message_dict["other"][0]
    assert "cycle" in message and "A1" in message and "A3" in message
    # "A1 enables A3" is the same order read the other way round: also a cycle.
    with pytest.raises(ValidationError):
        services.add_dependency(a, other=c, kind=DependencyKind.ENABLES, user=people.officer)
    # A conflict has no order, so it never makes a cycle.
    services.add_dependency(c, other=a, kind=DependencyKind.CONFLICTS, user=people.officer)
    assert Dependency.objects.count() == 3


def test_holds_and_the_critical_path(people, plan):
    first = make_action(plan, people.county, "P1", status=Status.LATE, status_reason="Funding")
    then = make_action(
        plan,
        people.county,
        "P2",
        planned_start=dt.date(2027, 1, 1),
        planned_end=dt.date(2028, 1, 1),
    )
    services.add_dependency(then, other=first, kind=DependencyKind.NEEDS, user=people.officer)
    hold = graph.holds(people.place)[0]
    assert (hold.action, hold.because_of) == (then, first)
    assert "late" in hold.why
    assert graph.critical_path(people.place) == [first, then]


def test_outputs_must_be_in_the_levers_unit(people, action):
    services.link_lever(
        action, lever="domestic_heat_pumps", amount=400, target_year=2027, user=people.officer
    )
    with pytest.raises(ValidationError) as refused:
        services.post_update(
            action,
            user=people.member,
            as_of=dt.date(2025, 3, 31),
            status=Status.ON_TRACK,
            narrative="Installs going well.",
            outputs={"domestic_heat_pumps": (50, "homes retrofitted")},
        )
    assert (
        "counted in heat pumps added" in refused.value.message_dict["output_domestic_heat_pumps"][0]
    )
    assert not ProgressUpdate.objects.exists()
    with pytest.raises(ValidationError):
        services.post_update(
            action,
            user=people.member,
            as_of=dt.date(2025, 3, 31),
            status=Status.ON_TRACK,
            narrative="Solar too.",
            outputs={"rooftop_solar": (1, "MW added")},
        )


def test_an_update_records_outputs_and_moves_the_actual_trajectory(people, action):
    link = services.link_lever(
        action, lever="domestic_heat_pumps", amount=400, target_year=2027, user=people.officer
    )
    assert link.actual_by_year == {} and link.delivered == 0
    services.post_update(
        action,
        user=people.member,
        as_of=dt.date(2025, 3, 31),
        status=Status.ON_TRACK,
        narrative="120 heat pumps installed.",
        outputs={"domestic_heat_pumps": (120, "heat pumps added")},
    )
    link.refresh_from_db()
    assert link.delivered == 120
    assert DeliveredOutput.objects.get().amount == 120
    # 120 of the 400 delivered: the actual savings after 2025 are about 120/400 of those expected.
    ratio = link.actual_by_year["2030"] / link.expected_by_year["2030"]
    assert 0.25 < ratio < 0.35
    action.refresh_from_db()
    assert action.actual_start == dt.date(2025, 3, 31)
    assert action.history.first().history_user == people.member


def test_an_update_in_the_future_or_without_words_is_refused(people, action):
    with pytest.raises(ValidationError) as refused:
        services.post_update(
            action,
            user=people.officer,
            as_of=dt.date.today() + dt.timedelta(days=3),
            status=Status.ON_TRACK,
            narrative=" ",
        )
    assert set(refused.value.message_dict) == {"as_of", "narrative"}


def test_a_milestone_is_added_and_completed_with_history(people, action):
    milestone = services.add_milestone(
        action, title="Contract let", due=dt.date(2025, 1, 1), user=people.editor
    )
    services.complete_milestone(milestone, completed_on=dt.date(2025, 2, 1), user=people.member)
    assert [r.history_user for r in milestone.history.all()] == [people.member, people.editor]
