"""The permission registry: every permission by name, its rule, and the ways to ask.

`register(name, rule, description)` once per permission, in the declaring app's
`permissions.py`; `check(user, name, obj)` answers with a `Verdict`, `has(...)` with a bool,
and `require(...)` raises `django.core.exceptions.PermissionDenied(reason)`, which is what a
service calls before it changes anything. A name nobody registered raises
`UnknownPermission`: a typo must never allow anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from .rules import Rule, Verdict
from .standing import AnyUser

# "app_label.action", lower case, e.g. "places.edit_targets".
PERMISSION_NAME = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


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


def require(user: AnyUser, permission: str, obj: object | None = None) -> Verdict:
    """Services call this before they change anything: the verdict when allowed, otherwise
    `PermissionDenied` carrying the reason (a view that forgot its own check still refuses,
    and Django answers 403)."""
    verdict = check(user, permission, obj)
    if not verdict.allowed:
        raise PermissionDenied(verdict.reason)
    return verdict
