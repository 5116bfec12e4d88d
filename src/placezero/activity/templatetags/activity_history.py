"""`{% history_of object as history %}`: the revisions of a record, and whether the person
looking may see the names in them (used by activity/_history.html)."""

from __future__ import annotations

from typing import Any

from django import template

from placezero.accounts.permissions import has, is_signed_in

from .. import history

register = template.Library()


@register.simple_tag(takes_context=True)
def history_of(context: dict[str, Any], obj: Any, limit: int = history.DEFAULT_LIMIT) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    revisions = history.revisions_of(obj, limit)
    return {
        "revisions": revisions,
        "total": history.count_revisions(obj) if len(revisions) >= limit else len(revisions),
        "show_names": user is not None and has(user, "activity.see_names_in_history", obj),
        "viewer_id": user.pk if user is not None and is_signed_in(user) else None,
        "empty": history.EMPTY,
    }


@register.filter
def shown_name(person: Any, history_context: dict) -> str:
    """Who made a change, as this viewer may see it."""
    if person is None:
        return "The system (an import or a background task)"
    if history_context["show_names"] or person.pk == history_context["viewer_id"]:
        return person.get_full_name() or person.get_username()
    return "Name not shown"
