"""Officers of the place change the partnership in the browser: bodies, members' seats and
terms, and the routing rules. Each form is checked at the edge, then by the service, which
refuses with the field it is about; a refusal is shown in the GOV.UK error summary and
nothing is written."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import has, requires
from placezero.web.forms import error_summary_items

from .. import services
from ..forms import BodyForm, RuleForm, SeatForm, refuse_on
from ..options import Route
from .common import the_body, the_place, the_rule, the_seat


def _page(request: HttpRequest, template: str, form: Any, **context: Any) -> HttpResponse:
    return render(
        request,
        template,
        {"form": form, "errors": error_summary_items(form), **context},
        status=400 if form.errors else 200,
    )


def _body_details(data: dict[str, Any]) -> services.BodyDetails:
    return services.BodyDetails(
        name=data["name"],
        kind=data["kind"],
        mandate=data["mandate"],
        quorum=data["quorum"],
        parent=data["parent"],
        terms_of_reference=data["terms_of_reference"],
    )


@requires("governance.manage", get_object=the_place)
def body_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    form = BodyForm(request.POST or None, place=place, initial={"quorum": 2})
    if request.method == "POST" and form.is_valid():
        try:
            body = services.create_body(place, _body_details(form.cleaned_data), user=request.user)
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"{body} is now part of the partnership.")
            return redirect("governance:body", place_slug=place_slug, body_slug=body.slug)
    return _page(request, "governance/body_form.html", form, place=place, body=None)


@requires("governance.manage", get_object=the_body)
def body_edit(request: HttpRequest, place_slug: str, body_slug: str) -> HttpResponse:
    body = the_body(request, place_slug, body_slug)
    initial = {
        "name": body.name,
        "kind": body.kind,
        "parent": body.parent,
        "quorum": body.quorum,
        "mandate": body.mandate,
        "terms_of_reference": body.terms_of_reference,
    }
    form = BodyForm(request.POST or None, place=body.place, body=body, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            body = services.update_body(body, _body_details(form.cleaned_data), user=request.user)
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(
                request, f"Saved {body}; its terms of reference are version {body.terms_version}."
            )
            return redirect("governance:body", place_slug=place_slug, body_slug=body.slug)
    return _page(request, "governance/body_form.html", form, place=body.place, body=body)


@requires("governance.manage", get_object=the_seat)
def member_edit(
    request: HttpRequest, place_slug: str, body_slug: str, seat_id: int
) -> HttpResponse:
    seat = the_seat(request, place_slug, body_slug, seat_id)
    initial = {
        "role": seat.role,
        "term_start": seat.term_start,
        "term_end": seat.term_end,
        "interests": seat.interests,
    }
    form = SeatForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_member(seat, user=request.user, **form.cleaned_data)
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"Saved {seat.user}'s seat on {seat.body}.")
            return redirect("governance:body", place_slug=place_slug, body_slug=body_slug)
    return _page(
        request,
        "governance/member_edit.html",
        form,
        place=seat.body.place,
        body=seat.body,
        seat=seat,
    )


def _rule_details(data: dict[str, Any]) -> services.RuleDetails:
    return services.RuleDetails(
        body=data["body"],
        route=data["route"],
        max_cost_gbp=data["max_cost_gbp"],
        approvals_needed=data["approvals_needed"],
        time_limit_days=data["time_limit_days"],
        escalate_to=data["escalate_to"],
    )


@require_safe
@requires("governance.view")
def rules(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    return render(
        request,
        "governance/rules.html",
        {
            "place": place,
            "rules": services.rules_of(place).order_by("body__name", "route", "max_cost_gbp"),
            "can_manage": has(request.user, "governance.manage", place),
        },
    )


@requires("governance.manage", get_object=the_place)
def rule_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    form = RuleForm(
        request.POST or None,
        place=place,
        initial={"route": Route.STANDARD, "approvals_needed": 2, "time_limit_days": 28},
    )
    if request.method == "POST" and form.is_valid():
        try:
            rule = services.create_rule(place, _rule_details(form.cleaned_data), user=request.user)
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"Added the rule: {rule}.")
            return redirect("governance:rules", place_slug=place_slug)
    return _page(request, "governance/rule_form.html", form, place=place, rule=None)


@requires("governance.manage", get_object=the_rule)
def rule_edit(request: HttpRequest, place_slug: str, rule_id: int) -> HttpResponse:
    rule = the_rule(request, place_slug, rule_id)
    initial = {
        "body": rule.body,
        "route": rule.route,
        "max_cost_gbp": rule.max_cost_gbp,
        "approvals_needed": rule.approvals_needed,
        "time_limit_days": rule.time_limit_days,
        "escalate_to": rule.escalate_to,
    }
    form = RuleForm(request.POST or None, place=rule.place, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            rule = services.update_rule(rule, _rule_details(form.cleaned_data), user=request.user)
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"Saved the rule: {rule}.")
            return redirect("governance:rules", place_slug=place_slug)
    return _page(request, "governance/rule_form.html", form, place=rule.place, rule=rule)
