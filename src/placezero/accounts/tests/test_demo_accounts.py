"""`manage.py create_demo_accounts` (accounts.demo)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client

from placezero.accounts.demo import DEMO_PASSWORD_ENV, DEMO_PEOPLE, ORGANISATIONS
from placezero.accounts.models import Membership, Organisation, User
from placezero.accounts.options import Role
from placezero.accounts.permissions import belongs_to, check
from placezero.places.models import Place

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("create_demo_accounts", *args, stdout=out)
    return out.getvalue()


def test_a_demo_account_for_every_role() -> None:
    run()
    roles = set(User.objects.filter(is_demo=True).values_list("role", flat=True))
    assert roles == set(Role.values)


def test_the_table_prints_each_username_with_its_password() -> None:
    output = run()
    for person in DEMO_PEOPLE:
        assert any(
            line.split()[0] == person.username and person.default_password in line
            for line in output.splitlines()
            if line.strip()
        )


def test_the_printed_password_signs_in() -> None:
    run()
    person = DEMO_PEOPLE[0]
    assert Client().login(username=person.username, password=person.default_password)


def test_the_password_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DEMO_PASSWORD_ENV, "shared-demo-secret-7")
    run()
    assert Client().login(username="officer", password="shared-demo-secret-7")


def test_running_twice_changes_nothing() -> None:
    run()
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count())
    run()
    assert (User.objects.count(), Organisation.objects.count(), Membership.objects.count()) == (
        counts
    )


def test_every_partnership_organisation_exists_and_is_real() -> None:
    run()
    names = set(Organisation.objects.filter(is_demo=False).values_list("name", flat=True))
    assert {row[0] for row in ORGANISATIONS} <= names
    assert len(ORGANISATIONS) == 20  # county, 7 districts, city and 11 partners


def test_councils_carry_their_gss_codes() -> None:
    run()
    assert Organisation.objects.get(name="Melton Borough Council").area_code == "E07000133"


def test_demo_memberships_are_marked_demo() -> None:
    run()
    assert Membership.objects.filter(user__is_demo=True).exclude(is_demo=True).count() == 0
    assert Membership.objects.filter(user__is_demo=True).exists()


def test_organisations_attach_to_the_default_place() -> None:
    place, _ = Place.objects.get_or_create(
        slug=settings.PLACEZERO_DEFAULT_PLACE, defaults={"name": "Leicestershire"}
    )
    run()
    assert Organisation.objects.get(name="Leicestershire County Council").place == place


def test_without_a_place_organisations_are_still_created() -> None:
    Place.objects.filter(slug=settings.PLACEZERO_DEFAULT_PLACE).delete()
    output = run()
    partnership = Organisation.objects.filter(name__in=[row[0] for row in ORGANISATIONS])
    assert partnership.filter(place__isnull=True).count() == len(ORGANISATIONS)
    assert "no place loaded" in output


def test_a_real_account_with_a_demo_name_is_left_alone() -> None:
    UserFactory(username="officer", role=Role.RESIDENT)
    with pytest.raises(CommandError, match="real account called 'officer'"):
        run()
    assert not User.objects.filter(is_demo=True).exists()  # all or nothing


def test_an_unknown_place_is_explained() -> None:
    with pytest.raises(CommandError, match="placezero place load nowhere"):
        run("--place", "nowhere")


def _places() -> tuple[Place, Place]:
    leicestershire, _ = Place.objects.get_or_create(
        slug=settings.PLACEZERO_DEFAULT_PLACE, defaults={"name": "Leicestershire"}
    )
    rutland, _ = Place.objects.get_or_create(slug="rutland", defaults={"name": "Rutland"})
    return leicestershire, rutland


def test_the_demo_editor_and_officer_belong_to_the_default_place() -> None:
    """Rule: the demo's editor and officer may change the default place's plan."""
    leicestershire, rutland = _places()
    run()
    for username in ("editor", "officer"):
        user = User.objects.get(username=username)
        assert belongs_to(user, leicestershire) and not belongs_to(user, rutland)
    assert check(User.objects.get(username="editor"), "pathways.edit_scenarios", leicestershire)


def test_the_rutland_officer_is_refused_in_leicestershire_with_the_reason() -> None:
    leicestershire, rutland = _places()
    run()
    officer = User.objects.get(username="rutland-officer")
    assert Organisation.objects.get(name="Rutland County Council").place == rutland
    assert check(officer, "pathways.set_preferred", rutland)
    refused = check(officer, "pathways.set_preferred", leicestershire)
    assert not refused and "You are an officer of Rutland." in refused.reason


def test_without_rutland_loaded_its_council_has_no_place() -> None:
    run()
    assert Organisation.objects.get(name="Rutland County Council").place is None
