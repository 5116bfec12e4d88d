"""The activity app's door: the shared history of any record, and notifications.

services.changes_of(scenario)      # [Change(who, when, field, label, before, after)]
services.notify(officer, "governance.escalated", title="…", body="…", url="/…",
                place=place, actor=request.user)
services.unread_count(user)
"""

from __future__ import annotations

from .emails import send_digests
from .history import Change, Revision, changes_of, revisions_of
from .notifications import (
    email_choices_of,
    inbox_of,
    mark_all_read,
    mark_read,
    notify,
    opt_out,
    set_email_choices,
    unread_count,
    wants,
)

__all__ = [
    "Change",
    "Revision",
    "changes_of",
    "email_choices_of",
    "inbox_of",
    "mark_all_read",
    "mark_read",
    "notify",
    "opt_out",
    "revisions_of",
    "send_digests",
    "set_email_choices",
    "unread_count",
    "wants",
]
