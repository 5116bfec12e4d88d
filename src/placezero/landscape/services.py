"""The landscape app's door: contributions, moderation, acceptance and personal data.

Every function that reads or changes something asks `accounts.permissions.require` first.
Contributions are checked whole at the edge (`validation`) and written in one transaction,
so a refused one leaves nothing behind. Only published contributions count, and no name
or client is ever part of what is shown publicly.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from placezero.accounts.permissions import is_signed_in, require
from placezero.activity import services as activity
from placezero.engine.acceptance import MINIMUM_RESPONSES
from placezero.places import services as places

from . import consultations, duplicates, validation
from .models import Consultation, Contribution, ModerationDecision
from .options import (
    NEEDS_REASON,
    TRANSITIONS,
    Decision,
    Shape,
    Stance,
    Status,
)
from .outputs import RESULTS_KIND, publish_results
from .validation import ContributionError

if TYPE_CHECKING:
    from placezero.places.models import Place, Zone

MAX_REJECT_REASON = 500

# Acceptance lives in its own module; re-exported here, the app's door (pathways reads
# engine_tallies).
from .acceptance import Acceptance, acceptance, engine_tallies, tallies  # noqa: E402

__all__ = [
    "MINIMUM_RESPONSES",
    "RESULTS_KIND",
    "Acceptance",
    "ContributionError",
    "acceptance",
    "by_secret",
    "delete",
    "engine_tallies",
    "export",
    "own_contributions",
    "publish_results",
    "tallies",
]  # fmt: skip


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
    consultation: Consultation,
    *,
    technology: str,
    stance: str,
    user: Any,
    client_address: str,
    geometry: Any = None,
    zone_code: str = "",
    place_description: str = "",
    reason: str = "",
    answers: dict[str, str] | None = None,
    consent: bool = False,
    consent_version: int | None = None,
    age_band: str = "",
    tenure: str = "",
    postcode_district: str = "",
    honeypot: str = "",
    is_demo: bool = False,
) -> Submitted:
    """Record a contribution to an open consultation, waiting for moderation. With
    `geometry` (a GeoJSON point or polygon, from the map) its zone is where it lies;
    without, `zone_code` and a typed description of the place (the route without a map).
    The contributor must agree to the consultation's current consent text (its version is
    kept with the contribution). ContributionError({field: message}) for anything wrong;
    nothing is written then."""
    place = consultation.place
    require(user, "landscape.contribute", place)
    if honeypot:
        # Filled in only by software that fills in every field.
        raise ContributionError({"website": "Leave the last field empty; it is not for people."})
    _check_open(consultation)
    errors: dict[str, str] = {}
    if technology not in consultation.technologies:
        errors["technology"] = "Choose one of the technologies this consultation asks about."
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
    if zone_pk is not None and (asked := consultations.zone_codes_of(consultation)) is not None:
        code = shapes.code_of[zone_pk]
        if code not in asked:
            field = "geometry" if cleaned_geometry else "zone_code"
            errors[field] = (
                f"This consultation asks about {consultations.area_label(consultation)}; the "
                "place you chose is outside that area. Choose a place inside it."
            )
    cleaned_reason = ""
    try:
        if consultation.asks_reason:
            cleaned_reason = validation.plain_text(
                reason, "reason", "Your reason", validation.MAX_REASON_CHARS
            )
    except ContributionError as caught:
        errors.update(caught.errors)
    cleaned_answers, about_you = {}, {}
    try:
        cleaned_answers = validation.answers(answers or {}, consultation.questions)
    except ContributionError as caught:
        errors.update(caught.errors)
    try:
        about_you = validation.about_you(age_band, tenure, postcode_district)
    except ContributionError as caught:
        errors.update(caught.errors)
    consent_text = consultation.current_consent()
    if not consent:
        errors["consent"] = "Tick the box to agree to the consent text, or you cannot send this."
    elif consent_version is not None and consent_version != consent_text.version:
        errors["consent"] = (
            "The privacy notice or consent text changed while you were writing; read it "
            "again and tick the box to agree to the new version."
        )
    if errors:
        raise ContributionError(errors)
    key = validation.client_key(client_address)
    with transaction.atomic():
        _check_rate(consultation, key)
        candidate = duplicates.Candidate(
            technology=technology, stance=stance, zone_id=zone_pk, geometry=cleaned_geometry,
            text=duplicates.normalised(cleaned_reason, description), client_key=key,
        )  # fmt: skip
        earlier = duplicates.find(consultation, candidate)
        token = secrets.token_urlsafe(24)
        contribution = Contribution.objects.create(
            place=place,
            consultation=consultation,
            consent=consent_text,
            zone_id=zone_pk,
            technology=technology,
            stance=stance,
            shape=shape,
            geometry=cleaned_geometry,
            place_description=description,
            reason=cleaned_reason,
            answers=cleaned_answers,
            contributor=user if is_signed_in(user) else None,
            client_key=key,
            secret_hash=validation.secret_hash(token),
            possible_duplicate_of=earlier,
            is_demo=is_demo,
            **about_you,
        )
    return Submitted(contribution, token)


def _check_open(consultation: Consultation) -> None:
    now = consultations.state(consultation)
    if now == "closed":
        raise ContributionError(
            {"__all__": f"“{consultation.title}” closed on {consultation.closes_on:%-d %B %Y} "
                        "and takes no more contributions; see what people said instead."}
        )  # fmt: skip
    if now == "upcoming":
        raise ContributionError(
            {"__all__": f"“{consultation.title}” opens on {consultation.opens_on:%-d %B %Y}; "
                        "please come back then."}
        )  # fmt: skip


# Zone outlines change only when a place is loaded again (a new load time, new zone rows).
_SHAPES: dict[tuple[Any, ...], validation.PlaceShapes] = {}


def _shapes(place: Place) -> validation.PlaceShapes:
    key = (place.pk, place.pack_digest, place.loaded_at)
    if key not in _SHAPES:
        _SHAPES.clear()  # one place at a time is plenty; no stale outlines kept
        _SHAPES[key] = validation.place_shapes((z.pk, z.code, z.geometry) for z in zones(place))
    return _SHAPES[key]


def _check_rate(consultation: Consultation, key: str) -> None:
    """At most RATE_LIMIT_PER_HOUR from one client to a place, and at most
    CONSULTATION_RATE_PER_HOUR to one consultation from everyone together (a flood from
    many addresses); the per-consultation count is taken under a row lock."""
    since = timezone.now() - timedelta(hours=1)
    Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
    recent = Contribution.objects.filter(created_at__gte=since)
    if recent.filter(place=consultation.place, client_key=key).count() >= (
        validation.RATE_LIMIT_PER_HOUR
    ):
        raise ContributionError(
            {"__all__": f"You have sent {validation.RATE_LIMIT_PER_HOUR} contributions in the "
                        "last hour, the most we take from one device; please try again later."}
        )  # fmt: skip
    if recent.filter(consultation=consultation).count() >= validation.CONSULTATION_RATE_PER_HOUR:
        raise ContributionError(
            {"__all__": "This consultation has received an unusual number of contributions in "
                        "the last hour and is pausing new ones; please try again in an hour."}
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
    """Approve (publish) or reject a waiting contribution, hide a published one or keep it
    and dismiss its reports; the decision is kept with who and when, open reports resolved,
    the contributor told if they have an account. A decision that does not apply to the
    contribution's state, an unknown decision, or a rejection or hiding without a reason
    is refused."""
    require(user, "landscape.moderate", contribution.place)
    current = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if decision not in Decision.values:
        raise ContributionError({"decision": "Choose a decision from the list."})
    cleaned = validation.plain_text(reason, "reason", "The reason", MAX_REJECT_REASON)
    if decision in NEEDS_REASON and not cleaned:
        raise ContributionError(
            {"reason": "Give the reason for this decision; the contributor will be told."}
        )
    after = TRANSITIONS.get((decision, current.status))
    if after is None:
        raise ContributionError(
            {"__all__": f"Contribution {current.pk} is {current.get_status_display().lower()}, "
                        f"so “{Decision(decision).label}” does not apply; nothing was changed."}
        )  # fmt: skip
    ModerationDecision.objects.create(
        contribution=current, decision=decision, reason=cleaned, decided_by=user
    )
    was = current.status
    current._history_user = user
    if decision == Decision.APPROVE:
        current.published_at = timezone.now()
    current.status = after
    current.save(update_fields=["status", "published_at"])
    current.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    if after != was:
        _tell_contributor(current, cleaned, user)
    if Status.PUBLISHED in (was, after):
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
    elif contribution.status in (Status.REJECTED, Status.HIDDEN):
        verb = "was not published" if contribution.status == Status.REJECTED else (
            "was withdrawn from publication"
        )  # fmt: skip
        activity.notify(
            contribution.contributor, "landscape.rejected",
            title=f"Your contribution {verb}: {what}",
            body=f"The reason given: {reason}",
            url=reverse("landscape:mine"),
            place=contribution.place, actor=actor,
        )  # fmt: skip


def decisions_of(contribution: Contribution) -> list[ModerationDecision]:
    return list(contribution.decisions.select_related("decided_by"))


# A contributor's own data (see, export, delete) lives in its own module; its functions are
# part of this door too.
from .own_data import by_secret, delete, export, own_contributions  # noqa: E402
