"""Groups and their journey through the six steps, mentors and mentoring sessions.

One transition service moves a group along the steps: `submit_step` (the group, with the
step's evidence) and `decide_step` (an officer signs off or returns it). A group is always
on exactly one step; signing it off moves the group to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from placezero.accounts import services as accounts
from placezero.accounts.options import OrganisationKind
from placezero.accounts.permissions import editor_of, require
from placezero.places import services as places
from placezero.places.options import AreaKind, AreaRole

from ..models import CommunityGroup, Mentor, MentoringSession, StepProgress
from ..options import Skill, StepStatus
from ..steps import BY_NUMBER, LAST, STEPS
from . import notices, recorded

if TYPE_CHECKING:
    from placezero.places.models import Place

GROUP_FIELDS = (
    "legal_form",
    "registration_number",
    "description",
    "members",
    "volunteers",
    "staff",
    "contact_email",
    "website",
    "needs",
)


def groups(place: Place) -> list[CommunityGroup]:
    return list(CommunityGroup.objects.filter(place=place).select_related("area"))


def groups_of(user: Any) -> list[CommunityGroup]:
    organisations = accounts.organisations_of(user)
    return list(CommunityGroup.objects.filter(organisation__in=organisations))


@transaction.atomic
def register_group(
    place: Place, *, user: Any, name: str, area_code: str, is_demo: bool = False, **details: Any
) -> CommunityGroup:
    """A new group of the place, registered by `user`, who edits on its behalf."""
    require(user, "community.register_group", place)
    unknown = set(details) - set(GROUP_FIELDS)
    if unknown:
        raise ValueError(f"Unknown group details: {', '.join(sorted(unknown))}.")
    area = _district(place, area_code)
    organisation = accounts.found_organisation(
        user,
        place=place,
        name=name,
        kind=OrganisationKind.COMMUNITY_ENERGY,
        area_code=area.code,
        website=details.get("website", ""),
        is_demo=is_demo,
    )
    group = recorded.create(
        CommunityGroup,
        user,
        place=place,
        organisation=organisation,
        area=area,
        name=name,
        is_demo=is_demo,
        **details,
    )
    recorded.create(StepProgress, user, group=group, step_number=1)
    return group


@transaction.atomic
def register_organisation(
    organisation: Any, *, user: Any, area_code: str, is_demo: bool = False, **details: Any
) -> CommunityGroup:
    """An organisation already in the partnership (e.g. a community energy co-operative)
    joins the pathway as a group, registered by someone who edits on its behalf."""
    verdict = editor_of(lambda obj: obj)(user, organisation)
    if not verdict.allowed:
        raise PermissionDenied(verdict.reason)
    place = organisation.place
    require(user, "community.register_group", place)
    if CommunityGroup.objects.filter(organisation=organisation).exists():
        raise ValidationError(f"{organisation} is already registered as a group.")
    group = recorded.create(
        CommunityGroup,
        user,
        place=place,
        organisation=organisation,
        area=_district(place, area_code),
        name=organisation.name,
        is_demo=is_demo,
        **details,
    )
    recorded.create(StepProgress, user, group=group, step_number=1)
    return group


def districts(place: Place) -> list[Any]:
    """The districts (or unitary authorities) of the place a group can be in: the aim is a
    community energy organisation in each."""
    return [
        area
        for area in places.member_areas(place)
        if area.role == AreaRole.MEMBER and area.kind in (AreaKind.DISTRICT, AreaKind.UNITARY)
    ]


def _district(place: Place, area_code: str) -> Any:
    found = next((a for a in districts(place) if a.code == area_code), None)
    if found is None:
        raise ValidationError(
            f"{area_code or 'No district'} is not a district of {place}: choose one from the list."
        )
    return found


@transaction.atomic
def update_group(group: CommunityGroup, *, user: Any, **details: Any) -> CommunityGroup:
    require(user, "community.edit_group", group)
    for key, value in details.items():
        if key not in GROUP_FIELDS:
            raise ValueError(f"{key} is not a detail of a group that can be changed.")
        setattr(group, key, value)
    group.full_clean()
    recorded.save(group, user)
    return group


def progress_of(group: CommunityGroup) -> list[tuple[Any, StepProgress | None]]:
    """Each step with the group's progress on it (None before the group reaches it)."""
    found = {p.step_number: p for p in group.progress.all()}
    return [(step, found.get(step.number)) for step in STEPS]


def current_progress(group: CommunityGroup) -> StepProgress:
    progress, _ = StepProgress.objects.get_or_create(group=group, step_number=group.current_step)
    return progress


@transaction.atomic
def submit_step(
    group: CommunityGroup,
    *,
    user: Any,
    step_number: int,
    checklist_done: list[str],
    evidence: str,
    evidence_url: str = "",
) -> StepProgress:
    """The group sends its current step, every item ticked and evidence given, for sign-off."""
    require(user, "community.edit_group", group)
    group = CommunityGroup.objects.select_for_update().get(pk=group.pk)
    step = BY_NUMBER.get(step_number)
    if step is None or step_number != group.current_step:
        raise ValidationError(
            f"{group} is on step {group.current_step} ({group.step.title}); only that step "
            "can be submitted."
        )
    progress = current_progress(group)
    if progress.status == StepStatus.SIGNED_OFF:
        raise ValidationError(f"Step {step.number} is already signed off.")
    missing = [item for item in step.checklist if item not in checklist_done]
    if missing:
        raise ValidationError(
            "Tick every item of the checklist before you submit the step. Not ticked yet: "
            + "; ".join(missing)
            + "."
        )
    if not evidence.strip():
        raise ValidationError(f"Give the evidence the step needs: {step.evidence}")
    progress.checklist_done = list(step.checklist)
    progress.evidence = evidence.strip()
    progress.evidence_url = evidence_url
    progress.status = StepStatus.SUBMITTED
    progress.submitted_at = timezone.now()
    recorded.save(progress, user)
    for officer in accounts.officers_of(group.place):
        notices.send(
            officer,
            "community.step_submitted",
            title=f"{group} submitted step {step.number} for sign-off",
            body=f"{group} says it has finished “{step.title}”. Check the evidence and sign "
            "it off, or return it with a note.",
            url=group_url(group),
            place=group.place,
            actor=user,
        )
    return progress


