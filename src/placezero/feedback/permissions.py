"""Who may give and review feedback (rules in accounts.permissions).

Anyone may give feedback, signed in or not. Reviewing it is for officers and administrators:
feedback is about the site as a whole, not one place, so an officer of any place of the
site reviews it. The person who gave it manages it through the secret link they were given
(checked in the services: a link holder has no account)."""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import everyone, minimum_role, register

register("feedback.give", everyone(), "Give feedback on the site")
register(
    "feedback.review",
    minimum_role(Role.OFFICER),
    "Read feedback on the site, mark it reviewed or hide it",
)
