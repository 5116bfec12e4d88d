"""Consultations: the list (everyone), setting one up and changing it (officers of the
place), its page with the privacy notice, consent versions, "you said, we did" links and
history, and what people wrote in it (published only), each with a report button."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from placezero.accounts.permissions import requires
from placezero.web.forms import error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import consultations, moderation, responses
from ..forms import ConsultationForm, ReportForm, ResponseLinkForm
from ..models import Contribution, ResponseLink
from ..options import Status, Technology
from ..validation import ContributionError
from .contribute import _client_address, consultation_or_404

SAID_PAGE = 50


def _place(request: HttpRequest, place_slug: str, **_: object) -> object:
    return place_or_404(place_slug, request)


def _districts(place) -> list[tuple[str, str]]:
    return consultations.districts_of(place)


@requires("landscape.view_results", get_object=_place)
def consultation_list(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    listed = [
        {"consultation": c, "state": consultations.state(c), "area": consultations.area_label(c)}
        for c in consultations.consultations_of(place)
    ]
    return render(request, "landscape/consultations.html", {"place": place, "listed": listed})


def _set_up(request, place, form, consultation=None) -> HttpResponse | None:
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        if consultation is None:
            consultation = consultations.create(place, form.service_data(), user=request.user)
        else:
            consultations.update(consultation, form.service_data(), user=request.user)
    except ContributionError as caught:
        form.add_service_errors(caught)
        return None
    messages.success(request, f"“{consultation.title}” was saved.")
    return redirect("landscape:consultation", place.slug, consultation.slug)


@require_http_methods(["GET", "POST"])
@requires("landscape.set_up", get_object=_place)
def consultation_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    form = ConsultationForm(request.POST or None, districts=_districts(place))
    if done := _set_up(request, place, form):
        return done
    return render(request, "landscape/consultation_form.html", {
        "place": place, "form": form, "errors": error_summary_items(form), "consultation": None,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@require_http_methods(["GET", "POST"])
@requires("landscape.set_up", get_object=_place)
def consultation_edit(request: HttpRequest, place_slug: str, consultation_slug: str):
    place = place_or_404(place_slug, request)
    consultation = consultation_or_404(place, consultation_slug)
    form = ConsultationForm(
        request.POST or None, districts=_districts(place),
        initial=consultations.initial(consultation),
    )  # fmt: skip
    if done := _set_up(request, place, form, consultation):
        return done
    return render(request, "landscape/consultation_form.html", {
        "place": place, "form": form, "errors": error_summary_items(form),
        "consultation": consultation,
    }, status=400 if request.method == "POST" else 200)  # fmt: skip


@requires("landscape.view_results", get_object=_place)
def consultation_page(request: HttpRequest, place_slug: str, consultation_slug: str):
    place = place_or_404(place_slug, request)
    consultation = consultation_or_404(place, consultation_slug)
    return _consultation_page(request, consultation, ResponseLinkForm())


def _consultation_page(request, consultation, form, status: int = 200) -> HttpResponse:
    return render(request, "landscape/consultation.html", {
        "place": consultation.place, "consultation": consultation,
        "state": consultations.state(consultation),
        "area": consultations.area_label(consultation),
        "consents": list(consultation.consents.all()),
        "responses": responses.responses_of(consultation),
        "published": consultation.contributions.filter(status=Status.PUBLISHED).count(),
        "response_form": form, "errors": error_summary_items(form), "manage_links": True,
        "technology_labels": [Technology(t).label for t in consultation.technologies],
    }, status=status)  # fmt: skip


@require_POST
@requires("landscape.set_up", get_object=_place)
def response_add(request: HttpRequest, place_slug: str, consultation_slug: str):
    place = place_or_404(place_slug, request)
    consultation = consultation_or_404(place, consultation_slug)
    form = ResponseLinkForm(request.POST)
    if form.is_valid():
        try:
            responses.add(consultation, user=request.user, **form.cleaned_data)
        except ContributionError as caught:
            form.add_service_errors(caught)
        else:
            messages.success(request, "The response was linked.")
            return redirect("landscape:consultation", place.slug, consultation.slug)
    return _consultation_page(request, consultation, form, status=400)


@require_POST
@requires("landscape.set_up", get_object=_place)
def response_remove(request: HttpRequest, place_slug: str, consultation_slug: str, pk: int):
    place = place_or_404(place_slug, request)
    consultation = consultation_or_404(place, consultation_slug)
    link = ResponseLink.objects.filter(consultation=consultation, pk=pk).first()
    if link is None:
        raise Http404("This consultation has no such response.")
    responses.remove(link, user=request.user)
    messages.success(request, "The response was unlinked.")
    return redirect("landscape:consultation", place.slug, consultation.slug)


@requires("landscape.view_results", get_object=_place)
def said(request: HttpRequest, place_slug: str, consultation_slug: str) -> HttpResponse:
    """What people wrote: published contributions only, newest first, no names."""
    place = place_or_404(place_slug, request)
    consultation = consultation_or_404(place, consultation_slug)
    published = (
        Contribution.objects.filter(consultation=consultation, status=Status.PUBLISHED)
        .select_related("zone")
        .order_by("-published_at", "-pk")
    )
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    total = published.count()
    shown = list(published[(page - 1) * SAID_PAGE : page * SAID_PAGE])
    return render(request, "landscape/said.html", {
        "place": place, "consultation": consultation, "shown": shown, "total": total,
        "page": page, "more": page * SAID_PAGE < total,
    })  # fmt: skip


@require_http_methods(["GET", "POST"])
@requires("landscape.report", get_object=_place)
def report(request: HttpRequest, place_slug: str, pk: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    contribution = moderation.published_contribution(place, pk)
    if contribution is None:
        raise Http404(f"{place.name} has no published contribution number {pk}.")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            form.add_error("website", "Leave the last field empty; it is not for people.")
        else:
            try:
                moderation.report(
                    contribution, reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"], user=request.user,
                    client_address=_client_address(request),
                )  # fmt: skip
            except ContributionError as caught:
                form.add_service_errors(caught)
            else:
                messages.success(request, "Thank you: a moderator will look at it.")
                return redirect("landscape:said", place.slug, contribution.consultation.slug)
    return render(request, "landscape/report.html", {
        "place": place, "contribution": contribution, "form": form,
        "errors": error_summary_items(form),
    }, status=400 if request.method == "POST" else 200)  # fmt: skip
