"""One resource: its page (sanitised body, documents, deadlines), and for the place's
curators the forms that create and change it and attach documents."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from placezero.accounts.permissions import requires
from placezero.web.forms import add_service_errors, error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import services
from ..forms import DocumentForm, ResourceForm


def _place(request: HttpRequest, place_slug: str, **kwargs: Any) -> Any:
    return place_or_404(place_slug, request)


def _resource(request: HttpRequest, place_slug: str, slug: str) -> Any:
    return services.find_resource(place_or_404(place_slug, request), slug)


@require_safe
@requires("advisory.view_resource", get_object=_resource)
def resource_page(request: HttpRequest, place_slug: str, slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    resource = services.get_resource(place, slug, request.user)
    return _render_page(request, place, resource, DocumentForm())


def _render_page(
    request: HttpRequest, place: Any, resource: Any, document_form: DocumentForm, status: int = 200
) -> HttpResponse:
    """The resource's page; its curators also see the upload form and the changes."""
    can_curate = services.can_curate(request.user, resource)
    return render(
        request,
        "advisory/resource.html",
        {
            "place": place,
            "resource": resource,
            "body": services.render_markdown(resource.body),
            "can_curate": can_curate,
            "document_form": document_form if can_curate else None,
            "errors": error_summary_items(document_form) if document_form.is_bound else [],
        },
        status=status,
    )


def _save(request: HttpRequest, place: Any, resource: Any = None) -> HttpResponse:
    form = ResourceForm(request.POST or None, instance=resource)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k not in ("audiences", "topics")}
        try:
            saved = services.save_resource(
                request.user,
                place,
                fields,
                audiences=list(form.cleaned_data["audiences"]),
                topics=list(form.cleaned_data["topics"]),
                resource=resource,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("advisory:resource", place_slug=place.slug, slug=saved.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "advisory/resource_form.html",
        {"place": place, "form": form, "resource": resource, "errors": error_summary_items(form)},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@requires("advisory.curate", get_object=_place)
def resource_new(request: HttpRequest, place_slug: str) -> HttpResponse:
    return _save(request, place_or_404(place_slug, request))


@require_http_methods(["GET", "HEAD", "POST"])
@requires("advisory.curate", get_object=_resource)
def resource_edit(request: HttpRequest, place_slug: str, slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    return _save(request, place, services.get_resource(place, slug, request.user))


@require_http_methods(["POST"])
@requires("advisory.curate", get_object=_resource)
def document_upload(request: HttpRequest, place_slug: str, slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    resource = services.get_resource(place, slug, request.user)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_document(
                request.user,
                resource,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            form.add_error("file", error.messages)
        else:
            return redirect("advisory:resource", place_slug=place.slug, slug=resource.slug)
    return _render_page(request, place, resource, form, status=400)


@require_safe
@requires("advisory.view", get_object=_place)
def document_file(request: HttpRequest, place_slug: str, document_id: int) -> HttpResponse:
    place = place_or_404(place_slug, request)
    document = services.get_document(place, document_id, request.user)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.file.name.rsplit("/", 1)[-1],
        content_type=document.media_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
