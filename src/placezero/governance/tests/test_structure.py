"""The partnership's members: terms that make sense, seats for a person's own organisation,
one seat at a time; refused with a clear message and nothing written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from placezero.governance import services
from placezero.governance.models import BodyMember
from placezero.governance.options import MemberRole

from .factories import TERM_START


@pytest.fixture
def person(leicestershire: Any) -> Any:
    person = UserFactory(role=Role.MEMBER)
    MembershipFactory(user=person, organisation=OrganisationFactory(place=leicestershire))
    return person


def add(body: Any, user: Any, person: Any, **changes: Any) -> BodyMember:
    values = {
        "person": person,
        "organisation": person.memberships.get().organisation,
        "role": MemberRole.MEMBER,
        "term_start": date(2025, 4, 1),
        "term_end": date(2027, 3, 31),
    }
    return services.add_member(body, user=user, **(values | changes))


def test_a_term_ending_before_it_starts_is_refused(bodies: dict, officer: Any, person: Any) -> None:
    with pytest.raises(services.GovernanceRefusal) as refused:
        add(bodies["partnership-board"], officer, person, term_end=date(2025, 3, 31))
    assert refused.value.field == "term_end"
    assert "The term ends on 31 March 2025, before it starts on 1 April 2025" in str(refused.value)
    assert not BodyMember.objects.exists()


def test_the_database_refuses_such_a_term_too(bodies: dict, person: Any) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        BodyMember.objects.create(
            body=bodies["transport"],
            user=person,
            organisation=person.memberships.get().organisation,
            term_start=date(2025, 4, 1),
            term_end=date(2024, 4, 1),
        )


def test_the_member_page_refuses_it_with_the_message(
    bodies: dict, officer: Any, person: Any
) -> None:
    client = Client()
    client.force_login(officer)
    response = client.post(
        f"/places/{bodies['transport'].place.slug}/governance/bodies/transport/members/new/",
        {
            "person": person.pk,
            "organisation": person.memberships.get().organisation.pk,
            "role": MemberRole.MEMBER,
            "term_start": "2025-04-01",
            "term_end": "2025-01-01",
        },
    )
    assert response.status_code == 400
    assert "before it starts on 1 April 2025" in response.content.decode()
    assert not BodyMember.objects.exists()


def test_a_seat_is_for_the_person_s_own_organisation(
    bodies: dict, officer: Any, person: Any, leicestershire: Any
) -> None:
    other = OrganisationFactory(place=leicestershire, name="Somebody Else Ltd")
    with pytest.raises(services.GovernanceRefusal, match="is not a member of Somebody Else Ltd"):
        add(bodies["transport"], officer, person, organisation=other)


def test_one_seat_on_a_body_at_a_time(bodies: dict, officer: Any, person: Any) -> None:
    add(bodies["transport"], officer, person)
    with pytest.raises(services.GovernanceRefusal, match="already has a seat"):
        add(bodies["transport"], officer, person, term_start=date(2026, 1, 1))
    assert BodyMember.objects.count() == 1


def test_sitting_members_are_those_whose_term_includes_the_day(
    bodies: dict, officer: Any, person: Any
) -> None:
    seat = add(bodies["transport"], officer, person)
    assert list(bodies["transport"].sitting_members(date(2026, 1, 1))) == [seat]
    assert not bodies["transport"].sitting_members(date(2027, 4, 1)).exists()
    assert not bodies["transport"].sitting_members(TERM_START).exists()


def test_a_power_is_exercised_only_by_bodies_of_its_place(
    bodies: dict, officer: Any, rutland: Any, administrator: Any
) -> None:
    services.install_structure(rutland, services.starting_template("unitary"))
    power = services.powers_of(bodies["transport"].place).get(key="local-transport-plan")
    theirs = services.body_of(rutland, "transport")
    with pytest.raises(services.GovernanceRefusal, match="bodies of Leicestershire's"):
        services.update_power(power, user=officer, exercised_by=[theirs], delegation="")
    assert set(power.exercised_by.values_list("slug", flat=True)) == {
        "partnership-board",
        "transport",
    }


def test_an_officer_rewords_a_principle_and_the_history_keeps_the_old_words(
    bodies: dict, officer: Any, leicestershire: Any
) -> None:
    principle = services.principles_of(leicestershire).get(order=1)
    old = principle.name
    services.update_principle(
        principle,
        user=officer,
        name="Working as one",
        wording="We act together.",
        indicators=" Pact signatories \n\n Board attendance ",
    )
    principle.refresh_from_db()
    assert principle.indicator_list() == ["Pact signatories", "Board attendance"]
    assert [h.name for h in principle.history.order_by("history_date")] == [old, "Working as one"]
    assert principle.history.first().history_user == officer
    with pytest.raises(services.GovernanceRefusal, match="Enter the principle's name"):
        services.update_principle(principle, user=officer, name=" ", wording="x", indicators="")


def test_a_meeting_counts_only_members_sitting_on_its_day(
    bodies: dict, officer: Any, board_seats: list
) -> None:
    board = bodies["partnership-board"]
    before_terms = TERM_START.replace(year=TERM_START.year - 1)
    with pytest.raises(services.GovernanceRefusal, match="did not sit on Net zero partnership"):
        services.record_meeting(
            board,
            user=officer,
            held_on=before_terms,
            agenda="Welcome",
            attendees=board_seats[:1],
        )
    assert not board.meetings.exists()
    services.record_meeting(
        board,
        user=officer,
        held_on=date(2026, 6, 1),
        agenda="Welcome\nBudget",
        papers="Budget paper https://example.org/budget.pdf\nVerbal update",
        attendees=board_seats[:3],
    )
    meeting = board.meetings.get()
    assert meeting.agenda_items() == ["Welcome", "Budget"]
    assert meeting.paper_links() == [
        ("Budget paper", "https://example.org/budget.pdf"),
        ("Verbal update", ""),
    ]
    assert services.attendance(board.place) == (3, 4)  # four voting seats, three came
    attendance = next(i for i in services.indicators(board.place) if i.name.startswith("Attend"))
    assert attendance.value == "75% (3 of 4 seats)"


def test_who_exercises_a_power_is_in_its_history(bodies: dict, officer: Any) -> None:
    from placezero.activity import services as activity

    power = services.powers_of(bodies["transport"].place).get(key="local-transport-plan")
    services.update_power(
        power, user=officer, exercised_by=[bodies["partnership-board"]], delegation="By agreement"
    )
    newest = next(c for c in activity.changes_of(power) if c.label == "Exercised by")
    assert (newest.before, newest.after) == (
        "Net zero partnership board, Transport working group",
        "Net zero partnership board",
    )
