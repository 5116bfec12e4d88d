"""History and notifications for every app.

History: a model whose changes matter declares `history = HistoricalRecords()`
(django-simple-history); `services.changes_of(obj)` reads its changes field by field and
pages show them with `{% include "activity/_history.html" with object=obj %}`.

Notifications: apps declare kinds in `AppConfig.ready()` with `register_notification_kind`
and send with `services.notify(recipient, kind, title=..., ...)`: the in-app inbox, email
and the daily digest, as each person chose. See docs/decisions/0007-activity.md.
"""

from .registry import (
    NotificationKind,
    UnknownNotificationKind,
    get_notification_kind,
    register_notification_kind,
    registered_notification_kinds,
)

__all__ = [
    "NotificationKind",
    "UnknownNotificationKind",
    "get_notification_kind",
    "register_notification_kind",
    "registered_notification_kinds",
]
