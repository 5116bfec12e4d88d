"""A resident's way in: the home page links to "What it means for my area"; search by
district, town or neighbourhood name; a district lists its neighbourhoods; each links to its
story on the public pathway page; bad input is refused with a reason."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from placezero.pathways.views.my_area import MAX_QUERY, neighbourhoods

CHARNWOOD = "E07000130"


def my_area(place) -> str:
    return reverse("pathways:my_area", kwargs={"place_slug": place.slug})


def test_the_home_page_says_what_the_plan_is_and_links_to_my_area(leicestershire):
    page = Client().get("/").content.decode()
    assert "shows how Leicestershire's emissions can fall to net zero" in page
    assert f'href="{my_area(leicestershire)}"' in page
    assert "What it means for my area" in page


def test_every_neighbourhood_links_to_its_story_in_its_district(leicestershire):
    found = neighbourhoods(leicestershire)
    assert len(found) == len({n.code for n in found}) > 50
    university = next(n for n in found if n.name == "Loughborough - University")
    assert university.district == "Charnwood"
    assert university.url.endswith(f"?area={CHARNWOOD}&zone={university.code}#zone-story")
    story = Client().get(university.url.split("#")[0]).content.decode()
    assert re.search(r'id="zone-story-heading">\s*Loughborough - University, Charnwood', story)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("loughborough", "Loughborough - University"),
        ("  LOUGHBOROUGH   university ", "Loughborough - University"),
        ("Charnwood", "Loughborough - University"),  # a district finds its neighbourhoods
        ("E02005347", "E02005347"),
    ],
)
def test_search_finds_neighbourhoods_by_any_of_their_names(leicestershire, query, expected):
    response = Client().get(my_area(leicestershire), {"q": query})
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_a_search_that_finds_nothing_says_what_to_try(leicestershire):
    page = Client().get(my_area(leicestershire), {"q": "Atlantis"}).content.decode()
    assert "No neighbourhood matches “Atlantis”" in page
    assert "try the name of your town or district" in page


def test_a_district_lists_only_its_neighbourhoods(leicestershire):
    page = Client().get(my_area(leicestershire), {"district": CHARNWOOD}).content.decode()
    assert "Neighbourhoods in Charnwood" in page
    assert "Loughborough - University" in page
    results = page.split('id="results"')[1].split('id="districts"')[0]
    assert "Loughborough - University" in results
    assert "Harborough" not in results


def test_an_unknown_district_is_a_404_listing_the_districts(leicestershire):
    response = Client().get(my_area(leicestershire), {"district": "E99999999"})
    assert response.status_code == 404
    assert "is not a district of Leicestershire" in response.content.decode()
    assert "Charnwood" in response.content.decode()


def test_a_search_too_long_is_a_400_saying_the_limit(leicestershire):
    response = Client().get(my_area(leicestershire), {"q": "x" * (MAX_QUERY + 1)})
    assert response.status_code == 400
    assert f"at most {MAX_QUERY}" in response.content.decode()


def test_an_unknown_place_is_a_404(db):
    response = Client().get(reverse("pathways:my_area", kwargs={"place_slug": "atlantis"}))
    assert response.status_code == 404
