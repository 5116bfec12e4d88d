"""Saving with the person recorded in the shared history.

django-simple-history records who made a change from the request (its middleware); a
service may also be called outside a request (a command, a test, a job), so the services
name the person themselves: `save(obj, user)` and `create(Model, user, **fields)`."""

from __future__ import annotations

from typing import Any

from placezero.accounts.permissions import is_signed_in


def save[M](obj: M, user: Any, **kwargs: Any) -> M:
    if is_signed_in(user):
        obj._history_user = user  # type: ignore[attr-defined]
    obj.save(**kwargs)  # type: ignore[attr-defined]
    return obj


def create[M](model: type[M], user: Any, **fields: Any) -> M:
    return save(model(**fields), user)
