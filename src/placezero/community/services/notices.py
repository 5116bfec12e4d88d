"""The one place the community app sends notifications.

Every message goes through `send` to `placezero.activity.services.notify` (the in-app inbox,
email unless the person opted out, the daily digest). Until the activity app is installed
the message is sent by email through Django's mail backend instead, so no notice is lost.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.mail import send_mail

logger = logging.getLogger(__name__)

KINDS = {
    "community.step_submitted": "A group submitted a step for sign-off",
    "community.step_decided": "An officer signed off or returned a group's step",
    "community.application_submitted": "A group applied to the readiness fund",
    "community.application_determined": "The panel decided an application",
    "community.claim_changed": "A claim was approved, rejected or paid",
}


ACTIVITY = "placezero.activity"


def activity(module: str = "") -> Any:
    """The activity app's package (or one of its modules), or None while it is not
    installed. Looked up by name because it may not exist in this installation yet."""
    if not apps.is_installed(ACTIVITY):
        return None
    return import_module(f"{ACTIVITY}.{module}" if module else ACTIVITY)


def register_kinds() -> None:
    """Declare the community notification kinds (from `CommunityConfig.ready`)."""
    package = activity()
    if package is None:
        return
    for key, label in KINDS.items():
        package.register_notification_kind(
            package.NotificationKind(key=key, label=label, description=label)
        )


def send(
    recipient: Any, kind: str, *, title: str, body: str, url: str, place: Any, actor: Any = None
) -> None:
    if kind not in KINDS:
        raise ValueError(f"Unknown community notification kind {kind!r}.")
    if recipient is None:
        return
    services = activity("services")
    if services is None:
        if recipient.email:
            send_mail(title, f"{body}\n\n{url}", None, [recipient.email])
        logger.info("community notice %s to %s: %s", kind, recipient.pk, title)
        return
    services.notify(recipient, kind, title=title, body=body, url=url, place=place, actor=actor)
