"""The wizard's rules kept as data that a place's editors change in the browser: an answer
added with a rule appears in the wizard and ranks its resources; every path still ends on
a results page; a rule naming a missing question or answer is refused with the names the
wizard has; every change is in the history; another place's wizard is untouched; the
question flow is drawn from the data with a text equivalent."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict

from placezero.activity.history import revisions_of
from placezero.advisory import services, wizard
from placezero.advisory.models import WizardOption, WizardQuestion, WizardRule
from placezero.advisory.tests.conftest import client_for
from placezero.advisory.tests.test_wizard import assert_every_path_ends_on_results

RULES = "check/rules/"


@pytest.mark.django_db
def test_an_editor_adds_an_answer_and_a_rule_that_the_wizard_uses(demo: Any, people: dict) -> None:
    editor = client_for(people["editor"])
    base = f"/places/{demo.slug}/advice/"
    page = editor.get(base + RULES)
    assert page.status_code == 200
    assert "Who are you asking for?" in page.content.decode()
    before = assert_every_path_ends_on_results(demo)

    response = editor.post(
        base + RULES + "questions/what/answers/new/",
        {"value": "historic", "label": "Care for an old building", "audience": ""},
    )
    assert response.status_code == 302
    response = editor.post(
        base + RULES + "new/",
        {"answer": "what=historic", "topic": "historic-buildings", "weight": "5", "reason": ""},
    )
    assert response.status_code == 302
    rule = WizardRule.objects.get(place=demo, answer="historic")
    assert rule.history.first().history_user == people["editor"]

    question = editor.get(base + "check/what/?who=householder&where=elsewhere").content.decode()
    assert "Care for an old building" in question
    answers = wizard.parse_answers(
        services.wizard_questions(demo),
        QueryDict("who=householder&where=elsewhere&what=historic&situation=none"),
    )
    found = services.signpost(demo, AnonymousUser(), answers)
    assert found.applies, "an old-building guide for householders is in the demo"
    assert all(r.resource.topics.filter(slug="historic-buildings").exists() for r in found.applies)
    assert "About historic buildings" in found.applies[0].reasons

    # One more answer to "what": one more path for each other combination, each ending well.
    sizes = [len(q.options) for q in services.wizard_questions(demo)]
    assert assert_every_path_ends_on_results(demo) == before + before // (sizes[2] - 1)

    # The change is recorded and shown; the words of a question change too.
    edit = editor.get(base + RULES + f"{rule.pk}/").content.decode()
    assert "Changes" in edit and "Created" in edit
    editor.post(
        base + RULES + "questions/what/",
        {"title": "What would you like to do?", "hint": "", "error": "Select what you want to do"},
    )
    assert services.wizard_questions(demo)[2].title == "What would you like to do?"
    question_row = WizardQuestion.objects.get(place=demo, key="what")
    changes = [c for r in revisions_of(question_row) for c in r.changes]
    assert [(c.field, c.before, c.after) for c in changes if c.field == "title"] == [
        ("title", "What do you want to do?", "What would you like to do?")
    ]

    # The flow is drawn from the data, and written out.
    flow = client_for(None).get(base + "check/flow/").content.decode()
    assert "<svg" in flow and "Care for an old building" in flow
    assert "Historic buildings +5" in flow and 'id="wizard-flow-text"' in flow


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"answer": "dragon=fire"}, "There is no question “dragon” in this wizard."),
        ({"answer": "what=fly"}, "“What do you want to do?” has no answer “fly”. Its answers are"),
        ({"answer": "who=parish", "weight": "0"}, "Enter a weight from 1 to 9"),
        ({"answer": "who=parish", "weight": "many"}, "Enter the weight as a whole number"),
        ({"answer": "who=parish", "topic": "ghosts"}, "Choose a topic the repository has"),
    ],
)
def test_a_bad_rule_is_refused_with_what_the_wizard_has(
    leicestershire: Any, taxonomy: None, people: dict, data: dict, message: str
) -> None:
    form = {"answer": "who=parish", "topic": "solar", "weight": "2", "reason": "", **data}
    response = client_for(people["editor"]).post(
        f"/places/{leicestershire.slug}/advice/{RULES}new/", form
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "There is a problem" in text and message in text
    assert not WizardRule.objects.filter(place=leicestershire, question="who").exists()


@pytest.mark.django_db
def test_answers_that_rules_use_and_district_answers_are_kept(
    leicestershire: Any, other_place: Any, taxonomy: None, people: dict
) -> None:
    editor = client_for(people["editor"])
    base = f"/places/{leicestershire.slug}/advice/{RULES}questions/"
    used = editor.post(base + "what/answers/solar/", {"action": "delete"})
    assert used.status_code == 400
    assert "3 rules use the answer “Generate electricity" in used.content.decode()
    assert WizardOption.objects.filter(question__key="what", value="solar").exists()
    districts = editor.post(base + "where/answers/new/", {"value": "mars", "label": "Mars"})
    assert districts.status_code == 400
    assert "they come from the place" in districts.content.decode()
    taken = editor.post(base + "who/answers/new/", {"value": "parish", "label": "Again"})
    assert "already has an answer “parish”" in taken.content.decode()
    # An unused answer can go; its history says so.
    assert editor.post(base + "who/answers/officer/", {"action": "delete"}).status_code == 302
    assert "officer" not in [o.value for o in services.wizard_questions(leicestershire)[0].options]
    # Another place's wizard is its own: still the defaults.
    assert "officer" in [o.value for o in services.wizard_questions(other_place)[0].options]
    assert not WizardQuestion.objects.filter(place=other_place).exists()
    # Its editors may not change Leicestershire's.
    elsewhere = client_for(people["editor_elsewhere"]).get(base + "who/")
    assert elsewhere.status_code == 403
