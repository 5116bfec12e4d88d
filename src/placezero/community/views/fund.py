"""The readiness fund's pages: rounds, applying, reviewing (declare, then score), the
panel's determination, milestones, claims and payments. Every change goes through
`services.fund`, which refuses bad input with the reason; the views show it on the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from placezero.accounts.permissions import check, enforce, has, requires
from placezero.web.forms import add_service_errors

from .. import forms
from ..models import Milestone
from ..options import APPROVED, DETERMINED, ClaimStatus, TeamRole
from ..services import fund, grants, journey
from . import common


@require_GET
@requires("community.view", get_object=common.place)
def rounds(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    return render(
        request,
        "community/rounds.html",
        {
            "place": place,
            "rounds": fund.rounds(place),
            "can_manage": has(request.user, "community.manage_fund", place),
        },
    )


@requires("community.manage_fund", get_object=common.place)
def round_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    form = forms.RoundForm(request.POST or None, initial={"min_step": 4})
    if request.method == "POST" and form.is_valid():
        try:
            created = fund.open_round(place, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{created} is open.")
            return redirect("community:round", place_slug=place.slug, round_id=created.pk)
    return render(
        request,
        "community/round_new.html",
        {"place": place, "form": form},
        status=400 if form.errors else 200,
    )


@require_GET
@requires("community.view", get_object=common.fund_round)
def round_detail(request: HttpRequest, place_slug: str, round_id: int) -> HttpResponse:
    found = common.fund_round(request, place_slug, round_id)
    return _round_page(request, found)


def _round_page(request, found, team_form=None, status=200):
    user = request.user
    mine = [g for g in journey.groups_of(user) if g.place_id == found.place_id]
    applications = [
        a
        for a in found.applications.select_related("group")
        if has(user, "community.see_application", a) or has(user, "community.declare_conflict", a)
    ]
    return render(
        request,
        "community/round.html",
        {
            "place": found.place,
            "round": found,
            "criteria": found.criteria.all(),
            "can_manage": has(user, "community.manage_fund", found),
            "team": found.team.select_related("user"),
            "team_form": team_form or forms.TeamForm(),
            "eligible": [(g, fund.eligibility(found, g)) for g in mine],
            "applications": [(a, fund.result(a)) for a in applications],
        },
        status=status,
    )


@require_POST
@requires("community.manage_fund", get_object=common.fund_round)
def round_team(request: HttpRequest, place_slug: str, round_id: int) -> HttpResponse:
    found = common.fund_round(request, place_slug, round_id)
    form = forms.TeamForm(request.POST)
    if form.is_valid():
        member = get_user_model().objects.filter(username=form.cleaned_data["username"]).first()
        if member is None:
            form.add_error("username", "No account has that username: check the spelling.")
        else:
            fund.name_to_team(
                found, user=request.user, member=member, role=TeamRole(form.cleaned_data["role"])
            )
            messages.success(request, f"{member} is on the round's team.")
            return redirect("community:round", place_slug=place_slug, round_id=found.pk)
    return _round_page(request, found, team_form=form, status=400)


@requires("community.apply", get_object=common.group)
def apply(request: HttpRequest, place_slug: str, round_id: int, group_id: int) -> HttpResponse:
    found_round = common.fund_round(request, place_slug, round_id)
    group = common.group(request, place_slug, group_id)
    projects = list(group.projects.all())
    form = forms.ApplicationForm(request.POST or None, projects=projects)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        project_id = data.pop("project")
        chosen = next((p for p in projects if str(p.pk) == project_id), None)
        try:
            application = fund.apply(found_round, group, user=request.user, project=chosen, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Your application is submitted.")
            return redirect(
                "community:application", place_slug=place_slug, application_id=application.pk
            )
    return render(
        request,
        "community/apply.html",
        {
            "place": found_round.place,
            "round": found_round,
            "group": group,
            "form": form,
            "problems": fund.eligibility(found_round, group),
        },
        status=400 if form.errors else 200,
    )


def _see_or_declare(request: HttpRequest, place_slug: str, application_id: int):
    return common.application(request, place_slug, application_id)


@require_GET
def application(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    found = common.application(request, place_slug, application_id)
    verdict = check(request.user, "community.see_application", found)
    undeclared = not found.declarations.filter(reviewer=request.user.pk).exists()
    if (
        not verdict.allowed
        and undeclared
        and has(request.user, "community.declare_conflict", found)
    ):
        # A reviewer opening an application first declares (conflict or none).
        return redirect("community:declare", place_slug=place_slug, application_id=found.pk)
    refusal = enforce(request, "community.see_application", found)
    if refusal is not None:
        return refusal
    return _application_page(request, found)


def _application_page(request, found, status=200, **shown):
    user = request.user
    award = getattr(found, "award", None)
    criteria = list(found.round.criteria.all())
    mine = (
        {s.criterion_id: s for s in found.scores.filter(reviewer=user)}
        if user.is_authenticated
        else {}
    )
    score_form = shown.get("score_form") or forms.ScoreForm(
        criteria=criteria,
        initial={
            **{f"score_{k}": ("na" if s.value is None else str(s.value)) for k, s in mine.items()},
            **{f"comment_{k}": s.comment for k, s in mine.items()},
        },
    )
    milestones = list(award.milestones.all()) if award else []
    claims = [c for m in milestones for c in m.claims.all()]
    agreement = grants.agreement_of(award) if award else None
    report = grants.report_of(award) if award else None
    can_report = bool(
        award
        and agreement
        and agreement.accepted
        and has(user, "community.report", award)
        and (report is None or report.status == "returned")
    )
    return render(
        request,
        "community/application.html",
        {
            "place": found.place,
            "application": found,
            "group": found.group,
            "round": found.round,
            "determined": found.status in DETERMINED,
            "approved": found.status in APPROVED,
            "result": fund.result(found),
            "can_score": has(user, "community.score", found) and found.status not in DETERMINED,
            "can_determine": has(user, "community.determine", found)
            and found.status not in DETERMINED,
            "can_edit": has(user, "community.apply", found) and found.status not in DETERMINED,
            "can_manage": has(user, "community.manage_fund", found),
            "can_claim": has(user, "community.claim", found)
            and bool(agreement and agreement.accepted)
            and not (award and grants.is_closed(award)),
            "agreement": agreement,
            "report": report,
            "can_add_milestone": bool(award) and grants.milestones_open(award),
            "can_accept": bool(agreement)
            and not agreement.accepted
            and has(user, "community.accept_agreement", agreement),
            "can_report": can_report,
            "can_decide_report": bool(report)
            and report.status == "submitted"
            and has(user, "community.sign_off_report", report),
            "agreement_form": shown.get("agreement_form") or forms.AgreementForm(),
            "accept_form": shown.get("accept_form") or forms.AcceptAgreementForm(),
            "report_form": shown.get("report_form") or _report_form(report, found.group),
            "report_decision_form": shown.get("report_decision_form") or forms.ReportDecisionForm(),
            "can_see_contact": has(user, "community.manage_fund", found)
            or has(user, "community.apply", found),
            "score_form": score_form,
            "determine_form": shown.get("determine_form") or forms.DetermineForm(),
            "milestone_form": shown.get("milestone_form") or forms.MilestoneForm(),
            "claim_form": shown.get("claim_form") or forms.ClaimForm(milestones=milestones),
            "award": award,
            "milestones": milestones,
            "claims": [(c, _claim_actions(user, c)) for c in claims],
            "claimed": fund.claimed(award) if award else None,
            "paid": fund.paid(award) if award else None,
            "shown_forms": list(shown.values()),
        },
        status=status,
    )


def _report_form(report, group):
    """A returned report comes back filled in; a first one starts from the group's figures."""
    if report is not None:
        fields = forms.ReportForm.base_fields
        return forms.ReportForm(initial={name: getattr(report, name) for name in fields})
    return forms.ReportForm(
        initial={"members": group.members, "volunteers": group.volunteers, "staff": group.staff}
    )


