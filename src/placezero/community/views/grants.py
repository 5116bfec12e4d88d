"""After the panel: issuing and accepting the grant agreement, and the end-of-grant report
with its sign-off. The rules are `services.grants`'; these pages show its reasons."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from placezero.accounts.permissions import requires

from .. import forms
from ..services import grants
from . import common
from .fund import _application_page


def _back(place_slug: str, application_id: int) -> HttpResponse:
    return redirect("community:application", place_slug=place_slug, application_id=application_id)


@require_POST
@requires("community.manage_fund", get_object=common.award)
def agreement(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    award = common.award(request, place_slug, application_id)
    form = forms.AgreementForm(request.POST)

    def action(data: dict) -> None:
        grants.issue_agreement(award, user=request.user, terms=data["terms"])

    if common.carried_out(request, form, action, "The grant agreement is sent to the group."):
        return _back(place_slug, application_id)
    return _application_page(request, award.application, 400, agreement_form=form)


@require_POST
@requires("community.accept_agreement", get_object=common.agreement)
def accept_agreement(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    found = common.agreement(request, place_slug, application_id)
    form = forms.AcceptAgreementForm(request.POST)

    def action(data: dict) -> None:
        grants.accept_agreement(
            found,
            user=request.user,
            signatory_role=data["signatory_role"],
            confirmed="yes" in data["confirmed"],
        )

    done = "The group accepted the grant agreement: its milestones can now be claimed."
    if common.carried_out(request, form, action, done):
        return _back(place_slug, application_id)
    return _application_page(request, found.award.application, 400, accept_form=form)


@require_POST
@requires("community.report", get_object=common.award)
def report(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    award = common.award(request, place_slug, application_id)
    form = forms.ReportForm(request.POST)

    def action(data: dict) -> None:
        grants.submit_report(award, user=request.user, **data)

    if common.carried_out(request, form, action, "Your end-of-grant report is sent."):
        return _back(place_slug, application_id)
    return _application_page(request, award.application, 400, report_form=form)


@require_POST
@requires("community.sign_off_report", get_object=common.report)
def decide_report(request: HttpRequest, place_slug: str, application_id: int) -> HttpResponse:
    found = common.report(request, place_slug, application_id)
    form = forms.ReportDecisionForm(request.POST)

    def action(data: dict) -> None:
        grants.decide_report(
            found, user=request.user, approve=data["decision"] == "sign_off", note=data["note"]
        )

    if common.carried_out(request, form, action, "The end-of-grant report is decided."):
        return _back(place_slug, application_id)
    return _application_page(request, found.award.application, 400, report_decision_form=form)
