"""What kinds of notification exist: filled by each app in its `AppConfig.ready()`, like the
job kinds and the permission registry.

    from placezero.activity import NotificationKind, register_notification_kind
    register_notification_kind(NotificationKind(key="governance.escalated",
        label="A risk was escalated", description="When a risk you own is escalated."))

The label and description are what a person reads on their preferences page, so they say
when the notification is sent in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

# "app_label.name", lower case, like a permission or job kind.
KEY = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class NotificationKind:
    """One kind of notification. `email_by_default`: whether a person who has chosen nothing
    gets it by email straight away (otherwise only in their inbox)."""

    key: str
    label: str
    description: str
    email_by_default: bool = True


class UnknownNotificationKind(LookupError):
    """A kind nobody registered: a typo must fail loudly, never send nothing silently."""

    def __init__(self, key: str) -> None:
        known = ", ".join(_kinds) or "none"
        super().__init__(
            f"No kind of notification called {key!r} is registered (registered kinds: "
            f"{known}). Register it in its app's AppConfig.ready() with "
            "activity.register_notification_kind."
        )


_kinds: dict[str, NotificationKind] = {}


def register_notification_kind(kind: NotificationKind) -> NotificationKind:
    """Declare a kind of notification (in the app's `AppConfig.ready()`); each key once."""
    if not KEY.match(kind.key):
        raise ImproperlyConfigured(
            f"Notification kind key {kind.key!r} is not valid: write it as 'app_label.name' "
            "in lower case, for example 'jobs.finished'."
        )
    if kind.key in _kinds:
        raise ImproperlyConfigured(f"Notification kind {kind.key!r} is already registered.")
    _kinds[kind.key] = kind
    return kind


def unregister_notification_kind(key: str) -> None:
    """Remove a kind (for tests that register temporary ones)."""
    get_notification_kind(key)
    del _kinds[key]


def get_notification_kind(key: str) -> NotificationKind:
    try:
        return _kinds[key]
    except KeyError:
        raise UnknownNotificationKind(key) from None


def registered_notification_kinds() -> dict[str, NotificationKind]:
    return dict(sorted(_kinds.items(), key=lambda item: item[1].label))
