"""The overview's query parameters: a measure the page does not offer is refused with a 400
that names the measures it does (page and CSV alike), not silently replaced."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize(
    "path", ["/places/leicestershire/", "/places/leicestershire/emissions.csv", "/"]
)
def test_an_unknown_measure_is_a_400_listing_the_measures(leicestershire, path):
    response = Client().get(path, {"measure": "bogus"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is no measure “bogus”" in text
    assert "per-person" in text and "territorial" in text


def test_other_bad_requests_keep_their_details_to_themselves(leicestershire):
    response = Client().get("/", HTTP_HOST="evil.invalid")
    assert response.status_code == 400
    assert "evil.invalid" not in response.content.decode()
