"""Scenarios are shown by title and one-line description everywhere, never by their key,
with the partnership's preferred pathway first and marked."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.pathways import scenario_titles, services
from placezero.pathways.models import PathwayScenario

pytestmark = pytest.mark.django_db

SLUGS = ("baseline-no-new-action", "fes-2023-ct", ">balanced<", ">net-zero<")
BASE = "/places/leicestershire/pathway"


def _preferred(place) -> PathwayScenario:
    officer = UserFactory(role=Role.OFFICER, place=place)
    first = services.create_scenario(
        place, name="Another pathway", description="Not chosen. More words.",
        definition=services.shipped_definitions()["balanced"], user=officer,
    )  # fmt: skip
    agreed = services.create_scenario(
        place, name="Agreed pathway", description="What the board agreed. And more.",
        definition=services.shipped_definitions()["net-zero"], user=officer,
    )  # fmt: skip
    services.set_preferred(agreed, user=officer)
    assert first.pk < agreed.pk  # so "preferred first" is not just creation order
    return agreed


def test_every_shipped_scenario_has_a_title_and_a_line() -> None:
    for stem in services.shipped_definitions():
        title = scenario_titles.of_shipped(stem)
        assert title.title and title.title != stem and " " in title.title, stem
        assert title.line.endswith(".") and len(title.line) < 160, stem


def test_a_file_without_a_title_still_reads_as_words() -> None:
    title = scenario_titles.of_shipped("new-one", {"description": "First. Second."})
    assert (title.title, title.line) == ("New one", "First.")


def _visible_text(html: str) -> str:
    """The page without attribute values (keys are fine in value="…" and links)."""
    return re.sub(r"<[^>]+>", "><", html)


@pytest.mark.parametrize(
    "path",
    [
        "/", "/officers/", "/", "/compare/?s=balanced&s=net-zero", "/plan/", "/scenarios/",
        "/runs/", "/play/?start=baseline-no-new-action",
    ],
)  # fmt: skip
def test_no_page_shows_a_scenario_key(client, leicestershire, path: str) -> None:
    client.force_login(UserFactory(role=Role.OFFICER, place=leicestershire))
    response = client.get(BASE + path)
    assert response.status_code == 200
    text = _visible_text(response.content.decode())
    for slug in SLUGS:
        assert slug not in text, (path, slug)
    assert "A balanced middle path" in response.content.decode()


def test_the_picker_lists_the_preferred_pathway_first_and_marked(client, leicestershire) -> None:
    _preferred(leicestershire)
    html = client.get(BASE + "/officers/").content.decode()
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', html)
    picker = [label for key, label in options if key.isdigit() or key in ("balanced", "personal")]
    assert picker[0] == "Agreed pathway (preferred pathway)"
    assert picker[1] == "Another pathway"
    # The selected one's line is read with the select; every line is one click away.
    assert "Agreed pathway: What the board agreed." in html
    assert "Strong action on heat, transport and industry" in html
    assert "Preferred pathway</strong>" in html


def test_compare_shows_titles_and_lines(client, leicestershire) -> None:
    html = client.get(BASE + "/compare/?s=balanced&s=baseline-no-new-action").content.decode()
    assert "“A balanced middle path” and “No new action (baseline)”" in html
    assert "Nothing new is done locally" in html
    assert 'class="govuk-hint govuk-checkboxes__hint"' in html


def test_the_api_listing_gives_title_and_line_preferred_first(leicestershire) -> None:
    _preferred(leicestershire)
    body = Client().get("/api/places/leicestershire/pathway/scenarios").json()
    assert body[0]["title"] == "Agreed pathway" and body[0]["preferred"] is True
    assert body[0]["line"] == "What the board agreed."
    shipped = {s["key"]: s for s in body if s["kind"] == "shipped"}
    assert shipped["balanced"]["title"] == "A balanced middle path"
    assert shipped["balanced"]["name"] == "balanced"  # the file's own name, kept for readers
