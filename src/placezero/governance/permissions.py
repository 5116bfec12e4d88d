"""Who may see, propose, vote on and change the governance of a place.

Everything public about a partnership (its bodies, members, powers, the Pact, decisions and
their notices, principles and evaluation reports) is public without signing in. Proposing
is for partner editors and officers of the place; changing the structure (members, imports)
for its officers. Voting and declaring interests are for the people who sit on the deciding
body, whatever their site role; a declared interest takes the vote away. Individual
evaluation answers are for the place's officers; members answer for themselves.
"""

from __future__ import annotations

from typing import Any

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    everyone,
    is_signed_in,
    register,
    role_in_place,
)

from .options import VOTING_ROLES


def seat_of(user: AnyUser, body: Any) -> Any:
    """The user's current seat on `body` (a BodyMember), or None."""
    if body is None or not is_signed_in(user):
        return None
    return body.sitting_members().filter(user=user).first()


def _sits_on_deciding_body(user: AnyUser, decision: Any) -> Verdict:
    body = getattr(decision, "body", None)
    if body is None:
        return Verdict(False, "No decision was given to check.")
    if not is_signed_in(user):
        return Verdict(False, f"You need to sign in as a member of {body}.")
    if seat_of(user, body) is None:
        return Verdict(False, f"Only people who sit on {body} now may do this.")
    return Verdict(True, f"You sit on {body}.")


def _may_vote(user: AnyUser, decision: Any) -> Verdict:
    sits = _sits_on_deciding_body(user, decision)
    if not sits:
        return sits
    seat = seat_of(user, decision.body)
    if seat.role not in VOTING_ROLES:
        return Verdict(
            False,
            f"You sit on {decision.body} as {seat.get_role_display().lower()}, a role that "
            "does not vote.",
        )
    if decision.interests.filter(member=seat).exists():
        return Verdict(
            False,
            "You declared an interest in this decision, so you may not vote on it. Another "
            f"member of {decision.body} must approve it.",
        )
    return Verdict(True, f"You are a voting member of {decision.body}.")


def _sits_on_a_body_of_the_place(user: AnyUser, round_: Any) -> Verdict:
    place = getattr(round_, "place", None)
    if place is None:
        return Verdict(False, "No evaluation round was given to check.")
    if not is_signed_in(user):
        return Verdict(False, f"You need to sign in as a member of {place}'s partnership.")
    for body in place.bodies.all():
        if seat_of(user, body) is not None:
            return Verdict(True, f"You sit on {body}.")
    return Verdict(False, f"Only people who sit on a body of {place}'s partnership may answer.")


register("governance.view", everyone(), "See a partnership, its powers, decisions and reports")
register(
    "governance.export",
    everyone(),
    "Download a place's governance structure as a template file",
)
register(
    "governance.propose",
    role_in_place(Role.PARTNER_EDITOR),
    "Propose a decision to a body of a place",
)
register(
    "governance.manage",
    role_in_place(Role.OFFICER),
    "Change a place's partnership: members and their terms, and imported structures",
)
register("governance.vote", _may_vote, "Approve or reject a decision of your body")
register(
    "governance.declare_interest",
    _sits_on_deciding_body,
    "Declare an interest in a decision of your body",
)
register(
    "governance.answer",
    _sits_on_a_body_of_the_place,
    "Answer an evaluation round of your partnership",
)
register(
    "governance.view_answers",
    role_in_place(Role.OFFICER),
    "Read every member's evaluation answers and evidence",
)
