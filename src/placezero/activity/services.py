"""The activity app's door: the shared history of any record, and notifications.

services.changes_of(scenario)      # [Change(who, when, field, label, before, after)]
"""

from __future__ import annotations

from .history import Change, Revision, changes_of, revisions_of

__all__ = ["Change", "Revision", "changes_of", "revisions_of"]
