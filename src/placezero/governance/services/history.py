"""Who made a change, for the shared history (django-simple-history).

The history middleware records the person behind a web request; a service is also called
from commands and periodic work, so each service names the person itself. A record saved
through `save_by` or `create_by` carries them into its history row (`_history_user`, read
by simple_history); None means the system (a periodic escalation, the demo loader).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model


def _person(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def save_by[M: Model](instance: M, by: Any, **save: Any) -> M:
    person = _person(by)
    if person is not None:
        instance._history_user = person  # type: ignore[attr-defined]
    instance.save(**save)
    return instance


def create_by[M: Model](model: type[M], by: Any, **fields: Any) -> M:
    return save_by(model(**fields), by)
