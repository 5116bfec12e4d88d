"""Officers change the partnership in the browser: bodies (terms of reference versioned),
seats with their terms, and routing rules. Bad input is refused with the field's message in
the GOV.UK error summary, nothing written; every change is in the shared history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.governance import services
from placezero.governance.models import Body, BodyMember, RoutingRule
from placezero.governance.options import BodyKind, MemberRole, Route

from .factories import TERM_START, seat


def details(**changes: Any) -> services.BodyDetails:
    values = {
        "name": "Heat networks task group",
        "kind": BodyKind.TASK_AND_FINISH,
        "mandate": "Scope two heat network zones.",
        "quorum": 2,
        "terms_of_reference": "Meets monthly until March 2027.",
    }
    return services.BodyDetails(**(values | changes))


def url(name: str, place: Any, **kwargs: Any) -> str:
    return reverse(f"governance:{name}", kwargs={"place_slug": place.slug, **kwargs})


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_new_body_reports_to_its_parent_with_terms_version_1(bodies: dict, officer: Any) -> None:
    board = bodies["buildings-energy"]
    body = services.create_body(board.place, details(parent=board), user=officer)
    assert (body.slug, body.parent, body.terms_version) == ("heat-networks-task-group", board, 1)
    assert body.history.get().history_user == officer


def test_new_terms_of_reference_are_the_next_version_and_the_old_stay(
    bodies: dict, officer: Any
) -> None:
    body = services.create_body(bodies["pact"].place, details(), user=officer)
    services.update_body(body, details(terms_of_reference="Meets fortnightly."), user=officer)
    services.update_body(
        body, details(terms_of_reference="Meets fortnightly.", quorum=3), user=officer
    )
    body.refresh_from_db()
    assert (body.terms_version, body.quorum) == (2, 3)
    versions = services.terms_versions(body)
    assert [(v["version"], v["text"]) for v in versions] == [
        (2, "Meets fortnightly."),
        (1, "Meets monthly until March 2027."),
    ]
    assert body.history.count() == 3


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": " "}, "name", "Enter the body's name"),
        ({"name": "Net Zero Partnership Board"}, "name", "already has a body called"),
        ({"quorum": 0}, "quorum", "1 or more"),
        ({"mandate": ""}, "mandate", "Say what the body is for"),
        ({"kind": "council"}, "kind", "Choose the kind"),
        ({"kind": BodyKind.PACT}, "kind", "already has its Pact"),
    ],
)
def test_bad_body_details_are_refused_and_nothing_is_written(
    bodies: dict, officer: Any, changes: dict, field: str, message: str
) -> None:
    place = bodies["pact"].place
    before = Body.objects.count()
    with pytest.raises(services.GovernanceRefusal, match=message) as refusal:
        services.create_body(place, details(**changes), user=officer)
    assert refusal.value.field == field
    assert Body.objects.count() == before


def test_a_body_cannot_report_to_one_below_it(bodies: dict, officer: Any) -> None:
    board, group = bodies["partnership-board"], bodies["buildings-energy"]
    facts = details(name=board.name, kind=board.kind, mandate=board.mandate, parent=group)
    with pytest.raises(services.GovernanceRefusal, match="cannot report to it"):
        services.update_body(board, facts, user=officer)
    board.refresh_from_db()
    assert board.parent is None


def test_a_body_cannot_report_to_another_place_s_body(
    bodies: dict, officer: Any, rutland: Any
) -> None:
    stranger = Body.objects.create(place=rutland, slug="board", name="Rutland board", kind="board")
    with pytest.raises(services.GovernanceRefusal, match="Choose a body of"):
        services.create_body(bodies["pact"].place, details(parent=stranger), user=officer)


def test_the_body_form_shows_the_error_summary_and_writes_nothing(
    bodies: dict, officer: Any
) -> None:
    place = bodies["pact"].place
    before = Body.objects.count()
    response = signed_in(officer).post(
        url("body_new", place),
        {"name": "Net Zero Partnership Board", "kind": "board", "quorum": "2", "mandate": "Again"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html and "already has a body called" in html
    assert "<title>Error:" in html
    assert Body.objects.count() == before


def test_an_officer_changes_a_body_in_the_browser_and_sees_its_history(
    bodies: dict, officer: Any
) -> None:
    group = bodies["transport"]
    client = signed_in(officer)
    response = client.post(
        url("body_edit", group.place, body_slug=group.slug),
        {
            "name": "Transport and travel working group",
            "kind": "working_group",
            "parent": str(bodies["partnership-board"].pk),
            "quorum": "3",
            "mandate": group.mandate,
            "terms_of_reference": "New terms agreed in November.",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Transport and travel working group" in page
    assert "Terms of reference (version 2)" in page
    assert "Earlier versions of the terms of reference" in page
    assert "History of changes" in page


def test_a_seat_s_term_ending_before_it_starts_is_refused_on_the_page(
    bodies: dict, officer: Any
) -> None:
    member = seat(bodies["partnership-board"])
    response = signed_in(officer).post(
        url("member_edit", member.body.place, body_slug=member.body.slug, seat_id=member.pk),
        {"role": "member", "term_start": "2026-04-01", "term_end": "2025-03-31"},
    )
    assert response.status_code == 400
    assert "before it starts" in response.content.decode()
    member.refresh_from_db()
    assert (member.term_start, member.term_end) == (TERM_START, None)


def test_an_officer_ends_a_term_and_the_history_keeps_who_and_when(
    bodies: dict, officer: Any
) -> None:
    member = seat(bodies["partnership-board"])
    services.update_member(
        member,
        user=officer,
        role=MemberRole.OBSERVER,
        term_start=TERM_START,
        term_end=date(2026, 3, 31),
        interests="Director of a solar co-operative",
    )
    member.refresh_from_db()
    assert (member.role, member.term_end) == (MemberRole.OBSERVER, date(2026, 3, 31))
    latest = member.history.first()
    assert (latest.history_user, latest.term_end) == (officer, date(2026, 3, 31))


def test_two_seats_of_one_person_may_not_overlap(bodies: dict, officer: Any) -> None:
    first = seat(bodies["partnership-board"])
    first.term_end = date(2025, 3, 31)
    first.save()
    second = BodyMember.objects.create(
        body=first.body,
        user=first.user,
        organisation=first.organisation,
        term_start=date(2025, 4, 1),
    )
    with pytest.raises(services.GovernanceRefusal, match="would overlap"):
        services.update_member(
            second, user=officer, role="member", term_start=date(2025, 1, 1), term_end=None
        )


def rule(**changes: Any) -> services.RuleDetails:
    return services.RuleDetails(**({"route": Route.FAST_TRACK, "approvals_needed": 2,
                                     "time_limit_days": 7} | changes))  # fmt: skip


def test_a_new_rule_routes_the_decisions_it_covers(bodies: dict, officer: Any) -> None:
    group = bodies["community-energy"]
    created = services.create_rule(
        group.place,
        rule(body=group, route=Route.STANDARD, max_cost_gbp=Decimal(10000), time_limit_days=14),
        user=officer,
    )
    assert created.history.get().history_user == officer
    assert created in services.rules_of(group.place)
    services.update_rule(
        created,
        rule(body=group, route=Route.STANDARD, max_cost_gbp=Decimal(20000), time_limit_days=21),
        user=officer,
    )
    created.refresh_from_db()
    assert (created.max_cost_gbp, created.time_limit_days) == (Decimal(20000), 21)
    assert created.history.count() == 2


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"max_cost_gbp": Decimal(-1)}, "max_cost_gbp", "cannot be negative"),
        ({"approvals_needed": 0}, "approvals_needed", "at least 1 approval"),
        ({"time_limit_days": 0}, "time_limit_days", "1 or more"),
        ({"max_cost_gbp": Decimal(50000)}, "max_cost_gbp", "already has a fast-track route rule"),
        ({"escalate_to": "self"}, "escalate_to", "cannot escalate to"),
        ({"body": "pact"}, "body", "do not take decisions"),
    ],
)
def test_bad_rules_are_refused_and_nothing_is_written(
    bodies: dict, officer: Any, changes: dict, field: str, message: str
) -> None:
    group = bodies["buildings-energy"]
    if changes.get("escalate_to") == "self":
        changes["escalate_to"] = group
    if changes.get("body") == "pact":
        changes["body"] = bodies["pact"]
    before = RoutingRule.objects.count()
    with pytest.raises(services.GovernanceRefusal, match=message) as refusal:
        services.create_rule(group.place, rule(**({"body": group} | changes)), user=officer)
    assert refusal.value.field == field
    assert RoutingRule.objects.count() == before


def test_the_rule_form_refuses_a_negative_threshold_with_the_summary(
    bodies: dict, officer: Any
) -> None:
    place = bodies["pact"].place
    response = signed_in(officer).post(
        url("rule_new", place),
        {
            "body": str(bodies["transport"].pk),
            "route": "standard",
            "max_cost_gbp": "-5",
            "approvals_needed": "2",
            "time_limit_days": "10",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "govuk-error-summary" in html and "cannot be negative" in html


def test_the_rules_page_lists_thresholds_and_links_to_change_them(
    bodies: dict, officer: Any
) -> None:
    place = bodies["pact"].place
    public = Client().get(url("rules", place)).content.decode()
    assert "250,000" in public and "Change<span" not in public
    mine = signed_in(officer).get(url("rules", place)).content.decode()
    assert "Change<span" in mine and "Add a routing rule" in mine


def test_an_officer_of_another_place_may_not_change_this_partnership(
    bodies: dict, rutland: Any
) -> None:
    stranger = UserFactory(role=Role.OFFICER, place=rutland)
    group = bodies["transport"]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.update_body(group, details(name="Ours"), user=stranger)
    with pytest.raises(PermissionDenied):
        services.create_rule(group.place, rule(body=group), user=stranger)
    with pytest.raises(PermissionDenied):
        services.update_member(
            seat(group), user=stranger, role="member", term_start=TERM_START, term_end=None
        )
