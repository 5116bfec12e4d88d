"""The HTML partial `tables/_table.html`: caption, units, notes, the about line with its
method link, downloads, the chart first, long tables folded into a details component and
wide ones in a labelled, focusable scroll region."""

from __future__ import annotations

import re

from django.template import Context, Template
from django.template.loader import render_to_string

from placezero.tables import About, Column, Table
from placezero.tables.charts import chart_from_table, macc_chart
from placezero.tables.templatetags.tables_ui import HANDFUL_OF_ROWS, NARROW_COLUMNS

from .factories import SMALL, table


def render(**context) -> str:
    return render_to_string("tables/_table.html", context)


def test_partial_shows_caption_units_notes_and_the_about_line():
    html = render(table=SMALL)
    assert '<caption class="govuk-table__caption govuk-table__caption--s"' in html
    assert ">Small</caption>" in html
    assert 'data-column="cost">Cost <span class="pz-unit">(GBP)</span></th>' in html
    assert '<p class="govuk-body-s">A note.</p>' in html
    about = html[html.index("data-table-about") :]
    assert "Source: Test source." in about
    assert 'href="/method/equations/#emissions" data-method-link>How the figures are made' in about
    licence = 'href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"'
    assert f'{licence} rel="license">Open Government Licence v3.0</a>' in about
    assert "Contains test data." in about
    assert "docs/method" not in html


def test_about_line_links_the_source_page_and_names_the_method_when_it_has_no_page():
    about = About("Emissions statistics, DESNZ", source_url="/data-sources/#ghg")
    html = render(table=table(about=about))
    assert 'Source: <a class="govuk-link" href="/data-sources/#ghg">Emissions statistics' in html
    assert "data-method-link" not in html
    assert "How the figures are made: the method documentation of placezero." in html


def test_downloads_are_linked_under_the_table():
    links = [{"url": "/x.csv", "label": "CSV", "format": "csv"}]
    html = render(table=SMALL, downloads=links)
    assert 'href="/x.csv" download data-format="csv">CSV<span class="govuk-visually-hidden">' in (
        html
    )


def test_a_handful_of_rows_is_shown_and_more_fold_into_details_after_the_chart():
    """Rule: a table of more than a handful of rows sits in a GOV.UK details component
    ("Show the data table") after its chart; a short one is shown as it is."""
    short = render(table=table(rows=HANDFUL_OF_ROWS))
    assert "<details" not in short
    long_table = table("long", rows=HANDFUL_OF_ROWS + 1)
    chart = chart_from_table(long_table, x="name")
    html = render(table=long_table, chart=chart)
    details = html.index('<details class="govuk-details pz-table-details"')
    assert html.index(f'id="{chart.dom_id}"') < details < html.index('id="table-long"')
    summary = re.search(r"<summary.*?</summary>", html, flags=re.S).group(0)
    assert "Show the data table" in summary and "Caption of long" in summary
    assert html.index("</details>") < html.index("data-table-about")


def test_wide_tables_scroll_in_a_labelled_focusable_region_and_narrow_ones_do_not():
    wide = render(table=table("wide", columns=NARROW_COLUMNS + 1))
    region = re.search(r'<div class="pz-table-wrapper"[^>]*>', wide).group(0)
    assert 'role="region"' in region and 'tabindex="0"' in region
    assert 'aria-label="Caption of wide (scroll sideways for every column)"' in region
    narrow = render(table=table("narrow", columns=NARROW_COLUMNS))
    assert "pz-table-wrapper" not in narrow and 'role="region"' not in narrow


def test_cell_filter_formats_figures_with_the_columns_decimals_and_labels_as_they_are():
    """Rule: figures get separators and decimals; labels (a year) do not; None is a dash."""
    template = Template(
        "{% load tables_ui %}{{ row|cell:a }}|{{ row|cell:b }}|{{ row|cell:c }}|{{ row|cell:y }}"
        "|{{ row|cell:f }}"
    )
    html = template.render(
        Context(
            {
                "row": {"a": 12345.678, "b": None, "c": "Blaby", "y": 2030, "f": 4321.5},
                "a": Column("a", "A", "t", 1),
                "b": Column("b", "B", "t"),
                "c": Column("c", "C"),
                "y": Column("y", "Year"),
                "f": Column("f", "Median"),  # unit given per row elsewhere
            }
        )
    )
    assert html == "12,345.7|\u2013|Blaby|2030|4,322"


def test_table_body_escapes_text_formats_numbers_and_marks_missing_figures():
    """Rule: the Python-built table body escapes text cells and formats numbers; a cell
    without a figure shows a dash that screen readers hear as "no figure"."""
    body = Table(
        slug="t",
        caption="T",
        columns=(Column("name", "Name"), Column("value", "Value", "t", 1)),
        rows=({"name": "<b>Blaby</b>", "value": 1234.56}, {"name": "Melton", "value": None}),
        about=About("test"),
    )
    html = Template("{% load tables_ui %}{% table_body_rows table %}").render(
        Context({"table": body})
    )
    assert "&lt;b&gt;Blaby&lt;/b&gt;" in html and "<b>" not in html
    assert '<tr class="govuk-table__row" data-row="Melton">' in html
    assert '<th scope="row" class="govuk-table__header" data-column="name">' in html
    assert ">1,234.6</td>" in html
    assert 'pz-no-figure" data-column="value"><span aria-hidden="true">\u2013</span></td>' in html


def test_an_empty_table_says_so():
    html = render(table=table(rows=0))
    assert "No figures for this selection." in html


def test_a_macc_chart_carries_widths_and_heights_in_the_tables_order() -> None:
    """Rule: a MACC chart's bars are the table's rows in order, width and height series
    from the named columns, on an axis labelled with the width's unit."""
    table = Table(
        "measures",
        "Measures",
        (Column("name", "Measure"), Column("tonnes", "Saved", "tCO2e"),
         Column("cost", "Cost per tonne", "GBP/tCO2e")),
        ({"name": "A", "tonnes": 10, "cost": -5}, {"name": "B", "tonnes": 30, "cost": 40}),
        about=About("test"),
    )  # fmt: skip
    chart = macc_chart(table, label="name", width="tonnes", height="cost")
    spec = chart.as_json()
    assert spec["kind"] == "macc" and spec["labels"] == ["A", "B"]
    assert [s["values"] for s in spec["series"]] == [[10.0, 30.0], [-5.0, 40.0]]
    assert spec["x_label"] == "Saved (tCO2e), cumulative" and spec["y_label"] == "GBP/tCO2e"
    assert "each bar's width is the emissions it saves" in chart.description
