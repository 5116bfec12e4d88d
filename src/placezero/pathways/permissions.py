"""Who may see, play with, change and run pathway scenarios (rules in accounts.permissions).

Seeing and playing are public. Changing a place's plan is for the people of that place: a
partner editor of Rutland may not edit Leicestershire's scenarios (`role_in_place`; the
object is the place, or a scenario or run of it).
"""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    any_of,
    everyone,
    is_signed_in,
    register,
    role_in_place,
)

# The lowest role that drafts a place's scenarios (also `PathwayScenario.objects.editable_by`).
EDIT_SCENARIOS_ROLE = Role.PARTNER_EDITOR

# The pathway plan and every audience view of it are public: transparency is the point.
register("pathways.view", everyone(), "See pathway scenarios, results and plans")
# Anyone may move levers on a personal copy; nothing they do is saved to the plan.
register("pathways.play", everyone(), "Try lever settings on a personal copy")
# Partners of the place draft scenarios; its officers decide which one is the plan's
# preferred pathway.
register(
    "pathways.edit_scenarios",
    role_in_place(EDIT_SCENARIOS_ROLE),
    "Create and change the scenarios of a place",
)
register(
    "pathways.set_preferred",
    role_in_place(Role.OFFICER),
    "Mark the preferred pathway of a place's plan",
)
# Long runs use shared machine time, so only the place's partners who draft scenarios may
# start them.
register(
    "pathways.run_jobs",
    role_in_place(Role.PARTNER_EDITOR),
    "Start optimisation and uncertainty runs for a place",
)


def _started_the_job(user: AnyUser, job: object | None) -> Verdict:
    if job is not None and is_signed_in(user) and getattr(job, "created_by_id", None) == user.pk:
        return Verdict(True, "You started this run.")
    return Verdict(False, "You did not start this run.")


register(
    "pathways.cancel_job",
    any_of(_started_the_job, role_in_place(Role.OFFICER)),
    "Cancel a long run (its starter, or an officer of its place)",
)
