"""The signposting wizard's door: its questions for a place and what applies to the
person who answered them (the rules are the place's: `wizard_rules`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from placezero.accounts.permissions import require
from placezero.places import services as places

from .. import wizard
from .reading import live_resources
from .wizard_rules import load_wizard

if TYPE_CHECKING:
    from placezero.places.models import Place


def wizard_questions(place: Place) -> tuple[wizard.Question, ...]:
    """The wizard's questions for the place (a districts question: its member areas)."""
    return load_wizard(place).questions


def signpost(place: Place, user: Any, answers: wizard.Answers) -> wizard.Recommendations:
    """What applies to the person who gave these answers, best first, and closed funding."""
    require(user, "advisory.view", place)
    names = {a.code: a.name for a in places.member_areas(place)}
    resources = live_resources(place).prefetch_related("audiences", "topics")
    return wizard.recommend(load_wizard(place), list(resources), answers, names)
