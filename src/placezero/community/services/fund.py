"""The readiness fund, from round to payment: one service per step, each checking its
permission and its rules, refusing with the reason, and notifying the people concerned.

Rules enforced here (and tested in tests/test_fund.py):
- an application is made before the round's deadline, for no more than its maximum award,
  by a group that has reached the round's step;
- a reviewer declares a conflict of interest (or none) before opening an application; a
  conflicted reviewer is kept out; nobody reviews their own group's application;
- scores are 0-5 or not applicable (left out of the weighted mean);
- a determined application cannot be edited or decided again;
- a claim is for an approved milestone, and all claims together stay within the award;
- a claim is approved by an officer, then by a finance approver (another person), then paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from placezero.accounts import services as accounts
from placezero.accounts.permissions import require

from ..models import (
    Application,
    Award,
    Claim,
    ConflictDeclaration,
    Criterion,
    FundRound,
    Milestone,
    RoundTeamMember,
    Score,
)
from ..options import (
    APPROVED,
    DETERMINED,
    OPEN_CLAIMS,
    ApplicationStatus,
    ClaimStatus,
    MilestoneStatus,
    TeamRole,
)
from . import grants, notices, outputs, recorded

if TYPE_CHECKING:
    from placezero.places.models import Place

    from ..models import CommunityGroup, Project

MAX_SCORE = 5


def rounds(place: Place) -> list[FundRound]:
    return list(FundRound.objects.filter(place=place).prefetch_related("criteria"))


@transaction.atomic
def open_round(
    place: Place,
    *,
    user: Any,
    name: str,
    stage: str,
    budget_gbp: Decimal,
    max_award_gbp: Decimal,
    opens_at: Any,
    deadline: Any,
    eligibility: str,
    criteria: list[tuple[str, int]],
    min_step: int = 4,
    is_demo: bool = False,
) -> FundRound:
    require(user, "community.manage_fund", place)
    if deadline <= opens_at:
        raise ValidationError("The deadline must be after the round opens.")
    if max_award_gbp <= 0 or max_award_gbp > budget_gbp:
        raise ValidationError("The maximum award must be more than £0 and within the budget.")
    if not criteria or any(weight < 1 for _, weight in criteria):
        raise ValidationError("Give at least one criterion, each with a weight of 1 or more.")
    fund_round = FundRound.objects.create(
        place=place,
        name=name,
        stage=stage,
        budget_gbp=budget_gbp,
        max_award_gbp=max_award_gbp,
        opens_at=opens_at,
        deadline=deadline,
        eligibility=eligibility,
        min_step=min_step,
        is_demo=is_demo,
    )
    for order, (title, weight) in enumerate(criteria):
        Criterion.objects.create(round=fund_round, title=title, weight=weight, order=order)
    return fund_round


@transaction.atomic
def name_to_team(fund_round: FundRound, *, user: Any, member: Any, role: TeamRole) -> None:
    require(user, "community.manage_fund", fund_round)
    RoundTeamMember.objects.get_or_create(round=fund_round, user=member, role=role)


def eligibility(fund_round: FundRound, group: CommunityGroup) -> list[str]:
    """Why the group may not apply now (empty when it may)."""
    problems = []
    now = timezone.now()
    if now < fund_round.opens_at:
        problems.append(f"The round opens on {timezone.localtime(fund_round.opens_at):%d %B %Y}.")
    if now > fund_round.deadline:
        problems.append(
            f"The deadline was {timezone.localtime(fund_round.deadline):%H:%M on %d %B %Y}; "
            "the round no longer takes applications."
        )
    if group.place_id != fund_round.place_id:
        problems.append(f"The round is for groups of {fund_round.place}.")
    if group.current_step < fund_round.min_step:
        problems.append(
            f"Groups apply from step {fund_round.min_step}; {group} is on step "
            f"{group.current_step}."
        )
    return problems


@transaction.atomic
def apply(
    fund_round: FundRound,
    group: CommunityGroup,
    *,
    user: Any,
    title: str,
    summary: str,
    amount_requested_gbp: Decimal,
    contact_name: str,
    contact_email: str,
    project: Project | None = None,
) -> Application:
    """Submit an application of the group to the round."""
    require(user, "community.apply", group)
    problems = eligibility(fund_round, group)
    if amount_requested_gbp <= 0:
        problems.append("Ask for more than £0.")
    if amount_requested_gbp > fund_round.max_award_gbp:
        problems.append(
            f"You asked for £{amount_requested_gbp:,.0f}; the most this round awards is "
            f"£{fund_round.max_award_gbp:,.0f}. Ask for that or less."
        )
    if project is not None and project.group_id != group.pk:
        problems.append("Choose one of the group's own projects.")
    if problems:
        raise ValidationError(problems)
    application = recorded.create(
        Application,
        user,
        round=fund_round,
        group=group,
        project=project,
        title=title,
        summary=summary,
        amount_requested_gbp=amount_requested_gbp,
        contact_name=contact_name,
        contact_email=contact_email,
        submitted_by=user,
        submitted_at=timezone.now(),
        status=ApplicationStatus.SUBMITTED,
    )
    for officer in accounts.officers_of(fund_round.place):
        notices.send(
            officer,
            "community.application_submitted",
            title=f"{group} applied to {fund_round}",
            body=f"“{title}” asks for £{amount_requested_gbp:,.0f}.",
            url=application_url(application),
            place=fund_round.place,
            actor=user,
        )
    return application


def application_url(application: Application) -> str:
    return reverse("community:application", args=[application.place.slug, application.pk])


def _not_determined(application: Application) -> None:
    if application.status in DETERMINED:
        raise ValidationError(
            f"This application was determined ({application.get_status_display().lower()}) "
            f"on {timezone.localtime(application.determined_at):%d %B %Y}; it can no longer "
            "be changed."
        )


@transaction.atomic
def edit_application(
    application: Application, *, user: Any, title: str, summary: str, amount_requested_gbp: Any
) -> Application:
    """The group changes its application while it is submitted or more information is asked
    for; never after it is determined."""
    require(user, "community.apply", application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    _not_determined(application)
    if amount_requested_gbp > application.round.max_award_gbp:
        raise ValidationError(
            f"The most this round awards is £{application.round.max_award_gbp:,.0f}."
        )
    application.title, application.summary = title, summary
    application.amount_requested_gbp = amount_requested_gbp
    if application.status == ApplicationStatus.MORE_INFORMATION:
        application.status = ApplicationStatus.SUBMITTED
    recorded.save(application, user)
    return application


@transaction.atomic
def declare(application: Application, *, user: Any, has_conflict: bool, details: str = "") -> Any:
    require(user, "community.declare_conflict", application)
    if has_conflict and not details.strip():
        raise ValidationError("Say what the conflict of interest is.")
    if ConflictDeclaration.objects.filter(application=application, reviewer=user).exists():
        raise ValidationError("You have already declared for this application.")
    return recorded.create(
        ConflictDeclaration,
        user,
        application=application,
        reviewer=user,
        has_conflict=has_conflict,
        details=details.strip(),
    )


@transaction.atomic
def score(
    application: Application, *, user: Any, values: dict[int, int | None], comments: dict[int, str]
) -> list[Score]:
    """A reviewer's scores, one per criterion: 0-5, or None for not applicable."""
    require(user, "community.score", application)
    _not_determined(application)
    criteria = {c.pk: c for c in application.round.criteria.all()}
    if set(values) != set(criteria):
        raise ValidationError("Score every criterion (or mark it not applicable).")
    saved = []
    for pk, value in values.items():
        if value is not None and not 0 <= value <= MAX_SCORE:
            raise ValidationError(f"Scores are 0 to {MAX_SCORE}, or not applicable.")
        found = Score.objects.filter(
            application=application, reviewer=user, criterion=criteria[pk]
        ).first() or Score(application=application, reviewer=user, criterion=criteria[pk])
        found.value, found.comment = value, comments.get(pk, "")
        saved.append(recorded.save(found, user))
    return saved


