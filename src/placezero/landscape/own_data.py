"""A contributor's own data: see it, export everything kept about it, delete it (with its
history), through their account or the secret link they were given."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from placezero.accounts.permissions import require

from . import validation
from .acceptance import zone_label
from .models import Contribution
from .options import Status
from .outputs import publish_results


def own_contributions(user: Any) -> list[Contribution]:
    require(user, "landscape.view_own")
    return list(Contribution.objects.filter(contributor=user).select_related("zone", "place"))


def by_secret(token: str) -> Contribution | None:
    if not token:
        return None
    found = Contribution.objects.select_related("zone", "place").filter(
        secret_hash=validation.secret_hash(token)
    )
    return found.first()


def export(contribution: Contribution, *, user: Any = None, token: str = "") -> dict[str, Any]:
    """Everything kept about a contribution, for its contributor only."""
    _require_owner(contribution, user, token)
    return {
        "place": contribution.place.name,
        "consultation": contribution.consultation.title,
        "consent_version": contribution.consent.version,
        "consent_text": contribution.consent.consent_text,
        "zone": contribution.zone.code,
        "zone_name": zone_label(contribution.zone),
        "technology": contribution.technology,
        "stance": contribution.stance,
        "shape": contribution.shape,
        "geometry": contribution.geometry,
        "place_description": contribution.place_description,
        "reason": contribution.reason,
        "answers": contribution.answers,
        "about_you": {
            "age_band": contribution.age_band,
            "tenure": contribution.tenure,
            "postcode_district": contribution.postcode_district,
        },
        "status": contribution.status,
        "created_at": contribution.created_at.isoformat(),
        "published_at": contribution.published_at.isoformat()
        if contribution.published_at
        else None,
        "decisions": [
            {"decision": d.decision, "reason": d.reason, "decided_at": d.decided_at.isoformat()}
            for d in contribution.decisions.all()
        ],
        "with_account": contribution.contributor_id is not None,
    }


@transaction.atomic
def delete(contribution: Contribution, *, user: Any = None, token: str = "") -> None:
    """Delete a contribution and its history (its text and shape are the contributor's
    data); the results recount without it."""
    _require_owner(contribution, user, token)
    place = contribution.place
    was_published = contribution.status == Status.PUBLISHED
    pk = contribution.pk
    contribution.delete()
    # After the row: deleting it records a last history entry, which goes too.
    Contribution.history.filter(id=pk).delete()
    if was_published:
        publish_results(place)


def _require_owner(contribution: Contribution, user: Any, token: str) -> None:
    if token and validation.secret_hash(token) == contribution.secret_hash:
        return
    if token:
        raise PermissionDenied("This link is not the secret link of this contribution.")
    require(user, "landscape.manage_own", contribution)
