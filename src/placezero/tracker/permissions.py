"""Who may see and change a place's action plan (rules in accounts.permissions).

The plan is public. Officers of the place change everything in it; a partner editor who
edits on behalf of an organisation changes that organisation's actions; any member of the
owning organisation posts progress on its actions. Nobody changes another place's plan,
and an organisation's people never change another organisation's actions. The object
asked about is an action, or a record of one (milestone, lever link, dependency, update),
or a place for what is about the whole plan.
"""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    all_of,
    any_of,
    editor_of,
    everyone,
    member_of,
    register,
    role_in_place,
)


def owner_of(obj: object | None) -> object | None:
    """The organisation that owns the action `obj` is, or belongs to."""
    action = getattr(obj, "action", obj)
    return getattr(action, "owner", None)


register("tracker.view", everyone(), "See a place's action plan, its progress and impact")
register(
    "tracker.edit_action",
    any_of(
        role_in_place(Role.OFFICER),
        all_of(role_in_place(Role.PARTNER_EDITOR), editor_of(owner_of)),
    ),
    "Create and change an action (its officers, or editors of the owning organisation)",
)
register(
    "tracker.post_update",
    any_of(role_in_place(Role.OFFICER), all_of(role_in_place(Role.MEMBER), member_of(owner_of))),
    "Post progress on an action (members of the owning organisation, officers of the place)",
)
# Creating an action is asked about the place first (the page), then about the new action
# with its owner (the service), so an editor creates actions for their own organisation only.
register(
    "tracker.create_action",
    role_in_place(Role.PARTNER_EDITOR),
    "Open the form that creates actions in a place's plan",
)
# Lead officers' names and the whole-plan spreadsheet are for the people of the place.
register(
    "tracker.see_contacts",
    role_in_place(Role.MEMBER),
    "See who leads each action",
)
register(
    "tracker.export",
    role_in_place(Role.MEMBER),
    "Download the place's actions as a spreadsheet",
)
# A bulk import changes many organisations' actions at once: officers of the place only.
register(
    "tracker.import",
    role_in_place(Role.OFFICER),
    "Import changes to the place's actions from a spreadsheet",
)
# The weights of the priority score and the reports issued in the plan's name are the
# place's officers' to set.
register(
    "tracker.set_priority_weights",
    role_in_place(Role.OFFICER),
    "Change how much impact, deliverability and cost count in the place's priorities",
)
register(
    "tracker.issue_report",
    role_in_place(Role.OFFICER),
    "Issue a progress report of the place's plan",
)
