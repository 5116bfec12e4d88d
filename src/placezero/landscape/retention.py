"""Retention: personal data of a consultation's contributions is deleted or anonymised
once the consultation has been closed for its retention period (`retention_days`).

`enforce()` is the periodic task `landscape.retention` (registered in
`LandscapeConfig.ready`, run by the jobs workers once a day). After the period:

- contributions never published (waiting, rejected) and hidden ones are deleted, with
  their history, moderation decisions and reports: they were never public and count for
  nothing;
- published ones lose everything that could lead back to a person: the account, the
  client's hash, the secret link (it stops working), the postcode district, and the
  reports' client hashes. What was published (place, technology, view, reason) stays,
  with the answers to structured questions, the age band and tenure, which alone identify
  nobody and keep the weighted acceptance unchanged.

Each consultation is done in its own transaction, so one failure leaves the others done.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import Consultation, Contribution, Report
from .options import Status

RUN_EVERY = dt.timedelta(days=1)


def due(now: dt.datetime | None = None) -> list[Consultation]:
    today = timezone.localdate(now or timezone.now())
    return [
        c
        for c in Consultation.objects.filter(retention_done_at__isnull=True, closes_on__lt=today)
        if c.closes_on + dt.timedelta(days=c.retention_days) < today
    ]


@transaction.atomic
def apply(consultation: Consultation, now: dt.datetime | None = None) -> tuple[int, int]:
    """(deleted, anonymised) for one consultation whose period has passed."""
    now = now or timezone.now()
    contributions = Contribution.objects.filter(consultation=consultation)
    gone = contributions.exclude(status=Status.PUBLISHED)
    gone_ids = list(gone.values_list("pk", flat=True))
    gone.delete()
    # After the rows: deleting them records a last history entry, which goes too.
    Contribution.history.filter(id__in=gone_ids).delete()
    kept = contributions.filter(anonymised_at__isnull=True)
    anonymised = 0
    for contribution in kept:
        contribution.contributor = None
        contribution.client_key = ""
        # Unique and unguessable, and no token hashes to it: the secret link stops working.
        contribution.secret_hash = f"expired-{secrets.token_hex(24)}"
        contribution.postcode_district = ""
        contribution.anonymised_at = now
        contribution.save()
        anonymised += 1
    Report.objects.filter(contribution__consultation=consultation).update(client_key="")
    consultation.retention_done_at = now
    consultation.save(update_fields=["retention_done_at"])
    return len(gone_ids), anonymised


def enforce(now: dt.datetime | None = None) -> str:
    deleted = anonymised = 0
    done = due(now)
    for consultation in done:
        d, a = apply(consultation, now)
        deleted, anonymised = deleted + d, anonymised + a
    return (
        f"Retention: {len(done)} consultations past their period; {deleted} contributions "
        f"deleted, {anonymised} anonymised."
    )


def periodic_task() -> Any:
    from placezero.jobs import PeriodicSpec

    return PeriodicSpec(
        key="landscape.retention",
        every=RUN_EVERY,
        run=enforce,
        description="Delete or anonymise contributors' personal data after each "
        "consultation's retention period",
    )
