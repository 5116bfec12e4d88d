"""What the pathway plan publishes (placezero.publishing): each place's plan on a page, and
its preferred pathway.

`sync_place(place)` makes the published outputs of a place true to its plan: the plan on a
page (following the preferred pathway, or the shipped balanced scenario while none is
chosen), the preferred pathway if there is one, and no other scenario published as
preferred. It runs when a place is loaded (the `places.services.place_loaded` signal), when
`services.set_preferred` changes the preferred pathway, and when the preferred pathway is
edited. Running it again changes nothing, so published dates stay those of real changes:
no `updated_at` is passed, so publishing stamps the moment what is shown changes (the
summaries name the preferred pathway and its version, which every saved edit bumps), and a
re-run that changes nothing keeps the date. A data reload leaves the dates alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse

from placezero.publishing import OutputKind, register_output_kind
from placezero.publishing import services as publishing

from .models import PathwayScenario

if TYPE_CHECKING:
    from placezero.places.models import Place

PLAN = "pathways.plan"
PREFERRED = "pathways.preferred"
MODULE = "Decarbonisation Pathway Plan"
# A plan is for everyone who has a part in it; so is the pathway it follows.
AUDIENCES = (
    "public",
    "officers",
    "residents",
    "parishes",
    "businesses",
    "community",
    "investors",
    "network",
)
# The sectors the engine models (engine.dimensions.SECTORS), as topics people search for.
TOPICS = ("net zero pathway", "buildings", "heat", "transport", "electricity")
SUMMARY_LIMIT = 1000


def register_output_kinds() -> None:
    register_output_kind(
        OutputKind(
            key=PLAN, label="Plan on a page", module=MODULE, audiences=AUDIENCES, topics=TOPICS
        )
    )
    register_output_kind(
        OutputKind(
            key=PREFERRED,
            label="Preferred pathway",
            module=MODULE,
            audiences=AUDIENCES,
            topics=TOPICS,
        )
    )


def preferred_key(scenario: PathwayScenario) -> str:
    return f"{scenario.place.slug}/scenario-{scenario.pk}"


def _publish_plan(place: Place, preferred: PathwayScenario | None) -> None:
    if preferred is not None:
        following = f"the preferred pathway “{preferred.name}” (version {preferred.version})"
    else:
        following = "the shipped balanced scenario, until the partnership marks a preferred pathway"
    publishing.publish(
        PLAN,
        place=place,
        key=place.slug,
        title=f"{place.name}: plan on a page",
        summary=(
            f"The decarbonisation pathway of {place.name} told in the stages of Local Area "
            f"Energy Planning, for the whole place and each district, as a page and a PDF. "
            f"It follows {following}."
        ),
        url=reverse("pathways:plan", kwargs={"place_slug": place.slug}),
    )


def _publish_preferred(place: Place, scenario: PathwayScenario) -> None:
    said = f"{scenario.description.strip()} " if scenario.description.strip() else ""
    summary = (
        f"{said}The scenario {place.name}'s officers marked as the preferred pathway of the "
        f"plan (version {scenario.version}): its emissions, energy, costs and the levers it sets."
    )
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[: SUMMARY_LIMIT - 1].rstrip() + "…"
    publishing.publish(
        PREFERRED,
        place=place,
        key=preferred_key(scenario),
        title=f"Preferred pathway for {place.name}: {scenario.name}",
        summary=summary,
        url=reverse("pathways:public", kwargs={"place_slug": place.slug})
        + f"?scenario={scenario.pk}",
    )


def sync_place(place: Place) -> None:
    """Publish the place's plan on a page and preferred pathway; withdraw any other scenario
    still published as preferred."""
    preferred = (
        PathwayScenario.objects.select_related("place")
        .filter(place=place, is_preferred=True)
        .first()
    )
    _publish_plan(place, preferred)
    keep = preferred_key(preferred) if preferred is not None else None
    for output in publishing.outputs(place=place, kind=PREFERRED):
        if output.key != keep:
            publishing.unpublish(PREFERRED, key=output.key)
    if preferred is not None:
        _publish_preferred(place, preferred)


def on_place_loaded(sender: Any, place: Place, **kwargs: Any) -> None:
    """`places.services.place_loaded` receiver: a loaded place has its plan published."""
    sync_place(place)
