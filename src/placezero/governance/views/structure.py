"""The partnership's public pages (overview, each body, the powers register and each power
with the actions that use it, the Pact), adding a member to a body and saying who exercises
a power."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import has, requires
from placezero.places import services as places
from placezero.web.forms import error_summary_items

from .. import from_tracker, services
from ..forms import MemberForm, PowerForm, refuse_on
from ..options import BodyKind
from .common import the_body, the_place, the_power


@require_safe
@requires("governance.view")
def index(request: HttpRequest) -> HttpResponse:
    return redirect("governance:place", place_slug=places.get_place().slug)


@require_safe
@requires("governance.view")
def place_overview(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    bodies = list(services.bodies_of(place))
    return render(
        request,
        "governance/place.html",
        {
            "place": place,
            "boards": [b for b in bodies if b.parent_id is None and b.kind != BodyKind.PACT],
            "bodies": bodies,
            "pact": services.pact_of(place),
            "open_decisions": services.decisions_of(place).filter(status="open")[:5],
            "rounds": services.rounds_of(place),
            "can_propose": has(request.user, "governance.propose", place),
            "can_manage": has(request.user, "governance.manage", place),
        },
    )


@require_safe
@requires("governance.view")
def body(request: HttpRequest, place_slug: str, body_slug: str) -> HttpResponse:
    found = the_body(request, place_slug, body_slug)
    return render(
        request,
        "governance/body.html",
        {
            "place": found.place,
            "body": found,
            "members": services.members_of(found),
            "terms_versions": services.terms_versions(found),
            "children": found.children.all(),
            "powers": found.powers.all(),
            "rules": found.routing_rules.select_related("escalate_to", "body__parent"),
            "decisions": found.decisions.all()[:10],
            "meetings": services.meetings_of(found),
            "can_manage": has(request.user, "governance.manage", found),
        },
    )


@requires("governance.manage", get_object=the_body)
def member_new(request: HttpRequest, place_slug: str, body_slug: str) -> HttpResponse:
    found = the_body(request, place_slug, body_slug)
    form = MemberForm(request.POST or None, place=found.place)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            seat = services.add_member(
                found,
                user=request.user,
                person=data["person"],
                organisation=data["organisation"],
                role=data["role"],
                term_start=data["term_start"],
                term_end=data["term_end"],
            )
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"{seat.user} now sits on {found}.")
            return redirect("governance:body", place_slug=place_slug, body_slug=found.slug)
    return render(
        request,
        "governance/member_new.html",
        {"place": found.place, "body": found, "form": form, "errors": error_summary_items(form)},
        status=400 if form.errors else 200,
    )


@require_safe
@requires("governance.view")
def powers(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    return render(
        request,
        "governance/powers.html",
        {
            "place": place,
            "powers": services.powers_of(place),
            "can_manage": has(request.user, "governance.manage", place),
        },
    )


@require_safe
@requires("governance.view")
def power(request: HttpRequest, place_slug: str, power_key: str) -> HttpResponse:
    """A power of the register: who holds it in law, who exercises it here, and the tracker's
    actions that use it."""
    found = the_power(request, place_slug, power_key)
    return render(
        request,
        "governance/power.html",
        {
            "place": found.place,
            "power": found,
            "actions": from_tracker.actions_using_power(found.place, found.key),
            "tracker_records_powers": from_tracker.tracker_records_powers(),
            "can_manage": has(request.user, "governance.manage", found),
        },
    )


@requires("governance.manage", get_object=the_power)
def power_edit(request: HttpRequest, place_slug: str, power_key: str) -> HttpResponse:
    power = the_power(request, place_slug, power_key)
    initial = {"exercised_by": list(power.exercised_by.all()), "delegation": power.delegation}
    form = PowerForm(request.POST or None, initial=initial, place=power.place)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_power(
                power,
                user=request.user,
                exercised_by=list(form.cleaned_data["exercised_by"]),
                delegation=form.cleaned_data["delegation"],
            )
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"Saved who exercises “{power}”.")
            return redirect("governance:powers", place_slug=place_slug)
    return render(
        request,
        "governance/power_edit.html",
        {"place": power.place, "power": power, "form": form, "errors": error_summary_items(form)},
        status=400 if form.errors else 200,
    )


@require_safe
@requires("governance.view")
def pact(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    found = services.pact_of(place)
    return render(
        request,
        "governance/pact.html",
        {
            "place": place,
            "pact": found,
            "signatories": services.signatories_of(found) if found else [],
        },
    )
