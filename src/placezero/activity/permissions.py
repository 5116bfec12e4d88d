"""Who may see whose names in history, and who may read a notification (rules in
accounts.permissions).

A record's history is shown on the record's own page, to whoever may see that page; the
names in it (who changed it, a person a field points to) are personal data, shown only to
the partners of the record's place, administrators and the person themselves. An inbox is
its owner's alone: not even an administrator reads another person's notifications.
"""

from __future__ import annotations

from typing import Any

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    is_signed_in,
    place_of,
    register,
    role_in_place,
    signed_in,
)


def place_of_record(obj: Any) -> Any:
    """The place a tracked record belongs to: its own `place`, or its organisation's or its
    target's (a membership, a target version); None when it has none."""
    if (place := place_of(obj)) is not None:
        return place
    for parent in ("organisation", "target", "scenario"):
        owner = getattr(obj, parent, None)
        if owner is not None and (place := getattr(owner, "place", None)) is not None:
            return place
    return None


register(
    "activity.see_names_in_history",
    role_in_place(Role.PARTNER_EDITOR, get_place=place_of_record),
    "See who changed a record of a place, in its history",
)


def _own_notification(user: AnyUser, notification: object | None) -> Verdict:
    if not is_signed_in(user):
        return Verdict(False, "You need to sign in to read your notifications.")
    if notification is not None and getattr(notification, "recipient_id", None) == user.pk:
        return Verdict(True, "This notification was sent to you.")
    return Verdict(False, "This notification was sent to someone else: only they may read it.")


register("activity.read_inbox", signed_in(), "Read one's own notifications and preferences")
register(
    "activity.read_notification",
    _own_notification,
    "Read or mark one of one's own notifications (nobody else's)",
)
