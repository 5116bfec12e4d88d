"""Reading the shared history: what changed in a record, field by field, who and when.

The records come from django-simple-history: every model declaring `history =
HistoricalRecords()` gets a history table with one row per save (and per delete), holding
every tracked field's value then. A change is the difference between a row and the one
before it (`diff_against`), turned here into words a person reads: the field's label, and
the values as a page shows them (a choice's label, a related record's name, "Yes"/"No").

Values that name a person (a link to a user: "created by", a membership's person) are
marked `personal`: the history component shows them, and who made a change, only to those
allowed to see names (`activity.see_names_in_history`) and to the person themselves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from simple_history.utils import get_history_manager_for_model

EMPTY = "\u2013"  # en dash, as the tables show no figure
# The newest revisions a page shows by default: a long-lived record's whole life is in
# its history table, and the admin can page through all of it.
DEFAULT_LIMIT = 50
# Between a JSON field's label and the path into it: "Definition \u203a levers".
SEPARATOR = " \u203a "
ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}


@dataclass(frozen=True)
class Change:
    """One field's change in one revision. `field` is the attribute name ("name"), with a
    path into a JSON field ("definition.levers.heat_pumps"); `before` and `after` are the
    values as text, `EMPTY` for none."""

    revision: int
    when: datetime
    who: Any  # the user who saved, or None (a command, a job, the loader)
    field: str
    label: str
    before: str
    after: str
    personal: bool = False
    # For a tracked many-to-many: what was added and removed ("added Tenants; removed
    # Businesses"), which a long before/after list hides.
    detail: str = ""


@dataclass(frozen=True)
class Revision:
    """One save of a record: when, by whom, created/changed/deleted, and what changed.
    `first_known`: a change with nothing recorded before it (the record is older than its
    history), so what it changed from is not known."""

    id: int
    when: datetime
    who: Any
    action: str
    reason: str
    changes: tuple[Change, ...]
    first_known: bool = False


def is_tracked(obj: Any) -> bool:
    """Whether the record's model keeps a shared history (declares HistoricalRecords)."""
    try:
        get_history_manager_for_model(type(obj))
    except Exception:  # simple_history raises NotHistoricalModelError, or AttributeError
        return False
    return True


def _records(obj: Any) -> models.QuerySet[Any]:
    model = type(obj)
    manager = get_history_manager_for_model(model)
    return manager.filter(**{model._meta.pk.attname: obj.pk}).select_related("history_user")


def revisions_of(obj: Any, limit: int | None = DEFAULT_LIMIT) -> list[Revision]:
    """The record's saves, newest first, each with its field-by-field changes."""
    if obj is None or obj.pk is None or not is_tracked(obj):
        return []
    # One more than shown, so the oldest shown revision has its predecessor to diff against.
    fetch = None if limit is None else limit + 1
    records = list(_records(obj).order_by("-history_date", "-history_id")[:fetch])
    names: dict[tuple[type, Any], str] = {}  # related records' names, looked up once each
    return [
        _revision(obj, record, records[index + 1] if index + 1 < len(records) else None, names)
        for index, record in enumerate(records[:limit])
    ]


def changes_of(obj: Any, limit: int | None = None) -> list[Change]:
    """Every field-by-field change of a record, newest first: who, when, field, before,
    after. A record's creation and deletion change no field, so they add no rows here (see
    `revisions_of` for those)."""
    return [change for revision in revisions_of(obj, limit) for change in revision.changes]


def count_revisions(obj: Any) -> int:
    if obj is None or obj.pk is None or not is_tracked(obj):
        return 0
    return _records(obj).count()


def _revision(obj: Any, record: Any, previous: Any, names: dict) -> Revision:
    changes: tuple[Change, ...] = ()
    if record.history_type == "~" and previous is not None:
        delta = record.diff_against(previous)
        changes = tuple(
            change
            for item in delta.changes
            for change in _field_changes(type(obj), record, item.field, item.old, item.new, names)
        )
    return Revision(
        id=record.history_id,
        when=record.history_date,
        who=record.history_user,
        action=ACTIONS.get(record.history_type, record.history_type),
        reason=record.history_change_reason or "",
        changes=changes,
        first_known=record.history_type == "~" and previous is None,
    )


