"""Who a person is, as permission rules see them: signed in or not, their role's rank, and
the places they belong to.

A person's `role` is global (`accounts.models.User.role`); where it counts comes from their
memberships. An administrator belongs to every place; anyone else belongs to a place when
they hold a membership of an organisation of that place (`Organisation.place`). Registered
residents hold no membership, so rules about residents stay global (`minimum_role`). The
reasons for this definition, and the ones turned down, are in
`docs/decisions/0006-place-scoped-permissions.md`.

Nothing here imports a model at module level: this module is imported while apps load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .options import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Model, QuerySet

    from .models import User

    AnyUser = User | AnonymousUser
else:
    AnyUser = Any

PUBLIC_RANK = 0
PUBLIC_LABEL = "Public visitor"
ADMINISTRATOR_RANK = len(Role.values)

_PLURAL = {
    Role.RESIDENT: "registered residents",
    Role.MEMBER: "organisation members",
    Role.PARTNER_EDITOR: "partner editors",
    Role.OFFICER: "officers",
    Role.ADMINISTRATOR: "administrators",
}


def is_signed_in(user: AnyUser) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def rank(role: Role | str) -> int:
    """1 for a registered resident up to 5 for an administrator (0 is the public)."""
    return Role.values.index(role) + 1


def rank_of(user: AnyUser) -> int:
    """0 for the public (and inactive accounts), then 1 (resident) to 5 (administrator)."""
    if not is_signed_in(user):
        return PUBLIC_RANK
    return rank(user.role)


def is_administrator(user: AnyUser) -> bool:
    return rank_of(user) == ADMINISTRATOR_RANK


def role_label(user: AnyUser) -> str:
    if not is_signed_in(user):
        return PUBLIC_LABEL
    return Role(user.role).label


def with_article(label: str) -> str:
    """'an officer', 'a partner editor'."""
    return f"{'an' if label[:1].lower() in 'aeiou' else 'a'} {label.lower()}"


def roles_from(role: Role, *, upto: Role = Role.ADMINISTRATOR) -> list[str]:
    """The plural names of `role` and each role above it up to `upto`, lowest first."""
    return [_PLURAL[r] for r in Role if rank(role) <= rank(r) <= rank(upto)]


def in_words(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# Places ----------------------------------------------------------------------------------


def place_model() -> type[Model]:
    """The model an organisation's `place` points at, found through that relation so that
    accounts never imports another app's models."""
    from .models import Organisation

    return Organisation._meta.get_field("place").related_model


def is_place(obj: object | None) -> bool:
    return obj is not None and isinstance(obj, place_model())


def belongs_to(user: AnyUser, place: Any) -> bool:
    """An administrator belongs everywhere; anyone else through a membership of one of the
    place's organisations. Nobody belongs to no place (`place` None)."""
    if not is_signed_in(user):
        return False
    if is_administrator(user):
        return True
    if place is None:
        return False
    return user.memberships.filter(organisation__place_id=place.pk).exists()


def places_of(user: AnyUser) -> list[Any]:
    """The places a person belongs to through their memberships, by name (not every place
    for an administrator: this names where someone works, for reasons)."""
    if not is_signed_in(user):
        return []
    return list(
        place_model()
        .objects.filter(organisations__memberships__user=user)
        .distinct()
        .order_by("name")
    )


def places_where(user: AnyUser, role: Role) -> QuerySet:
    """The places where `user` holds at least `role`: every place for an administrator, the
    places of their organisations for anyone else of that rank, none otherwise. A queryset,
    for `.filter(place__in=places_where(user, Role.OFFICER))`."""
    refuse_resident(role)
    places = place_model().objects
    if rank_of(user) < rank(role):
        return places.none()
    if is_administrator(user):
        return places.all()
    return places.filter(organisations__memberships__user=user).distinct()


def refuse_resident(role: Role) -> None:
    if role == Role.RESIDENT:
        raise ValueError(
            "Registered residents hold no membership, so they belong to no place: give "
            "residents a global rule (minimum_role(Role.RESIDENT) or signed_in()) instead."
        )


def standing(user: AnyUser) -> str:
    """A person's standing in words, for reasons: 'You are an officer of Rutland.'"""
    if not is_signed_in(user):
        return "You are not signed in."
    label = role_label(user)
    if is_administrator(user):
        return f"You are {with_article(label)}, allowed in every place."
    if user.role == Role.RESIDENT:
        return f"Yours is {with_article(label)} account."
    names = [str(place) for place in places_of(user)]
    if not names:
        return (
            f"You are {with_article(label)}, but not a member of any organisation of a place; "
            "ask an administrator to add you to one."
        )
    return f"You are {with_article(label)} of {in_words(names)}."
