"""The signposting wizard: the right things first for each persona, answers in the URL,
tampered links answered clearly, and every path through the questions ends on a results page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from placezero.advisory import services, wizard

PARISH_SOLAR = "who=parish&where=E07000133&what=solar&situation=community-building"
HOUSEHOLDER_FUEL_POVERTY = "who=householder&where=E07000132&what=save-energy&situation=fuel-poverty"


def _signpost(place: Any, query: str) -> wizard.Recommendations:
    answers = wizard.parse_answers(services.wizard_questions(place), QueryDict(query))
    assert not answers.problems
    return services.signpost(place, AnonymousUser(), answers)


@pytest.mark.django_db
def test_a_parish_council_wanting_solar_on_its_village_hall_sees_that_first(demo: Any) -> None:
    found = _signpost(demo, PARISH_SOLAR)
    first = [r.resource.slug for r in found.applies[:4]]
    assert "village-hall-solar-guide" in first
    assert "village-hall-energy-grant-demo" in first
    # Everything offered is for parishes, and no closed fund is among it.
    assert all(r.resource.audiences.filter(slug="parishes").exists() for r in found.applies)
    assert all(not r.resource.is_closed() for r in found.applies)
    assert "community-energy-fund" in [r.resource.slug for r in found.closed]
    assert any("village hall" in reason for reason in found.applies[0].reasons)


@pytest.mark.django_db
def test_a_householder_in_fuel_poverty_sees_warm_homes_help_first(demo: Any) -> None:
    found = _signpost(demo, HOUSEHOLDER_FUEL_POVERTY)
    first = [r.resource.slug for r in found.applies[:5]]
    assert first[0] == "warm-homes-local-grant"
    assert "warm-home-discount" in first
    assert {"eco4", "great-british-insulation-scheme"} <= {r.resource.slug for r in found.closed}
    # A district's own resource only where it applies: Melton's top-up is not for Hinckley.
    assert "warm-homes-melton-demo" not in [r.resource.slug for r in found.applies]


@pytest.mark.django_db
def test_tampered_answers_are_reported_not_guessed(demo: Any, client: Any) -> None:
    url = (
        f"/places/{demo.slug}/advice/check/results/?who=dragon&where=E07000133&what=solar"
        "&situation=none&situation=off-gas"
    )
    response = client.get(url)
    assert response.status_code == 400
    text = response.content.decode()
    assert "We could not use some answers in this link" in text
    assert "dragon" in text and "None of these" in text
    assert "Answer this question again" in text


@pytest.mark.django_db
def test_a_script_in_an_answer_is_shown_as_text(demo: Any, client: Any) -> None:
    response = client.get(
        f"/places/{demo.slug}/advice/check/what/", {"who": "<script>alert(1)</script>"}
    )
    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


@pytest.mark.django_db
def test_continuing_without_an_answer_says_what_to_do(demo: Any, client: Any) -> None:
    response = client.get(f"/places/{demo.slug}/advice/check/who/", {"step": "who"})
    assert response.status_code == 400
    assert "Select who you are asking for" in response.content.decode()


@pytest.mark.django_db
def test_an_invalid_answer_to_the_question_on_screen_asks_again(demo: Any, client: Any) -> None:
    response = client.get(f"/places/{demo.slug}/advice/check/who/", {"step": "who", "who": "x"})
    assert response.status_code == 400
    assert "Select who you are asking for" in response.content.decode()


@pytest.mark.django_db
def test_skipping_ahead_goes_back_to_the_first_unanswered_question(demo: Any, client: Any) -> None:
    response = client.get(f"/places/{demo.slug}/advice/check/results/", {"who": "tenant"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/places/{demo.slug}/advice/check/where/?who=tenant")


def assert_every_path_ends_on_results(place: Any) -> int:
    """Walk every combination of answers the place's wizard data allows, as the question
    pages do (`next_step`), through the URL and back (`parse_answers`), to its results
    (`recommend`); returns how many paths there are."""
    data = services.load_wizard(place)
    questions = data.questions
    resources = list(services.live_resources(place).prefetch_related("audiences", "topics"))
    count = 0
    for path in wizard.every_path(data):
        answers = wizard.Answers({}, {})
        step = questions[0].key
        for _ in questions:
            answers.values[step] = path[step]
            step = wizard.next_step(questions, answers, step)
            if step == wizard.RESULTS:
                break
        assert step == wizard.RESULTS, path
        query = QueryDict(urlencode(answers.query_items(), doseq=True))
        parsed = wizard.parse_answers(questions, query)
        assert not parsed.problems and parsed.values == path, path
        found = wizard.recommend(data, resources, parsed, {})
        assert isinstance(found.applies, list)
        count += 1
    return count


@pytest.mark.django_db
def test_every_path_through_the_questions_ends_on_a_results_page(demo: Any, client: Any) -> None:
    """Rule: whatever is answered, each Continue leads to the next question and the last to
    results; the results page always says something applies or what to do instead. Every
    combination is walked through the rules; one path per answer also through the pages."""
    questions = services.wizard_questions(demo)
    sizes = [len(q.options) for q in questions]
    situations = 2 ** (sizes[3] - 1)  # every non-empty set of five, or "None of these"
    assert assert_every_path_ends_on_results(demo) == sizes[0] * sizes[1] * sizes[2] * situations
    longest = max(sizes)
    for index in range(longest):
        given: dict[str, list[str]] = {}
        for question in questions:
            given[question.key] = [question.options[index % len(question.options)].value]
            step = f"/places/{demo.slug}/advice/check/{question.key}/?" + urlencode(
                {**given, "step": question.key}, doseq=True
            )
            response = client.get(step)
            assert response.status_code == 302, step
        assert "/check/results/" in response["Location"]
        results = client.get(response["Location"])
        assert results.status_code == 200
        text = results.content.decode()
        assert "that appl" in text or "Nothing in the repository matches" in text


@pytest.mark.django_db
def test_the_back_link_keeps_the_answers(demo: Any, client: Any) -> None:
    response = client.get(
        f"/places/{demo.slug}/advice/check/what/", {"who": "business", "where": "elsewhere"}
    )
    assert response.status_code == 200
    assert (
        'href="/places/leicestershire/advice/check/where/?who=business&amp;where=elsewhere"'
        in response.content.decode()
    )
