"""The shared history: a changed scenario shows its changes field by field (who, when,
before, after) on its history page; names only to the place's partners; the other tracked
records (organisations, memberships, targets) keep theirs; people themselves are not copied."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from placezero.accounts.models import Membership, Organisation, User
from placezero.accounts.options import OrganisationKind, Role
from placezero.accounts.tests.factories import UserFactory
from placezero.activity import services
from placezero.activity.history import EMPTY, SEPARATOR, is_tracked, revisions_of
from placezero.activity.templatetags.activity_history import history_of
from placezero.pathways import services as pathways
from placezero.places.models import Area, NetZeroTarget

LEVER = "domestic_heat_pumps"


def person(role: Role, place: Any, **names: str) -> Any:
    return UserFactory(role=role, place=place, **names)


@pytest.fixture
def scenario(leicestershire: Any) -> Any:
    _, definition = pathways.default_definition(leicestershire)
    return pathways.create_scenario(
        leicestershire,
        name="Draft plan",
        description="A draft.",
        definition=definition,
        user=person(Role.OFFICER, leicestershire),
    )


def history_page(place: Any, scenario: Any) -> str:
    return reverse(
        "pathways:scenario_history", kwargs={"place_slug": place.slug, "scenario_id": scenario.pk}
    )


def test_a_changed_scenario_shows_field_level_history(leicestershire, scenario) -> None:
    editor = person(Role.PARTNER_EDITOR, leicestershire, first_name="Eve", last_name="Editor")
    levers = scenario.definition["levers"]
    assert isinstance(levers[LEVER], dict)  # {"level": …} in the shipped definitions
    before = levers[LEVER]["level"]
    moved = {**levers, LEVER: {**levers[LEVER], "level": 2}}
    definition = {**scenario.definition, "levers": moved}
    pathways.update_levers(scenario, definition=definition, expected_version=1, user=editor)
    pathways.update_details(
        scenario, name="Final plan", description="A draft.", expected_version=2, user=editor
    )

    changes = services.changes_of(scenario)
    by_field = {c.field: c for c in changes}
    assert by_field["name"].label == "Name"
    assert (by_field["name"].before, by_field["name"].after) == ("Draft plan", "Final plan")
    assert by_field["version"].who == editor
    lever = by_field[f"definition.levers.{LEVER}.level"]
    assert (lever.before, lever.after) == (f"{before:g}", "2")
    assert lever.label == SEPARATOR.join(["Definition", "levers", LEVER, "level"])
    assert by_field["updated_by"].personal
    assert changes[0].when >= changes[-1].when  # newest first

    page = Client().get(history_page(leicestershire, scenario)).content.decode()
    assert "Field by field" in page
    assert 'data-field="name"' in page and "Final plan" in page
    assert f'data-field="definition.levers.{LEVER}.level"' in page
    assert "Eve Editor" not in page  # a visitor sees what changed, not who
    assert "Name not shown" in page

    officer = Client()
    officer.force_login(person(Role.OFFICER, leicestershire))
    assert "Eve Editor" in officer.get(history_page(leicestershire, scenario)).content.decode()


def test_the_request_names_who_changed_a_scenario(leicestershire, scenario) -> None:
    """The middleware records the signed-in person of the request in the history row."""
    assert "simple_history.middleware.HistoryRequestMiddleware" in settings.MIDDLEWARE
    officer = person(Role.OFFICER, leicestershire, first_name="Olive")
    client = Client()
    client.force_login(officer)
    details = reverse(
        "pathways:scenario_details",
        kwargs={"place_slug": leicestershire.slug, "scenario_id": scenario.pk},
    )
    answer = client.post(
        details, {"name": "Renamed", "description": "Now final.", "expected_version": 1}
    )
    assert answer.status_code == 302
    latest = revisions_of(scenario)[0]
    assert latest.who == officer
    assert {c.field for c in latest.changes} >= {"name", "description", "version"}


def test_the_scenario_that_lost_the_preferred_mark_shows_it(leicestershire, scenario) -> None:
    officer = person(Role.OFFICER, leicestershire)
    other = pathways.create_scenario(
        leicestershire,
        name="Other plan",
        description="",
        definition=scenario.definition,
        user=officer,
    )
    pathways.set_preferred(scenario, user=officer)
    pathways.set_preferred(other, user=officer)
    lost = next(c for c in services.changes_of(scenario) if c.field == "is_preferred")
    assert (lost.before, lost.after) == ("Yes", "No")


def test_organisations_memberships_and_targets_keep_their_history(leicestershire) -> None:
    organisation = Organisation.objects.create(
        place=leicestershire, name="Test Energy Co-op", kind=OrganisationKind.COMMUNITY_ENERGY
    )
    organisation.website = "https://example.org/"
    organisation.save()
    change = services.changes_of(organisation)[0]
    assert (change.label, change.before, change.after) == ("Website", EMPTY, "https://example.org/")

    member = UserFactory(role=Role.PARTNER_EDITOR)
    membership = Membership.objects.create(user=member, organisation=organisation)
    membership.is_editor = True
    membership.save()
    assert [(c.field, c.before, c.after) for c in services.changes_of(membership)] == [
        ("is_editor", "No", "Yes")
    ]

    area = Area.objects.filter(place=leicestershire, targets__isnull=True).first()
    scopes = [value for value, _ in NetZeroTarget._meta.get_field("scope").choices]
    target = NetZeroTarget.objects.create(place=leicestershire, area=area, scope=scopes[0])
    target.scope = scopes[1]
    target.save()
    scope = services.changes_of(target)[0]
    assert scope.label == "Scope" and scope.after == target.get_scope_display()
    revisions = revisions_of(organisation)
    assert [r.action for r in revisions] == ["Changed", "Created"]
    organisation_pk = organisation.pk
    organisation.delete()
    assert revisions_of(Organisation(pk=organisation_pk))[0].action == "Deleted"


def test_people_themselves_are_not_copied_into_history() -> None:
    """No history table holds password hashes or email addresses: User is not tracked, and
    a membership's history keeps only the link to the person."""
    assert not is_tracked(User())
    historical = Membership.history.model
    names = {f.name for f in historical._meta.get_fields()}
    assert not names & {"password", "email", "first_name", "last_name"}
    assert services.changes_of(None) == []


def test_a_record_older_than_its_history_says_so(leicestershire) -> None:
    """A row made before history was tracked (or in bulk) has no first record: its first
    save is shown as where history starts, not as a change from nothing."""
    Organisation.objects.bulk_create(
        [Organisation(place=leicestershire, name="Older Co-op", kind=OrganisationKind.BUSINESS)]
    )
    organisation = Organisation.objects.get(name="Older Co-op")
    organisation.save()
    organisation.website = "https://older.example.org/"
    organisation.save()
    newest, oldest = revisions_of(organisation)
    assert oldest.first_known and oldest.changes == ()
    assert not newest.first_known and [c.field for c in newest.changes] == ["website"]
    # The newest alone (a page showing one) still diffs against the one before it.
    [only] = revisions_of(organisation, limit=1)
    assert [c.field for c in only.changes] == ["website"]
    shown = history_of({"request": None}, organisation, limit=1)
    assert shown["total"] == 2 and len(shown["revisions"]) == 1
