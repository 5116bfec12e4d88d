"""After the panel: the grant agreement and the end-of-grant report.

The order, each step recorded (simple-history) and notified:
1. an officer agrees the award's milestones (`fund.add_milestone`, proposed until accepted);
2. the officer issues the grant agreement: the fund's terms, the panel's conditions (copied
   from the determination) and those milestones, which must add up to the award;
3. an editor of the group accepts it for the group, saying what office they hold; the
   date is kept and the milestones become approved, so claims can be made against them
   (`fund.claim`: officer, then finance, then paid);
4. at the end the group sends its end-of-grant report: outputs, spend, lessons and the
   figures the network counts (members, volunteers, staff, installed MW, generation);
5. an officer signs it off (or returns it with a note); signing off copies the figures to
   the group and its project, closes the grant to further claims, and updates the
   published awards.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from placezero.accounts import services as accounts
from placezero.accounts.permissions import require

from ..models import Award, Claim, EndOfGrantReport, GrantAgreement
from ..options import OPEN_CLAIMS, ClaimStatus, MilestoneStatus, ProjectStatus, ReportStatus
from . import notices, outputs, recorded


def agreement_of(award: Award) -> GrantAgreement | None:
    return GrantAgreement.objects.filter(award=award).first()


def report_of(award: Award) -> EndOfGrantReport | None:
    return EndOfGrantReport.objects.filter(award=award).first()


def is_closed(award: Award) -> bool:
    """A grant closes when its end-of-grant report is signed off."""
    return EndOfGrantReport.objects.filter(award=award, status=ReportStatus.SIGNED_OFF).exists()


def _url(award: Award) -> str:
    application = award.application
    return reverse("community:application", args=[application.place.slug, application.pk])


def _tell_group(award: Award, user: Any, kind: str, title: str, body: str) -> None:
    for editor in accounts.editors_of(award.application.group.organisation):
        notices.send(
            editor, kind, title=title, body=body, url=_url(award), place=award.place, actor=user
        )


def _tell_officers(award: Award, user: Any, kind: str, title: str, body: str) -> None:
    for officer in accounts.officers_of(award.place):
        notices.send(
            officer, kind, title=title, body=body, url=_url(award), place=award.place, actor=user
        )


@transaction.atomic
def issue_agreement(award: Award, *, user: Any, terms: str) -> GrantAgreement:
    require(user, "community.manage_fund", award)
    award = Award.objects.select_for_update().get(pk=award.pk)
    if agreement_of(award) is not None:
        raise ValidationError("The grant agreement of this award is already issued.")
    if not terms.strip():
        raise ValidationError("Write the terms of the grant agreement.")
    planned = award.milestones.aggregate(total=Sum("amount_gbp"))["total"] or Decimal(0)
    if planned != award.amount_gbp:
        raise ValidationError(
            f"The milestones add up to £{planned:,.0f} of the £{award.amount_gbp:,.0f} award: "
            "agree milestones for the whole award before issuing the agreement."
        )
    agreement = recorded.create(
        GrantAgreement,
        user,
        award=award,
        terms=terms.strip(),
        conditions=award.conditions or award.application.conditions,
        issued_by=user,
        issued_at=timezone.now(),
    )
    _tell_group(
        award,
        user,
        "community.agreement_issued",
        f"Your grant agreement for “{award.application.title}” is ready to accept",
        f"£{award.amount_gbp:,.0f} in {award.milestones.count()} milestones; read the terms "
        "and conditions and accept them for the group.",
    )
    return agreement


@transaction.atomic
def accept_agreement(
    agreement: GrantAgreement, *, user: Any, signatory_role: str, confirmed: bool
) -> GrantAgreement:
    require(user, "community.accept_agreement", agreement)
    agreement = GrantAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.accepted:
        raise ValidationError(
            f"The agreement was accepted on {timezone.localtime(agreement.accepted_at):%d %B %Y}."
        )
    if not confirmed:
        raise ValidationError("Tick to confirm that the group accepts the terms and conditions.")
    if not signatory_role.strip():
        raise ValidationError("Say what office you hold in the group (for example Chair).")
    agreement.accepted_by = user
    agreement.accepted_at = timezone.now()
    agreement.signatory_role = signatory_role.strip()[:80]
    recorded.save(agreement, user)
    for milestone in agreement.award.milestones.filter(status=MilestoneStatus.PROPOSED):
        milestone.status = MilestoneStatus.APPROVED
        recorded.save(milestone, user)
    _tell_officers(
        agreement.award,
        user,
        "community.agreement_accepted",
        f"{agreement.award.application.group} accepted its grant agreement",
        f"“{agreement.award.application.title}”: its milestones are approved for claims.",
    )
    return agreement


@transaction.atomic
def submit_report(award: Award, *, user: Any, **fields: Any) -> EndOfGrantReport:
    """The group's end-of-grant report (a returned one is changed and sent again)."""
    require(user, "community.report", award)
    award = Award.objects.select_for_update().get(pk=award.pk)
    agreement = agreement_of(award)
    if agreement is None or not agreement.accepted:
        raise ValidationError("The report follows the grant: accept the grant agreement first.")
    problems = []
    spend = fields["spend_gbp"]
    if spend < 0 or spend > award.amount_gbp:
        problems.append(f"Spend is between £0 and the award (£{award.amount_gbp:,.0f}).")
    for name, label in (("installed_mw", "Installed MW"), ("generation_mwh_per_year", "MWh")):
        if fields.get(name, 0) < 0:
            problems.append(f"{label} cannot be negative.")
    waiting = Claim.objects.filter(
        milestone__award=award,
        status__in=[s for s in OPEN_CLAIMS if s != ClaimStatus.PAID],
    ).count()
    if waiting:
        problems.append(
            f"{waiting} claim{'s are' if waiting > 1 else ' is'} still waiting for a decision or "
            "payment: report when every claim is settled."
        )
    if problems:
        raise ValidationError(problems)
    report = report_of(award)
    if report is not None and report.status != ReportStatus.RETURNED:
        raise ValidationError(
            f"The report is {report.get_status_display().lower()}; it can be changed only "
            "when the officer returns it."
        )
    report = report or EndOfGrantReport(award=award)
    for name, value in fields.items():
        setattr(report, name, value)
    report.status = ReportStatus.SUBMITTED
    report.submitted_by, report.submitted_at = user, timezone.now()
    recorded.save(report, user)
    _tell_officers(
        award,
        user,
        "community.report_submitted",
        f"{award.application.group} sent its end-of-grant report",
        f"“{award.application.title}”: £{spend:,.0f} spent; sign it off or return it.",
    )
    return report


