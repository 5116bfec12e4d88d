"""Risks on an action's page, and the place's priority weights page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from placezero.accounts.permissions import has, requires
from placezero.web.forms import add_service_errors, error_summary_items

from .. import priority, services
from ..forms import PriorityWeightsForm, RiskForm
from ..models import Risk
from .changes import _again, _back
from .common import action_of_request, place_of_request


@require_POST
@requires("tracker.edit_action", get_object=action_of_request)
def add_risk(request: HttpRequest, place_slug: str, action_id: int) -> HttpResponse:
    action = action_of_request(request, place_slug, action_id)
    form = RiskForm(request.POST)
    if form.is_valid():
        try:
            services.add_risk(action, user=request.user, **form.cleaned_data)
            return _back(action)
        except ValidationError as error:
            add_service_errors(form, error)
    return _again(request, action, "risk_form", form)


def _risk(request: HttpRequest, place_slug: str, action_id: int, risk_id: int) -> Risk:
    action = action_of_request(request, place_slug, action_id)
    return get_object_or_404(Risk, action=action, pk=risk_id)


@require_POST
@requires("tracker.edit_action", get_object=_risk)
def remove_risk(
    request: HttpRequest, place_slug: str, action_id: int, risk_id: int
) -> HttpResponse:
    risk = _risk(request, place_slug, action_id, risk_id)
    action = risk.action
    services.remove_risk(risk, user=request.user)
    return _back(action)


def _weights_page(request: HttpRequest, place, form=None, status: int = 200) -> HttpResponse:
    weights = services.priority_weights(place)
    may_set = has(request.user, "tracker.set_priority_weights", place)
    if form is None and may_set:
        form = PriorityWeightsForm(initial={f: getattr(weights, f) for f in priority.FACTORS})
    context = {
        "place": place,
        "weights": weights,
        "labels": priority.LABELS,
        "factors": [(priority.LABELS[f], getattr(weights, f)) for f in priority.FACTORS],
        "form": form if may_set else None,
        "errors": error_summary_items(form) if form is not None and form.errors else None,
    }
    return render(request, "tracker/priority.html", context, status=status)


@requires("tracker.view", get_object=place_of_request)
def priority_page(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _weights_page(request, place_of_request(request, place_slug))


@require_POST
@requires("tracker.set_priority_weights", get_object=place_of_request)
def set_priority_weights(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_of_request(request, place_slug)
    form = PriorityWeightsForm(request.POST)
    if form.is_valid():
        try:
            services.set_priority_weights(place, user=request.user, **form.cleaned_data)
            return redirect("tracker:priority", place_slug=place.slug)
        except ValidationError as error:
            add_service_errors(form, error)
    return _weights_page(request, place, form, status=400)
