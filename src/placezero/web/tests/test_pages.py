"""The shell's other pages: data sources, the site's own pages, errors, the header."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.views.defaults import permission_denied

from placezero.accounts.tests.factories import UserFactory
from placezero.places import services


@pytest.fixture
def sources_html(client: Client, leicestershire: Any) -> str:
    return client.get("/data-sources/").content.decode()


def test_data_sources_lists_every_dataset_of_the_pack(
    sources_html: str, leicestershire: Any
) -> None:
    keys = {dataset.key for dataset in services.datasets(leicestershire)}
    shown = set(re.findall(r'<section class="[^"]*" id="([^"]+)"', sources_html))
    assert keys and shown == keys


def test_data_sources_names_each_licence_in_full(sources_html: str) -> None:
    section = sources_html[sources_html.index('id="desnz-la-ghg"') :]
    assert 'data-licence="OGL-3.0"><a class="govuk-link"' in section
    assert "Open Government Licence v3.0" in section[: section.index("</section>")]


def test_data_sources_shows_an_unknown_licence_as_the_pack_states_it(
    sources_html: str, leicestershire: Any
) -> None:
    unusual = [d for d in services.datasets(leicestershire) if d.licence.startswith("not stated")]
    assert unusual and unusual[0].licence in sources_html


def test_data_sources_gives_each_attribution_line_once(sources_html: str) -> None:
    attributions = sources_html[sources_html.index('id="attributions"') :]
    attributions = attributions[: attributions.index("</ul>")]
    ogl = "Contains public sector information licensed under the Open Government Licence v3.0."
    assert attributions.count(ogl) == 1


def test_data_sources_lists_raw_files(sources_html: str) -> None:
    assert "desnz/la-ghg-totals-2005-2023.csv" in sources_html


def test_place_data_sources_of_an_unknown_place_is_not_found(
    client: Client, leicestershire: Any
) -> None:
    assert client.get("/places/atlantis/data-sources/").status_code == 404


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/licence/", "Software licence"),
    ],
)
@pytest.mark.django_db
def test_site_page_has_its_heading(client: Client, path: str, heading: str) -> None:
    html = client.get(path).content.decode()
    assert f'<h1 class="govuk-heading-xl">{heading}</h1>' in html


@pytest.mark.django_db
def test_footer_links_the_site_pages_and_the_api(client: Client) -> None:
    footer = client.get("/privacy/").content.decode().split('<footer class="govuk-footer">')[1]
    hrefs = re.findall(r'href="(/[^"]*)"', footer)
    assert {"/accessibility/", "/privacy/", "/data-sources/", "/api/docs", "/licence/"} <= set(
        hrefs
    )


@pytest.mark.django_db
def test_missing_page_is_a_govuk_404(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert '<h1 class="govuk-heading-xl">Page not found</h1>' in response.content.decode()
    assert 'id="not-found-reason"' not in response.content.decode()  # no "Resolver404"


@pytest.mark.django_db
def test_404_says_what_was_not_found(client: Client) -> None:
    """Rule: a view's Http404 message (what is missing, what exists) reaches the visitor."""
    html = client.get("/places/atlantis/").content.decode()
    assert 'id="not-found-reason"' in html and "atlantis" in html


@pytest.mark.django_db
def test_a_service_refusal_is_the_govuk_403_page_with_its_reason() -> None:
    """Rule: PermissionDenied raised below a view (a service's `require`) shows the reason on
    the same page `@requires` gives."""
    request = RequestFactory().get("/")
    request.user = UserFactory()
    reason = "Only officers of Leicestershire, and administrators, may do this."
    response = permission_denied(request, PermissionDenied(reason))
    page = response.content.decode()
    assert response.status_code == 403
    assert "You cannot do this" in page and reason in page


def test_500_page_renders_without_a_request() -> None:
    """Django renders 500.html with an empty context: the base template must not need one."""
    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html


@pytest.mark.django_db
def test_visitor_is_offered_sign_in(client: Client) -> None:
    html = client.get("/privacy/").content.decode()
    assert 'href="/accounts/login/?next=/privacy/">Sign in</a>' in html


@pytest.mark.django_db
def test_signed_in_user_signs_out_with_a_post_form(client: Client) -> None:
    client.force_login(UserFactory())
    html = client.get("/privacy/").content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/">', html)
    assert ">Your account</a>" in html


@pytest.mark.django_db
def test_skip_link_comes_first_and_targets_main(client: Client) -> None:
    html = client.get("/privacy/").content.decode()
    body = html[html.index("<body") :]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'href="#main-content"' in first_link and 'id="main-content"' in body
