"""After the panel: the grant agreement (terms, the panel's conditions, milestones, accepted
for the group with the date), claims only under an accepted agreement, and the end-of-grant
report whose sign-off feeds the network's figures. Every step keeps its history and tells
the people concerned."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from placezero.activity.models import Notification
from placezero.community.options import MilestoneStatus, ProjectStatus, ReportStatus
from placezero.community.services import fund, grants, network

from .conftest import agree_milestones

TERMS = "Spend the grant on the study; report within a year."
REPORT = dict(
    outputs="A feasibility study of the site, shared with the network.",
    spend_gbp=Decimal("12000"),
    lessons="Ask the network operator early.",
    installed_mw=1.5,
    generation_mwh_per_year=1400.0,
    members=120,
    volunteers=14,
    staff=1,
)


def _pay(w, milestone, amount):
    claim = fund.claim(milestone, user=w.founder, amount_gbp=Decimal(amount), evidence="Done.")
    fund.officer_decision(claim, user=w.officer, approve=True)
    fund.finance_decision(claim, user=w.finance, approve=True)
    return fund.pay(claim, user=w.finance, reference="PAY-1")


def test_the_agreement_is_issued_with_the_panels_conditions_once_milestones_cover_the_award(
    determined,
) -> None:
    w = determined
    with pytest.raises(ValidationError, match="add up to £0 of the £30,000 award"):
        grants.issue_agreement(w.award, user=w.officer, terms=TERMS)
    agree_milestones(w)
    assert w.milestone.status == MilestoneStatus.PROPOSED
    with pytest.raises(ValidationError, match="not an approved milestone yet"):
        fund.claim(w.milestone, user=w.founder, amount_gbp=Decimal("100"), evidence="x")
    with pytest.raises(PermissionDenied):
        grants.issue_agreement(w.award, user=w.founder, terms=TERMS)
    agreement = grants.issue_agreement(w.award, user=w.officer, terms=TERMS)
    assert agreement.conditions == "Share the study with the network."
    assert Notification.objects.filter(
        recipient=w.founder, kind="community.agreement_issued"
    ).exists()
    with pytest.raises(ValidationError, match="milestones are fixed"):
        fund.add_milestone(
            w.award,
            user=w.officer,
            title="More",
            amount_gbp=Decimal("1"),
            due_on=w.award.awarded_on,
        )
    with pytest.raises(ValidationError, match="already issued"):
        grants.issue_agreement(w.award, user=w.officer, terms=TERMS)


def test_the_group_accepts_the_agreement_with_the_date_and_its_milestones_open_for_claims(
    determined,
) -> None:
    w = determined
    agree_milestones(w)
    agreement = grants.issue_agreement(w.award, user=w.officer, terms=TERMS)
    with pytest.raises(PermissionDenied):
        grants.accept_agreement(
            agreement, user=w.group_member, signatory_role="Chair", confirmed=True
        )
    with pytest.raises(ValidationError, match="Tick to confirm"):
        grants.accept_agreement(agreement, user=w.founder, signatory_role="Chair", confirmed=False)
    with pytest.raises(ValidationError, match="what office you hold"):
        grants.accept_agreement(agreement, user=w.founder, signatory_role=" ", confirmed=True)
    accepted = grants.accept_agreement(
        agreement, user=w.founder, signatory_role="Chair", confirmed=True
    )
    assert accepted.accepted_at is not None and accepted.accepted_by == w.founder
    assert set(w.award.milestones.values_list("status", flat=True)) == {MilestoneStatus.APPROVED}
    assert [h.accepted_at is None for h in accepted.history.order_by("history_date")] == [
        True,
        False,
    ]
    assert Notification.objects.filter(
        recipient=w.officer, kind="community.agreement_accepted"
    ).exists()
    with pytest.raises(ValidationError, match="was accepted on"):
        grants.accept_agreement(agreement, user=w.founder, signatory_role="Chair", confirmed=True)


def test_the_report_waits_for_settled_claims_and_its_sign_off_feeds_the_network(awarded) -> None:
    w = awarded
    claim = fund.claim(w.milestone, user=w.founder, amount_gbp=Decimal("12000"), evidence="x")
    with pytest.raises(ValidationError, match="1 claim is still waiting"):
        grants.submit_report(w.award, user=w.founder, **REPORT)
    fund.officer_decision(claim, user=w.officer, approve=True)
    fund.finance_decision(claim, user=w.finance, approve=True)
    fund.pay(claim, user=w.finance, reference="PAY-1")
    with pytest.raises(ValidationError, match="Spend is between £0 and the award"):
        grants.submit_report(w.award, user=w.founder, **{**REPORT, "spend_gbp": Decimal("31000")})
    with pytest.raises(PermissionDenied):
        grants.submit_report(w.award, user=w.group_member, **REPORT)
    before = network.totals(w.place)
    report = grants.submit_report(w.award, user=w.founder, **REPORT)
    assert Notification.objects.filter(
        recipient=w.officer, kind="community.report_submitted"
    ).exists()
    with pytest.raises(ValidationError, match="can be changed only when the officer returns it"):
        grants.submit_report(w.award, user=w.founder, **REPORT)
    with pytest.raises(ValidationError, match="Say what the group should change"):
        grants.decide_report(report, user=w.officer, approve=False)
    with pytest.raises(PermissionDenied):
        grants.decide_report(report, user=w.founder, approve=True)
    returned = grants.decide_report(report, user=w.officer, approve=False, note="Add the spend.")
    assert returned.status == ReportStatus.RETURNED
    report = grants.submit_report(w.award, user=w.founder, **REPORT)
    signed = grants.decide_report(report, user=w.officer, approve=True)
    assert signed.status == ReportStatus.SIGNED_OFF
    statuses = [h.status for h in signed.history.order_by("history_date")]
    assert statuses == ["submitted", "returned", "submitted", "signed_off"]

    after = network.totals(w.place)
    w.group.refresh_from_db()
    w.project.refresh_from_db()
    assert (w.group.members, w.group.volunteers, w.group.staff) == (120, 14, 1)
    assert w.project.status == ProjectStatus.OPERATING and w.project.reported_mw == 1.5
    assert after.members == before.members - 40 + 120
    assert after.installed_mw == pytest.approx(before.installed_mw + 1.5)
    assert after.generation_mwh_per_year == pytest.approx(before.generation_mwh_per_year + 1400)
    assert Notification.objects.filter(
        recipient=w.founder, kind="community.report_decided"
    ).exists()
    with pytest.raises(ValidationError, match="The grant is closed"):
        fund.claim(w.milestone2, user=w.founder, amount_gbp=Decimal("100"), evidence="x")


def test_a_person_who_accepted_an_agreement_exports_and_erases_it(awarded) -> None:
    from placezero.community.services import personal_data

    w = awarded
    exported = personal_data.export(w.founder)
    assert exported["grant_agreements_accepted"][0]["office"] == "Chair"
    personal_data.erase(w.founder)
    w.agreement.refresh_from_db()
    assert w.agreement.accepted_by is None and w.agreement.accepted_at is not None
    assert not w.agreement.history.filter(accepted_by=w.founder).exists()
