"""Who may say what, moderate and see what in citizen landscaping (rules in accounts.permissions).

Having your say and seeing the published results are open to everyone (with or without an
account). Moderation is for the officers of the contribution's place. A contribution's own
data (to see, export or delete) is its contributor's alone: their account, or the secret
link they were given (checked in the services, since a link holder has no account).
"""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    everyone,
    is_signed_in,
    register,
    role_in_place,
    signed_in,
)

register("landscape.view_results", everyone(), "See what people said, per zone and technology")
register("landscape.contribute", everyone(), "Say what you would welcome where")
register(
    "landscape.moderate",
    role_in_place(Role.OFFICER),
    "Approve or reject contributions before they are published",
)
register(
    "landscape.set_up",
    role_in_place(Role.OFFICER),
    "Set up and change consultations, and link the actions and decisions that respond",
)
register("landscape.report", everyone(), "Report a published contribution to the moderators")
register("landscape.view_own", signed_in(), "See, export and delete your own contributions")


def _is_contributor(user: AnyUser, contribution: object | None) -> Verdict:
    if (
        contribution is not None
        and is_signed_in(user)
        and getattr(contribution, "contributor_id", None) == user.pk
    ):
        return Verdict(True, "You made this contribution.")
    return Verdict(False, "Only the person who made a contribution may export or delete it.")


register("landscape.manage_own", _is_contributor, "Export or delete a contribution you made")
