"""Where a table's "how the figures are made" link points (`tables.method_url`)."""

from __future__ import annotations

import pytest

from placezero.tables import method_url


def test_without_method_pages_there_is_no_link_rather_than_a_source_path(settings):
    """Rule: while the site serves no method pages, the link is empty (the about line
    names the method in words), never a path of the source tree."""
    settings.ROOT_URLCONF = "placezero.web.urls"  # a site without placezero.method
    assert method_url("equations", "network") == ""


def test_links_the_method_page_and_anchor_once_the_site_serves_them(settings):
    settings.ROOT_URLCONF = "placezero.tables.tests.method_urls"
    assert method_url("equations", "network") == "/method/equations/#network"
    assert method_url() == "/method/index/"


def test_an_unknown_method_page_names_the_pages():
    with pytest.raises(ValueError, match=r"No method page 'nowhere'\. Pages: index, equations"):
        method_url("nowhere")
