"""Test data for people and organisations; other apps import these.

UserFactory(role=Role.OFFICER)  # any role; password TEST_PASSWORD
UserFactory(role=Role.OFFICER, place=leicestershire)  # an officer *of* Leicestershire
MembershipFactory(user=u, organisation=o, is_editor=True)

A role counts only in the places a person belongs to (accounts.standing): give `place=` to
make the person a member of an organisation of that place.
"""

from __future__ import annotations

import factory

from placezero.accounts.models import Membership, Organisation, User
from placezero.accounts.options import OrganisationKind, Role

TEST_PASSWORD = "a-test-password-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    role = Role.RESIDENT
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def saved(obj: User, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            obj.save()

    @factory.post_generation
    def place(obj: User, create: bool, extracted: object, **kwargs: object) -> None:
        """`place=`: a membership of a (made-up) organisation of that place; partner editors
        and officers edit on its behalf."""
        if create and extracted is not None:
            organisation = OrganisationFactory(place=extracted)
            editing = obj.role in (Role.PARTNER_EDITOR, Role.OFFICER)
            MembershipFactory(user=obj, organisation=organisation, is_editor=editing)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Organisation {n}")
    kind = OrganisationKind.COMMUNITY_ENERGY
    is_demo = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, role=Role.MEMBER)
    organisation = factory.SubFactory(OrganisationFactory)
    job_title = "Volunteer"
