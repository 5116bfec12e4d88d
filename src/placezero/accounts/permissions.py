"""THE permission module: who may do what, where, and why not.

Every question "may this person do X (to this thing)?" is answered here, with a reason a
person can read. Views never improvise their own checks. The shape follows Hypha, whose
permission functions answer `(allowed, reason)`
(https://github.com/HyphaApp/hypha, `hypha/apply/funds/permissions.py`).

How it fits together (each part in its own module, all importable from here):

- Each app declares its rules in its own `permissions.py`, e.g.
  `register("places.edit_targets", role_in_place(Role.OFFICER), "Edit a place's targets")`.
  Those modules are imported once at start-up (`AccountsConfig.ready`). (`registry`)
- A rule is a function `(user, obj) -> Verdict`; helpers build the common ones:
  `everyone()`, `signed_in()`, `minimum_role(role)` (global), `role_in_place(role,
  get_place=...)` (the role counts only where the person belongs), `member_of(get_org)`,
  `editor_of(get_org)`, and `any_of(...)` / `all_of(...)` to combine them. (`rules`)
- Where a person belongs: an administrator everywhere; anyone else in the places of the
  organisations they are a member of. `belongs_to(user, place)`, and
  `places_where(user, role)` for querysets (`visible_for` / `editable_by`). (`standing`)
- Ask with `check(user, "places.edit_targets", obj)` (a `Verdict`) or `has(...)` (a bool);
  services call `require(...)`, which raises `PermissionDenied(reason)`; views use
  `@requires(...)` (`decorators`); templates `{% load permissions %}{% can
  "places.edit_targets" target as allowed %}`; Django `user.has_perm(
  "placezero:places.edit_targets", obj)` (`accounts.backends`).
- A name nobody registered raises `UnknownPermission`: a typo must never allow anything.

Roles rank from the public visitor (not signed in, rank 0) up to the administrator (rank 5);
an inactive account counts as a public visitor. Django admin follows the role: see
`accounts.models` (derived `is_staff`/`is_superuser`) and `accounts.backends`.
"""

from __future__ import annotations

from .decorators import enforce, forbidden, requires
from .options import Role
from .registry import (
    PERMISSION_NAME,
    Permission,
    UnknownPermission,
    check,
    check_name,
    has,
    register,
    registered,
    require,
    unregister,
)
from .rules import (
    OrganisationOf,
    PlaceOf,
    Rule,
    Verdict,
    all_of,
    any_of,
    editor_of,
    everyone,
    member_of,
    minimum_role,
    place_of,
    role_in_place,
    signed_in,
)
from .standing import (
    PUBLIC_LABEL,
    PUBLIC_RANK,
    AnyUser,
    belongs_to,
    is_signed_in,
    places_of,
    places_where,
    rank_of,
    role_label,
    standing,
)

__all__ = [
    "PERMISSION_NAME",
    "PUBLIC_LABEL",
    "PUBLIC_RANK",
    "AnyUser",
    "OrganisationOf",
    "Permission",
    "PlaceOf",
    "Rule",
    "UnknownPermission",
    "Verdict",
    "all_of",
    "any_of",
    "belongs_to",
    "check",
    "check_name",
    "editor_of",
    "enforce",
    "everyone",
    "forbidden",
    "has",
    "is_signed_in",
    "member_of",
    "minimum_role",
    "place_of",
    "places_of",
    "places_where",
    "rank_of",
    "register",
    "registered",
    "require",
    "requires",
    "role_in_place",
    "role_label",
    "signed_in",
    "standing",
    "unregister",
]

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
# to change data behind the site's own forms; administrators are superusers. Admin is one
# site for every place, so this stays global.
register(
    "admin.access",
    minimum_role(Role.OFFICER),
    "Open Django admin (officers read-only, administrators everything)",
)
