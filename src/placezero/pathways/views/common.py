"""What every pathways view needs: the place (`web.shortcuts.place_or_404`), the saved
scenario the URL names, and which scenario the page is showing.

The scenario comes from `?scenario=`: a saved scenario's id, `mine` for the visitor's
personal copy (kept in their session, never saved to the plan), or a shipped scenario's
file stem (`balanced`, `baseline-no-new-action`, …). With none, the plan's preferred pathway
(or the shipped `balanced` one) is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest
from django.urls import reverse

from placezero.web.shortcuts import place_or_404

from .. import services
from ..models import PathwayScenario
from ..tables import TableContext

if TYPE_CHECKING:
    from placezero.places.models import Place

PERSONAL = "mine"


def saved_scenario(place: Place, scenario_id: int) -> PathwayScenario:
    """A saved scenario of the place (404 for another place's or none)."""
    try:
        return PathwayScenario.objects.select_related("place").get(place=place, pk=scenario_id)
    except PathwayScenario.DoesNotExist:
        raise Http404(f"No scenario {scenario_id} in {place.name}.") from None


def the_place(request: HttpRequest, place_slug: str, **kwargs: Any) -> Place:
    """`@requires(..., get_object=the_place)`: place-scoped permissions ask about the place
    the URL names."""
    return place_or_404(place_slug, request)


def the_scenario(
    request: HttpRequest, place_slug: str, scenario_id: int, **kwargs: Any
) -> PathwayScenario:
    """`@requires(..., get_object=the_scenario)`: the saved scenario the URL names."""
    return saved_scenario(place_or_404(place_slug, request), scenario_id)


def url_for(name: str, place: Place, **kwargs: Any) -> str:
    return reverse(f"pathways:{name}", kwargs={"place_slug": place.slug, **kwargs})


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
    shipped = services.shipped_for(place)
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
        for stem, data in services.shipped_for(place).items()
    ]
    choices.append({"key": PERSONAL, "label": "Your personal copy", "group": "Yours"})
    return choices
