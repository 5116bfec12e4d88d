"""Decisions: the list, proposing one, a decision's page (votes, interests, history), voting,
declaring an interest, the published decision notice and the outcomes it created."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from placezero.accounts.permissions import has, requires
from placezero.web.forms import error_summary_items

from .. import services
from ..forms import InterestForm, ProposalForm, VoteForm, refuse_on
from ..models import RecordedOutcome
from ..permissions import seat_of
from .common import the_decision, the_place


@require_safe
@requires("governance.view")
def decision_list(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    return render(
        request,
        "governance/decisions.html",
        {
            "place": place,
            "decisions": services.decisions_of(place),
            "can_propose": has(request.user, "governance.propose", place),
        },
    )


@requires("governance.propose", get_object=the_place)
def propose(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    form = ProposalForm(request.POST or None, place=place)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        proposal = services.Proposal(
            title=data["title"],
            asked_for=data["asked_for"],
            options=data["options"],
            route=data["route"],
            body=data["body"],
            cost_gbp=data["cost_gbp"],
            carbon_change_tco2e_per_year=data["carbon_change_tco2e_per_year"],
            carbon_basis=data["carbon_basis"],
            powers=tuple(data["powers"]),
            creates=data["creates"],
        )
        try:
            decision = services.propose(place, proposal, user=request.user)
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(
                request,
                f"Proposed {decision.reference} to {decision.body}. It must be decided by "
                f"{services.when(decision.deadline)}.",
            )
            return redirect(services.url_of(decision))
    return render(
        request,
        "governance/propose.html",
        {"place": place, "form": form, "errors": error_summary_items(form)},
        status=400 if form.errors else 200,
    )


def _page(request: HttpRequest, decision, vote_form=None, interest_form=None, status=200):
    forms_shown = [f for f in (vote_form, interest_form) if f is not None]
    return render(
        request,
        "governance/decision.html",
        {
            "place": decision.place,
            "decision": decision,
            "tally": services.tally(decision),
            "votes": decision.votes.select_related("member__user", "member__organisation"),
            "interests": decision.interests.select_related("member__user"),
            "escalations": decision.escalations.select_related("from_body", "to_body"),
            "links": decision.links.all(),
            "seat": seat_of(request.user, decision.body),
            "vote_form": vote_form or VoteForm(),
            "interest_form": interest_form or InterestForm(),
            "errors": [e for f in forms_shown for e in error_summary_items(f)],
        },
        status=status,
    )


@require_safe
@requires("governance.view")
def decision(request: HttpRequest, place_slug: str, number: int) -> HttpResponse:
    return _page(request, the_decision(request, place_slug, number))


@require_POST
@requires("governance.vote", get_object=the_decision)
def vote(request: HttpRequest, place_slug: str, number: int) -> HttpResponse:
    found = the_decision(request, place_slug, number)
    form = VoteForm(request.POST)
    if form.is_valid():
        try:
            services.cast_vote(
                found,
                user=request.user,
                choice=form.cleaned_data["choice"],
                comment=form.cleaned_data["comment"],
            )
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            found.refresh_from_db()
            messages.success(
                request,
                f"Your vote is recorded. {found.reference} is "
                f"{found.get_status_display().lower()}.",
            )
            return redirect(services.url_of(found))
    return _page(request, found, vote_form=form, status=400)


@require_POST
@requires("governance.declare_interest", get_object=the_decision)
def interest(request: HttpRequest, place_slug: str, number: int) -> HttpResponse:
    found = the_decision(request, place_slug, number)
    form = InterestForm(request.POST)
    if form.is_valid():
        try:
            services.declare_interest(
                found, user=request.user, description=form.cleaned_data["description"]
            )
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(
                request, "Your interest is recorded. You will take no part in this decision."
            )
            return redirect(services.url_of(found))
    return _page(request, found, interest_form=form, status=400)


@require_safe
@requires("governance.view")
def notice(request: HttpRequest, place_slug: str, number: int) -> HttpResponse:
    found = the_decision(request, place_slug, number)
    if found.is_open:
        raise Http404(f"{found.reference} is not decided yet, so it has no decision notice.")
    return render(
        request,
        "governance/notice.html",
        {
            "place": found.place,
            "decision": found,
            "tally": services.tally(found),
            "links": found.links.all(),
            "escalations": found.escalations.select_related("from_body", "to_body"),
            "interests": found.interests.select_related("member__user"),
        },
    )


@require_safe
@requires("governance.view")
def outcome(request: HttpRequest, place_slug: str, outcome_id: int) -> HttpResponse:
    place = the_place(request, place_slug)
    found = (
        RecordedOutcome.objects.filter(pk=outcome_id, decision__place=place)
        .select_related("decision")
        .first()
    )
    if found is None:
        raise Http404("There is no such recorded action here.")
    return render(request, "governance/outcome.html", {"place": place, "outcome": found})
