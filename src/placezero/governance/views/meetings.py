"""A body's meetings: the public page of each, and recording one (the place's officers)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.web.forms import error_summary_items

from .. import services
from ..forms import MeetingForm, refuse_on
from ..models import Meeting
from .common import the_body, the_place


@require_safe
@requires("governance.view")
def meeting(request: HttpRequest, place_slug: str, meeting_id: int) -> HttpResponse:
    place = the_place(request, place_slug)
    found = (
        Meeting.objects.filter(pk=meeting_id, body__place=place)
        .select_related("body")
        .prefetch_related("attendees__user", "attendees__organisation")
        .first()
    )
    if found is None:
        raise Http404("There is no such meeting here.")
    return render(request, "governance/meeting.html", {"place": place, "meeting": found})


@requires("governance.manage", get_object=the_body)
def meeting_new(request: HttpRequest, place_slug: str, body_slug: str) -> HttpResponse:
    body = the_body(request, place_slug, body_slug)
    form = MeetingForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.record_meeting(
                body,
                user=request.user,
                held_on=data["held_on"],
                agenda=data["agenda"],
                papers=data["papers"],
                minutes=data["minutes"],
                attendees=list(data["attendees"]),
            )
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"Recorded the meeting of {made.held_on:%-d %B %Y}.")
            return redirect("governance:meeting", place_slug=place_slug, meeting_id=made.pk)
    return render(
        request,
        "governance/meeting_new.html",
        {"place": body.place, "body": body, "form": form, "errors": error_summary_items(form)},
        status=400 if form.errors else 200,
    )