@dataclass(frozen=True)
class Result:
    reviewers: int
    weighted_mean: float | None  # 0-5; None when nothing was scored
    by_criterion: list[tuple[Criterion, float | None, int]]  # mean, number scored


def weighted_mean(pairs: list[tuple[int | None, int]]) -> float | None:
    """Σ weight x score / Σ weight over the scored (not 'not applicable') criteria."""
    scored = [(value, weight) for value, weight in pairs if value is not None]
    total_weight = sum(weight for _, weight in scored)
    if not total_weight:
        return None
    return sum(value * weight for value, weight in scored) / total_weight


def result(application: Application) -> Result:
    criteria = list(application.round.criteria.all())
    scores = list(application.scores.all())
    reviewers = {s.reviewer_id for s in scores}
    by_criterion = []
    for criterion in criteria:
        values = [s.value for s in scores if s.criterion_id == criterion.pk and s.value is not None]
        mean = sum(values) / len(values) if values else None
        by_criterion.append((criterion, mean, len(values)))
    per_reviewer = [
        weighted_mean([(s.value, s.criterion.weight) for s in scores if s.reviewer_id == reviewer])
        for reviewer in reviewers
    ]
    means = [m for m in per_reviewer if m is not None]
    return Result(len(reviewers), sum(means) / len(means) if means else None, by_criterion)


