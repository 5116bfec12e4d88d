"""The search index follows every save, whoever makes it (services, admin, the demo loader)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Resource, Topic
from .search import index_resource, unindex_resource


@receiver(post_save, sender=Resource)
def _resource_saved(sender: Any, instance: Resource, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        index_resource(instance)


@receiver(m2m_changed, sender=Resource.audiences.through)
@receiver(m2m_changed, sender=Resource.topics.through)
def _tags_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Resource):
        index_resource(instance)


@receiver(post_delete, sender=Resource)
def _resource_deleted(sender: Any, instance: Resource, **kwargs: Any) -> None:
    unindex_resource(instance.pk)


@receiver(post_save, sender=Topic)
def _topic_saved(sender: Any, instance: Topic, raw: bool = False, **kwargs: Any) -> None:
    # A new synonym must find the topic's resources at once.
    if not raw:
        for resource in instance.resources.all():
            index_resource(resource)
