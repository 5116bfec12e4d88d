"""What the community views share: finding the place and the record the URL names (404 for
one of another place), and turning a service's ValidationError into form errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from placezero.web.forms import add_service_errors
from placezero.web.shortcuts import place_or_404

from ..models import (
    Application,
    Award,
    Claim,
    CommunityGroup,
    EndOfGrantReport,
    FundRound,
    GrantAgreement,
    Project,
    StepProgress,
)


def place(request: HttpRequest, place_slug: str, **_: Any) -> Any:
    found = getattr(request, "_community_place", None)
    if found is None or found.slug != place_slug:
        found = place_or_404(place_slug, request)
        request._community_place = found  # type: ignore[attr-defined]
    return found


def _of_place(obj: Any, found_place: Any) -> Any:
    if obj.place.pk != found_place.pk:
        raise Http404("That record belongs to another place.")
    return obj


def group(request: HttpRequest, place_slug: str, group_id: int, **_: Any) -> CommunityGroup:
    found = get_object_or_404(
        CommunityGroup.objects.select_related("area", "organisation"), pk=group_id
    )
    return _of_place(found, place(request, place_slug))


def progress(request: HttpRequest, place_slug: str, progress_id: int, **_: Any) -> StepProgress:
    found = get_object_or_404(StepProgress.objects.select_related("group"), pk=progress_id)
    return _of_place(found, place(request, place_slug))


def project(request: HttpRequest, place_slug: str, project_id: int, **_: Any) -> Project:
    found = get_object_or_404(Project.objects.select_related("group", "case"), pk=project_id)
    return _of_place(found, place(request, place_slug))


def fund_round(request: HttpRequest, place_slug: str, round_id: int, **_: Any) -> FundRound:
    found = get_object_or_404(FundRound, pk=round_id)
    return _of_place(found, place(request, place_slug))


def application(
    request: HttpRequest, place_slug: str, application_id: int, **_: Any
) -> Application:
    found = get_object_or_404(
        Application.objects.select_related("group", "round", "project"), pk=application_id
    )
    return _of_place(found, place(request, place_slug))


def award(request: HttpRequest, place_slug: str, application_id: int, **_: Any) -> Award:
    found = application(request, place_slug, application_id)
    if not hasattr(found, "award"):
        raise Http404("This application has no award.")
    return found.award


def agreement(
    request: HttpRequest, place_slug: str, application_id: int, **_: Any
) -> GrantAgreement:
    found = GrantAgreement.objects.filter(award=award(request, place_slug, application_id)).first()
    if found is None:
        raise Http404("This award has no grant agreement yet.")
    return found


def report(
    request: HttpRequest, place_slug: str, application_id: int, **_: Any
) -> EndOfGrantReport:
    found = EndOfGrantReport.objects.filter(award=award(request, place_slug, application_id))
    if not found.exists():
        raise Http404("This award has no end-of-grant report yet.")
    return found.get()


def claim(
    request: HttpRequest, place_slug: str, application_id: int, claim_id: int, **_: Any
) -> Claim:
    found = get_object_or_404(Claim.objects.select_related("milestone__award"), pk=claim_id)
    if found.milestone.award.application_id != int(application_id):
        raise Http404("That claim belongs to another application.")
    return _of_place(found, place(request, place_slug))


def carried_out(
    request: HttpRequest, form: Any, action: Callable[[dict[str, Any]], Any], done: str
) -> bool:
    """Run `action(cleaned data)` if the form is valid. True when it succeeded (with the
    `done` message for the next page); False with the form's or the service's reasons on the
    form, for the page to show again."""
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    messages.success(request, done)
    return True
