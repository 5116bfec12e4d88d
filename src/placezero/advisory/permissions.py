"""Who may read, curate and follow the advisory repository (rules in accounts.permissions).

Reading is public: the repository exists to be found. A place's partner editors and officers
curate its resources (create, edit, attach documents, see drafts); people of another place
may not. A resource without a place applies everywhere (a national scheme), so only
administrators curate it. Following needs an account, because a follow is kept per person.
"""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    everyone,
    is_signed_in,
    minimum_role,
    register,
    role_in_place,
    signed_in,
)

CURATE_ROLE = Role.PARTNER_EDITOR
_curate_in_place = role_in_place(CURATE_ROLE)
_administrators = minimum_role(Role.ADMINISTRATOR)


def _is_place(obj: object | None) -> bool:
    return obj is not None and obj.__class__.__name__ == "Place"


def curate_rule(user: AnyUser, obj: object | None) -> Verdict:
    """Partner editors and officers of the resource's (or the given) place; administrators
    for a resource that belongs to no place."""
    if obj is not None and not _is_place(obj) and getattr(obj, "place_id", 1) is None:
        verdict = _administrators(user, obj)
        if verdict:
            return verdict
        return Verdict(
            False,
            "This resource applies everywhere, not to one place, so only administrators "
            "may change it. " + verdict.reason,
        )
    return _curate_in_place(user, obj)


def view_resource_rule(user: AnyUser, obj: object | None) -> Verdict:
    """Everyone sees a published resource; a draft, withdrawn or scheduled one only its
    curators."""
    is_live = getattr(obj, "is_live", None)
    if obj is None or (callable(is_live) and is_live()):
        return Verdict(True, "Published resources are public.")
    verdict = curate_rule(user, obj)
    if verdict:
        return verdict
    if not is_signed_in(user):
        return Verdict(False, "This resource is not published. You need to sign in as its editor.")
    return Verdict(False, "This resource is not published yet. " + verdict.reason)


register("advisory.view", everyone(), "Search and read the advisory repository")
register("advisory.view_resource", view_resource_rule, "Read one resource (drafts: its curators)")
register("advisory.curate", curate_rule, "Create and change a place's advisory resources")
register("advisory.follow", signed_in(), "Follow topics and audiences and get a feed")
register(
    "advisory.edit_wizard",
    _curate_in_place,
    "Change the signposting wizard's questions, answers and rules of a place",
)
register(
    "advisory.edit_taxonomy",
    _curate_in_place,
    "Add and rename the repository's topics and audiences (shared by every place)",
)
