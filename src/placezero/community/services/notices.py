"""The community app's notification kinds, and the one place it sends notifications.

Every message goes through `send` to `placezero.activity.services.notify`: the in-app inbox,
email unless the person opted out, and the daily digest."""

from __future__ import annotations

from typing import Any

from placezero.activity import NotificationKind, register_notification_kind
from placezero.activity import services as activity

KINDS = {
    "community.step_submitted": (
        "A group submitted a step",
        "A community energy group of your place sent a step of its journey for sign-off.",
    ),
    "community.step_decided": (
        "Your group's step was decided",
        "An officer signed off, or returned with a note, a step your group submitted.",
    ),
    "community.application_submitted": (
        "An application to the readiness fund",
        "A group of your place applied to a readiness fund round.",
    ),
    "community.application_determined": (
        "The panel decided your application",
        "The readiness fund's decision on your group's application, with its message.",
    ),
    "community.claim_changed": (
        "A claim moved on",
        "A milestone claim of your group's award was approved, rejected or paid.",
    ),
}


def register_kinds() -> None:
    """Declare the community notification kinds (from `CommunityConfig.ready`)."""
    for key, (label, description) in KINDS.items():
        register_notification_kind(NotificationKind(key=key, label=label, description=description))


def send(
    recipient: Any, kind: str, *, title: str, body: str, url: str, place: Any, actor: Any = None
) -> None:
    activity.notify(recipient, kind, title=title, body=body, url=url, place=place, actor=actor)
