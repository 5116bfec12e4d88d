"""The glossary: every term under its own anchor with its meaning and source, the `{% term %}`
tag that links a term to it, and the pages that use the tag at a term's first use."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError

from placezero.web import glossary

pytestmark = pytest.mark.django_db

ASKED_FOR = {
    "territorial-emissions", "scope-of-influence", "co2e", "laep", "headroom",
    "primary-substation", "gsp", "macc", "lever", "scenario", "monte-carlo", "net-zero",
    "removals", "lulucf", "tonnes", "mw", "mwh", "msoa",
}  # fmt: skip


def test_the_glossary_has_every_term_asked_for() -> None:
    assert set(glossary.BY_KEY) >= ASKED_FOR


def test_every_term_names_a_public_source_or_the_method_page_defining_it() -> None:
    for term in glossary.TERMS:
        assert term.meaning and len(term.meaning) > 40, term.key
        assert term.source or term.method, term.key
        if term.source:
            assert term.source[1].startswith("https://"), term.key


def test_the_glossary_page_has_an_anchor_a_meaning_and_a_source_per_term(client) -> None:
    html = client.get("/glossary/").content.decode()
    for term in glossary.TERMS:
        assert f'id="{term.key}"' in html, term.key
        assert f'href="#{term.key}"' in html, term.key
    assert "Spare capacity at a substation" in html
    assert 'href="https://www.legislation.gov.uk/uksi/2019/1056/contents/made"' in html
    assert 'href="/method/uncertainty/"' in html
    # The method pages it points to exist.
    for slug in {t.method for t in glossary.TERMS if t.method and t.method != "index"}:
        assert client.get(f"/method/{slug}/").status_code == 200, slug


def test_the_footer_links_to_the_glossary(client) -> None:
    assert 'href="/glossary/">Glossary</a>' in client.get("/privacy/").content.decode()


def test_the_term_tag_links_to_the_anchor_and_says_where_it_goes() -> None:
    html = Template(
        '{% load glossary %}{% term "headroom" %} / {% term "gsp" "grid supply points" %}'
    ).render(Context())
    assert html == (
        '<a class="govuk-link pz-term" href="/glossary/#headroom">Headroom<span '
        'class="govuk-visually-hidden">, in the glossary</span></a> / '
        '<a class="govuk-link pz-term" href="/glossary/#gsp">grid supply points<span '
        'class="govuk-visually-hidden">, in the glossary</span></a>'
    )


def test_the_term_tag_escapes_its_words() -> None:
    html = Template('{% load glossary %}{% term "lever" "<b>levers</b>" %}').render(Context())
    assert "<b>" not in html and "&lt;b&gt;levers&lt;/b&gt;" in html


@pytest.mark.parametrize(
    "source",
    ['{% term "hedroom" %}', "{% term %}", "{% term headroom %}", '{% term "a" "b" "c" %}'],
)
def test_a_misspelt_or_malformed_term_fails_when_the_template_is_compiled(source: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        Template("{% load glossary %}" + source)


def _linked(html: str) -> set[str]:
    return set(re.findall(r'href="/glossary/#([a-z0-9-]+)"', html))


@pytest.mark.parametrize(
    ("path", "terms"),
    [
        ("/", {"net-zero", "co2e", "territorial-emissions"}),
        ("/places/leicestershire/pathway/", {"scenario", "msoa", "territorial-emissions"}),
        ("/places/leicestershire/pathway/my-area/", {"pathway", "net-zero"}),
        ("/places/leicestershire/pathway/officers/", {"lever", "macc", "monte-carlo"}),
        ("/places/leicestershire/pathway/network/", {"headroom", "primary-substation", "mw"}),
        ("/places/leicestershire/pathway/community/", {"mw", "mwh"}),
        ("/places/leicestershire/pathway/investors/", {"mw"}),
        ("/places/leicestershire/pathway/plan/", {"laep", "scenario"}),
    ],
)
def test_pages_link_their_terms_of_art_to_the_glossary(
    client, leicestershire, path: str, terms: set[str]
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert terms <= _linked(response.content.decode())
