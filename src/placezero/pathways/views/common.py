"""What every pathways view needs: the place, and which scenario the page is showing.

The scenario comes from `?scenario=`: a saved scenario's id, `mine` for the visitor's
personal copy (kept in their session, never saved to the plan), or a shipped scenario's
file stem (`balanced`, `baseline-no-new-action`, …). With none, the plan's preferred pathway
(or the shipped `balanced` one) is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest

from placezero.places import services as places
from placezero.places.models import Place
from placezero.web.navigation import set_current_place

from .. import services
from ..models import PathwayScenario
from ..tables import TableContext

PERSONAL = "mine"


def place_or_404(place_slug: str, request: HttpRequest | None = None) -> Place:
    """The place the URL names (404 if none); with the request, the menu then links to this
    place's pages (`web.navigation.set_current_place`)."""
    try:
        place = places.get_place(place_slug)
    except Place.DoesNotExist:
        raise Http404(f"No place '{place_slug}'.") from None
    if request is not None:
        set_current_place(request, place)
    return place


def personal_key(place: Place) -> str:
    return f"pathways:{place.slug}:personal"


def personal_definition(request: HttpRequest, place: Place) -> dict[str, Any] | None:
    return request.session.get(personal_key(place))


def save_personal_definition(request: HttpRequest, place: Place, definition: dict) -> None:
    request.session[personal_key(place)] = services.clean_definition(definition)


@dataclass(frozen=True)
class Selection:
    """The scenario a page shows: its key for URLs, name, definition and model (if saved)."""

    key: str
    name: str
    definition: dict[str, Any]
    scenario: PathwayScenario | None = None


def selected(request: HttpRequest, place: Place, key: str | None = None) -> Selection:
    key = key if key is not None else request.GET.get("scenario", "")
    if key == PERSONAL:
        definition = personal_definition(request, place)
        if definition is None:
            name, definition = services.default_definition(place)
        return Selection(PERSONAL, "Your personal copy", definition)
    if key.isdigit():
        try:
            scenario = PathwayScenario.objects.get(place=place, pk=int(key))
        except PathwayScenario.DoesNotExist:
            raise Http404(f"No scenario {key} in {place.name}.") from None
        definition = services.clean_definition(scenario.definition)
        return Selection(key, scenario.name, definition, scenario)
    shipped = services.shipped_definitions()
    if key in shipped:
        data = shipped[key]
        return Selection(key, str(data.get("name", key)), services.clean_definition(data))
    if key:
        raise Http404(f"No scenario '{key}'.")
    preferred = services.preferred_scenario(place)
    if preferred is not None:
        definition = services.clean_definition(preferred.definition)
        return Selection(str(preferred.pk), preferred.name, definition, preferred)
    name, definition = services.default_definition(place)
    return Selection(services.DEFAULT_SHIPPED, name, definition)


def table_context(place: Place, selection: Selection, area_code: str | None = None) -> TableContext:
    return TableContext(
        place=place,
        scenario_name=selection.name,
        results=services.run(place, selection.definition),
        inputs=services.place_inputs(place),
        area_code=area_code or None,
    )


def scenario_choices(request: HttpRequest, place: Place) -> list[dict[str, str]]:
    """What the scenario picker offers: the plan's saved scenarios (preferred first), the
    shipped ones, and the visitor's personal copy (`_scenario_picker.html`)."""
    choices = [
        {
            "key": str(s.pk),
            "label": f"{s.name}{' (preferred pathway)' if s.is_preferred else ''}",
            "group": "Scenarios of the plan",
        }
        for s in services.scenarios_for(place)
    ]
    choices += [
        {"key": stem, "label": str(data.get("name", stem)), "group": "Reference scenarios"}
        for stem, data in services.shipped_definitions().items()
    ]
    choices.append({"key": PERSONAL, "label": "Your personal copy", "group": "Yours"})
    return choices
