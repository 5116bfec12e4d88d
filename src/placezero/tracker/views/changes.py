"""The forms on an action's page: milestones, dependencies, lever links, progress updates.
Each posts here, the service decides, and a refusal is shown on the action's page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from placezero.accounts.permissions import requires
from placezero.web.forms import add_service_errors, error_summary_items

from .. import services
from ..forms import (
    DependencyForm,
    LeverLinkForm,
    MilestoneDoneForm,
    MilestoneForm,
    UpdateForm,
)
from ..models import Dependency, Milestone
from .actions import action_context
from .common import action_of_request


def _back(action) -> HttpResponse:
    return redirect("tracker:action", place_slug=action.place.slug, action_id=action.pk)


def _again(request: HttpRequest, action, name: str, form) -> HttpResponse:
    context = action_context(request, action, **{name: form})
    context["errors"] = error_summary_items(form)
    return render(request, "tracker/action.html", context, status=400)


@require_POST
@requires("tracker.edit_action", get_object=action_of_request)
def add_milestone(request: HttpRequest, place_slug: str, action_id: int) -> HttpResponse:
    action = action_of_request(request, place_slug, action_id)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        try:
            services.add_milestone(action, user=request.user, **form.cleaned_data)
            return _back(action)
        except ValidationError as error:
            add_service_errors(form, error)
    return _again(request, action, "milestone_form", form)


def _milestone(request: HttpRequest, place_slug: str, action_id: int, milestone_id: int):
    action = action_of_request(request, place_slug, action_id)
    return get_object_or_404(Milestone, action=action, pk=milestone_id)


@require_POST
@requires("tracker.post_update", get_object=_milestone)
def complete_milestone(
    request: HttpRequest, place_slug: str, action_id: int, milestone_id: int
) -> HttpResponse:
    milestone = _milestone(request, place_slug, action_id, milestone_id)
    form = MilestoneDoneForm(request.POST)
    if form.is_valid():
        services.complete_milestone(milestone, user=request.user, **form.cleaned_data)
        return _back(milestone.action)
    return _again(request, milestone.action, "done_form", form)


@require_POST
@requires("tracker.edit_action", get_object=action_of_request)
def add_dependency(request: HttpRequest, place_slug: str, action_id: int) -> HttpResponse:
    action = action_of_request(request, place_slug, action_id)
    form = DependencyForm(request.POST, action=action)
    if form.is_valid():
        try:
            services.add_dependency(action, user=request.user, **form.cleaned_data)
            return _back(action)
        except ValidationError as error:
            add_service_errors(form, error)
    return _again(request, action, "dependency_form", form)


def _dependency(request: HttpRequest, place_slug: str, action_id: int, dependency_id: int):
    action = action_of_request(request, place_slug, action_id)
    return get_object_or_404(Dependency, action=action, pk=dependency_id)


@require_POST
@requires("tracker.edit_action", get_object=_dependency)
def remove_dependency(
    request: HttpRequest, place_slug: str, action_id: int, dependency_id: int
) -> HttpResponse:
    dependency = _dependency(request, place_slug, action_id, dependency_id)
    action = dependency.action
    services.remove_dependency(dependency, user=request.user)
    return _back(action)


@require_POST
@requires("tracker.edit_action", get_object=action_of_request)
def link_lever(request: HttpRequest, place_slug: str, action_id: int) -> HttpResponse:
    action = action_of_request(request, place_slug, action_id)
    form = LeverLinkForm(request.POST)
    if form.is_valid():
        try:
            services.link_lever(action, user=request.user, **form.cleaned_data)
            return _back(action)
        except ValidationError as error:
            add_service_errors(form, error)
    return _again(request, action, "link_form", form)


@require_POST
@requires("tracker.post_update", get_object=action_of_request)
def post_update(request: HttpRequest, place_slug: str, action_id: int) -> HttpResponse:
    action = action_of_request(request, place_slug, action_id)
    form = UpdateForm(request.POST, action=action)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.post_update(
                action,
                user=request.user,
                as_of=data["as_of"],
                status=data["status"],
                status_reason=data["status_reason"],
                narrative=data["narrative"],
                evidence_url=data["evidence_url"],
                outputs=form.outputs(),
            )
            return _back(action)
        except ValidationError as error:
            add_service_errors(form, error)
    return _again(request, action, "update_form", form)
