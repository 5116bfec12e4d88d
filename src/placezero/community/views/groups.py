"""Groups: the pathway's home and coverage, the directory, registering, a group's journey
page (steps, evidence, sign-off, mentoring) and mentors."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from placezero.accounts.permissions import enforce, has, requires
from placezero.web.forms import add_service_errors

from .. import forms
from ..models import Mentor
from ..services import fund, journey, network, projects
from ..steps import STEPS
from . import common


@require_GET
@requires("community.view")
def index(request: HttpRequest) -> HttpResponse:
    return redirect("community:home", place_slug=settings.PLACEZERO_DEFAULT_PLACE)


@require_GET
@requires("community.view", get_object=common.place)
def home(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    return render(
        request,
        "community/home.html",
        {
            "place": place,
            "steps": STEPS,
            "coverage": network.coverage(place),
            "step_counts": network.step_counts(place),
            "my_groups": [g for g in journey.groups_of(request.user) if g.place_id == place.pk],
            "rounds": fund.rounds(place),
        },
    )


@require_GET
@requires("community.view", get_object=common.place)
def directory(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    return render(
        request,
        "community/directory.html",
        {
            "place": place,
            "groups": journey.groups(place),
            "coverage": network.coverage(place),
            "map": network.group_map(place),
        },
    )


@requires("community.register_group", get_object=common.place)
def register(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    districts = journey.districts(place)
    form = forms.GroupForm(request.POST or None, districts=districts)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            group = journey.register_group(
                place,
                user=request.user,
                name=data.pop("name"),
                area_code=data.pop("area_code"),
                **data,
            )
        except (ValidationError, ValueError) as error:
            add_service_errors(
                form, error if isinstance(error, ValidationError) else ValidationError(str(error))
            )
        else:
            messages.success(request, f"{group} is registered. Start with step 1.")
            return redirect("community:group", place_slug=place.slug, group_id=group.pk)
    return render(request, "community/register.html", {"place": place, "form": form})


@require_GET
@requires("community.view", get_object=common.group)
def group(request: HttpRequest, place_slug: str, group_id: int) -> HttpResponse:
    return _group_page(request, common.group(request, place_slug, group_id))


def _group_page(request: HttpRequest, found, status: int = 200, **shown) -> HttpResponse:
    """The journey page; `shown` carries a form with its errors after a refused POST."""
    can_edit = has(request.user, "community.edit_group", found)
    current = journey.current_progress(found)
    mentor_list = journey.mentors(found.place) if can_edit else []
    return render(
        request,
        "community/group.html",
        {
            "place": found.place,
            "group": found,
            "journey": journey.progress_of(found),
            "current": current,
            "can_edit": can_edit,
            "can_sign_off": has(request.user, "community.sign_off_step", current),
            "can_adopt": has(request.user, "community.adopt_opportunity", found),
            "is_member": has(request.user, "community.see_business_case", found),
            "step_form": shown.get("step_form")
            or (forms.StepForm(step=current.step) if can_edit else None),
            "decide_form": shown.get("decide_form") or forms.DecideStepForm(),
            "projects": projects.projects_of(found),
            "matches": journey.suggested_mentors(found) if can_edit else [],
            "sessions": list(found.sessions.select_related("mentor")) if can_edit else [],
            "session_form": shown.get("session_form")
            or (forms.SessionForm(mentors=mentor_list) if can_edit else None),
            "applications": list(found.applications.select_related("round")) if can_edit else [],
            "shown_forms": list(shown.values()),
        },
        status=status,
    )


@requires("community.edit_group", get_object=common.group)
def edit(request: HttpRequest, place_slug: str, group_id: int) -> HttpResponse:
    found = common.group(request, place_slug, group_id)
    initial = {name: getattr(found, name) for name in journey.GROUP_FIELDS}
    form = forms.GroupForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            journey.update_group(found, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The group's details are saved.")
            return redirect("community:group", place_slug=place_slug, group_id=found.pk)
    return render(
        request, "community/edit_group.html", {"place": found.place, "group": found, "form": form}
    )


@require_POST
@requires("community.edit_group", get_object=common.group)
def submit_step(request: HttpRequest, place_slug: str, group_id: int) -> HttpResponse:
    found = common.group(request, place_slug, group_id)
    current = journey.current_progress(found)
    form = forms.StepForm(request.POST, step=current.step)

    def action(data: dict) -> None:
        journey.submit_step(
            found,
            user=request.user,
            step_number=current.step_number,
            checklist_done=data["checklist_done"],
            evidence=data["evidence"],
            evidence_url=data["evidence_url"],
        )

    if common.carried_out(
        request, form, action, f"Step {current.step_number} is sent for sign-off."
    ):
        return redirect("community:group", place_slug=place_slug, group_id=found.pk)
    return _group_page(request, found, 400, step_form=form)


@require_POST
@requires("community.sign_off_step", get_object=common.progress)
def decide_step(request: HttpRequest, place_slug: str, progress_id: int) -> HttpResponse:
    progress = common.progress(request, place_slug, progress_id)
    form = forms.DecideStepForm(request.POST)
    if form.is_valid():
        try:
            journey.decide_step(
                progress,
                user=request.user,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Step {progress.step_number} of {progress.group} is decided."
            )
            return redirect("community:group", place_slug=place_slug, group_id=progress.group_id)
    return _group_page(request, progress.group, 400, decide_form=form)


@require_POST
@requires("community.edit_group", get_object=common.group)
def log_session(request: HttpRequest, place_slug: str, group_id: int) -> HttpResponse:
    found = common.group(request, place_slug, group_id)
    available = journey.mentors(found.place)
    form = forms.SessionForm(request.POST, mentors=available)

    def action(data: dict) -> None:
        mentor = get_object_or_404(Mentor, pk=data["mentor"], place=found.place)
        journey.log_session(
            found,
            user=request.user,
            mentor=mentor,
            held_on=data["held_on"],
            hours=data["hours"],
            outcome=data["outcome"],
        )

    if common.carried_out(request, form, action, "The session is logged."):
        return redirect("community:group", place_slug=place_slug, group_id=found.pk)
    return _group_page(request, found, 400, session_form=form)


@requires("community.view", get_object=common.place)
def mentors(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = common.place(request, place_slug)
    can_manage = has(request.user, "community.manage_mentors", place)
    form = forms.MentorForm(request.POST or None, districts=journey.districts(place))
    if request.method == "POST":
        if not can_manage:
            return enforce(request, "community.manage_mentors", place)
        if form.is_valid():
            try:
                journey.add_mentor(place, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "The mentor is added.")
                return redirect("community:mentors", place_slug=place.slug)
    return render(
        request,
        "community/mentors.html",
        {"place": place, "mentors": journey.mentors(place), "form": form, "can_manage": can_manage},
        status=400 if form.errors else 200,
    )
