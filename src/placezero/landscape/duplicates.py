"""Duplicate detection within a consultation.

The same client sending the same technology and view about the same place (a near-identical
point or area, or the same neighbourhood and description) with the same words is refused:
it would count twice. Another client sending the same words about the same place is taken
but flagged for the moderator, who decides (a campaign's shared wording is not abuse, a
copy-and-paste flood may be)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shapely.geometry import shape

from .models import Contribution
from .validation import ContributionError

if TYPE_CHECKING:
    from .models import Consultation

# Two shapes are "near-identical" when every part of one lies within this many degrees of
# the other (Hausdorff distance): 0.0002 degrees is about 15-20 m in the East Midlands.
NEAR_DEGREES = 0.0002


@dataclass(frozen=True)
class Candidate:
    technology: str
    stance: str
    zone_id: int | None
    geometry: dict[str, Any] | None
    text: str
    client_key: str


def normalised(*texts: str) -> str:
    """Lower case, single spaces: what counts as "the same words"."""
    return " | ".join(" ".join((t or "").casefold().split()) for t in texts)


def near(first: dict[str, Any] | None, second: dict[str, Any] | None) -> bool:
    if first is None or second is None:
        return first is None and second is None
    if first.get("type") != second.get("type"):
        return False
    return shape(first).hausdorff_distance(shape(second)) <= NEAR_DEGREES


def find(consultation: Consultation, candidate: Candidate) -> Contribution | None:
    """The earlier contribution another client sent with the same words about the same
    place (to flag), or None; ContributionError when this client sent it already."""
    same = Contribution.objects.filter(
        consultation=consultation, zone_id=candidate.zone_id, technology=candidate.technology
    ).only("pk", "client_key", "stance", "geometry", "reason", "place_description")
    for earlier in same:
        if not near(earlier.geometry, candidate.geometry):
            continue
        words = normalised(earlier.reason, earlier.place_description)
        if earlier.client_key == candidate.client_key and earlier.stance == candidate.stance:
            if words == candidate.text:
                raise ContributionError(
                    {"__all__": "You have already sent this contribution (the same place, view "
                                "and words); it is counted once. Change it through your "
                                "secret link or your account instead."}
                )  # fmt: skip
        elif candidate.text.strip(" |") and words == candidate.text:
            return earlier
    return None
