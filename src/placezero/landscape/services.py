"""The landscape app's door: contributions, moderation, acceptance and personal data.

Every function that reads or changes something asks `accounts.permissions.require` first.
Contributions are checked whole at the edge (`validation`) and written in one transaction,
so a refused one leaves nothing behind. Only published contributions count, and no name
or client is ever part of what is shown publicly.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from placezero.accounts.permissions import is_signed_in, require
from placezero.activity import services as activity
from placezero.engine.acceptance import MINIMUM_RESPONSES, Tally, wilson_interval
from placezero.places import services as places
from placezero.publishing import services as publishing

from . import validation
from .models import Contribution, ModerationDecision
from .options import ENGINE_TECHNOLOGY, Decision, Shape, Stance, Status, Technology
from .validation import ContributionError

if TYPE_CHECKING:
    from placezero.places.models import Place, Zone

RESULTS_KIND = "landscape.results"
MAX_REJECT_REASON = 500

__all__ = ["MINIMUM_RESPONSES", "ContributionError"]


def zones(place: Place) -> list[Zone]:
    return places.zones(place)


def zone_label(zone: Zone) -> str:
    local = f" ({zone.local_name})" if getattr(zone, "local_name", "") else ""
    return f"{zone.name}{local}"


# --- having your say --------------------------------------------------------------------


@dataclass(frozen=True)
class Submitted:
    contribution: Contribution
    secret_token: str  # shown once: the contributor's link to see, export or delete it


def submit(
    place: Place,
    *,
    technology: str,
    stance: str,
    user: Any,
    client_address: str,
    geometry: Any = None,
    zone_code: str = "",
    place_description: str = "",
    reason: str = "",
    honeypot: str = "",
    is_demo: bool = False,
) -> Submitted:
    """Record a contribution, waiting for moderation. With `geometry` (a GeoJSON point or
    polygon, from the map) its zone is where it lies; without, `zone_code` and a typed
    description of the place (the route without a map). ContributionError({field: message})
    for anything wrong; nothing is written then."""
    require(user, "landscape.contribute", place)
    errors: dict[str, str] = {}
    if honeypot:
        # Filled in only by software that fills in every field.
        raise ContributionError({"website": "Leave the last field empty; it is not for people."})
    if technology not in Technology.values:
        errors["technology"] = "Choose the technology you are telling us about."
    if stance not in Stance.values:
        errors["stance"] = "Choose whether you would welcome it here or not."
    zone_pk, shape, cleaned_geometry, description = None, Shape.DESCRIBED, None, ""
    shapes = _shapes(place)
    try:
        if geometry not in (None, ""):
            cleaned_geometry = validation.parse_geometry(geometry)
            shape = Shape.POINT if cleaned_geometry["type"] == "Point" else Shape.AREA
            zone_pk = validation.zone_of(cleaned_geometry, shapes)
        else:
            zone_pk = shapes.by_code.get(zone_code)
            if zone_pk is None:
                errors["zone_code"] = (
                    f"Choose your neighbourhood from the list of {place.name}'s areas."
                )
            description = validation.plain_text(
                place_description,
                "place_description",
                "The description of the place",
                validation.MAX_DESCRIPTION_CHARS,
            )
            if not description:
                errors["place_description"] = (
                    "Describe the place in a few words (a street, field or landmark)."
                )
    except ContributionError as caught:
        errors.update(caught.errors)
    try:
        cleaned_reason = validation.plain_text(
            reason, "reason", "Your reason", validation.MAX_REASON_CHARS
        )
    except ContributionError as caught:
        errors.update(caught.errors)
    if errors:
        raise ContributionError(errors)
    key = validation.client_key(client_address)
    with transaction.atomic():
        _check_rate(place, key)
        token = secrets.token_urlsafe(24)
        contribution = Contribution.objects.create(
            place=place,
            zone_id=zone_pk,
            technology=technology,
            stance=stance,
            shape=shape,
            geometry=cleaned_geometry,
            place_description=description,
            reason=cleaned_reason,
            contributor=user if is_signed_in(user) else None,
            client_key=key,
            secret_hash=validation.secret_hash(token),
            is_demo=is_demo,
        )
    return Submitted(contribution, token)


# Zone outlines change only when a place is loaded again (a new load time, new zone rows).
_SHAPES: dict[tuple[Any, ...], validation.PlaceShapes] = {}


def _shapes(place: Place) -> validation.PlaceShapes:
    key = (place.pk, place.pack_digest, place.loaded_at)
    if key not in _SHAPES:
        _SHAPES.clear()  # one place at a time is plenty; no stale outlines kept
        _SHAPES[key] = validation.place_shapes((z.pk, z.code, z.geometry) for z in zones(place))
    return _SHAPES[key]


def _check_rate(place: Place, key: str) -> None:
    since = timezone.now() - timedelta(hours=1)
    recent = Contribution.objects.filter(place=place, client_key=key, created_at__gte=since)
    if recent.count() >= validation.RATE_LIMIT_PER_HOUR:
        raise ContributionError(
            {"__all__": f"You have sent {validation.RATE_LIMIT_PER_HOUR} contributions in the "
                        "last hour, the most we take from one device; please try again later."}
        )  # fmt: skip


# --- moderation -------------------------------------------------------------------------


def moderation_queue(place: Place, user: Any) -> list[Contribution]:
    require(user, "landscape.moderate", place)
    return list(
        Contribution.objects.filter(place=place, status=Status.PENDING).select_related("zone")
    )


def contribution_for_moderation(place: Place, pk: int, user: Any) -> Contribution:
    require(user, "landscape.moderate", place)
    return Contribution.objects.select_related("zone", "place").get(place=place, pk=pk)


@transaction.atomic
def moderate(contribution: Contribution, *, decision: str, reason: str, user: Any) -> Contribution:
    """Approve (publish) or reject a waiting contribution; the decision is kept with who and
    when, the contributor told if they have an account. A contribution already decided, an
    unknown decision or a rejection without a reason is refused."""
    require(user, "landscape.moderate", contribution.place)
    current = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if decision not in Decision.values:
        raise ContributionError({"decision": "Choose to approve or to reject the contribution."})
    cleaned = validation.plain_text(reason, "reason", "The reason", MAX_REJECT_REASON)
    if decision == Decision.REJECT and not cleaned:
        raise ContributionError(
            {"reason": "Give the reason for rejecting it; the contributor will be told."}
        )
    if current.status != Status.PENDING:
        raise ContributionError(
            {"__all__": f"This contribution was already {current.get_status_display().lower()}; "
                        "nothing was changed."}
        )  # fmt: skip
    ModerationDecision.objects.create(
        contribution=current, decision=decision, reason=cleaned, decided_by=user
    )
    current._history_user = user
    if decision == Decision.APPROVE:
        current.status, current.published_at = Status.PUBLISHED, timezone.now()
    else:
        current.status = Status.REJECTED
    current.save(update_fields=["status", "published_at"])
    _tell_contributor(current, cleaned, user)
    if current.status == Status.PUBLISHED:
        publish_results(current.place)
    return current


def _tell_contributor(contribution: Contribution, reason: str, actor: Any) -> None:
    if contribution.contributor_id is None:
        return
    what = f"{contribution.get_technology_display()} in {zone_label(contribution.zone)}"
    if contribution.status == Status.PUBLISHED:
        activity.notify(
            contribution.contributor, "landscape.published",
            title=f"Your contribution was published: {what}",
            body="It now counts towards what people said about this place.",
            url=reverse("landscape:results", args=[contribution.place.slug]),
            place=contribution.place, actor=actor,
        )  # fmt: skip
    else:
        activity.notify(
            contribution.contributor, "landscape.rejected",
            title=f"Your contribution was not published: {what}",
            body=f"The reason given: {reason}",
            url=reverse("landscape:mine"),
            place=contribution.place, actor=actor,
        )  # fmt: skip


def decisions_of(contribution: Contribution) -> list[ModerationDecision]:
    return list(contribution.decisions.select_related("decided_by"))


def publish_results(place: Place) -> None:
    """The results map of the place, in the advisory repository (idempotent)."""
    count = Contribution.objects.filter(place=place, status=Status.PUBLISHED).count()
    publishing.publish(
        RESULTS_KIND, place=place, key=place.slug,
        title=f"What people said: citizen landscaping in {place.name}",
        summary=f"Acceptance of energy technologies per neighbourhood, from {count} published "
                "contributions by residents.",
        url=reverse("landscape:results", args=[place.slug]),
        audiences=("public", "officers", "community", "residents"),
        topics=("solar", "wind", "heat", "transport", "engagement"),
    )  # fmt: skip


# --- acceptance -------------------------------------------------------------------------


def tallies(place: Place) -> dict[tuple[str, str], Tally]:
    """Published responses per (zone code, landscape technology)."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = Contribution.objects.filter(place=place, status=Status.PUBLISHED).values_list(
        "zone__code", "technology", "stance"
    )
    for zone, technology, stance in rows:
        counts[(zone, technology)][stance] += 1
    return {key: Tally(**dict(value)) for key, value in counts.items()}


