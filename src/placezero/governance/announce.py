"""The two places where governance speaks to the kernel's shared doors: notifications
(`placezero.activity.services.notify`) and the advisory repository
(`placezero.publishing.services.publish`).

Both kernel apps were being built alongside this one. Each door is called from exactly one
function here; when its app is not installed yet the call is skipped and logged, so the
governance pages (which show every decision notice themselves) work either way. Kinds are
declared in `register_kinds()` (called from `GovernanceConfig.ready`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.apps import apps

if TYPE_CHECKING:
    from placezero.places.models import Place

logger = logging.getLogger(__name__)

ESCALATED = "governance.escalated"
DECIDED = "governance.decided"
REMINDER = "governance.deadline_reminder"
NOTICE = "governance.decision"

NOTIFICATION_KINDS = {
    ESCALATED: (
        "A decision escalated",
        "A proposal passed its time limit and went to the next body.",
    ),
    DECIDED: ("A decision was made", "A proposal you proposed or sit on was decided."),
    REMINDER: (
        "A decision's deadline is near",
        "A proposal you may vote on closes within a day.",
    ),
}


def _installed(app: str) -> bool:
    return apps.is_installed(f"placezero.{app}")


def _door(app: str, module: str = "") -> Any:
    return importlib.import_module(f"placezero.{app}" + (f".{module}" if module else ""))


def register_kinds() -> None:
    if _installed("activity"):
        activity = _door("activity")
        for key, (label, description) in NOTIFICATION_KINDS.items():
            activity.register_notification_kind(
                activity.NotificationKind(key=key, label=label, description=description)
            )
    if _installed("publishing"):
        publishing = _door("publishing")
        publishing.register_output_kind(
            publishing.OutputKind(
                key=NOTICE,
                label="Decision notice",
                module="governance",
                audiences=("public", "officers", "network"),
                topics=("governance",),
            )
        )


def notify_people(
    recipients: Iterable[Any],
    kind: str,
    *,
    title: str,
    body: str,
    url: str,
    place: Place,
    actor: Any = None,
) -> int:
    """Send one notification to each recipient; the number sent (0 before activity lands)."""
    people = list(dict.fromkeys(recipients))
    if not _installed("activity"):
        logger.info("notification %s skipped (activity not installed): %s", kind, title)
        return 0
    notify = _door("activity", "services").notify
    for person in people:
        notify(person, kind, title=title, body=body, url=url, place=place, actor=actor)
    return len(people)


def publish_notice(
    *, place: Place, key: str, title: str, summary: str, url: str, updated_at: Any
) -> bool:
    """Publish a decision notice to the advisory repository (idempotent per key)."""
    if not _installed("publishing"):
        logger.info("decision notice %s not published (publishing not installed)", key)
        return False
    _door("publishing", "services").publish(
        NOTICE,
        place=place,
        key=key,
        title=title,
        summary=summary,
        url=url,
        audiences=("public", "officers", "network"),
        topics=("governance",),
        updated_at=updated_at,
    )
    return True
