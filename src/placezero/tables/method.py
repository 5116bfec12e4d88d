"""Where a table's "how the figures are made" link points: the one place to change it.

The method is written in the project's method documentation ("How the pathway engine
works": equations, assumptions, levers, uncertainty, optimisation, a worked example, and
how the place pack is derived from national data). Those pages are served on the site as
`/method/<page>/#<anchor>` under the URL name `method:page` once that app is installed;
until then there is no page to link, `method_url` answers "" and the about line names the
method in words instead of printing a path of the source tree.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

METHOD_URL_NAME = "method:page"
METHOD_TITLE = "How the figures are made"
# Method pages (the documentation's file stems) a table may cite.
PAGES = (
    "index",
    "equations",
    "assumptions",
    "levers",
    "uncertainty",
    "optimisation",
    "worked-example",
    "checks",
    "data",
    "national",
    "replication",
    "network",
)


def method_url(page: str = "index", anchor: str = "") -> str:
    """The site's page of the method (`page`, one of PAGES) at `anchor`; "" while the site
    serves no method pages."""
    if page not in PAGES:
        raise ValueError(f"No method page '{page}'. Pages: {', '.join(PAGES)}.")
    try:
        url = reverse(METHOD_URL_NAME, kwargs={"page": page})
    except NoReverseMatch:
        return ""
    return f"{url}#{anchor}" if anchor else url