def group_url(group: CommunityGroup) -> str:
    from django.urls import reverse

    return reverse("community:group", args=[group.place.slug, group.pk])


@transaction.atomic
def decide_step(
    progress: StepProgress, *, user: Any, approve: bool, note: str = ""
) -> StepProgress:
    """An officer signs the step off (the group moves on) or returns it with a note."""
    require(user, "community.sign_off_step", progress)
    progress = StepProgress.objects.select_for_update().get(pk=progress.pk)
    if progress.status != StepStatus.SUBMITTED:
        raise ValidationError(
            f"Step {progress.step_number} is {progress.get_status_display().lower()}, not "
            "waiting for sign-off."
        )
    if not approve and not note.strip():
        raise ValidationError("Say what the group needs to add when you return a step.")
    progress.status = StepStatus.SIGNED_OFF if approve else StepStatus.RETURNED
    progress.officer_note = note.strip()
    progress.signed_off_by = user if approve else None
    progress.signed_off_at = timezone.now() if approve else None
    recorded.save(progress, user)
    group = progress.group
    if approve and group.current_step < LAST:
        group.current_step += 1
        recorded.save(group, user, update_fields=["current_step"])
        StepProgress.objects.get_or_create(group=group, step_number=group.current_step)
    for editor in accounts.editors_of(group.organisation):
        notices.send(
            editor,
            "community.step_decided",
            title=f"Step {progress.step_number} "
            + ("signed off" if approve else "returned for more evidence"),
            body=progress.officer_note or f"“{progress.step.title}” is signed off.",
            url=group_url(group),
            place=group.place,
            actor=user,
        )
    return progress


# --- mentors --------------------------------------------------------------------------


def mentors(place: Place) -> list[Mentor]:
    return list(Mentor.objects.filter(place=place).select_related("area"))


@transaction.atomic
def add_mentor(
    place: Place,
    *,
    user: Any,
    display_name: str,
    area_code: str,
    skills: list[str],
    hours_per_month: int,
    bio: str = "",
    account: Any = None,
    is_demo: bool = False,
) -> Mentor:
    require(user, "community.manage_mentors", place)
    unknown = [s for s in skills if s not in Skill.values]
    if unknown or not skills:
        raise ValidationError("Choose at least one skill from the list.")
    return Mentor.objects.create(
        place=place,
        user=account,
        display_name=display_name,
        area=_district(place, area_code),
        skills=skills,
        hours_per_month=hours_per_month,
        bio=bio,
        is_demo=is_demo,
    )


@dataclass(frozen=True)
class Match:
    mentor: Mentor
    score: float
    reasons: tuple[str, ...]


def suggested_mentors(group: CommunityGroup, limit: int = 3) -> list[Match]:
    """Mentors ranked by skills x needs x distance, each with its reasons.

    needs = the skills the group asked for plus those its current step calls for;
    skills part = share of needs the mentor covers; distance part = 1 in the group's own
    district, 0.5 elsewhere in the place; capacity: mentors with no hours left are skipped.
    score = skills part x distance part."""
    needs = list(dict.fromkeys([*group.needs, *group.step.skills]))
    matches = []
    for mentor in Mentor.objects.filter(place_id=group.place_id).select_related("area"):
        used = sum(s.hours for s in mentor.sessions.filter(held_on__gte=_month_start()))
        if used >= mentor.hours_per_month:
            continue
        covered = [Skill(n).label for n in needs if n in mentor.skills]
        if not covered:
            continue
        skills_part = len(covered) / len(needs)
        near = mentor.area_id == group.area_id
        distance_part = 1.0 if near else 0.5
        reasons = (
            f"Covers {len(covered)} of {len(needs)} needs: {', '.join(covered)}.",
            f"Based in {mentor.area.name}" + (" (the group's district)." if near else "."),
            f"{mentor.hours_per_month - used:g} hours free this month.",
        )
        matches.append(Match(mentor, skills_part * distance_part, reasons))
    return sorted(matches, key=lambda m: (-m.score, m.mentor.display_name))[:limit]


def _month_start() -> Any:
    today = timezone.localdate()
    return today.replace(day=1)


@transaction.atomic
def log_session(
    group: CommunityGroup,
    *,
    user: Any,
    mentor: Mentor,
    held_on: Any,
    hours: Decimal,
    outcome: str,
) -> MentoringSession:
    require(user, "community.edit_group", group)
    if mentor.place_id != group.place_id:
        raise ValidationError("Choose a mentor of the group's place.")
    if hours <= 0 or hours > 24:
        raise ValidationError("A session lasts more than 0 and at most 24 hours.")
    if held_on > timezone.localdate():
        raise ValidationError("A session cannot be logged before it is held.")
    return recorded.create(
        MentoringSession,
        user,
        group=group,
        mentor=mentor,
        held_on=held_on,
        hours=hours,
        outcome=outcome,
        logged_by=user,
    )
