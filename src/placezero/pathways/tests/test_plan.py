"""The plan on a page: the six LAEP stages for the county and each member district, with the
engine's figures; unknown areas answer 404 saying which exist; the PDF opens, holds the same
figures and is made without touching the network."""

from __future__ import annotations

import io
import re
import socket

import numpy as np
import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from placezero.accounts.options import Role
from placezero.accounts.tests.factories import UserFactory
from placezero.engine.dimensions import S
from placezero.engine.levers import LEVERS
from placezero.pathways import plan, services, tables
from placezero.web import pdf as web_pdf
from placezero.web.pdf import offline_fetcher, render_pdf

BLABY = "E07000129"
LEICESTER = "E06000016"
STAGE_HEADINGS = tuple(f"Stage {n + 1}: {title}" for n, title in enumerate(plan.STAGE_TITLES))


def url(name: str = "plan", **query: str) -> str:
    address = reverse(f"pathways:{name}", kwargs={"place_slug": "leicestershire"})
    if query:
        address += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return address


def balanced(place):
    return services.run(place, services.shipped_definitions()["balanced"])


def column(html: str, table: str, key: str) -> list[str]:
    """The text of every cell of one column of one table on the page."""
    start = html.index("<tbody", html.index(f'id="table-{table}"'))
    body = html[start : html.index("</table>", start)]
    return re.findall(rf'data-column="{key}">([^<]*)<', body)


def number(text: str) -> float:
    return float(text.replace(",", ""))


def blaby_zones(place) -> np.ndarray:
    inputs = services.place_inputs(place)
    return np.flatnonzero(inputs.zone_district_index == inputs.districts.index(BLABY))


