"""Expected impact from the engine (with minus without the action's contribution), stored as a
snapshot; bad links refused; the dashboard and the published progress follow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from placezero.pathways import services as pathways
from placezero.publishing import services as publishing
from placezero.tracker import announce, dashboard, services
from placezero.tracker.options import Status

pytestmark = pytest.mark.django_db


def test_expected_impact_is_the_engines_difference_for_the_district(people, action):
    charnwood = people.place.areas.get(code="E07000130")
    action.area = charnwood
    action.save()
    link = services.link_lever(
        action, lever="domestic_heat_pumps", amount=4000, target_year=2028, user=people.officer
    )
    by_year = pathways.contribution_impact(
        people.place, "domestic_heat_pumps", {"E07000130": {2024: 0.0, 2028: 4000.0}}
    )
    assert link.expected_tco2e == pytest.approx(by_year[2028], abs=0.1)
    assert link.expected_by_year["2023"] == 0
    # Thousands of heat pumps replacing gas boilers save thousands of tonnes a year.
    assert 2_000 < link.expected_tco2e < 20_000
    assert people.place.pack_digest[:12] in link.computed_with
    assert link.unit == "heat pumps added"


def test_a_place_wide_action_spreads_over_the_districts(people, action):
    place_wide = services.link_lever(
        action, lever="domestic_heat_pumps", amount=4000, target_year=2028, user=people.officer
    )
    shares = pathways.district_shares(people.place)
    assert sum(shares.values()) == pytest.approx(1.0)
    # Spread or not, 4,000 heat pumps save about the same.
    assert place_wide.expected_tco2e == pytest.approx(
        pathways.contribution_impact(
            people.place, "domestic_heat_pumps", {"E07000130": {2024: 0.0, 2028: 4000.0}}
        )[2028],
        rel=0.25,
    )


@pytest.mark.parametrize(
    ("lever", "amount", "target", "field"),
    [
        ("no_such_lever", 10, 2028, "lever"),
        ("domestic_heat_pumps", -5, 2028, "amount"),
        ("domestic_retrofit", 1.5, 2028, "amount"),  # a share above 1
        ("domestic_heat_pumps", 100, 2019, "target_year"),  # before the start year
    ],
)
def test_a_bad_link_is_refused_naming_the_field(people, action, lever, amount, target, field):
    with pytest.raises(ValidationError) as refused:
        services.link_lever(
            action, lever=lever, amount=amount, target_year=target, user=people.officer
        )
    assert field in refused.value.message_dict
    assert not action.lever_links.exists()


def test_the_dashboard_counts_and_sums(people, action):
    services.link_lever(
        action, lever="domestic_heat_pumps", amount=1000, target_year=2027, user=people.officer
    )
    result = dashboard.summary(people.place)
    assert result.total == 1 and result.by_status[Status.ON_TRACK] == 1
    # Never updated: stale; planned to end after today: not overdue until it is past its end.
    assert (result.overdue, result.stale) == (0, 1)
    action.planned_end = dt.date(2025, 6, 30)
    action.save()
    assert dashboard.summary(people.place).overdue == 1
    assert result.expected["2030"] > 0 and result.actual.get("2030", 0) == 0
    assert result.needed["2030"] > result.expected["2030"]
    tables = dashboard.tables(result)
    theme_row = tables["actions-by-theme"].rows[0]
    assert theme_row["theme"] == "Buildings and energy" and theme_row["total"] == 1


def test_the_progress_summary_is_published_after_the_change_commits(
    people, plan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.create_action(
            people.place,
            user=people.officer,
            plan=plan,
            reference="C1",
            title="Parish net zero toolkit",
            theme="communities",
            owner=people.county,
            status="on_track",
            planned_start=dt.date(2024, 1, 1),
            planned_end=dt.date(2025, 1, 1),
        )
        services.add_milestone(
            services.actions_of(people.place).get(reference="C1"),
            title="Toolkit launched",
            due=dt.date(2024, 6, 1),
            user=people.officer,
        )
    assert len(callbacks) == 1
    (output,) = publishing.outputs(place=people.place, kind=announce.PROGRESS)
    assert "1 action across 1 theme" in output.summary


def test_an_overdue_milestone_reminds_its_lead_officer_once(people, action, mailoutbox):
    from placezero.activity.models import Notification
    from placezero.jobs import registered_periodic

    action.lead_officer = people.editor
    action.save()
    services.add_milestone(
        action, title="Contract let", due=dt.date(2025, 1, 1), user=people.officer
    )
    services.add_milestone(action, title="Later", due=dt.date(2099, 1, 1), user=people.officer)
    remind = registered_periodic()["tracker.overdue_milestones"].run
    assert remind() == "1 overdue-milestone reminders sent."
    assert remind() == "0 overdue-milestone reminders sent."  # once per due date
    (notice,) = Notification.objects.filter(recipient=people.editor)
    assert notice.kind == announce.MILESTONE_OVERDUE and "Contract let" in notice.title
    assert notice.url.endswith(f"/actions/{action.pk}/")
