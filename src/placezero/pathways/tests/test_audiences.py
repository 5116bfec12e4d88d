"""The five audience views: each opens for every role, shows the engine's figures for the
chosen scenario and area, and answers bad query parameters with 404 or a clear message."""

from __future__ import annotations

import re

import numpy as np
import pytest
from django.urls import reverse

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.engine.dimensions import S
from placezero.pathways import services
from placezero.pathways.sections import SECTIONS

AUDIENCES = ("public", "officers", "investors", "network", "community")
BLABY = "E07000129"


def url(name: str, place_slug: str = "leicestershire", **query: str) -> str:
    address = reverse(f"pathways:{name}", kwargs={"place_slug": place_slug})
    if query:
        address += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return address


def balanced(place):
    return services.run(place, services.shipped_definitions()["balanced"])


def cell(html: str, table: str, column: str) -> list[str]:
    """The text of every cell of one column of one table on the page."""
    start = html.index("<tbody", html.index(f'id="table-{table}"'))
    body = html[start : html.index("</table>", start)]
    return re.findall(rf'data-column="{column}">([^<]*)<', body)


def number(text: str) -> float:
    return float(text.replace(",", ""))


@pytest.mark.parametrize("name", AUDIENCES)
@pytest.mark.parametrize("role", [None, Role.RESIDENT, Role.PARTNER_EDITOR, Role.OFFICER])
def test_every_audience_view_opens_for_every_role(client, leicestershire, name, role):
    """Rule: the plan's views are public (pathways.view is everyone's)."""
    if role is not None:
        client.force_login(UserFactory(role=role))
    response = client.get(url(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="summary"' in html
    assert "data-pathway-chart" in html
    assert "<table" in html


@pytest.mark.parametrize("name", AUDIENCES)
def test_each_view_is_in_the_section_menu(client, leicestershire, name):
    """Rule: each audience view is linked from the pathway section menu."""
    assert any(s.url_name == name for s in SECTIONS)
    html = client.get(url("public")).content.decode()
    assert f'href="{url(name)}"' in html


def test_public_summary_states_the_engines_fall_in_emissions(client, leicestershire):
    """Rule: the summary's first and last emissions are the engine's place totals."""
    results = balanced(leicestershire)
    total = results.total_emissions_tco2e.sum(axis=0)
    html = client.get(url("public", scenario="balanced")).content.decode()
    assert f"{total[0] / 1000:,.0f} kt CO2e in {int(results.years[0])}" in html
    assert f"{total[-1] / 1000:,.0f} kt CO2e in 2050" in html


def test_public_sector_table_holds_engine_figures(client, leicestershire):
    results = balanced(leicestershire)
    html = client.get(url("public", scenario="balanced")).content.decode()
    transport = [number(v) for v in cell(html, "emissions-by-sector", "transport")]
    # the base year 2023, then 2030, 2040 and 2050
    expected = results.emissions_tco2e[:, [0, 7, 17, 27], S["transport"]].sum(axis=0)
    assert transport == pytest.approx(np.round(expected), abs=1)


def test_area_narrows_every_figure_to_the_district(client, leicestershire):
    """Rule: ?area= shows one district: its zones only, and its totals."""
    results = balanced(leicestershire)
    inputs = results.inputs
    in_blaby = inputs.zone_district_index == inputs.districts.index(BLABY)
    html = client.get(url("public", scenario="balanced", area=BLABY)).content.decode()
    # "balanced" does not reach net zero: the heading does not say it does.
    assert "Emissions pathway for Blaby" in html and "The pathway to net zero" not in html
    zones = cell(html, "zones", "zone")
    assert sorted(zones) == sorted(np.array(inputs.zones)[in_blaby])
    first = results.total_emissions_tco2e[in_blaby, 0].sum()
    assert f"{first / 1000:,.0f} kt CO2e in {int(results.years[0])}" in html


def test_public_zone_story(client, leicestershire):
    results = balanced(leicestershire)
    code = results.inputs.zones[3]
    response = client.get(url("public", scenario="balanced", zone=code))
    html = response.content.decode()
    assert 'id="zone-story"' in html
    total = results.total_emissions_tco2e[3]
    assert (
        f"from {total[0]:,.0f} tCO2e in {int(results.years[0])} to {total[-1]:,.0f} tCO2e in 2050"
        in html
    )


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("public", {"area": "E99999999"}),
        ("officers", {"area": "nonsense"}),
        ("public", {"zone": "E02999999"}),
        ("investors", {"scenario": "no-such-scenario"}),
        ("network", {"scenario": "999999"}),
        ("officers", {"output": "not-an-output"}),
    ],
)
def test_bad_query_parameters_are_404(client, leicestershire, name, query):
    assert client.get(url(name, **query)).status_code == 404


