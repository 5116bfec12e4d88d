"""The two places where governance speaks to the kernel's shared doors: the advisory
repository (`placezero.publishing.services.publish`) and notifications
(`placezero.activity.services.notify`).

Each door is called from exactly one function here. Notifications: the activity app was
being built alongside this one; until it is installed the call is skipped and logged (the
decision pages show every escalation themselves). Kinds are declared in `register_kinds()`
(called from `GovernanceConfig.ready`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.utils.text import Truncator

from placezero.publishing import OutputKind, register_output_kind
from placezero.publishing import services as publishing

if TYPE_CHECKING:
    from placezero.places.models import Place

logger = logging.getLogger(__name__)

ESCALATED = "governance.escalated"
DECIDED = "governance.decided"
REMINDER = "governance.deadline_reminder"
NOTICE = "governance.decision"
REPORT = "governance.evaluation"

# The repository's limits (publishing.services: a title of 200, a summary of 1000 characters).
TITLE_MAX, SUMMARY_MAX = 200, 1000
MODULE = "Governance and action tracker"
# A decision notice is public; partners and the network operator follow what is decided.
NOTICE_AUDIENCES = ("public", "officers", "network", "community", "parishes", "businesses")
NOTICE_TOPICS = ("governance", "decisions")

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
    register_output_kind(
        OutputKind(
            key=REPORT,
            label="Governance evaluation report",
            module=MODULE,
            audiences=NOTICE_AUDIENCES,
            topics=("governance", "evaluation"),
        )
    )
    register_output_kind(
        OutputKind(
            key=NOTICE,
            label="Decision notice",
            module=MODULE,
            audiences=NOTICE_AUDIENCES,
            topics=NOTICE_TOPICS,
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
    *,
    place: Place,
    key: str,
    title: str,
    summary: str,
    url: str,
    updated_at: Any,
    kind: str = NOTICE,
) -> None:
    """Publish a decision notice (or, `kind=REPORT`, an evaluation report) to the advisory
    repository (idempotent per key)."""
    publishing.publish(
        kind,
        place=place,
        key=key,
        title=Truncator(title).chars(TITLE_MAX),
        summary=Truncator(summary).chars(SUMMARY_MAX),
        url=url,
        audiences=NOTICE_AUDIENCES,
        topics=NOTICE_TOPICS if kind == NOTICE else ("governance", "evaluation"),
        updated_at=updated_at,
    )