@transaction.atomic
def decide_report(
    report: EndOfGrantReport, *, user: Any, approve: bool, note: str = ""
) -> EndOfGrantReport:
    require(user, "community.sign_off_report", report)
    report = EndOfGrantReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(f"The report is {report.get_status_display().lower()} already.")
    if not approve and not note.strip():
        raise ValidationError("Say what the group should change in its report.")
    report.status = ReportStatus.SIGNED_OFF if approve else ReportStatus.RETURNED
    report.decided_by, report.decided_at = user, timezone.now()
    report.officer_note = note.strip()
    recorded.save(report, user)
    award = report.award
    if approve:
        _feed_the_network(report, user)
        outputs.sync_place(award.place)
    _tell_group(
        award,
        user,
        "community.report_decided",
        f"End-of-grant report: {report.get_status_display().lower()}",
        report.officer_note or "Thank you: the grant is closed and your figures are counted.",
    )
    return report


def _feed_the_network(report: EndOfGrantReport, user: Any) -> None:
    """The signed-off figures become the group's own, and its project's when it operates."""
    application = report.award.application
    group = application.group
    group.members, group.volunteers, group.staff = report.members, report.volunteers, report.staff
    recorded.save(group, user)
    project = application.project
    if project is not None and report.installed_mw > 0:
        project.status = ProjectStatus.OPERATING
        project.reported_mw = report.installed_mw
        project.reported_mwh_per_year = report.generation_mwh_per_year
        recorded.save(project, user)


def milestones_open(award: Award) -> bool:
    """Milestones may be added until the agreement is issued."""
    return agreement_of(award) is None