def test_zone_outside_the_chosen_area_is_404(client, leicestershire):
    inputs = services.place_inputs(leicestershire)
    outside = inputs.zones[list(inputs.zone_district_index).index(1)]  # not in Blaby (index 0)
    assert client.get(url("public", area=BLABY, zone=outside)).status_code == 404


def test_unknown_place_is_404(client, leicestershire):
    assert client.get(url("officers", place_slug="atlantis")).status_code == 404


def test_officers_budget_and_uncertainty_from_the_engine(client, leicestershire):
    results = balanced(leicestershire)
    html = client.get(url("officers", scenario="balanced")).content.decode()
    cumulative = number(cell(html, "carbon-budget", "cumulative")[-1])
    assert cumulative == pytest.approx(results.cumulative_emissions_tco2e[:, -1].sum(), abs=1)
    assert "64 Monte Carlo samples" in html
    central = [number(v) for v in cell(html, "uncertainty", "central")]
    assert central == pytest.approx(np.round(results.total_emissions_tco2e.sum(axis=0)), abs=1)


def test_officers_map_output_select_and_fragment(client, leicestershire):
    """Rule: the map can be coloured by any output, by a normal GET or the htmx fragment."""
    html = client.get(url("officers", output="peak_2050_mw")).content.decode()
    assert "Key: Peak electricity demand in 2050 (MW)" in html
    fragment = client.get(url("zone_map_fragment", output="heat_pumps_2050"))
    assert fragment.status_code == 200
    text = fragment.content.decode()
    assert "Key: Heat pumps added by 2050" in text
    assert "<html" not in text
    assert client.get(url("zone_map_fragment", output="nope")).status_code == 404


def test_investors_capex_totals_match_the_engine(client, leicestershire):
    results = balanced(leicestershire)
    html = client.get(url("investors", scenario="balanced")).content.decode()
    totals = [number(v) for v in cell(html, "capex-by-district", "total")]
    assert sum(totals) == pytest.approx(results.capex_gbp.sum(), rel=1e-6)
    assert "Domestic heat pumps and retrofit, Blaby" in html


def test_network_map_is_coloured_by_decade_exceeded(client, leicestershire):
    results = balanced(leicestershire)
    html = client.get(url("network", scenario="balanced")).content.decode()
    years = cell(html, "zones", "year_exceeded")
    expected = [str(y) if y else "\u2013" for y in results.network.first_year_exceeded]
    # rows follow the engine's zone order
    assert years == expected
    assert "2030s" in html and "Not by 2050" in html
    assert "What is derived, and how" in html
    assert "of 38 primary substation groups comes from FES 2023" in html
    assert len(cell(html, "groups", "gsp")) == 38


def test_community_lists_existing_sites_and_the_score_method(client, leicestershire):
    from placezero.places import services as places

    html = client.get(url("community", area=BLABY)).content.decode()
    sites = places.renewable_sites(leicestershire)
    blaby_sites = [s for s in sites if s.area and s.area.code == BLABY]
    assert len(cell(html, "existing-sites", "name")) == len(blaby_sites)
    assert "Opportunity score (0 to 100)" in html


def test_personal_copy_with_a_bad_definition_gets_a_clear_message(client, leicestershire):
    """Rule: a scenario the engine rejects is explained, not a server error."""
    session = client.session
    session["pathways:leicestershire:personal"] = {"levers": {"no_such_lever": 2}}
    session.save()
    response = client.get(url("officers", scenario="mine"))
    assert response.status_code == 400
    assert "no_such_lever" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "map_id"),
    [("public", "zone-map"), ("network", "network-zone-map"), ("community", "community-zone-map")],
)
def test_maps_draw_the_modelled_zones_only(client, leicestershire, name, map_id):
    """Rule: a map shows the engine's zones (not neighbours' zones without a figure)."""
    import json

    inputs = services.place_inputs(leicestershire)
    html = client.get(url(name)).content.decode()
    start = html.index(f'id="{map_id}-data"')
    data = json.loads(html[html.index(">", start) + 1 : html.index("</script>", start)])
    codes = {f["properties"]["code"] for f in data["geojson"]["features"]}
    assert codes == set(inputs.zones)
    assert "No figure" not in html[html.index(f'data-map-legend="{map_id}"') :][:2000]


