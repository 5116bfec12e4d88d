"""The signposting wizard in the GOV.UK question-page pattern: one question per page, the
answers in the URL (so a result can be bookmarked or shared), a back link, and a results page
of what applies and why. A link whose answers were tampered with gets a page saying which
answers we could not use, with links to answer those questions again."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from placezero.accounts.permissions import requires
from placezero.web.shortcuts import place_or_404

from .. import services
from ..wizard import RESULTS, Answers, Question, first_unanswered, next_step, parse_answers

STEP = "step"  # set by a question's form: this question was just answered


def _place(request: HttpRequest, place_slug: str, **kwargs: Any) -> Any:
    return place_or_404(place_slug, request)


def _url(place: Any, name: str, answers: Answers, question: str = "", leave_out: str = "") -> str:
    path = (
        reverse("advisory:wizard_question", args=[place.slug, question])
        if question
        else reverse(f"advisory:{name}", args=[place.slug])
    )
    items = answers.query_items(leave_out=leave_out)
    return f"{path}?{urlencode(items)}" if items else path


def _tampered(
    request: HttpRequest, place: Any, questions: tuple[Question, ...], answers: Answers
) -> HttpResponse:
    problems = [
        {
            "question": q,
            "values": answers.problems[q.key],
            "href": _url(place, "", answers, question=q.key, leave_out=q.key),
        }
        for q in questions
        if q.key in answers.problems
    ]
    return render(
        request,
        "advisory/wizard_problem.html",
        {
            "place": place,
            "problems": problems,
            "restart": reverse("advisory:wizard", args=[place.slug]),
        },
        status=400,
    )


@require_safe
@requires("advisory.view", get_object=_place)
def start(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    first = services.wizard_questions(place)[0]
    return render(
        request,
        "advisory/wizard_start.html",
        {
            "place": place,
            "start": reverse("advisory:wizard_question", args=[place.slug, first.key]),
        },
    )


@require_safe
@requires("advisory.view", get_object=_place)
def question(request: HttpRequest, place_slug: str, question: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    questions = services.wizard_questions(place)
    keys = [q.key for q in questions]
    if question not in keys:
        return render(
            request,
            "advisory/wizard_problem.html",
            {
                "place": place,
                "unknown_question": question[:40],
                "restart": reverse("advisory:wizard", args=[place.slug]),
            },
            status=404,
        )
    index = keys.index(question)
    current = questions[index]
    answers = parse_answers(questions, request.GET)
    submitted = request.GET.get(STEP) == current.key
    error = ""
    if submitted and current.key in answers.problems:
        # A value for this very question that it does not offer: ask again, as if unanswered.
        answers.problems.pop(current.key)
        error = current.error
    if answers.problems:
        return _tampered(request, place, questions, answers)
    missing = first_unanswered(questions[:index], answers)
    if missing is not None:
        return redirect(_url(place, "", answers, question=missing.key))
    if submitted and not error:
        if answers.answered(current.key):
            following = next_step(questions, answers, current.key)
            if following == RESULTS:
                return redirect(_url(place, "wizard_results", answers))
            return redirect(_url(place, "", answers, question=following))
        error = current.error
    back = (
        _url(place, "", answers, question=questions[index - 1].key)
        if index
        else reverse("advisory:wizard", args=[place.slug])
    )
    return render(
        request,
        "advisory/wizard_question.html",
        {
            "place": place,
            "question": current,
            "chosen": answers.values.get(current.key, []),
            "hidden": answers.query_items(leave_out=current.key),
            "error": error,
            "back": back,
            "step": STEP,
            "number": index + 1,
            "total": len(questions),
        },
        status=400 if error else 200,
    )


@require_safe
@requires("advisory.view", get_object=_place)
def results(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    questions = services.wizard_questions(place)
    answers = parse_answers(questions, request.GET)
    if answers.problems:
        return _tampered(request, place, questions, answers)
    missing = first_unanswered(questions, answers)
    if missing is not None:
        return redirect(_url(place, "", answers, question=missing.key))
    found = services.signpost(place, request.user, answers)
    rule_counts = Counter(rule.question for rule in services.load_wizard(place).rules)
    summary = [
        {
            "question": q,
            "answer": ", ".join(o.label for o in q.options if o.value in answers.values[q.key]),
            "change": _url(place, "", answers, question=q.key),
        }
        for q in questions
    ]
    return render(
        request,
        "advisory/wizard_results.html",
        {
            "place": place,
            "found": found,
            "summary": summary,
            "back": _url(place, "", answers, question=questions[-1].key),
            # "Choose something else you want to do": the question with the most rules.
            "change_goal": max(summary, key=lambda row: rule_counts.get(row["question"].key, 0))[
                "change"
            ],
            "restart": reverse("advisory:wizard", args=[place.slug]),
        },
    )