@transaction.atomic
def determine(
    application: Application,
    *,
    user: Any,
    outcome: ApplicationStatus,
    message: str,
    conditions: str = "",
    amount_gbp: Decimal | None = None,
) -> Application:
    """The panel's decision, recorded by an officer of the place, with the message sent."""
    require(user, "community.determine", application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    _not_determined(application)
    if outcome not in (*DETERMINED, ApplicationStatus.MORE_INFORMATION):
        raise ValidationError("Choose approve, approve with conditions, decline or ask for more.")
    if not message.strip():
        raise ValidationError("Write the message the group will receive.")
    if outcome == ApplicationStatus.APPROVED_WITH_CONDITIONS and not conditions.strip():
        raise ValidationError("Write the conditions of the award.")
    application.status = outcome
    application.determination_message = message.strip()
    application.conditions = conditions.strip()
    if outcome in DETERMINED:
        application.determined_by = user
        application.determined_at = timezone.now()
    recorded.save(application, user)
    if outcome in APPROVED:
        amount = amount_gbp if amount_gbp is not None else application.amount_requested_gbp
        if amount <= 0 or amount > application.round.max_award_gbp:
            raise ValidationError(
                f"The award must be more than £0 and at most "
                f"£{application.round.max_award_gbp:,.0f}."
            )
        recorded.create(
            Award,
            user,
            application=application,
            amount_gbp=amount,
            awarded_on=timezone.localdate(),
            conditions=application.conditions,
        )
    if outcome in APPROVED:
        outputs.sync_place(application.place)
    for editor in accounts.editors_of(application.group.organisation):
        notices.send(
            editor,
            "community.application_determined",
            title=f"{application.title}: {application.get_status_display().lower()}",
            body=application.determination_message,
            url=application_url(application),
            place=application.place,
            actor=user,
        )
    return application


# --- awards, milestones and claims ------------------------------------------------------


@transaction.atomic
def add_milestone(award: Award, *, user: Any, title: str, amount_gbp: Decimal, due_on: date):
    """An officer agrees a milestone of an award, before issuing the grant agreement; it is
    proposed until the group accepts the agreement (`grants.accept_agreement`)."""
    require(user, "community.manage_fund", award)
    if not grants.milestones_open(award):
        raise ValidationError(
            "The grant agreement is issued: its milestones are fixed. Milestones are agreed "
            "before the agreement is issued."
        )
    planned = award.milestones.aggregate(total=Sum("amount_gbp"))["total"] or Decimal(0)
    if amount_gbp <= 0 or planned + amount_gbp > award.amount_gbp:
        raise ValidationError(
            f"Milestones add up to at most the award (£{award.amount_gbp:,.0f}); "
            f"£{award.amount_gbp - planned:,.0f} is left to plan."
        )
    return recorded.create(
        Milestone,
        user,
        award=award,
        title=title,
        amount_gbp=amount_gbp,
        due_on=due_on,
        status=MilestoneStatus.PROPOSED,
    )


def claimed(award: Award) -> Decimal:
    return Claim.objects.filter(milestone__award=award, status__in=OPEN_CLAIMS).aggregate(
        total=Sum("amount_gbp")
    )["total"] or Decimal(0)


def paid(award: Award) -> Decimal:
    return Claim.objects.filter(milestone__award=award, status=ClaimStatus.PAID).aggregate(
        total=Sum("amount_gbp")
    )["total"] or Decimal(0)


@transaction.atomic
def claim(milestone: Milestone, *, user: Any, amount_gbp: Decimal, evidence: str) -> Claim:
    require(user, "community.claim", milestone)
    award = Award.objects.select_for_update().get(pk=milestone.award_id)
    if grants.is_closed(award):
        raise ValidationError(
            "The grant is closed: its end-of-grant report is signed off, so no more claims."
        )
    if milestone.status != MilestoneStatus.APPROVED:
        raise ValidationError(
            f"“{milestone.title}” is not an approved milestone yet; claims are for approved "
            "milestones only (they are approved when the group accepts the grant agreement)."
        )
    if amount_gbp <= 0:
        raise ValidationError("Claim more than £0.")
    already = claimed(award)
    if already + amount_gbp > award.amount_gbp:
        raise ValidationError(
            f"This claim of £{amount_gbp:,.0f} would take the claims above the award of "
            f"£{award.amount_gbp:,.0f} (£{already:,.0f} claimed already): claim at most "
            f"£{award.amount_gbp - already:,.0f}."
        )
    if not evidence.strip():
        raise ValidationError("Give the evidence that the milestone is met.")
    return recorded.create(
        Claim,
        user,
        milestone=milestone,
        amount_gbp=amount_gbp,
        evidence=evidence.strip(),
        submitted_by=user,
    )


def _move(claim_: Claim, expected: ClaimStatus, to: ClaimStatus, user: Any, note: str) -> Claim:
    current = Claim.objects.select_for_update().get(pk=claim_.pk)
    if current.status != expected:
        raise ValidationError(
            f"The claim is {current.get_status_display().lower()}; it cannot be moved to "
            f"{to.label.lower()} from there."
        )
    current.status = to
    if note:
        current.note = note
    return current


@transaction.atomic
def officer_decision(claim_: Claim, *, user: Any, approve: bool, note: str = "") -> Claim:
    require(user, "community.approve_claim", claim_)
    to = ClaimStatus.OFFICER_APPROVED if approve else ClaimStatus.REJECTED
    if not approve and not note.strip():
        raise ValidationError("Say why the claim is rejected.")
    current = _move(claim_, ClaimStatus.SUBMITTED, to, user, note)
    current.officer_approved_by = user if approve else None
    recorded.save(current, user)
    _tell_group(current, user)
    return current


@transaction.atomic
def finance_decision(claim_: Claim, *, user: Any, approve: bool, note: str = "") -> Claim:
    require(user, "community.finance_claim", claim_)
    if not approve and not note.strip():
        raise ValidationError("Say why the claim is rejected.")
    to = ClaimStatus.FINANCE_APPROVED if approve else ClaimStatus.REJECTED
    current = _move(claim_, ClaimStatus.OFFICER_APPROVED, to, user, note)
    if current.officer_approved_by_id == getattr(user, "pk", None):
        raise ValidationError(
            "You approved this claim as the officer; another person approves it for finance."
        )
    current.finance_approved_by = user if approve else None
    recorded.save(current, user)
    _tell_group(current, user)
    return current


@transaction.atomic
def pay(claim_: Claim, *, user: Any, reference: str, paid_on: date | None = None) -> Claim:
    require(user, "community.finance_claim", claim_)
    if not reference.strip():
        raise ValidationError("Give the payment reference.")
    current = _move(claim_, ClaimStatus.FINANCE_APPROVED, ClaimStatus.PAID, user, "")
    current.paid_on = paid_on or timezone.localdate()
    current.payment_reference = reference.strip()
    recorded.save(current, user)
    outputs.sync_place(current.place)
    _tell_group(current, user)
    return current


def _tell_group(claim_: Claim, user: Any) -> None:
    application = claim_.milestone.award.application
    for editor in accounts.editors_of(application.group.organisation):
        notices.send(
            editor,
            "community.claim_changed",
            title=f"Claim for “{claim_.milestone.title}”: {claim_.get_status_display().lower()}",
            body=claim_.note or f"£{claim_.amount_gbp:,.0f}: {claim_.get_status_display()}.",
            url=application_url(application),
            place=application.place,
            actor=user,
        )
