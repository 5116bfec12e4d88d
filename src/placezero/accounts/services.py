"""The accounts door for other apps: the few changes to organisations they may ask for.

A module never touches accounts' models directly (tests/test_architecture.py); it asks here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

from .models import Membership, Organisation
from .options import OrganisationKind
from .standing import is_signed_in

if TYPE_CHECKING:
    from .models import User


class OrganisationExists(ValueError):
    """An organisation of that name is already registered in the place."""


@transaction.atomic
def found_organisation(
    founder: User,
    *,
    place: Any,
    name: str,
    kind: OrganisationKind,
    area_code: str = "",
    website: str = "",
    job_title: str = "Founder member",
    is_demo: bool = False,
) -> Organisation:
    """A new organisation of `place` with `founder` as a member who edits on its behalf (so
    the founder speaks for it: `accounts.permissions.editor_of`)."""
    if not is_signed_in(founder):
        raise ValueError("Sign in to register an organisation.")
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(
                place=place,
                name=name,
                kind=kind,
                area_code=area_code,
                website=website,
                is_demo=is_demo,
            )
    except IntegrityError:
        raise OrganisationExists(
            f"An organisation called “{name}” is already registered in {place}: choose "
            "another name, or ask its members to add you."
        ) from None
    Membership.objects.create(
        user=founder,
        organisation=organisation,
        job_title=job_title,
        is_editor=True,
        is_demo=is_demo,
    )
    return organisation


def add_member(
    user: User, organisation: Organisation, *, is_editor: bool, job_title: str = ""
) -> None:
    Membership.objects.update_or_create(
        user=user,
        organisation=organisation,
        defaults={"is_editor": is_editor, "job_title": job_title},
    )


def organisations_of(user: User) -> list[Organisation]:
    if not is_signed_in(user):
        return []
    return list(Organisation.objects.filter(memberships__user=user).order_by("name"))


def officers_of(place: Any) -> list[User]:
    """The officers of a place (members of its organisations holding the officer role)."""
    from .models import User
    from .options import Role

    return list(
        User.objects.filter(
            role=Role.OFFICER, is_active=True, memberships__organisation__place=place
        ).distinct()
    )


def editors_of(organisation: Organisation) -> list[User]:
    """The people who edit on an organisation's behalf."""
    from .models import User

    return list(
        User.objects.filter(
            is_active=True, memberships__organisation=organisation, memberships__is_editor=True
        ).distinct()
    )


def organisation_named(place: Any, name: str) -> Organisation | None:
    return Organisation.objects.filter(place=place, name=name).first()


def demo_person(username: str, first_name: str, last_name: str, role: str, password: str) -> User:
    """A made-up person for a module's demonstration data (marked `is_demo`). Refuses to touch
    a real account of the same name."""
    from .demo import DEMO_EMAIL_DOMAIN, DemoAccountError
    from .models import User

    user = User.objects.filter(username=username).first()
    if user is not None and not user.is_demo:
        raise DemoAccountError(
            f"A real account called {username!r} exists, so the demo account of that name "
            "was not created."
        )
    user = user or User(username=username)
    user.first_name, user.last_name, user.role = first_name, last_name, role
    user.email = f"{username}@{DEMO_EMAIL_DOMAIN}"
    user.is_demo = True
    user.set_password(password)
    user.save()
    return user


def person(username: str) -> User | None:
    from .models import User

    return User.objects.filter(username=username, is_active=True).first()