def pdf_text(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the request and is recorded."""
    attempts: list[object] = []

    def refuse(self, address):
        attempts.append(address)
        raise OSError(f"test forbids network access (tried {address})")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.mark.parametrize("role", [None, Role.RESIDENT, Role.PARTNER_EDITOR, Role.OFFICER])
def test_plan_opens_for_every_role_with_the_six_stages(client, leicestershire, role):
    """Rule: the plan is public (pathways.view); it is told in the six LAEP stages."""
    if role is not None:
        client.force_login(UserFactory(role=role))
    response = client.get(url())
    assert response.status_code == 200
    html = response.content.decode()
    for heading in STAGE_HEADINGS:
        assert heading in html
    assert "Local Area Energy Planning: the Method" in html


def test_plan_is_in_the_section_menu_and_links_to_its_pdf(client, leicestershire):
    html = client.get(url()).content.decode()
    assert f'href="{url()}" aria-current="page"' in html
    assert f'href="{url("plan_pdf")}"' in html


def test_county_figures_are_the_engines(client, leicestershire):
    results = balanced(leicestershire)
    html = client.get(url()).content.decode()
    total = results.total_emissions_tco2e.sum(axis=0)
    base_year = int(results.years[0])
    # Stage 2: base-year emissions by sector, in the table and in words.
    modelled = [number(c) for c in column(html, "base-year-emissions", "modelled_tco2e")]
    by_sector = results.emissions_tco2e[:, 0, :].sum(axis=0)
    assert modelled == pytest.approx(by_sector, abs=0.5)
    assert f"In {base_year} the area emitted {total[0] / 1000:,.0f} thousand tonnes" in html
    # Stage 3: the scenario shown in 2050, against the shipped reference scenarios.
    y2050 = list(results.years).index(2050)
    shown = column(html, "scenarios-compared", "y2050_tco2e")[0]
    assert number(shown) == pytest.approx(total[y2050], abs=0.5)
    baseline = services.run(
        leicestershire, services.shipped_definitions()["baseline-no-new-action"]
    )
    assert number(column(html, "scenarios-compared", "y2050_tco2e")[1]) == pytest.approx(
        baseline.total_emissions_tco2e[:, y2050].sum(), abs=0.5
    )
    # Stage 4: heat pumps installed by 2050 and the capital investment.
    heat_pumps = results.deployment["heat_pumps"][:, y2050].sum()
    assert number(column(html, "deployment", "y2050")[0]) == pytest.approx(heat_pumps, abs=0.5)
    capex_m = results.capex_gbp[:, : y2050 + 1].sum() / 1e6
    assert number(column(html, "investment", "y2050_gbp_m")[-1]) == pytest.approx(capex_m, abs=0.05)


def test_district_figures_are_the_engines_for_that_district(client, leicestershire):
    results = balanced(leicestershire)
    zones = blaby_zones(leicestershire)
    inputs = services.place_inputs(leicestershire)
    response = client.get(url(area=BLABY))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plan on a page: Blaby" in html
    homes = number(column(html, "base-year-emissions", "modelled_tco2e")[S["domestic"]])
    assert homes == pytest.approx(results.emissions_tco2e[zones, 0, S["domestic"]].sum(), abs=0.5)
    desnz = number(column(html, "base-year-emissions", "desnz_tco2e")[S["domestic"]])
    reference = inputs.reference_emissions_tco2e[inputs.districts.index(BLABY), S["domestic"]]
    assert desnz == pytest.approx(reference, abs=0.5)
    y2030 = list(results.years).index(2030)
    heat_pumps = results.deployment["heat_pumps"][zones, y2030].sum()
    assert number(column(html, "deployment", "y2030")[0]) == pytest.approx(heat_pumps, abs=0.5)
    # The district's figure is not the county's.
    county = results.deployment["heat_pumps"][:, y2030].sum()
    assert number(column(html, "deployment", "y2030")[0]) < county
    assert f"{len(zones)} modelling zones" in html


def test_milestones_are_the_years_emissions_first_fall_that_far(client, leicestershire):
    results = balanced(leicestershire)
    total = results.total_emissions_tco2e.sum(axis=0)
    html = client.get(url()).content.decode()
    years = column(html, "milestones", "year")
    for fraction, shown in zip(plan.REDUCTION_MILESTONES, years, strict=False):
        reached = np.flatnonzero(total <= (1 - fraction) * total[0])
        expected = str(int(results.years[reached[0]])) if reached.size else plan.NOT_BY_2050
        assert shown == expected
    first = results.network.group_first_year_exceeded
    expected = str(int(first[first > 0].min())) if (first > 0).any() else plan.NOT_BY_2050
    assert years[len(plan.REDUCTION_MILESTONES)] == expected


def test_biggest_actions_are_the_engines_lever_impacts(client, leicestershire):
    """The wedges agree with engine.impacts (the place total of each lever's saving)."""
    from placezero.engine.impacts import lever_impacts

    results = balanced(leicestershire)
    impacts, _ = lever_impacts(results.inputs, results.scenario, results.assumptions)
    expected = sorted(impacts, key=lambda i: -i.cumulative_saved_tco2e)[0]
    html = client.get(url()).content.decode()
    assert column(html, "biggest-actions", "lever")[0] == expected.title
    shown = number(column(html, "biggest-actions", "saved_cumulative_tco2e")[0])
    assert shown == pytest.approx(expected.cumulative_saved_tco2e, abs=0.5)


def test_the_area_select_offers_member_districts_and_names_leicester_as_a_neighbour(
    client, leicestershire
):
    inputs = services.place_inputs(leicestershire)
    html = client.get(url()).content.decode()
    select = html[html.index('id="plan-area"') : html.index("</select>", html.index("plan-area"))]
    for code in inputs.districts:
        assert f'value="{code}"' in select
    assert LEICESTER not in select
    assert "Leicester is a neighbouring area" in html
    assert "not a member district" in html


def test_preferred_scenario_is_the_plans_default(client, leicestershire):
    definition = services.shipped_definitions()["baseline-no-new-action"]
    officer = UserFactory(role=Role.OFFICER, place=leicestershire)
    scenario = services.create_scenario(
        leicestershire, name="Agreed pathway", description="", definition=definition, user=officer
    )
    services.set_preferred(scenario, user=officer)
    html = client.get(url()).content.decode()
    assert "“Agreed pathway”" in html
    results = services.run(leicestershire, definition)
    y2050 = list(results.years).index(2050)
    shown = number(column(html, "scenarios-compared", "y2050_tco2e")[0])
    assert shown == pytest.approx(results.total_emissions_tco2e[:, y2050].sum(), abs=0.5)
    # Showing another scenario, the preferred pathway is among those compared.
    html = client.get(url(scenario="balanced")).content.decode()
    names = column(html, "scenarios-compared", "scenario")
    assert names[:2] == ["A balanced middle path (shown)", "Agreed pathway (preferred pathway)"]
    preferred = number(column(html, "scenarios-compared", "y2050_tco2e")[1])
    assert preferred == pytest.approx(results.total_emissions_tco2e[:, y2050].sum(), abs=0.5)


def test_scenario_query_chooses_another_scenario(client, leicestershire):
    html = client.get(url(scenario="baseline-no-new-action")).content.decode()
    results = services.run(leicestershire, services.shipped_definitions()["baseline-no-new-action"])
    y2050 = list(results.years).index(2050)
    shown = number(column(html, "scenarios-compared", "y2050_tco2e")[0])
    assert shown == pytest.approx(results.total_emissions_tco2e[:, y2050].sum(), abs=0.5)
    assert f"{url('plan_pdf')}?scenario=baseline-no-new-action" in html


@pytest.mark.parametrize("name", ["plan", "plan_pdf"])
@pytest.mark.parametrize("area", [LEICESTER, "E99999999", "blaby"])
def test_unknown_area_is_404_naming_the_districts(client, leicestershire, name, area):
    response = client.get(url(name, area=area))
    assert response.status_code == 404
    html = response.content.decode()
    assert f"There is no plan for &#x27;{area}&#x27; in Leicestershire" in html
    assert f"{BLABY} (Blaby)" in html
    assert f'href="{url()}?area={BLABY}"' in html


def test_unknown_place_is_404(client, leicestershire):
    response = client.get(reverse("pathways:plan", kwargs={"place_slug": "atlantis"}))
    assert response.status_code == 404


def test_plan_tables_are_registered_and_export(client, leicestershire):
    assert tables.table_slugs("plan") == [
        "base-year-emissions",
        "base-year-energy",
        "scenarios-compared",
        "deployment",
        "investment",
        "milestones",
        "biggest-actions",
    ]
    address = reverse(
        "pathways:export_table",
        kwargs={
            "place_slug": "leicestershire",
            "view": "plan",
            "table": "deployment",
            "fmt": "csv",
        },
    )
    response = client.get(address + f"?area={BLABY}")
    assert response.status_code == 200
    assert "Heat pumps" in response.content.decode()
    # The page links every table as one workbook, for the same area.
    html = client.get(url(area=BLABY)).content.decode()
    workbook = reverse(
        "pathways:export_view", kwargs={"place_slug": "leicestershire", "view": "plan"}
    )
    assert f'href="{workbook}?area={BLABY}"' in html
    response = client.get(f"{workbook}?area={BLABY}")
    assert response.status_code == 200
    sheets = load_workbook(io.BytesIO(response.content)).sheetnames
    assert len(sheets) >= len(tables.table_slugs("plan"))


def test_county_pdf_holds_the_stages_and_the_engines_figures(client, leicestershire, no_network):
    results = balanced(leicestershire)
    response = client.get(url("plan_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="leicestershire-plan-' in response["Content-Disposition"]
    reader, text = pdf_text(response.content)
    assert 1 <= len(reader.pages) <= 2
    assert reader.metadata.title.startswith("Plan on a page: Leicestershire")
    # Tagged for screen readers, in English.
    catalogue = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalogue
    assert catalogue["/Lang"] == "en-GB"
    assert "Leicestershire" in text
    for heading in STAGE_HEADINGS:
        assert heading in text
    y2050 = list(results.years).index(2050)
    assert f"{results.total_emissions_tco2e[:, y2050].sum():,.0f}" in text
    assert "Leicester is a neighbouring area" in text
    # The PDF names the one basis of its figures, as every pathway page does.
    assert "DESNZ territorial greenhouse gas emissions" in " ".join(text.split())
    assert no_network == []


def _embedded_fonts(reader) -> set[str]:
    """The base names of every font the PDF's pages draw with (without the subset tag)."""
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def test_pdf_draws_every_glyph_in_the_font_it_ships(client, leicestershire, no_network):
    """Rule: the PDF's text, tables and charts are set in Arimo, embedded from the files
    `make static` copies (SIL OFL 1.1), never in whatever system font the server has; so its
    layout, and the two pages it fits on, are the same on every machine."""
    reader, _text = pdf_text(client.get(url("plan_pdf")).content)
    assert _embedded_fonts(reader) == {"Arimo", "Arimo-Bold"}
    assert no_network == []


def test_district_pdf_is_that_districts_plan(client, leicestershire, no_network):
    results = balanced(leicestershire)
    zones = blaby_zones(leicestershire)
    response = client.get(url("plan_pdf", area=BLABY))
    assert response.status_code == 200
    assert "blaby" in response["Content-Disposition"]
    _reader, text = pdf_text(response.content)
    assert "Plan on a page: Blaby" in text
    assert f"{results.total_emissions_tco2e[zones, 0].sum():,.0f}" in text
    assert no_network == []


def test_pdf_fetcher_refuses_the_network_and_files_outside_the_package(tmp_path, no_network):
    outside = tmp_path / "secret.css"
    outside.write_text("p { color: red }")
    html = (
        '<html lang="en"><head><title>t</title>'
        '<link rel="stylesheet" href="https://cdn.example.org/style.css">'
        f'<link rel="stylesheet" href="{outside.as_uri()}"></head>'
        '<body><p>Hello</p><img alt="" src="http://example.org/a.png"></body></html>'
    )
    pdf, fetcher = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert "https://cdn.example.org/style.css" in fetcher.refused
    assert "http://example.org/a.png" in fetcher.refused
    assert outside.as_uri() in fetcher.refused
    assert no_network == []


def test_pdf_fetcher_serves_data_urls():
    response = offline_fetcher().fetch("data:text/css,p%7Bcolor%3Ared%7D")
    assert b"color" in response.read()


@pytest.mark.parametrize("name", ["plan", "plan_pdf"])
def test_a_scenario_the_engine_refuses_is_explained_not_half_drawn(client, leicestershire, name):
    """A saved scenario that no longer validates (say, a lever since removed from the engine)
    gives a 400 naming the scenario and the engine's reason, and no plan or PDF."""
    from placezero.pathways.models import PathwayScenario

    broken = PathwayScenario.objects.create(
        place=leicestershire, name="Old draft", definition={"levers": {"moon_mirrors": 3}}
    )
    response = client.get(url(name, scenario=str(broken.pk)))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "“Old draft” cannot be run" in html
    assert "moon_mirrors" in html
    assert "Stage 1: Preparation" not in html


def test_a_districts_wedges_are_its_zones_share_of_each_levers_saving(leicestershire):
    """A district's biggest actions are the scenario without each lever minus the scenario,
    summed over the district's zones only (two engine runs, done here independently)."""
    from placezero.engine.simulate import simulate
    from placezero.pathways.tables import TableContext

    name, definition = services.default_definition(leicestershire)
    results = services.run(leicestershire, definition)
    inputs = services.place_inputs(leicestershire)
    context = TableContext(leicestershire, name, results, inputs, BLABY)
    blaby = inputs.zone_district_index == inputs.districts.index(BLABY)
    top = plan.biggest_wedges(context)[0]
    lever = next(key for key, spec in LEVERS.items() if spec.title == top["lever"])
    without = simulate(inputs, results.scenario.without(lever), results.assumptions)
    saved = (without.total_emissions_tco2e - results.total_emissions_tco2e)[blaby]
    assert top["saved_cumulative_tco2e"] == pytest.approx(float(saved.sum()))
    assert top["saved_2050_tco2e"] == pytest.approx(float(saved[:, -1].sum()))


def test_svg_bar_chart_escapes_text_and_draws_one_bar_per_figure():
    svg = plan.svg_bar_chart(
        'Emissions <by> "sector"', ["Homes & gardens", "Land use"], [1200.4, -300.0], "tCO2e"
    )
    assert svg.startswith("<svg") and "<script" not in svg
    assert 'aria-label="Emissions &lt;by&gt; &quot;sector&quot;"' in svg
    assert "Homes &amp; gardens" in svg
    assert svg.count("<rect") == 2
    assert "1,200 tCO2e" in svg and "-300 tCO2e" in svg
    assert plan.NEGATIVE_BAR in svg and plan.POSITIVE_BAR in svg
    # The longer bar is the larger figure's.
    widths = [float(w) for w in re.findall(r'<rect[^>]* width="([0-9.]+)"', svg)]
    assert widths[0] > widths[1] > 0


def test_pdf_without_weasyprint_says_what_to_install(client, leicestershire, monkeypatch):
    """A server missing Pango still serves the page; the PDF answers 503 saying why."""

    def missing():
        raise web_pdf.PdfUnavailable("The PDF cannot be made on this server: test")

    monkeypatch.setattr(web_pdf, "_weasyprint", missing)
    response = client.get(url("plan_pdf"))
    assert response.status_code == 503
    assert "cannot be made on this server" in response.content.decode()
    assert client.get(url()).status_code == 200


def test_plan_at_a_glance_repeats_the_engines_headline_figures(client, leicestershire):
    results = balanced(leicestershire)
    total = results.total_emissions_tco2e.sum(axis=0)
    y2050 = list(results.years).index(2050)
    html = client.get(url()).content.decode()
    glance = html[html.index('id="key-figures"') : html.index("</dl>", html.index("key-figures"))]
    assert f"{total[0] / 1000:,.0f} thousand tonnes CO2e" in glance
    fall = 100 * (total[0] - total[y2050]) / total[0]
    assert f"{total[y2050] / 1000:,.0f} thousand tonnes CO2e ({fall:.0f} % lower)" in glance
    capex_m = results.capex_gbp[:, : y2050 + 1].sum() / 1e6
    assert f"£{capex_m:,.0f} million" in glance


def test_personal_copy_plan_and_pdf_use_the_visitors_levers(client, leicestershire, no_network):
    """`?scenario=mine` plans the visitor's own lever settings (kept in their session)."""
    from placezero.pathways.views.common import personal_key

    definition = services.clean_definition(services.shipped_definitions()["baseline-no-new-action"])
    session = client.session
    session[personal_key(leicestershire)] = definition
    session.save()
    results = services.run(leicestershire, definition)
    y2050 = list(results.years).index(2050)
    expected = results.total_emissions_tco2e[:, y2050].sum()
    html = client.get(url(scenario="mine")).content.decode()
    assert "“Your personal copy”" in html
    assert number(column(html, "scenarios-compared", "y2050_tco2e")[0]) == pytest.approx(
        expected, abs=0.5
    )
    response = client.get(url("plan_pdf", scenario="mine"))
    _reader, text = pdf_text(response.content)
    assert "Your personal copy" in text
    assert f"{expected:,.0f}" in text
