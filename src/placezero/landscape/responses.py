""" "You said, we did": officers link a consultation's results to the tracker actions and
partnership decisions that respond to them.

The actions and decisions are read only through their apps' doors: the tracker's
`services.actions_of(place)` (looked up by the action's reference, e.g. T1.2) and
governance's `services.decision_of(place, number)` (D007 or 7), never their models. A link
to something that does not exist in the place is refused; one whose target was later
removed shows as such instead of breaking the results page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse

from placezero.accounts.permissions import require
from placezero.governance import services as governance
from placezero.tracker import services as tracker

from . import validation
from .models import ResponseLink
from .options import ResponseKind, Technology
from .validation import ContributionError

if TYPE_CHECKING:
    from .models import Consultation

DECISION_REFERENCE = re.compile(r"^D?0*(\d{1,6})$", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    reference: str
    title: str
    status: str
    url: str


def _action(place: Any, reference: str) -> Target | None:
    action = tracker.actions_of(place).filter(reference__iexact=reference).first()
    if action is None:
        return None
    url = reverse("tracker:action", args=[place.slug, action.pk])
    return Target(action.reference, action.title, action.get_status_display(), url)


def _decision(place: Any, reference: str) -> Target | None:
    match = DECISION_REFERENCE.match(reference)
    decision = governance.decision_of(place, int(match.group(1))) if match else None
    if decision is None:
        return None
    return Target(
        decision.reference, decision.title, decision.get_status_display(),
        governance.url_of(decision),
    )  # fmt: skip


def resolve(place: Any, kind: str, reference: str) -> Target | None:
    return (_action if kind == ResponseKind.ACTION else _decision)(place, reference.strip())


@transaction.atomic
def add(
    consultation: Consultation,
    *,
    kind: str,
    reference: str,
    technology: str,
    you_said: str,
    user: Any,
) -> ResponseLink:
    place = consultation.place
    require(user, "landscape.set_up", place)
    errors = {}
    if kind not in ResponseKind.values:
        errors["kind"] = "Choose whether an action or a decision responds."
    if technology and technology not in Technology.values:
        errors["technology"] = "Choose a technology from the list, or none for all."
    try:
        said = validation.plain_text(you_said, "you_said", "What people said", 500)
        if not said:
            errors["you_said"] = "Say in a sentence what people said that this responds to."
    except ContributionError as caught:
        errors.update(caught.errors)
    target = resolve(place, kind, reference or "") if kind in ResponseKind.values else None
    if kind in ResponseKind.values and target is None:
        errors["reference"] = (
            f"{place.name}'s action plan has no action {reference!r}; use its reference, "
            "such as T1.2."
            if kind == ResponseKind.ACTION
            else f"{place.name}'s partnership has no decision {reference!r}; use its "
            "number, such as D007."
        )
    if errors:
        raise ContributionError(errors)
    link = ResponseLink(
        consultation=consultation, kind=kind, reference=target.reference,
        technology=technology, you_said=said, added_by=user,
    )  # fmt: skip
    link._history_user = user
    link.save()
    return link


@transaction.atomic
def remove(link: ResponseLink, *, user: Any) -> None:
    require(user, "landscape.set_up", link.consultation.place)
    link._history_user = user
    link.delete()


@dataclass(frozen=True)
class Shown:
    link: ResponseLink
    target: Target | None  # None: the action or decision no longer exists


def responses_of(consultation: Consultation, technology: str | None = None) -> list[Shown]:
    links = consultation.responses.all()
    if technology:
        links = [link for link in links if link.technology in ("", technology)]
    place = consultation.place
    return [Shown(link, resolve(place, link.kind, link.reference)) for link in links]
