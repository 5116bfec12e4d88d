"""THE permission module: who may do what, and why not.

Every question "may this person do X (to this thing)?" is answered here, with a reason a
person can read. Views never improvise their own checks (see /work/shared/STYLE.md; the
shape follows Hypha, whose permission functions answer `(allowed, reason)`).

How it fits together:

- Each app declares its rules in its own `permissions.py`, e.g.
  `register("places.edit_targets", minimum_role(Role.OFFICER), "Edit a place's targets")`.
  Those modules are imported once at start-up (`AccountsConfig.ready`).
- A rule is a function `(user, obj) -> Verdict`; helpers build the common ones:
  `everyone()`, `signed_in()`, `minimum_role(role)`, `member_of(get_org)`,
  `editor_of(get_org)`, and `any_of(...)` / `all_of(...)` to combine them.
- Ask with `check(user, "places.edit_targets", obj)` (a `Verdict`) or `has(...)` (a bool),
  in views with `@requires(...)` (here or `accounts.decorators`), in templates with
  `{% load permissions %}{% can "places.edit_targets" target as allowed %}`, or through
  Django: `user.has_perm("placezero:places.edit_targets")` (`accounts.backends`).
- A name nobody registered raises `UnknownPermission`: a typo must never allow anything.

Roles rank from the public visitor (not signed in, rank 0) up to the administrator (rank 5);
an inactive account counts as a public visitor. Django admin follows the role: see
`accounts.models` (derived `is_staff`/`is_superuser`) and `accounts.backends`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .options import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import Organisation, User

    AnyUser = User | AnonymousUser
else:
    AnyUser = Any

PUBLIC_RANK = 0
PUBLIC_LABEL = "Public visitor"
# "app_label.action", lower case, e.g. "places.edit_targets".
PERMISSION_NAME = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Verdict:
    """The answer to a permission question, with a reason in plain English."""

    allowed: bool
    reason: str

    def __bool__(self) -> bool:
        return self.allowed


Rule = Callable[[AnyUser, object | None], Verdict]


@dataclass(frozen=True)
class Permission:
    name: str
    rule: Rule
    description: str


class UnknownPermission(LookupError):
    """Asked about, or registered with, a name the registry does not accept."""


_registry: dict[str, Permission] = {}


def register(name: str, rule: Rule, description: str = "") -> None:
    """Declare a permission. Names are `app_label.action` and may be registered once."""
    if not PERMISSION_NAME.match(name):
        raise UnknownPermission(
            f"Permission name {name!r} is not valid: write it as 'app_label.action' in lower "
            "case, for example 'places.edit_targets'."
        )
    _check_app_label(name)
    if name in _registry:
        raise UnknownPermission(
            f"Permission {name!r} is already registered; each permission is declared once, "
            "in its app's permissions.py."
        )
    _registry[name] = Permission(name, rule, description)


def _check_app_label(name: str) -> None:
    """The part before the dot must be an installed app's label, so 'place.edit_targets'
    (for 'places.') fails at start-up rather than registering a name nobody asks for."""
    from django.apps import apps

    label = name.partition(".")[0]
    if apps.apps_ready and label not in {config.label for config in apps.get_app_configs()}:
        raise UnknownPermission(
            f"Permission {name!r} names no installed app {label!r}: start the name with the "
            "label of the app that declares it, for example 'places.'."
        )


def unregister(name: str) -> None:
    """Remove a permission (for tests that register temporary ones)."""
    _lookup(name)
    del _registry[name]


def registered() -> dict[str, Permission]:
    """Every registered permission by name, sorted."""
    return dict(sorted(_registry.items()))


def _lookup(name: str) -> Permission:
    try:
        return _registry[name]
    except KeyError:
        raise UnknownPermission(
            f"No permission called {name!r} is registered. Register it in its app's "
            "permissions.py, or check the spelling."
        ) from None


def check_name(name: str) -> None:
    """Raise UnknownPermission now for a name nobody registered (used when decorating views).

    Before every app's permissions module has been imported the answer is not known yet, so
    the check waits for the first request, which raises just the same."""
    from django.apps import apps

    if apps.ready:
        _lookup(name)


def check(user: AnyUser, permission: str, obj: object | None = None) -> Verdict:
    """May `user` do `permission` (to `obj`)? Raises UnknownPermission for unknown names."""
    return _lookup(permission).rule(user, obj)


def has(user: AnyUser, permission: str, obj: object | None = None) -> bool:
    return check(user, permission, obj).allowed


# Who the user is, for rules -------------------------------------------------------------


def is_signed_in(user: AnyUser) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def rank_of(user: AnyUser) -> int:
    """0 for the public (and inactive accounts), then 1 (resident) to 5 (administrator)."""
    if not is_signed_in(user):
        return PUBLIC_RANK
    return Role.values.index(user.role) + 1


def role_label(user: AnyUser) -> str:
    if not is_signed_in(user):
        return PUBLIC_LABEL
    return Role(user.role).label


def _roles_from(role: Role) -> str:
    """'officers and administrators' for Role.OFFICER; plain words for reasons."""
    plural = {
        Role.RESIDENT: "registered residents",
        Role.MEMBER: "organisation members",
        Role.PARTNER_EDITOR: "partner editors",
        Role.OFFICER: "officers",
        Role.ADMINISTRATOR: "administrators",
    }
    names = [plural[r] for r in Role if Role.values.index(r) >= Role.values.index(role)]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


# Rule helpers ---------------------------------------------------------------------------


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
    """Allowed for `role` and every role above it."""
    needed = Role.values.index(role) + 1
    who = _roles_from(role)

    def rule(user: AnyUser, obj: object | None) -> Verdict:
        if rank_of(user) >= needed:
            return Verdict(True, f"Allowed for {who}.")
        if not is_signed_in(user):
            return Verdict(False, f"You need to sign in to do this. Only {who} may do it.")
        label = role_label(user).lower()
        article = "an" if label[0] in "aeiou" else "a"
        return Verdict(
            False,
            f"Only {who} may do this. Yours is {article} {label} account; "
            "ask an administrator if you need more access.",
        )

    return rule


OrganisationOf = Callable[[object | None], "Organisation | None"]


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


# The accounts app's own permissions ------------------------------------------------------

register(
    "accounts.view_own_account",
    signed_in(),
    "See your own account: name, role and organisations",
)
register(
    "accounts.manage_users",
    minimum_role(Role.ADMINISTRATOR),
    "Create accounts, change roles and memberships",
)
# Django admin is for officers and administrators. Officers get it as staff with read-only
# access to every record (accounts.backends), so they can look things up without being able
# to change data behind the site's own forms; administrators are superusers.
register(
    "admin.access",
    minimum_role(Role.OFFICER),
    "Open Django admin (officers read-only, administrators everything)",
)


def requires(permission: str, get_object: Callable[..., object | None] | None = None) -> Any:
    """The view decorator, importable from here too (defined in accounts.decorators, which
    needs Django's view machinery this module does not)."""
    from .decorators import requires as view_decorator

    return view_decorator(permission, get_object)
