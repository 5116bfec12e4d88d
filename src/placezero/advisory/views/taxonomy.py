"""The taxonomies in the browser: editors list, add and change topics and audiences."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from placezero.accounts.permissions import requires
from placezero.web.forms import add_service_errors, error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import AudienceForm, TopicForm
from ..models import Audience, Topic
from ..services.taxonomy import taxonomy_model

FORMS = {"topics": TopicForm, "audiences": AudienceForm}


def _place(request: HttpRequest, place_slug: str, **kwargs: Any) -> Any:
    return place_or_404(place_slug, request)


@require_safe
@requires("advisory.edit_taxonomy", get_object=_place)
def taxonomy(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    return render(
        request,
        "advisory/taxonomy.html",
        {"place": place, "topics": Topic.objects.all(), "audiences": Audience.objects.all()},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@requires("advisory.edit_taxonomy", get_object=_place)
def taxon_edit(
    request: HttpRequest, place_slug: str, kind: str, slug: str | None = None
) -> HttpResponse:
    """Add a topic or audience (no `slug`) or change one."""
    place = place_or_404(place_slug, request)
    taxonomy_model(kind)  # Http404 for another word
    taxon = services.taxon_of(request.user, place, kind, slug) if slug else None
    form = FORMS[kind](request.POST or None, instance=taxon)
    if taxon is not None:
        # Saved searches and links name it by its slug: it stays.
        form.fields["slug"].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.save_taxon(request.user, place, kind, form.cleaned_data, slug=slug)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("advisory:taxonomy", place_slug=place.slug)
    noun = "topic" if kind == "topics" else "audience"
    return render(
        request,
        "advisory/wizard_rule_form.html",
        {
            "place": place,
            "form": form,
            "errors": error_summary_items(form) if form.is_bound else [],
            "heading": f"Change the {noun} “{taxon.name}”" if taxon else f"Add a {noun}",
            "record": taxon,
            "back_url": "advisory:taxonomy",
            "back_text": "Topics and audiences",
        },
        status=400 if form.is_bound and form.errors else 200,
    )