def test_negative_series_are_drawn_as_stacked_bars_not_areas():
    """Rule: Chart.js fills a negative series across a stacked area, so use bars then."""
    from placezero.tables import About, Column, Table
    from placezero.tables.charts import stacked_kind as _stacked_kind

    columns = (Column("year", "Year"), Column("a", "A", "t"), Column("b", "B", "t"))
    positive = Table("x", "X", columns, ({"year": "2019", "a": 1.0, "b": 2.0},), About("test"))
    negative = Table("x", "X", columns, ({"year": "2019", "a": 1.0, "b": -2.0},), About("test"))
    assert _stacked_kind(positive, ["a", "b"]) == "area"
    assert _stacked_kind(negative, ["a", "b"]) == "stacked-bar"


def test_network_zone_detail_is_the_zones_group_against_capacity(client, leicestershire):
    results = balanced(leicestershire)
    code = results.inputs.zones[5]
    html = client.get(url("network", scenario="balanced", zone=code)).content.decode()
    assert 'id="zone-detail"' in html
    peaks = [number(v) for v in cell(html, f"zone-{code}-peak", "zone_peak")]
    assert peaks == pytest.approx(results.network.peak_kw[5] / 1000, abs=0.006)
    assert client.get(url("network", zone="E02999999")).status_code == 404


def test_saved_scenario_is_shown_by_its_id(client, leicestershire):
    """Rule: ?scenario=<id> shows a saved scenario's own results."""
    definition = {"levers": {"domestic_heat_pumps": 4}}
    officer = UserFactory(role=Role.OFFICER, place=leicestershire)
    saved = services.create_scenario(
        leicestershire, name="All heat pumps", description="", definition=definition, user=officer
    )
    results = services.run(leicestershire, definition)
    html = client.get(url("investors", scenario=str(saved.pk))).content.decode()
    assert "Under “All heat pumps”" in html
    total = sum(number(v) for v in cell(html, "capex-by-district", "total"))
    assert total == pytest.approx(results.capex_gbp.sum(), rel=1e-6)


def test_investor_packages_narrow_to_the_district(client, leicestershire):
    html = client.get(url("investors", area=BLABY)).content.decode()
    packages = cell(html, "packages", "package")
    assert "Domestic heat pumps and retrofit, Blaby" in packages
    assert not any("Charnwood" in p for p in packages)
    assert cell(html, "capex-by-district", "code") == [BLABY]


@pytest.mark.parametrize("view", ["public", "officers", "investors", "network", "community"])
def test_every_table_cites_its_source_licence_and_method_not_a_source_path(
    client, leicestershire, view
):
    """Rule: each table's about line names its source and licence and says how the figures
    are made (a method page once the site serves one), never a path of the source tree."""
    html = client.get(url(view, scenario="balanced")).content.decode()
    tables = html.count('<table class="govuk-table" id="table-')
    assert tables and html.count("data-table-about") == tables
    assert html.count('rel="license">Open Government Licence v3.0</a>') >= tables
    assert "How the figures are made" in html
    assert "docs/method" not in html


def test_the_net_zero_scenario_page_says_when_net_zero_is_reached(client, leicestershire):
    """Rule: the shipped net-zero scenario is headed "The pathway to net zero", says the year
    net territorial emissions reach zero, and names the basis, like every pathway page."""
    results = services.run(leicestershire, services.shipped_definitions()["net-zero"])
    total = results.total_emissions_tco2e.sum(axis=0)
    year = int(results.years[np.flatnonzero(total <= 0)[0]])
    html = client.get(url("public", scenario="net-zero")).content.decode()
    assert "The pathway to net zero in Leicestershire" in html
    assert f"reach zero in <strong>{year}</strong>" in html
    assert "Emissions basis: DESNZ territorial greenhouse gas emissions" in html
