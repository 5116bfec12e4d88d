"""The permission registry and its rule helpers (accounts.permissions)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import AnonymousUser

from placezero.accounts import permissions
from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    UnknownPermission,
    Verdict,
    all_of,
    any_of,
    check,
    editor_of,
    has,
    member_of,
    minimum_role,
    register,
    signed_in,
)

from .factories import MembershipFactory, OrganisationFactory, UserFactory


class Record:
    """Something that belongs to an organisation, as a rule sees it."""

    def __init__(self, organisation: object | None) -> None:
        self.organisation = organisation


@pytest.fixture
def temporary() -> Iterator[list[str]]:
    """Names registered during a test, removed afterwards so the matrix stays exact."""
    names: list[str] = []
    yield names
    for name in names:
        permissions.unregister(name)


def test_checking_an_unknown_permission_raises() -> None:
    with pytest.raises(UnknownPermission, match=r"places\.edit_targest"):
        check(AnonymousUser(), "places.edit_targest")


def test_has_perm_with_an_unknown_placezero_permission_raises() -> None:
    with pytest.raises(UnknownPermission):
        AnonymousUser().has_perm("placezero:nothing.like_this")


def test_registering_a_malformed_name_raises() -> None:
    with pytest.raises(UnknownPermission, match=r"app_label\.action"):
        register("Edit targets", signed_in())


def test_registering_for_an_app_that_is_not_installed_raises() -> None:
    with pytest.raises(UnknownPermission, match="names no installed app 'place'"):
        register("place.edit_targets", signed_in())


def test_registering_a_name_twice_raises() -> None:
    with pytest.raises(UnknownPermission, match="already registered"):
        register("places.edit_targets", signed_in())


def test_a_verdict_is_truthy_only_when_allowed() -> None:
    assert Verdict(True, "yes") and not Verdict(False, "no")


@pytest.mark.django_db
def test_minimum_role_refusal_names_the_roles_and_the_users_role() -> None:
    verdict = minimum_role(Role.OFFICER)(UserFactory(role=Role.MEMBER), None)
    assert not verdict.allowed
    assert "Only officers and administrators" in verdict.reason
    assert "Yours is an organisation member account" in verdict.reason


def test_minimum_role_asks_the_public_to_sign_in() -> None:
    verdict = minimum_role(Role.RESIDENT)(AnonymousUser(), None)
    assert "sign in" in verdict.reason


@pytest.mark.django_db
def test_an_inactive_administrator_counts_as_the_public() -> None:
    user = UserFactory(role=Role.ADMINISTRATOR, is_active=False)
    assert not minimum_role(Role.RESIDENT)(user, None).allowed


@pytest.mark.django_db
def test_member_of_allows_a_member_of_the_records_organisation() -> None:
    membership = MembershipFactory()
    assert member_of()(membership.user, Record(membership.organisation)).allowed


@pytest.mark.django_db
def test_member_of_refuses_a_member_of_another_organisation() -> None:
    membership = MembershipFactory()
    other = OrganisationFactory(name="Another Co-op")
    verdict = member_of()(membership.user, Record(other))
    assert not verdict.allowed
    assert "Only members of Another Co-op" in verdict.reason


@pytest.mark.django_db
def test_member_of_refuses_a_record_without_an_organisation() -> None:
    assert not member_of()(MembershipFactory().user, Record(None)).allowed


@pytest.mark.django_db
def test_editor_of_refuses_a_member_who_is_not_an_editor() -> None:
    membership = MembershipFactory(is_editor=False)
    assert not editor_of()(membership.user, Record(membership.organisation)).allowed


@pytest.mark.django_db
def test_editor_of_allows_an_editor() -> None:
    membership = MembershipFactory(is_editor=True)
    assert editor_of()(membership.user, Record(membership.organisation)).allowed


@pytest.mark.django_db
def test_any_of_allows_when_one_rule_allows() -> None:
    membership = MembershipFactory()
    rule = any_of(minimum_role(Role.OFFICER), member_of())
    assert rule(membership.user, Record(membership.organisation)).allowed


@pytest.mark.django_db
def test_all_of_refuses_with_the_first_refusal() -> None:
    membership = MembershipFactory(user__role=Role.MEMBER)
    rule = all_of(member_of(), minimum_role(Role.OFFICER))
    verdict = rule(membership.user, Record(membership.organisation))
    assert not verdict.allowed and "Only officers" in verdict.reason


@pytest.mark.django_db
def test_object_rules_reach_django_has_perm(temporary: list[str]) -> None:
    register("accounts.test_edit_record", editor_of(), "test only")
    temporary.append("accounts.test_edit_record")
    membership = MembershipFactory(is_editor=True)
    record = Record(membership.organisation)
    assert membership.user.has_perm("placezero:accounts.test_edit_record", record)


@pytest.mark.django_db
def test_a_superuser_gets_no_placezero_permission_its_rule_refuses(temporary: list[str]) -> None:
    """Django lets superusers do anything; placezero permissions answer by their rule."""
    register("accounts.test_members_only", member_of(), "test only")
    temporary.append("accounts.test_members_only")
    admin = UserFactory(role=Role.ADMINISTRATOR)
    assert not admin.has_perm("placezero:accounts.test_members_only", Record(None))


@pytest.mark.django_db
def test_has_agrees_with_check() -> None:
    user = UserFactory(role=Role.OFFICER)
    assert has(user, "places.edit_targets") is check(user, "places.edit_targets").allowed
