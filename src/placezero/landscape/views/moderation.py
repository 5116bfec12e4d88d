"""Pre-moderation by the officers of the place: the queue, and one contribution with its
decision form and history."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from placezero.accounts.permissions import requires
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import ModerationForm
from ..models import Contribution
from ..validation import ContributionError


def _place(request: HttpRequest, place_slug: str, **_: object) -> object:
    return place_or_404(place_slug, request)


@requires("landscape.moderate", get_object=_place)
def queue(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    waiting = services.moderation_queue(place, request.user)
    return render(request, "landscape/queue.html", {"place": place, "waiting": waiting})


@require_http_methods(["GET", "POST"])
@requires("landscape.moderate", get_object=_place)
def moderate_one(request: HttpRequest, place_slug: str, pk: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    try:
        contribution = services.contribution_for_moderation(place, pk, request.user)
    except Contribution.DoesNotExist:
        raise Http404(f"{place.name} has no contribution number {pk}.") from None
    form = ModerationForm(request.POST or None)
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
    }, status=status)  # fmt: skip
