"""Who may see who started a run (rules in accounts.permissions).

A run's page is shown to whoever its kind lets see it (for pathway runs: everyone); the
name of the person who started it is personal data, shown only to that person, the
officers of the run's place and administrators."""

from __future__ import annotations

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    any_of,
    is_signed_in,
    register,
    role_in_place,
)


def started_it(user: AnyUser, job: object | None) -> Verdict:
    if job is not None and is_signed_in(user) and getattr(job, "created_by_id", None) == user.pk:
        return Verdict(True, "You started this run.")
    return Verdict(False, "You did not start this run.")


register(
    "jobs.see_who_started",
    any_of(started_it, role_in_place(Role.OFFICER)),
    "See who started a run (its starter, officers of its place, administrators)",
)
