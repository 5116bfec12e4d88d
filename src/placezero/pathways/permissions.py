"""Who may see, play with, change and run pathway scenarios (rules in accounts.permissions)."""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    any_of,
    everyone,
    is_signed_in,
    minimum_role,
    register,
)

# The pathway plan and every audience view of it are public: transparency is the point.
register("pathways.view", everyone(), "See pathway scenarios, results and plans")
# Anyone may move levers on a personal copy; nothing they do is saved to the plan.
register("pathways.play", everyone(), "Try lever settings on a personal copy")
# Partners draft scenarios; officers decide which one is the plan's preferred pathway.
register(
    "pathways.edit_scenarios", minimum_role(Role.PARTNER_EDITOR), "Create and change scenarios"
)
register("pathways.set_preferred", minimum_role(Role.OFFICER), "Mark the plan's preferred pathway")
# Long runs use shared machine time, so only partners who draft scenarios may start them.
register(
    "pathways.run_jobs", minimum_role(Role.PARTNER_EDITOR), "Start optimisation and uncertainty"
)


def _started_the_job(user: AnyUser, job: object | None) -> Verdict:
    if job is not None and is_signed_in(user) and getattr(job, "created_by_id", None) == user.pk:
        return Verdict(True, "You started this run.")
    return Verdict(False, "Only the person who started a run, or an officer, may cancel it.")


register(
    "pathways.cancel_job",
    any_of(minimum_role(Role.OFFICER), _started_the_job),
    "Cancel a long run",
)
