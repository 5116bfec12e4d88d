"""The pages a group, reviewers, the panel and finance use, end to end through the Django
test client (the browser test walks the same path with axe): every change made by a POST,
every refusal shown with its reason on the page."""

from __future__ import annotations

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from placezero.community.forms import BusinessCaseForm
from placezero.community.models import Application, Claim, CommunityGroup
from placezero.community.services import projects
from placezero.community.steps import BY_NUMBER

from .conftest import advance, charnwood


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return response.content.decode()


def test_a_group_registers_submits_a_step_and_an_officer_signs_it_off(world) -> None:
    founder = as_user(world.resident)
    slug = world.place.slug
    response = founder.post(
        reverse("community:register", args=[slug]),
        {
            "name": "Page Energy",
            "area_code": charnwood(world.place).code,
            "legal_form": "cbs",
            "members": 3,
            "volunteers": 2,
            "staff": 0,
        },
    )
    group = CommunityGroup.objects.get(name="Page Energy")
    assert response.status_code == 302
    step_url = reverse("community:submit_step", args=[slug, group.pk])
    refused = founder.post(
        step_url, {"checklist_done": [BY_NUMBER[1].checklist[0]], "evidence": "x"}
    )
    assert refused.status_code == 400 and "Not ticked yet" in text(refused)
    founder.post(step_url, {"checklist_done": list(BY_NUMBER[1].checklist), "evidence": "Notes"})
    progress = group.progress.get(step_number=1)
    assert progress.status == "submitted"
    officer = as_user(world.officer)
    officer.post(
        reverse("community:decide_step", args=[slug, progress.pk]), {"decision": "approve"}
    )
    group.refresh_from_db()
    assert group.current_step == 2
    page = text(officer.get(reverse("community:group", args=[slug, group.pk])))
    assert "2. Form and govern" in page


def test_bad_registration_input_is_shown_with_the_reason(world) -> None:
    response = as_user(world.resident).post(
        reverse("community:register", args=[world.place.slug]),
        {
            "name": "Test Community Energy",
            "area_code": charnwood(world.place).code,
            "legal_form": "cbs",
            "members": 0,
            "volunteers": 0,
            "staff": 0,
        },
    )
    assert response.status_code == 200 and "is already registered" in text(response)


