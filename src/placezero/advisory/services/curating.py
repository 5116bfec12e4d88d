"""Curating: create and change resources (all or nothing, with history of every field and
of the audiences and topics), attach checked documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from placezero.accounts.permissions import check, require

from .. import documents
from ..models import Audience, Resource, ResourceDocument, Topic
from ..options import ResourceStatus

if TYPE_CHECKING:
    from placezero.places.models import Place


RESOURCE_FIELDS = (
    "kind", "title", "slug", "summary", "body", "url", "provider", "status", "published_at",
    "opens_on", "closes_on", "amount", "eligibility", "area_codes",
)  # fmt: skip


@transaction.atomic
def save_resource(
    user: Any,
    place: Place,
    fields: dict[str, Any],
    *,
    audiences: Iterable[Audience | str],
    topics: Iterable[Topic | str],
    resource: Resource | None = None,
) -> Resource:
    """Create a resource of the place (or change `resource`), all or nothing. Publishing
    without a time publishes now; a later time schedules it."""
    if resource is None:
        require(user, "advisory.curate", place)
        resource = Resource(place=place, created_by=user if user.is_authenticated else None)
    else:
        require(user, "advisory.curate", resource)
    for name in RESOURCE_FIELDS:
        if name in fields:
            setattr(resource, name, fields[name])
    if resource.status == ResourceStatus.PUBLISHED and resource.published_at is None:
        resource.published_at = timezone.now()
    resource.full_clean(exclude=["audiences", "topics"])
    # The history records who, also when a service is called outside a request.
    resource._history_user = user if getattr(user, "is_authenticated", False) else None
    resource.save()
    _set_tracked(resource, resource.audiences, _taxa(Audience, audiences))
    _set_tracked(resource, resource.topics, _taxa(Topic, topics))
    return resource


def _set_tracked(resource: Resource, manager: Any, wanted: list[Any]) -> None:
    """Set a tracked many-to-many so that one change makes one revision: `set()` would
    record its removals and its additions as two (each signal saves a history row)."""
    current = {item.pk: item for item in manager.all()}
    wanted_by_pk = {item.pk: item for item in wanted}
    removed = [current[pk] for pk in current.keys() - wanted_by_pk.keys()]
    added = [wanted_by_pk[pk] for pk in wanted_by_pk.keys() - current.keys()]
    if removed and added:
        resource.skip_history_when_saving = True  # the addition below records both
        try:
            manager.remove(*removed)
        finally:
            del resource.skip_history_when_saving
    elif removed:
        manager.remove(*removed)
    if added:
        manager.add(*added)


def _taxa(model: type[Audience] | type[Topic], values: Iterable[Any]) -> list[Any]:
    chosen = [v for v in values if isinstance(v, model)]
    slugs = [v for v in values if isinstance(v, str)]
    found = list(model.objects.filter(slug__in=slugs))
    if len(found) != len(set(slugs)):
        missing = sorted(set(slugs) - {t.slug for t in found})
        raise ValidationError(f"Unknown {model._meta.verbose_name}: {', '.join(missing)}")
    return chosen + found


@transaction.atomic
def attach_document(user: Any, resource: Resource, *, title: str, upload: Any) -> ResourceDocument:
    """Check the upload (size, type by content) and attach it; ValidationError says why not."""
    require(user, "advisory.curate", resource)
    kind = documents.check_upload(upload.name, upload.size, upload)
    upload.seek(0)
    document = ResourceDocument(
        resource=resource,
        title=title,
        media_type=kind.media_type,
        size=upload.size,
        uploaded_by=user,
    )
    document.file.save(upload.name, upload, save=False)
    document._history_user = user
    document.save()
    return document


def can_curate(user: Any, obj: Any) -> bool:
    return bool(check(user, "advisory.curate", obj))
