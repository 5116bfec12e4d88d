"""The shared pieces every pathway page uses: charts from tables, zone maps, the section
menu and export links."""

from __future__ import annotations

import itertools

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from placezero.pathways import maps
from placezero.tables import About, Column, Table
from placezero.tables.charts import chart_from_table

TABLE = Table(
    slug="emissions",
    caption="Emissions by sector",
    columns=(
        Column("year", "Year"),
        Column("domestic", "Domestic", "tCO2e"),
        Column("transport", "Transport", "tCO2e"),
        Column("target", "Target", "tCO2e"),
    ),
    rows=(
        {"year": 2019, "domestic": 100.0, "transport": 50.0, "target": 150.0},
        {"year": 2030, "domestic": 60.0, "transport": None, "target": 75.0},
    ),
    about=About("test"),
)


def test_chart_series_are_the_table_columns():
    """Rule: a chart holds exactly the table's figures, column by column."""
    chart = chart_from_table(TABLE, x="year", series=["domestic", "transport"], kind="area")
    data = chart.as_json()
    assert data["labels"] == ["2019", "2030"]
    assert [s["values"] for s in data["series"]] == [[100.0, 60.0], [50.0, None]]
    assert data["y_label"] == "tCO2e"


def test_chart_defaults_to_every_column_with_a_unit_except_references():
    """Rule: without `series`, every unit-bearing column but x and references is a series."""
    chart = chart_from_table(TABLE, x="year", reference=["target"])
    assert [s["key"] for s in chart.series] == ["domestic", "transport"]
    assert [s["key"] for s in chart.reference] == ["target"]


def test_chart_of_a_missing_column_names_it():
    """Rule: asking for a column the table lacks fails with its name, not a KeyError on data."""
    with pytest.raises(KeyError, match="no column 'industry'"):
        chart_from_table(TABLE, x="year", series=["industry"])


def test_chart_description_says_the_table_has_the_figures():
    """Rule: the canvas's text alternative names the chart and points to the table."""
    chart = chart_from_table(TABLE, x="year", kind="line")
    assert chart.description.startswith("Line chart: Emissions by sector.")
    assert "table below" in chart.description


def test_quantile_classes_cover_every_value_once():
    """Rule: each value falls in exactly one class, from the lowest to the highest."""
    values = [1.0, 2.0, 2.0, 3.0, 10.0, 11.0, 50.0, 51.0, 52.0, 100.0]
    classes = maps.quantile_classes(values)
    assert classes[0].lower == 1.0 and classes[-1].upper == 100.0
    for value in values:
        assert maps.class_of(value, classes) is not None
    assert all(a.upper <= b.lower for a, b in itertools.pairwise(classes))


def test_quantile_classes_of_equal_values_is_one_class():
    """Rule: identical values make one class (no empty or overlapping classes)."""
    classes = maps.quantile_classes([5.0, 5.0, 5.0])
    assert len(classes) == 1 and classes[0].lower == classes[0].upper == 5.0


def test_zone_map_colours_each_zone_and_marks_missing(leicestershire):
    """Rule: every zone of the place is on the map; zones without a value say so."""
    geojson = maps.places.zones_geojson(leicestershire)
    codes = [f["properties"]["code"] for f in geojson["features"]]
    values = {code: float(i) for i, code in enumerate(codes[:-1])}
    zone_map = maps.zone_map(leicestershire, values, title="Test", unit="t")
    features = zone_map.geojson["features"]
    assert len(features) == len(codes)
    last = next(f for f in features if f["properties"]["code"] == codes[-1])
    assert last["properties"]["value_text"] == maps.NO_VALUE_LABEL
    assert zone_map.classes[-1].label == maps.NO_VALUE_LABEL


@pytest.mark.django_db
def test_section_menu_lists_only_pages_that_exist(leicestershire):
    """Rule: the section menu links only URL names that resolve for the place."""
    from django.contrib.auth.models import AnonymousUser
    from django.urls import NoReverseMatch, reverse

    from placezero.pathways.sections import SECTIONS

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    template = Template(
        "{% load pathways_ui %}{% pathway_sections place as s %}"
        "{% for i in s %}{{ i.label }};{% endfor %}"
    )
    shown = template.render(Context({"request": request, "place": leicestershire}))
    for section in SECTIONS:
        try:
            reverse(f"pathways:{section.url_name}", kwargs={"place_slug": "leicestershire"})
            exists = True
        except NoReverseMatch:
            exists = False
        assert (f"{section.label};" in shown) == exists, section.label


@pytest.mark.django_db
def test_every_audience_page_links_its_whole_view_workbook(client, leicestershire):
    """Rule: each audience page offers all its tables as one XLSX, for its scenario and area."""
    for view in ("public", "officers", "investors", "network", "community"):
        url = f"/places/leicestershire/pathway/{'' if view == 'public' else view + '/'}"
        html = client.get(url, {"scenario": "balanced", "area": "E07000129"}).content.decode()
        query = "?scenario=balanced&amp;area=E07000129"
        expected = f"/places/leicestershire/pathway/export/{view}.xlsx{query}"
        assert expected in html, view


@pytest.mark.django_db
def test_menu_marks_the_pathway_plan_current_on_every_pathway_page(client, leicestershire):
    """Rule: on any page of a place's pathway plan the menu's "Pathway plan" is current and
    every menu item links within that place."""
    for path in ("", "officers/", "scenarios/", "play/", "plan/", "runs/"):
        html = client.get(f"/places/leicestershire/pathway/{path}").content.decode()
        menu = html[html.index('id="navigation"') : html.index("</nav>")]
        assert 'href="/places/leicestershire/pathway/" aria-current="page"' in menu, path
        assert 'href="/places/leicestershire/"' in menu, path
