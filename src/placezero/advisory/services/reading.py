"""Reading the repository: the taxonomies, live resources, one resource or document, and
the support directory in the Open Referral UK shape."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404

from placezero.accounts.permissions import require
from placezero.places import services as places

from .. import directory
from ..models import Audience, Resource, ResourceDocument, Topic
from ..options import ResourceKind

if TYPE_CHECKING:
    from placezero.places.models import Place


def audiences() -> list[Audience]:
    return list(Audience.objects.all())


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def live_resources(place: Place) -> QuerySet[Resource]:
    """What everyone may read in a place: its published resources and the national ones."""
    return Resource.objects.live().for_place(place)


def get_resource(place: Place, slug: str, user: Any) -> Resource:
    """The resource of the place (or national) by slug; Http404 if none, PermissionDenied
    with the reason for a draft the person may not see."""
    resource = find_resource(place, slug)
    require(user, "advisory.view_resource", resource)
    return resource


def find_resource(place: Place, slug: str) -> Resource:
    """The resource, unchecked: for `@requires(get_object=...)`, which checks it."""
    resource = (
        Resource.objects.for_place(place)
        .prefetch_related("topics", "audiences", "documents")
        .filter(slug=slug)
        .first()
    )
    if resource is None:
        raise Http404(f"There is no resource “{slug[:80]}” in {place}.")
    return resource


def get_document(place: Place, document_id: int, user: Any) -> ResourceDocument:
    document = (
        ResourceDocument.objects.select_related("resource")
        .filter(pk=document_id)
        .filter(resource__in=Resource.objects.for_place(place))
        .first()
    )
    if document is None:
        raise Http404("There is no such document.")
    require(user, "advisory.view_resource", document.resource)
    return document


def support_directory(place: Place, user: Any) -> dict[str, Any]:
    """The place's advice services in the Open Referral UK shape (`directory`)."""
    require(user, "advisory.view", place)
    names = {a.code: a.name for a in places.member_areas(place)}
    services_found = (
        live_resources(place)
        .filter(kind=ResourceKind.SERVICE)
        .prefetch_related("audiences", "topics")
        .order_by("title")
    )
    records = [directory.service_record(r, place, names) for r in services_found]
    return {"total_items": len(records), "content": records}
