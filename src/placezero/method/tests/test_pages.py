"""The method documentation on the site: every page a table may cite is served with its
headings' anchors and site links between pages; the Markdown is cleaned (no script, no
event handlers, no javascript: links); tables' "How the figures are made" links land on
these pages; the menu lists them."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from placezero.method.render import to_html
from placezero.tables import method_url
from placezero.tables.method import PAGES


@pytest.mark.parametrize("slug", PAGES)
def test_every_page_a_table_may_cite_is_served(db, slug):
    response = Client().get(reverse("method:page", kwargs={"page": slug}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "How the figures are made" in page
    source = (settings.PLACEZERO_METHOD_DIR / f"{slug}.md").read_text(encoding="utf-8")
    headings = len(re.findall(r"^## ", source, re.M))
    assert len(re.findall(r'<h2 id="[^"]+" class="govuk-heading-l">', page)) == headings


def test_the_index_links_the_other_pages_on_the_site(db):
    page = Client().get(reverse("method:index")).content.decode()
    assert 'href="/method/equations/"' in page
    assert ">Equations</a>" in page  # a link named by its file is named by the page's title
    assert not re.search(r">[a-z-]+\.md</a>", page)
    assert 'id="from-data-to-chart-in-five-steps"' in page


def test_an_unknown_page_is_a_404_listing_the_pages(db):
    response = Client().get("/method/secrets/")
    assert response.status_code == 404
    assert "There is no method page “secrets”" in response.content.decode()


def test_markdown_is_cleaned_of_anything_that_could_run():
    title, html, sections = to_html(
        "# Title\n\n## Part one\n\n<script>alert(1)</script>\n\n"
        '<p onclick="alert(2)">hi</p>\n\n[bad](javascript:alert(3)) '
        "[next](levers.md#domestic-heat-pumps) [code](../../src/x.py)\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert title == "Title" and sections == (("part-one", "Part one"),)
    assert "<script" not in html and "onclick" not in html and "javascript:" not in html
    assert 'href="/method/levers/#domestic-heat-pumps"' in html
    assert "<code>code</code>" in html and "x.py" not in html
    assert 'role="region" tabindex="0"' in html and 'class="govuk-table"' in html


def test_tables_link_their_method_here_and_the_menu_lists_it(leicestershire):
    assert method_url("equations") == "/method/equations/"
    page = Client().get("/places/leicestershire/pathway/?scenario=balanced").content.decode()
    assert 'href="/method/equations/" data-method-link' in page
    assert re.search(r'href="/method/"[^>]*>\s*How the figures are made', page)
