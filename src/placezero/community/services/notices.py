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
    "community.agreement_issued": (
        "A grant agreement to accept",
        "The fund issued the grant agreement of your group's award: terms, conditions and "
        "milestones to accept.",
    ),
    "community.agreement_accepted": (
        "A group accepted its grant agreement",
        "A group of your place accepted the grant agreement of its award.",
    ),
    "community.report_submitted": (
        "An end-of-grant report to sign off",
        "A group of your place sent the end-of-grant report of its award.",
    ),
    "community.report_decided": (
        "Your end-of-grant report was decided",
        "An officer signed off, or returned with a note, your group's end-of-grant report.",
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