def test_editing_the_business_case_on_its_page_changes_the_payback(world) -> None:
    advance(world.group, 4)
    key = next(o.key for o in projects.opportunities(world.place) if o.technology == "solar_ground")
    client = as_user(world.founder)
    response = client.post(
        reverse("community:adopt", args=[world.place.slug]), {"key": key, "group": world.group.pk}
    )
    project = world.group.projects.get()
    assert response.status_code == 302
    page_url = reverse("community:project", args=[world.place.slug, project.pk])
    before = text(client.get(page_url))
    record = project.case
    values = {name: getattr(record, name) for name in BusinessCaseForm.Meta.fields}
    values["export_price_gbp_per_mwh"] = 120
    assert client.post(page_url, values).status_code == 302
    after = text(client.get(page_url))
    payback = lambda page: page.split("data-payback>")[1].split("<")[0]  # noqa: E731
    assert payback(before) != payback(after)
    values["onsite_share"] = 3
    refused = client.post(page_url, values)
    assert refused.status_code == 400 and "between 0 and 1" in text(refused)
    xlsx = client.get(reverse("community:project_xlsx", args=[world.place.slug, project.pk]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_a_loan_on_the_business_case_page_shows_its_annuity_and_equity_irr(world) -> None:
    advance(world.group, 4)
    key = next(o.key for o in projects.opportunities(world.place) if o.technology == "solar_ground")
    client = as_user(world.founder)
    client.post(
        reverse("community:adopt", args=[world.place.slug]), {"key": key, "group": world.group.pk}
    )
    project = world.group.projects.get()
    page_url = reverse("community:project", args=[world.place.slug, project.pk])
    record = project.case
    values = {name: getattr(record, name) for name in BusinessCaseForm.Meta.fields}
    capex = record.capex_gbp
    values.update(
        grant_gbp=0,
        loan_gbp=round(capex * 0.6, 2),
        share_capital_gbp=round(capex - round(capex * 0.6, 2), 2),
        loan_rate=0.06,
        loan_term_years=15,
        share_interest_rate=0.04,
        share_repayment_years=0,
    )
    assert client.post(page_url, values).status_code == 302
    page = text(client.get(page_url))
    expected = round(capex * 0.6, 2) * 0.06 / (1 - 1.06**-15)
    shown = page.split("data-loan-payment>")[1].split(" a year")[0]
    assert shown == f"£{expected:,.0f}"
    assert "Equity IRR (after the loan)" in page and "Loan interest" in page
    values["loan_term_years"] = 0
    refused = client.post(page_url, values)
    assert refused.status_code == 400 and "term must be between 1 year" in text(refused)


def test_late_and_over_the_maximum_applications_are_refused_on_the_page(world) -> None:
    advance(world.group, 5)
    client = as_user(world.founder)
    target = reverse("community:apply", args=[world.place.slug, world.round.pk, world.group.pk])
    data = {
        "title": "Study",
        "summary": "x",
        "amount_requested_gbp": "45000",
        "contact_name": "A",
        "contact_email": "a@example.invalid",
    }
    over = client.post(target, data)
    assert over.status_code == 400 and "the most this round awards is £40,000" in text(over)
    world.round.deadline = timezone.now() - timedelta(hours=1)
    world.round.save()
    late = client.post(target, {**data, "amount_requested_gbp": "100"})
    assert "the round no longer takes applications" in text(late)
    assert not Application.objects.exists()


def test_review_decision_claims_and_payment_through_the_pages(applied) -> None:
    w = applied
    slug, pk = w.place.slug, w.application.pk
    app_url = reverse("community:application", args=[slug, pk])
    # A reviewer is sent to declare first; a conflicted one is then kept out.
    r3 = as_user(w.reviewer3)
    assert r3.get(app_url).url == reverse("community:declare", args=[slug, pk])
    r3.post(
        reverse("community:declare", args=[slug, pk]), {"has_conflict": "yes", "details": "Friend."}
    )
    assert r3.get(app_url).status_code == 403
    criteria = list(w.round.criteria.all())
    for reviewer, value in ((w.reviewer1, "4"), (w.reviewer2, "na")):
        client = as_user(reviewer)
        client.post(reverse("community:declare", args=[slug, pk]), {"has_conflict": "no"})
        scores = {f"score_{c.pk}": "3" for c in criteria}
        scores[f"score_{criteria[-1].pk}"] = value
        assert client.post(reverse("community:score", args=[slug, pk]), scores).status_code == 302
    officer = as_user(w.officer)
    assert "2 reviewers scored" in text(officer.get(app_url))
    officer.post(
        reverse("community:determine", args=[slug, pk]),
        {
            "outcome": "approved_with_conditions",
            "amount_gbp": "30000",
            "conditions": "Share the study.",
            "message": "Approved, with a condition.",
        },
    )
    founder = as_user(w.founder)
    refused = founder.post(
        reverse("community:application_edit", args=[slug, pk]),
        {"title": "New", "summary": "x", "amount_requested_gbp": "10"},
    )
    assert "it can no longer be changed" in text(refused)
    officer.post(
        reverse("community:milestone", args=[slug, pk]),
        {"title": "Study commissioned", "amount_gbp": "10000", "due_on": "2027-01-31"},
    )
    milestone = w.application.award.milestones.get()
    agreement_url = reverse("community:agreement", args=[slug, pk])
    accept_url = reverse("community:accept_agreement", args=[slug, pk])
    short = officer.post(agreement_url, {"terms": "Report within a year."})
    assert short.status_code == 400 and "add up to £10,000 of the £30,000 award" in text(short)
    officer.post(
        reverse("community:milestone", args=[slug, pk]),
        {"title": "Study delivered", "amount_gbp": "20000", "due_on": "2027-06-30"},
    )
    assert officer.post(agreement_url, {"terms": "Report within a year."}).status_code == 302
    early = founder.post(
        reverse("community:claim", args=[slug, pk]),
        {"milestone": milestone.pk, "amount_gbp": "100", "evidence": "x"},
    )
    assert early.status_code == 400 and "accepts the grant agreement" in text(early)
    unticked = founder.post(accept_url, {"signatory_role": "Chair"})
    assert unticked.status_code == 400 and "Tick to confirm" in text(unticked)
    assert founder.post(accept_url, {"signatory_role": "Chair", "confirmed": "yes"}).url
    assert "Accepted on" in text(founder.get(app_url))
    over = founder.post(
        reverse("community:claim", args=[slug, pk]),
        {"milestone": milestone.pk, "amount_gbp": "30001", "evidence": "x"},
    )
    assert "above the award of £30,000" in text(over)
    founder.post(
        reverse("community:claim", args=[slug, pk]),
        {"milestone": milestone.pk, "amount_gbp": "10000", "evidence": "Contract"},
    )
    claim = Claim.objects.get()
    network_url = reverse("community:network", args=[slug])
    assert "£30,000 awarded, £0 paid" in text(Client().get(network_url))
    action = lambda who, step, data=None: as_user(who).post(  # noqa: E731
        reverse("community:claim_action", args=[slug, pk, claim.pk, step]), data or {}
    )
    assert action(w.finance, "finance").status_code == 400  # finance cannot go first
    action(w.officer, "officer")
    action(w.finance, "finance")
    action(w.finance, "pay", {"reference": "BACS-001"})
    claim.refresh_from_db()
    assert claim.status == "paid"
    assert "£30,000 awarded, £10,000 paid" in text(Client().get(network_url))

    # The end-of-grant report through the pages: sent by the group, returned, sent again,
    # signed off by the officer; the network then counts the group's reported members.
    report_url = reverse("community:report", args=[slug, pk])
    decide_url = reverse("community:decide_report", args=[slug, pk])
    report = {
        "outputs": "The study.",
        "spend_gbp": "10000",
        "lessons": "Start early.",
        "installed_mw": "0",
        "generation_mwh_per_year": "0",
        "members": "64",
        "volunteers": "9",
        "staff": "0",
    }
    over_spend = founder.post(report_url, {**report, "spend_gbp": "40000"})
    assert over_spend.status_code == 400 and "Spend is between £0 and the award" in text(over_spend)
    assert founder.post(report_url, report).status_code == 302
    no_note = officer.post(decide_url, {"decision": "return"})
    assert no_note.status_code == 400 and "Say what the group should change" in text(no_note)
    officer.post(decide_url, {"decision": "return", "note": "Say what the study found."})
    assert founder.post(report_url, {**report, "outputs": "The study: the roof is fit."}).url
    assert officer.post(decide_url, {"decision": "sign_off"}).status_code == 302
    assert "Signed off" in text(founder.get(app_url))
    assert "64, 9, 0" in text(Client().get(network_url))


def test_a_person_downloads_and_erases_their_own_data(applied) -> None:
    client = as_user(applied.founder)
    exported = client.get(reverse("community:my_data") + "?format=json")
    assert b"alex@example.invalid" in exported.content
    assert client.post(reverse("community:my_data"), {}).status_code == 400
    client.post(reverse("community:my_data"), {"confirm": "erase"})
    applied.application.refresh_from_db()
    assert applied.application.contact_email == ""
