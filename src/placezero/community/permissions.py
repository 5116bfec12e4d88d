"""Who may do what on the Community Energy Pathway (rules in accounts.permissions).

Groups speak for themselves: the people who edit on a group's behalf (its organisation's
editors) register it, submit its steps, adopt projects, edit business cases, apply and claim.
Officers of the group's place sign steps off, run the fund, decide and approve claims.
Reviewers and finance approvers are named per round (`RoundTeamMember`). A reviewer must
declare a conflict of interest (or none) before opening an application, and nobody reviews
an application from a group they belong to. Groups' public profiles, the coverage map, the
network page and published awards are public.
"""

from __future__ import annotations

from typing import Any

from placezero.accounts.options import Role
from placezero.accounts.permissions import (
    AnyUser,
    Verdict,
    all_of,
    any_of,
    editor_of,
    everyone,
    is_signed_in,
    member_of,
    register,
    role_in_place,
    signed_in,
)

from .options import TeamRole

# Where each kind of record keeps its group and its round, nearest first: a claim through
# its milestone, a milestone through its award, and so on.
GROUP_PATHS = (
    "milestone.award.application.group",
    "award.application.group",
    "application.group",
    "project.group",
    "group",
)
ROUND_PATHS = (
    "milestone.award.application.round",
    "award.application.round",
    "application.round",
    "round",
)


def _follow(obj: Any, paths: tuple[str, ...]) -> Any:
    """The first of `paths` (dotted attributes) that leads somewhere from `obj`, or None."""
    for path in paths:
        current = obj
        for part in path.split("."):
            current = getattr(current, part, None)
            if current is None:
                break
        if current is not None:
            return current
    return None


def group_of(obj: Any) -> Any:
    """The community group a record belongs to (the group itself, or through its parents)."""
    found = _follow(obj, GROUP_PATHS)
    if found is not None:
        return found
    return obj if hasattr(obj, "organisation") and hasattr(obj, "current_step") else None


def organisation_of(obj: Any) -> Any:
    group = group_of(obj)
    return group.organisation if group is not None else None


def round_of(obj: Any) -> Any:
    found = _follow(obj, ROUND_PATHS)
    if found is not None:
        return found
    return obj if hasattr(obj, "criteria") else None


def _in_team(user: AnyUser, obj: Any, role: TeamRole) -> bool:
    fund_round = round_of(obj)
    return bool(
        fund_round is not None
        and is_signed_in(user)
        and fund_round.team.filter(user=user, role=role).exists()
    )


def _belongs_to_group(user: AnyUser, obj: Any) -> bool:
    organisation = organisation_of(obj)
    return bool(
        organisation is not None
        and is_signed_in(user)
        and user.memberships.filter(organisation=organisation).exists()
    )


def not_own_group(user: AnyUser, obj: Any) -> Verdict:
    if _belongs_to_group(user, obj):
        return Verdict(
            False,
            f"You belong to {group_of(obj)}, so you may not review or decide its application.",
        )
    return Verdict(True, "You do not belong to the applicant group.")


def reviewer_of_round(user: AnyUser, obj: Any) -> Verdict:
    if _in_team(user, obj, TeamRole.REVIEWER):
        return Verdict(True, "You are a reviewer of this round.")
    return Verdict(False, "Only the reviewers named for this round may do this.")


def declared_no_conflict(user: AnyUser, obj: Any) -> Verdict:
    declaration = (
        obj.declarations.filter(reviewer=user).first()
        if is_signed_in(user) and hasattr(obj, "declarations")
        else None
    )
    if declaration is None:
        return Verdict(
            False,
            "Declare whether you have a conflict of interest with this application before "
            "you open it.",
        )
    if declaration.has_conflict:
        return Verdict(
            False,
            "You declared a conflict of interest with this application, so you cannot open "
            "or score it.",
        )
    return Verdict(True, "You declared no conflict of interest.")


def finance_of_round(user: AnyUser, obj: Any) -> Verdict:
    if _in_team(user, obj, TeamRole.FINANCE):
        return Verdict(True, "You approve payments for this round.")
    return Verdict(False, "Only the finance approvers named for this round may do this.")


def _officer_of_place(obj: Any) -> Any:
    group = group_of(obj)
    if group is not None:
        return group.place
    fund_round = round_of(obj)
    if fund_round is not None:
        return fund_round.place
    return getattr(obj, "place", obj)


OFFICER = role_in_place(Role.OFFICER, get_place=_officer_of_place)
GROUP_EDITOR = editor_of(organisation_of)
GROUP_MEMBER = member_of(organisation_of)
CLEARED_REVIEWER = all_of(reviewer_of_round, not_own_group, declared_no_conflict)

register("community.view", everyone(), "See groups' public profiles, coverage and the network")
register("community.register_group", signed_in(), "Register a community energy group")
register(
    "community.edit_group",
    any_of(GROUP_EDITOR, OFFICER),
    "Change a group's profile, work on its steps and log mentoring",
)
register("community.sign_off_step", OFFICER, "Sign off (or return) a group's step")
register("community.manage_mentors", OFFICER, "Add mentors of a place")
register("community.adopt_opportunity", GROUP_EDITOR, "Adopt an opportunity as a project")
register(
    "community.see_business_case",
    any_of(GROUP_MEMBER, OFFICER),
    "See a group's business cases (members of the group and officers of its place)",
)
register("community.edit_business_case", GROUP_EDITOR, "Change a project's business case")
register("community.apply", GROUP_EDITOR, "Apply to the readiness fund for a group")
register("community.manage_fund", OFFICER, "Open rounds, name the team, approve milestones")
register(
    "community.see_application",
    any_of(
        GROUP_MEMBER,
        all_of(OFFICER, not_own_group),
        CLEARED_REVIEWER,
        all_of(finance_of_round, not_own_group),
    ),
    "Open an application (its group, officers of the place, reviewers without a conflict, "
    "the round's finance approvers)",
)
register(
    "community.declare_conflict",
    all_of(reviewer_of_round, not_own_group),
    "Declare a conflict of interest (or none) with an application",
)
register("community.score", CLEARED_REVIEWER, "Score an application against the criteria")
register(
    "community.determine",
    all_of(OFFICER, not_own_group),
    "Decide an application for the panel (approve, with conditions, decline, more information)",
)
register("community.claim", GROUP_EDITOR, "Claim a milestone payment of a group's award")
register("community.approve_claim", OFFICER, "Approve a claim as the fund's officer")
register("community.finance_claim", finance_of_round, "Approve a claim for finance and pay it")
register("community.own_data", signed_in(), "Export or erase your own community data")
register(
    "community.accept_agreement",
    GROUP_EDITOR,
    "Accept a grant agreement for the group (signed for it, with the date)",
)
register("community.report", GROUP_EDITOR, "Send the group's end-of-grant report")
register(
    "community.sign_off_report",
    all_of(OFFICER, not_own_group),
    "Sign off (or return) a group's end-of-grant report",
)