def _claim_actions(user, claim):
    if claim.status == ClaimStatus.SUBMITTED and has(user, "community.approve_claim", claim):
        return "officer"
    if claim.status == ClaimStatus.OFFICER_APPROVED and has(user, "community.finance_claim", claim):
        return "finance"
    if claim.status == ClaimStatus.FINANCE_APPROVED and has(user, "community.finance_claim", claim):
        return "pay"
    return ""


@requires("community.declare_conflict", get_object=_see_or_declare)
def declare(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    found = common.application(request, place_slug, application_id)
    form = forms.DeclareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        conflicted = form.cleaned_data["has_conflict"] == "yes"
        try:
            fund.declare(
                found,
                user=request.user,
                has_conflict=conflicted,
                details=form.cleaned_data["details"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if conflicted:
                messages.info(
                    request,
                    "Thank you: you declared a conflict, so this application is closed to you.",
                )
                return redirect("community:round", place_slug=place_slug, round_id=found.round_id)
            return redirect("community:application", place_slug=place_slug, application_id=found.pk)
    return render(
        request,
        "community/declare.html",
        {"place": found.place, "application": found, "form": form},
        status=400 if form.errors else 200,
    )


@requires("community.apply", get_object=_see_or_declare)
def application_edit(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    found = common.application(request, place_slug, application_id)
    initial = {
        "title": found.title,
        "summary": found.summary,
        "amount_requested_gbp": found.amount_requested_gbp,
    }
    form = forms.ApplicationForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            fund.edit_application(found, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The application is saved.")
            return redirect("community:application", place_slug=place_slug, application_id=found.pk)
    return render(
        request,
        "community/application_edit.html",
        {"place": found.place, "application": found, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@requires("community.score", get_object=_see_or_declare)
def score(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    found = common.application(request, place_slug, application_id)
    form = forms.ScoreForm(request.POST, criteria=list(found.round.criteria.all()))

    def action(data: dict) -> None:
        fund.score(found, user=request.user, values=form.values(), comments=form.comments())

    if common.carried_out(request, form, action, "Your scores are saved."):
        return redirect("community:application", place_slug=place_slug, application_id=found.pk)
    return _application_page(request, found, 400, score_form=form)


@require_POST
@requires("community.determine", get_object=_see_or_declare)
def determine(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    found = common.application(request, place_slug, application_id)
    form = forms.DetermineForm(request.POST)

    def action(data: dict) -> None:
        fund.determine(found, user=request.user, **data)

    if common.carried_out(request, form, action, "The decision is recorded and sent to the group."):
        return redirect("community:application", place_slug=place_slug, application_id=found.pk)
    return _application_page(request, found, 400, determine_form=form)


@require_POST
@requires("community.manage_fund", get_object=common.award)
def milestone(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    award = common.award(request, place_slug, application_id)
    form = forms.MilestoneForm(request.POST)

    def action(data: dict) -> None:
        fund.add_milestone(award, user=request.user, **data)

    if common.carried_out(request, form, action, "The milestone is agreed."):
        return redirect(
            "community:application", place_slug=place_slug, application_id=application_id
        )
    return _application_page(request, award.application, 400, milestone_form=form)


@require_POST
@requires("community.claim", get_object=common.award)
def claim(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    award = common.award(request, place_slug, application_id)
    milestones = list(award.milestones.all())
    form = forms.ClaimForm(request.POST, milestones=milestones)

    def action(data: dict) -> None:
        chosen = get_object_or_404(Milestone, pk=data["milestone"], award=award)
        fund.claim(
            chosen,
            user=request.user,
            amount_gbp=data["amount_gbp"],
            evidence=data["evidence"],
        )

    if common.carried_out(request, form, action, "Your claim is sent to the fund's officer."):
        return redirect(
            "community:application", place_slug=place_slug, application_id=application_id
        )
    return _application_page(request, award.application, 400, claim_form=form)


@require_POST
def claim_action(
    request: HttpRequest, place_slug: str, application_id: int, claim_id: int, action: str
) -> HttpResponse:
    found = common.claim(request, place_slug, application_id, claim_id)
    permission = "community.approve_claim" if action == "officer" else "community.finance_claim"
    refusal = enforce(request, permission, found)
    if refusal is not None:
        return refusal
    approve = request.POST.get("decision", "approve") == "approve"
    note = request.POST.get("note", "")
    try:
        if action == "officer":
            fund.officer_decision(found, user=request.user, approve=approve, note=note)
        elif action == "finance":
            fund.finance_decision(found, user=request.user, approve=approve, note=note)
        elif action == "pay":
            fund.pay(found, user=request.user, reference=request.POST.get("reference", ""))
        else:
            return HttpResponse("Unknown action.", status=404)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _application_page(request, found.milestone.award.application, 400)
    messages.success(request, "The claim is updated.")
    return redirect("community:application", place_slug=place_slug, application_id=application_id)
