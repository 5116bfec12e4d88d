"""Moderation by the officers of the place: the queue (waiting and reported contributions,
with bulk decisions), and one contribution with its decision form, reports and history."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from placezero.accounts.permissions import requires
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import moderation, services
from ..forms import BulkModerationForm, ModerationForm
from ..models import Contribution
from ..validation import ContributionError


def _place(request: HttpRequest, place_slug: str, **_: object) -> object:
    return place_or_404(place_slug, request)


def _queue_page(request, place, form=None, status: int = 200) -> HttpResponse:
    waiting = services.moderation_queue(place, request.user)
    reported = moderation.reported(place, request.user)
    pks = [c.pk for c in waiting] + [c.pk for c in reported]
    form = form or BulkModerationForm(pks=pks)
    return render(request, "landscape/queue.html", {
        "place": place, "waiting": waiting, "reported": reported, "form": form,
        "errors": error_summary_items(form),
    }, status=status)  # fmt: skip


@requires("landscape.moderate", get_object=_place)
def queue(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _queue_page(request, place_or_404(place_slug, request))


@require_POST
@requires("landscape.moderate", get_object=_place)
def bulk(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    # Any number is accepted here; the service says which does not belong to the place.
    raw = request.POST.getlist("contributions")
    pks = [int(v) for v in raw if v.isdigit()]
    form = BulkModerationForm(request.POST, pks=pks)
    if form.is_valid():
        try:
            done = moderation.moderate_many(
                place, form.cleaned_data["contributions"],
                decision=form.cleaned_data["decision"], reason=form.cleaned_data["reason"],
                user=request.user,
            )  # fmt: skip
        except ContributionError as caught:
            form.add_service_errors(caught)
        else:
            messages.success(request, f"The decision was recorded for {len(done)} contributions.")
            return redirect("landscape:queue", place_slug=place.slug)
    elif len(raw) != len(pks):
        form.add_error("contributions", "Choose contributions from the list.")
    return _queue_page(request, place, form, status=400)


@require_http_methods(["GET", "POST"])
@requires("landscape.moderate", get_object=_place)
def moderate_one(request: HttpRequest, place_slug: str, pk: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    try:
        contribution = services.contribution_for_moderation(place, pk, request.user)
    except Contribution.DoesNotExist:
        raise Http404(f"{place.name} has no contribution number {pk}.") from None
    form = ModerationForm(request.POST or None, status=contribution.status)
    if request.method == "POST" and form.is_valid():
        try:
            services.moderate(
                contribution, decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"], user=request.user,
            )  # fmt: skip
        except ContributionError as caught:
            form.add_service_errors(caught)
        else:
            return redirect("landscape:queue", place_slug=place.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "landscape/moderate_one.html", {
        "place": place, "contribution": contribution, "form": form,
        "errors": error_summary_items(form), "decisions": services.decisions_of(contribution),
        "reports": moderation.open_reports_of(contribution),
    }, status=status)  # fmt: skip
