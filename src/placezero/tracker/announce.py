"""What the tracker tells people and publishes.

- The plan's progress summary is published to the advisory repository
  (`publishing.services.publish("tracker.progress", ...)`), once per place after each
  transaction that changed its plan.
- Each progress report, when issued, is published too (`tracker.report`).
- A milestone past its due date and not completed is a reminder to the action's lead officer
  (or, without one, the owning organisation's editors), sent once per due date by a periodic
  job through the shared notifications (`activity.services.notify`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse

from placezero.activity import NotificationKind, register_notification_kind
from placezero.activity import services as activity
from placezero.publishing import OutputKind, register_output_kind
from placezero.publishing import services as publishing

from .models import Milestone

if TYPE_CHECKING:
    from placezero.places.models import Place

PROGRESS = "tracker.progress"
REPORT = "tracker.report"
MILESTONE_OVERDUE = "tracker.milestone_overdue"
MODULE = "Action and impact tracker"
AUDIENCES = ("public", "officers", "residents", "parishes", "businesses", "community")
TOPICS = ("action plan", "progress", "net zero")


def milestones_overdue(today: dt.date | None = None) -> Any:
    today = today or dt.date.today()
    return Milestone.objects.filter(completed_on__isnull=True, due__lt=today).select_related(
        "action__place", "action__owner", "action__lead_officer"
    )


def register_kinds() -> None:
    register_output_kind(
        OutputKind(
            key=PROGRESS,
            label="Action plan progress",
            module=MODULE,
            audiences=AUDIENCES,
            topics=TOPICS,
        )
    )
    register_output_kind(
        OutputKind(
            key=REPORT,
            label="Action plan progress report",
            module=MODULE,
            audiences=AUDIENCES,
            topics=(*TOPICS, "report"),
        )
    )
    register_notification_kind(
        NotificationKind(
            key=MILESTONE_OVERDUE,
            label="A milestone of an action you lead is overdue",
            description="Sent once when a milestone passes its due date uncompleted.",
        )
    )


def plan_changed(place: Place) -> None:
    """Publish the place's progress summary once the current transaction commits (once per
    transaction however many changes it holds, e.g. a spreadsheet import)."""
    connection = transaction.get_connection()
    if any(getattr(f, "tracker_place", None) == place.pk for _, f, _ in connection.run_on_commit):
        return

    def publish() -> None:
        publish_progress(place)

    publish.tracker_place = place.pk  # type: ignore[attr-defined]
    transaction.on_commit(publish)


def publish_progress(place: Place) -> Any:
    from . import dashboard

    summary = dashboard.summary(place)
    return publishing.publish(
        PROGRESS,
        place=place,
        key=f"{place.slug}/progress",
        title=f"{place.name}: action plan progress",
        summary=summary.sentence(),
        url=reverse("tracker:dashboard", kwargs={"place_slug": place.slug}),
    )


def publish_report(report: Any) -> Any:
    """A progress report, once issued, in the advisory repository (its key never changes:
    a report is frozen)."""
    place = report.place
    return publishing.publish(
        REPORT,
        place=place,
        key=f"{place.slug}/report-{report.pk}",
        title=report.title,
        summary=report.snapshot["sentence"],
        url=reverse("tracker:report", kwargs={"place_slug": place.slug, "report_id": report.pk}),
        updated_at=report.issued_at,
    )


def notify(recipient: Any, *, title: str, body: str, url: str, place: Any) -> None:
    """The one call site of the shared notifications (placezero.activity)."""
    activity.notify(recipient, MILESTONE_OVERDUE, title=title, body=body, url=url, place=place)


def remind_overdue_milestones(today: dt.date | None = None) -> str:
    """Periodic: one reminder per overdue milestone and due date."""
    sent = 0
    for milestone in milestones_overdue(today):
        if milestone.reminded_for == milestone.due:
            continue
        action = milestone.action
        recipients = (
            [action.lead_officer]
            if action.lead_officer
            else [
                m.user
                for m in action.owner.memberships.filter(is_editor=True).select_related("user")
            ]
        )
        url = reverse(
            "tracker:action", kwargs={"place_slug": action.place.slug, "action_id": action.pk}
        )
        for person in recipients:
            notify(
                person,
                title=f"Milestone overdue: {milestone.title} ({action.reference})",
                body=(
                    f"“{milestone.title}” of {action.reference} {action.title} was due on "
                    f"{milestone.due:%d %B %Y} and is not marked complete. Post an update or "
                    "mark it complete."
                ),
                url=url,
                place=action.place,
            )
            sent += 1
        milestone.reminded_for = milestone.due
        milestone.save(update_fields=["reminded_for"])
    return f"{sent} overdue-milestone reminders sent."