def _field_changes(
    model: type[models.Model], record: Any, name: str, old: Any, new: Any, names: dict
) -> Iterator[Change]:
    field = model._meta.get_field(name)
    label = str(field.verbose_name)
    label = label[:1].upper() + label[1:]
    common = {"revision": record.history_id, "when": record.history_date}
    who = record.history_user
    if isinstance(field, models.JSONField) and (
        isinstance(old, Mapping) or isinstance(new, Mapping)
    ):
        for path, before, after in _json_differences(old, new):
            yield Change(
                **common,
                who=who,
                field=".".join([name, *path]),
                label=SEPARATOR.join([label, *path]),
                before=_json_text(before),
                after=_json_text(after),
            )
        return
    personal = field.is_relation and field.related_model is not None and _is_user_model(field)
    detail = _m2m_detail(field, old, new, names) if field.many_to_many else ""
    yield Change(
        **common,
        who=who,
        field=name,
        label=label,
        before=_text(field, old, names),
        after=_text(field, new, names),
        personal=personal,
        detail=detail,
    )


def _m2m_detail(field: Any, old: Any, new: Any, names: dict) -> str:
    """What was added and removed ("added X, Y; removed Z") between two lists of a
    many-to-many's through rows."""
    target = field.m2m_reverse_field_name()
    before = {row.get(target) for row in old or []}
    after = {row.get(target) for row in new or []}
    parts = []
    for word, values in (("added", after - before), ("removed", before - after)):
        if values:
            shown = sorted(_text_one(field, value, names) for value in values)
            parts.append(f"{word} {', '.join(shown)}")
    return "; ".join(parts)


def _is_user_model(field: Any) -> bool:
    meta = field.related_model._meta
    return f"{meta.app_label}.{meta.object_name}" == settings.AUTH_USER_MODEL


_MISSING = object()


def _json_differences(old: Any, new: Any, path: tuple[str, ...] = ()) -> Iterator[tuple]:
    """(path, before, after) for each leaf that differs between two JSON values."""
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        for key in sorted(set(old) | set(new), key=str):
            a, b = old.get(key, _MISSING), new.get(key, _MISSING)
            if a != b:
                yield from _json_differences(a, b, (*path, str(key)))
        return
    if isinstance(old, Mapping) and new is _MISSING:
        yield from _json_differences(old, {}, path)
        return
    if isinstance(new, Mapping) and old is _MISSING:
        yield from _json_differences({}, new, path)
        return
    yield path, old, new


def _json_text(value: Any) -> str:
    if value is _MISSING or value is None or value == "":
        return EMPTY
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _related_name(field: Any, value: Any) -> str:
    related = field.related_model._default_manager.filter(pk=value).first()
    if related is None:
        return f"a deleted record (#{value})"
    if _is_user_model(field):
        return related.get_full_name() or related.get_username()
    return str(related)


def _text(field: Any, value: Any, names: dict) -> str:
    """A value as a page shows it."""
    if field.many_to_many:
        # A tracked many-to-many (`HistoricalRecords(m2m_fields=...)`): its value is the
        # list of through rows; each names the related record under the reverse field.
        target = field.m2m_reverse_field_name()
        shown = sorted(_text_one(field, row.get(target), names) for row in value or [])
        return ", ".join(shown) or EMPTY
    return _text_one(field, value, names)


def _text_one(field: Any, value: Any, names: dict) -> str:
    if value is None or value == "":
        return EMPTY
    if field.is_relation:
        key = (field.related_model, value)
        if key not in names:
            names[key] = _related_name(field, value)
        return names[key]
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, date):
        return formats.date_format(value, "j F Y")
    return str(value)