def engine_tallies(place: Place) -> dict[tuple[str, str], Tally]:
    """The tallies of technologies the least-cost optimiser chooses, by engine names."""
    return {
        (zone, ENGINE_TECHNOLOGY[technology]): tally
        for (zone, technology), tally in tallies(place).items()
        if technology in ENGINE_TECHNOLOGY
    }


@dataclass(frozen=True)
class Acceptance:
    zone_code: str
    zone_label: str
    technology: str
    responses: int
    share: float | None  # None when fewer than MINIMUM_RESPONSES: hidden
    low: float | None
    high: float | None


def acceptance(place: Place, technology: str) -> list[Acceptance]:
    """Acceptance of one technology in every zone of the place, hidden below the minimum."""
    counted = tallies(place)
    found = []
    for zone in zones(place):
        tally = counted.get((zone.code, technology), Tally())
        shown = tally.responses >= MINIMUM_RESPONSES
        low, high = wilson_interval(tally.share, tally.responses) if shown else (None, None)
        found.append(
            Acceptance(zone.code, zone_label(zone), technology, tally.responses,
                       tally.share if shown else None, low, high)
        )  # fmt: skip
    return found


# --- a contributor's own data -----------------------------------------------------------


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
        "zone": contribution.zone.code,
        "zone_name": zone_label(contribution.zone),
        "technology": contribution.technology,
        "stance": contribution.stance,
        "shape": contribution.shape,
        "geometry": contribution.geometry,
        "place_description": contribution.place_description,
        "reason": contribution.reason,
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
    Contribution.history.filter(id=contribution.pk).delete()
    contribution.delete()
    if was_published:
        publish_results(place)


def _require_owner(contribution: Contribution, user: Any, token: str) -> None:
    if token and validation.secret_hash(token) == contribution.secret_hash:
        return
    if token:
        raise PermissionDenied("This link is not the secret link of this contribution.")
    require(user, "landscape.manage_own", contribution)
