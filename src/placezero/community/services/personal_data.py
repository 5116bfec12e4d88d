"""Applicants' own data: what the community app holds about a person, to export or erase.

The app keeps as little as it can: the contact name and email an applicant gives on an
application, and who submitted or logged what. Groups' profiles hold the group's own details,
never a person's. Erasing blanks the contact details (never kept in the history) and removes the
person's name from the records (the records themselves stay: they are the fund's accounts)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from placezero.accounts.permissions import require

from ..models import (
    Application,
    Claim,
    EndOfGrantReport,
    GrantAgreement,
    MentoringSession,
    Project,
)


def export(user: Any) -> dict[str, Any]:
    require(user, "community.own_data")
    applications = Application.objects.filter(submitted_by=user).select_related("group", "round")
    return {
        "applications": [
            {
                "round": str(a.round),
                "group": str(a.group),
                "title": a.title,
                "contact_name": a.contact_name,
                "contact_email": a.contact_email,
                "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
            }
            for a in applications
        ],
        "claims_submitted": Claim.objects.filter(submitted_by=user).count(),
        "mentoring_sessions_logged": MentoringSession.objects.filter(logged_by=user).count(),
        "projects_adopted": Project.objects.filter(adopted_by=user).count(),
        "grant_agreements_accepted": [
            {
                "award": str(a.award),
                "accepted_at": a.accepted_at.isoformat() if a.accepted_at else None,
                "office": a.signatory_role,
            }
            for a in GrantAgreement.objects.filter(accepted_by=user).select_related("award")
        ],
        "end_of_grant_reports_submitted": EndOfGrantReport.objects.filter(
            submitted_by=user
        ).count(),
    }


@transaction.atomic
def erase(user: Any) -> int:
    """Blank the person's contact details and unlink their name; returns records changed."""
    require(user, "community.own_data")
    changed = 0
    mine = list(Application.objects.filter(submitted_by=user).values_list("pk", flat=True))
    # The history keeps no contact details (they are left out of it); take the person's
    # name off its earlier versions too.
    Application.history.filter(id__in=mine).update(submitted_by=None)
    for application in Application.objects.filter(pk__in=mine):
        application.contact_name = ""
        application.contact_email = ""
        application.submitted_by = None
        application.save()
        changed += 1
    changed += Claim.objects.filter(submitted_by=user).update(submitted_by=None)
    changed += MentoringSession.objects.filter(logged_by=user).update(logged_by=None)
    changed += Project.objects.filter(adopted_by=user).update(adopted_by=None)
    # The agreement stays accepted (it is the fund's record) but no longer names the person.
    GrantAgreement.history.filter(accepted_by=user).update(accepted_by=None)
    changed += GrantAgreement.objects.filter(accepted_by=user).update(accepted_by=None)
    EndOfGrantReport.history.filter(submitted_by=user).update(submitted_by=None)
    changed += EndOfGrantReport.objects.filter(submitted_by=user).update(submitted_by=None)
    return changed
