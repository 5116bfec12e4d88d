"""Moderation beyond one contribution at a time: the public's reports on published
contributions, and bulk decisions by the officers of the place.

A report is open to anyone (with or without an account), limited per client, and puts the
contribution back in front of the moderators; it never hides anything by itself, so a
campaign of reports cannot silence a view. A bulk decision is all or nothing: if any
contribution chosen cannot take it, nothing changes and the message names which.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from placezero.accounts.permissions import require

from . import services, validation
from .models import Contribution, Report
from .options import ReportReason, Status
from .validation import ContributionError

if TYPE_CHECKING:
    from placezero.places.models import Place

MAX_REPORT_NOTE = 500
REPORTS_PER_CLIENT_PER_HOUR = 5
MAX_BULK = 200


def published_contribution(place: Place, pk: int) -> Contribution | None:
    """A published contribution of the place (the only kind the public may report)."""
    return (
        Contribution.objects.filter(place=place, pk=pk, status=Status.PUBLISHED)
        .select_related("zone", "consultation")
        .first()
    )


def report(
    contribution: Contribution, *, reason: str, note: str, user: Any, client_address: str
) -> Report:
    require(user, "landscape.report", contribution.place)
    errors = {}
    if reason not in ReportReason.values:
        errors["reason"] = "Choose why this contribution should not be shown."
    try:
        cleaned = validation.plain_text(note, "note", "Your note", MAX_REPORT_NOTE)
    except ContributionError as caught:
        errors.update(caught.errors)
    if contribution.status != Status.PUBLISHED:
        errors["__all__"] = "Only published contributions can be reported."
    if errors:
        raise ContributionError(errors)
    key = validation.client_key(client_address)
    with transaction.atomic():
        since = timezone.now() - timedelta(hours=1)
        if Report.objects.filter(client_key=key, created_at__gte=since).count() >= (
            REPORTS_PER_CLIENT_PER_HOUR
        ):
            raise ContributionError(
                {"__all__": f"You have sent {REPORTS_PER_CLIENT_PER_HOUR} reports in the last "
                            "hour, the most we take from one device; please try again later."}
            )  # fmt: skip
        if Report.objects.filter(
            contribution=contribution, client_key=key, resolved_at__isnull=True
        ).exists():
            raise ContributionError(
                {"__all__": "You have already reported this contribution; a moderator will "
                            "look at it."}
            )  # fmt: skip
        return Report.objects.create(
            contribution=contribution, reason=reason, note=cleaned, client_key=key
        )


def reported(place: Place, user: Any) -> list[Contribution]:
    """Published contributions with open reports, most reported first."""
    require(user, "landscape.moderate", place)
    open_ = Count("reports", filter=Q(reports__resolved_at__isnull=True))
    found = (
        Contribution.objects.filter(place=place, status=Status.PUBLISHED)
        .annotate(open_reports=open_)
        .filter(open_reports__gt=0)
        .select_related("zone")
        .order_by("-open_reports", "pk")
    )
    return list(found)


def open_reports_of(contribution: Contribution) -> list[Report]:
    return list(contribution.reports.filter(resolved_at__isnull=True))


@transaction.atomic
def moderate_many(
    place: Place, pks: list[int], *, decision: str, reason: str, user: Any
) -> list[Contribution]:
    """The same decision, with the same reason, for each chosen contribution of the place;
    all or nothing."""
    require(user, "landscape.moderate", place)
    chosen = sorted(set(pks))
    if not chosen:
        raise ContributionError({"contributions": "Choose at least one contribution."})
    if len(chosen) > MAX_BULK:
        raise ContributionError(
            {"contributions": f"Choose at most {MAX_BULK} contributions at a time."}
        )
    found = {c.pk: c for c in Contribution.objects.filter(place=place, pk__in=chosen)}
    if missing := [pk for pk in chosen if pk not in found]:
        raise ContributionError(
            {"contributions": f"{place.name} has no contribution number "
                              f"{', '.join(map(str, missing))}; nothing was changed."}
        )  # fmt: skip
    done = []
    for pk in chosen:
        try:
            done.append(services.moderate(found[pk], decision=decision, reason=reason, user=user))
        except ContributionError as caught:
            # The transaction is rolled back: nothing of this batch is kept.
            message = "; ".join(caught.errors.values())
            raise ContributionError(
                {next(iter(caught.errors)): f"{message} (contribution {pk}): the whole batch "
                                            "was left unchanged."}
            ) from None  # fmt: skip
    return done
