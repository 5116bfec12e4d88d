"""The two places where governance speaks to the kernel's shared doors: the advisory
repository (`placezero.publishing.services.publish`) and notifications
(`placezero.activity.services.notify`: inbox, email unless opted out, daily digest). Each is
called from one function here; the kinds are declared in `register_kinds()` (called from
`GovernanceConfig.ready`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.utils.text import Truncator

from placezero.activity import NotificationKind, register_notification_kind
from placezero.activity import services as activity
from placezero.publishing import OutputKind, register_output_kind
from placezero.publishing import services as publishing

if TYPE_CHECKING:
    from placezero.places.models import Place

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


def register_kinds() -> None:
    for key, (label, description) in NOTIFICATION_KINDS.items():
        register_notification_kind(NotificationKind(key=key, label=label, description=description))
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
    """Send one notification to each recipient (each person once); the number told."""
    told = 0
    for person in dict.fromkeys(recipients):
        if activity.notify(person, kind, title=title, body=body, url=url, place=place, actor=actor):
            told += 1
    return told


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
