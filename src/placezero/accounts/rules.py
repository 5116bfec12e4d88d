"""Rule helpers: small functions `(user, obj) -> Verdict` that apps combine in their
`permissions.py`. Every verdict carries a reason a person can read.

- `everyone()`, `signed_in()`, `minimum_role(role)`: global rules (the role counts anywhere);
- `role_in_place(role, get_place=...)`: the role counts only in the places the person belongs
  to (`accounts.standing.belongs_to`), e.g. "Only officers of Leicestershire, and
  administrators, may do this. You are an officer of Rutland.";
- `member_of(get_org)`, `editor_of(get_org)`: members (editors) of one organisation;
- `any_of(...)`, `all_of(...)`: combinations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .options import Role
from .standing import (
    AnyUser,
    belongs_to,
    in_words,
    is_administrator,
    is_place,
    is_signed_in,
    rank,
    rank_of,
    refuse_resident,
    role_label,
    roles_from,
    standing,
    with_article,
)

if TYPE_CHECKING:
    from .models import Organisation


@dataclass(frozen=True)
class Verdict:
    """The answer to a permission question, with a reason in plain English."""

    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


Rule = Callable[[AnyUser, object | None], Verdict]
PlaceOf = Callable[[object | None], Any]
OrganisationOf = Callable[[object | None], "Organisation | None"]


def everyone() -> Rule:
    def rule(user: AnyUser, obj: object | None) -> Verdict:
        return Verdict(True, "Everyone may do this, signed in or not.")

    return rule


def signed_in() -> Rule:
    def rule(user: AnyUser, obj: object | None) -> Verdict:
        if is_signed_in(user):
            return Verdict(True, "You are signed in.")
        return Verdict(False, "You need to sign in to do this.")

    return rule


def minimum_role(role: Role) -> Rule:
    """Allowed for `role` and every role above it, in every place."""
    needed = rank(role)
    who = in_words(roles_from(role))

    def rule(user: AnyUser, obj: object | None) -> Verdict:
        if rank_of(user) >= needed:
            return Verdict(True, f"Allowed for {who}.")
        if not is_signed_in(user):
            return Verdict(False, f"You need to sign in to do this. Only {who} may do it.")
        return Verdict(
            False,
            f"Only {who} may do this. Yours is {with_article(role_label(user))} account; "
            "ask an administrator if you need more access.",
        )

    return rule


def place_of(obj: object | None) -> Any:
    """The place a record is about: the record itself when it is a place, else `obj.place`
    (None when it has neither)."""
    if is_place(obj):
        return obj
    return getattr(obj, "place", None)


def _who_in(role: Role, place: str) -> str:
    """'partner editors and officers of Leicestershire, and administrators,' (the commas
    keep administrators out of the place: they belong everywhere)."""
    below = roles_from(role, upto=Role.OFFICER)
    return f"{in_words(below)} of {place}, and administrators,"


def role_in_place(role: Role, get_place: PlaceOf = place_of) -> Rule:
    """Allowed for `role` and above, in the place `get_place(obj)` only: the person must
    belong to it (administrators belong everywhere). Without a place nobody but an
    administrator is allowed: a check that forgets its object must fail closed.

    Not for residents, who belong to no place: use `minimum_role(Role.RESIDENT)`."""
    refuse_resident(role)
    if role == Role.ADMINISTRATOR:
        return minimum_role(role)
    needed = rank(role)

    def rule(user: AnyUser, obj: object | None) -> Verdict:
        place = get_place(obj)
        where = str(place) if place is not None else "the place concerned"
        who = _who_in(role, where)
        if is_administrator(user):
            return Verdict(True, standing(user))
        if not is_signed_in(user):
            return Verdict(False, f"You need to sign in to do this. Only {who} may do it.")
        if place is None:
            return Verdict(False, f"Only {who} may do this, and no place was given to check.")
        if rank_of(user) >= needed and belongs_to(user, place):
            return Verdict(True, f"You are {with_article(role_label(user))} of {place}.")
        refusal = f"Only {who} may do this. {standing(user)}"
        if rank_of(user) < needed:
            refusal += " Ask an administrator if you need more access."
        return Verdict(False, refusal)

    return rule


def _organisation_attribute(obj: object | None) -> Organisation | None:
    return getattr(obj, "organisation", None)


def _membership(user: AnyUser, organisation: Organisation | None) -> Any:
    if organisation is None or not is_signed_in(user):
        return None
    return user.memberships.filter(organisation=organisation).first()


def member_of(get_organisation: OrganisationOf = _organisation_attribute) -> Rule:
    """Allowed for members of the organisation `get_organisation(obj)` (default
    `obj.organisation`)."""

    def rule(user: AnyUser, obj: object | None) -> Verdict:
        organisation = get_organisation(obj)
        if organisation is None:
            return Verdict(False, "This record does not belong to an organisation.")
        if not is_signed_in(user):
            return Verdict(False, f"You need to sign in as a member of {organisation}.")
        if _membership(user, organisation) is not None:
            return Verdict(True, f"You are a member of {organisation}.")
        return Verdict(False, f"Only members of {organisation} may do this.")

    return rule


def editor_of(get_organisation: OrganisationOf = _organisation_attribute) -> Rule:
    """Allowed for members who may edit on behalf of the organisation (`is_editor`)."""

    def rule(user: AnyUser, obj: object | None) -> Verdict:
        organisation = get_organisation(obj)
        if organisation is None:
            return Verdict(False, "This record does not belong to an organisation.")
        if not is_signed_in(user):
            return Verdict(False, f"You need to sign in as an editor for {organisation}.")
        membership = _membership(user, organisation)
        if membership is not None and membership.is_editor:
            return Verdict(True, f"You edit on behalf of {organisation}.")
        return Verdict(False, f"Only people who edit on behalf of {organisation} may do this.")

    return rule


def any_of(*rules: Rule) -> Rule:
    """Allowed if any rule allows; otherwise refused with every reason, in order."""

    def rule(user: AnyUser, obj: object | None) -> Verdict:
        verdicts = [each(user, obj) for each in rules]
        for verdict in verdicts:
            if verdict.allowed:
                return verdict
        return Verdict(False, " ".join(dict.fromkeys(v.reason for v in verdicts)))

    return rule


def all_of(*rules: Rule) -> Rule:
    """Allowed only if every rule allows; refused with the first refusal's reason."""

    def rule(user: AnyUser, obj: object | None) -> Verdict:
        last = Verdict(True, "Allowed.")
        for each in rules:
            last = each(user, obj)
            if not last.allowed:
                return last
        return last

    return rule
