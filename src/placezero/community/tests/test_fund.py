"""The readiness fund through its services: each rule, and each bad input refused with the
reason (the issue's list: late, over the maximum, own group's, determined, claims)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from placezero.accounts.permissions import check
from placezero.community.models import Application, Claim
from placezero.community.options import ClaimStatus
from placezero.community.services import fund, personal_data

from .conftest import advance


def apply(w, **changes):
    values = dict(
        user=w.founder,
        title="Feasibility study",
        summary="Study.",
        amount_requested_gbp=Decimal("30000"),
        contact_name="Alex Example",
        contact_email="alex@example.invalid",
    )
    values.update(changes)
    return fund.apply(w.round, w.group, **values)


def test_applying_after_the_deadline_is_refused_with_the_reason(world) -> None:
    advance(world.group, 5)
    world.round.deadline = timezone.now() - timedelta(minutes=1)
    world.round.save()
    with pytest.raises(ValidationError, match="the round no longer takes applications"):
        apply(world)
    assert not Application.objects.exists()


def test_applying_over_the_maximum_is_refused_with_the_reason(world) -> None:
    advance(world.group, 5)
    with pytest.raises(ValidationError, match="the most this round awards is £40,000"):
        apply(world, amount_requested_gbp=Decimal("40001"))


def test_a_group_before_the_rounds_step_cannot_apply(world) -> None:
    with pytest.raises(ValidationError, match="Groups apply from step 4"):
        apply(world)


def test_applying_notifies_the_officers_of_the_place(world) -> None:
    advance(world.group, 5)
    mail.outbox.clear()
    apply(world)
    recipients = {address for message in mail.outbox for address in message.to}
    assert world.officer.email in recipients
    assert world.other_officer.email not in recipients


def test_a_reviewer_declares_before_opening_and_a_conflicted_one_is_kept_out(applied) -> None:
    w = applied
    a = w.application
    refused = check(w.reviewer1, "community.see_application", a)
    assert not refused.allowed and "Declare whether you have a conflict" in refused.reason
    fund.declare(a, user=w.reviewer1, has_conflict=False)
    assert check(w.reviewer1, "community.see_application", a).allowed
    fund.declare(a, user=w.reviewer3, has_conflict=True, details="My sister chairs the board.")
    verdict = check(w.reviewer3, "community.see_application", a)
    assert not verdict.allowed and "declared a conflict of interest" in verdict.reason
    with pytest.raises(PermissionDenied, match="declared a conflict of interest"):
        fund.score(a, user=w.reviewer3, values={}, comments={})
    with pytest.raises(ValidationError, match="already declared"):
        fund.declare(a, user=w.reviewer1, has_conflict=True, details="changed my mind")
    with pytest.raises(ValidationError, match="Say what the conflict"):
        fund.declare(a, user=w.reviewer2, has_conflict=True)


def test_a_reviewer_cannot_score_their_own_groups_application(applied) -> None:
    w = applied  # the founder of the group is also a reviewer of the round
    with pytest.raises(PermissionDenied, match="You belong to Test Community Energy"):
        fund.declare(w.application, user=w.founder, has_conflict=False)
    with pytest.raises(PermissionDenied, match="You belong to Test Community Energy"):
        fund.score(w.application, user=w.founder, values={}, comments={})


def test_scores_make_a_weighted_mean_leaving_out_not_applicable(applied) -> None:
    w = applied
    a = w.application
    benefit, deliver, value = list(w.round.criteria.all())
    for reviewer in (w.reviewer1, w.reviewer2):
        fund.declare(a, user=reviewer, has_conflict=False)
    # reviewer 1: (3x4 + 2x3 + 1x5) / 6 = 23/6; reviewer 2: value n/a -> (3x2 + 2x5) / 5 = 16/5
    fund.score(a, user=w.reviewer1, values={benefit.pk: 4, deliver.pk: 3, value.pk: 5}, comments={})
    fund.score(
        a, user=w.reviewer2, values={benefit.pk: 2, deliver.pk: 5, value.pk: None}, comments={}
    )
    result = fund.result(a)
    assert result.reviewers == 2
    assert result.weighted_mean == pytest.approx((23 / 6 + 16 / 5) / 2)
    with pytest.raises(ValidationError, match="Scores are 0 to 5"):
        fund.score(
            a, user=w.reviewer1, values={benefit.pk: 6, deliver.pk: 1, value.pk: 1}, comments={}
        )
    with pytest.raises(ValidationError, match="Score every criterion"):
        fund.score(a, user=w.reviewer1, values={benefit.pk: 1}, comments={})
    assert (
        a.scores.get(reviewer=w.reviewer1, criterion=benefit).history.first().history_user
        == w.reviewer1
    )


def test_a_determined_application_cannot_be_edited_or_decided_again(awarded) -> None:
    w = awarded
    with pytest.raises(ValidationError, match="it can no longer be changed"):
        fund.edit_application(
            w.application,
            user=w.founder,
            title="New",
            summary="x",
            amount_requested_gbp=Decimal(1),
        )
    with pytest.raises(ValidationError, match="it can no longer be changed"):
        fund.determine(w.application, user=w.officer, outcome="declined", message="No.")
    assert w.award.conditions == "Share the study with the network."


def test_approving_with_conditions_needs_the_conditions_and_a_message(applied) -> None:
    w = applied
    with pytest.raises(ValidationError, match="Write the conditions"):
        fund.determine(
            w.application, user=w.officer, outcome="approved_with_conditions", message="Yes"
        )
    with pytest.raises(ValidationError, match="Write the message"):
        fund.determine(w.application, user=w.officer, outcome="declined", message=" ")
    with pytest.raises(PermissionDenied):
        fund.determine(w.application, user=w.other_officer, outcome="declined", message="No")


def test_a_claim_goes_officer_then_finance_then_paid(awarded) -> None:
    w = awarded
    claim = fund.claim(
        w.milestone, user=w.founder, amount_gbp=Decimal("12000"), evidence="Signed contract."
    )
    with pytest.raises(PermissionDenied):
        fund.finance_decision(claim, user=w.officer, approve=True)
    with pytest.raises(ValidationError, match="cannot be moved"):
        fund.pay(claim, user=w.finance, reference="PAY-1")
    fund.officer_decision(claim, user=w.officer, approve=True)
    fund.finance_decision(claim, user=w.finance, approve=True)
    paid = fund.pay(claim, user=w.finance, reference="PAY-1")
    assert paid.status == ClaimStatus.PAID and fund.paid(w.award) == Decimal("12000")
    statuses = [h.status for h in paid.history.order_by("history_date")]
    assert statuses == ["submitted", "officer_approved", "finance_approved", "paid"]


def test_the_officer_who_approved_a_claim_cannot_also_approve_it_for_finance(awarded) -> None:
    w = awarded
    fund.name_to_team(w.round, user=w.officer, member=w.officer, role="finance")
    claim = fund.claim(w.milestone, user=w.founder, amount_gbp=Decimal("100"), evidence="x")
    fund.officer_decision(claim, user=w.officer, approve=True)
    with pytest.raises(ValidationError, match="another person approves it for finance"):
        fund.finance_decision(claim, user=w.officer, approve=True)


def test_a_claim_above_the_award_is_refused_with_the_reason(awarded) -> None:
    w = awarded
    second = w.milestone2
    fund.claim(w.milestone, user=w.founder, amount_gbp=Decimal("12000"), evidence="Contract.")
    with pytest.raises(ValidationError, match="would take the claims above the award of £30,000"):
        fund.claim(second, user=w.founder, amount_gbp=Decimal("18001"), evidence="Study.")
    assert Claim.objects.count() == 1


def test_a_claim_for_an_unapproved_milestone_is_refused_with_the_reason(awarded) -> None:
    w = awarded
    w.milestone.status = "proposed"
    w.milestone.save()
    with pytest.raises(ValidationError, match="is not an approved milestone yet"):
        fund.claim(w.milestone, user=w.founder, amount_gbp=Decimal("100"), evidence="x")


def test_milestones_stay_within_the_award(determined) -> None:
    w = determined
    fund.add_milestone(
        w.award,
        user=w.officer,
        title="Study commissioned",
        amount_gbp=Decimal("12000"),
        due_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="£18,000 is left to plan"):
        fund.add_milestone(
            w.award,
            user=w.officer,
            title="Too much",
            amount_gbp=Decimal("20000"),
            due_on=timezone.localdate(),
        )


def test_the_applicant_exports_and_erases_their_details_history_included(applied) -> None:
    w = applied
    exported = personal_data.export(w.founder)
    assert exported["applications"][0]["contact_email"] == "alex@example.invalid"
    personal_data.erase(w.founder)
    w.application.refresh_from_db()
    assert (w.application.contact_name, w.application.contact_email) == ("", "")
    assert not hasattr(w.application.history.first(), "contact_email")  # never in history
    assert not w.application.history.filter(submitted_by=w.founder).exists()
    assert personal_data.export(w.founder)["applications"] == []
    with pytest.raises(PermissionDenied):
        from django.contrib.auth.models import AnonymousUser

        personal_data.export(AnonymousUser())


def test_an_award_and_a_payment_update_the_published_awards(awarded) -> None:
    from placezero.publishing import services as publishing

    w = awarded
    (published,) = publishing.outputs(place=w.place, kind="community.awards")
    assert "£30,000 awarded and £0 paid" in published.summary
    claim = fund.claim(w.milestone, user=w.founder, amount_gbp=Decimal("12000"), evidence="x")
    fund.officer_decision(claim, user=w.officer, approve=True)
    fund.finance_decision(claim, user=w.finance, approve=True)
    fund.pay(claim, user=w.finance, reference="PAY-1")
    (published,) = publishing.outputs(place=w.place, kind="community.awards")
    assert "£30,000 awarded and £12,000 paid" in published.summary
