"""The signposting wizard: questions (who you are, where, what you want to do, your
situation), answers kept in the URL, and a ranking of what applies to you and why.

The questions, their answers and the rules are data (`Wizard`): each place's editors change
their own copy in the browser (`services.wizard_rules`), and every place starts from
`data/wizard.yaml`. An answer may name the audience it means; a rule says that an answer
makes resources about a topic weigh so much, and why. `recommend` scores every live resource
of the place by them. A resource applies when it is for the audience of your answers, covers
your district (or the whole place) and some rule of your answers matches its topics; it ranks
by the weights matched. Closed funding never ranks: it is listed apart, so nobody spends time
on a deadline that has gone.

Answers come from the URL, so anything may arrive: `parse_answers` keeps only the values the
questions offer and reports every other one, so a tampered link gets a clear page, never an
error or a silent guess. `every_path` lists every combination of answers the data allows, so
a test can walk each one to its results page.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from .options import ResourceKind

if TYPE_CHECKING:
    from .models import Resource

ELSEWHERE = "elsewhere"
RESULTS = "results"  # what `next_step` answers after the last question


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""
    audience: str = ""  # the repository audience this answer means ("" for none)
    funding_first: bool = False  # funding ranks higher for this answer
    exclusive: bool = False  # "None of these": cannot be chosen with another answer


@dataclass(frozen=True)
class Question:
    key: str  # the URL parameter
    title: str
    hint: str = ""
    multiple: bool = False
    options: tuple[Option, ...] = ()
    error: str = ""  # said when nothing is chosen
    districts: bool = False  # the answers are the place's districts

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Rule:
    question: str
    answer: str
    topic: str  # a topic slug
    weight: int
    reason: str = ""


@dataclass(frozen=True)
class Wizard:
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...] = ()

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def rules_for(self, key: str, value: str) -> list[Rule]:
        return self._rules_by_answer.get((key, value), [])

    @cached_property
    def _rules_by_answer(self) -> dict[tuple[str, str], list[Rule]]:
        index: dict[tuple[str, str], list[Rule]] = {}
        for rule in self.rules:
            index.setdefault((rule.question, rule.answer), []).append(rule)
        return index


def district_options(place_name: str, areas: Sequence[Any]) -> tuple[Option, ...]:
    """A districts question's answers: each district, then "not sure, or elsewhere"."""
    options = tuple(Option(a.code, a.name) for a in areas)
    return (*options, Option(ELSEWHERE, f"Not sure, or elsewhere in {place_name}"))


# --- answers -------------------------------------------------------------------------------


@dataclass
class Answers:
    values: dict[str, list[str]]  # only valid answers, by question key
    problems: dict[str, list[str]]  # question key -> the values that are not answers

    def get(self, key: str) -> str:
        return (self.values.get(key) or [""])[0]

    def answered(self, key: str) -> bool:
        return bool(self.values.get(key))

    def query_items(self, *, leave_out: str = "") -> list[tuple[str, str]]:
        return [(k, v) for k, vs in self.values.items() if k != leave_out for v in vs]


def parse_answers(all_questions: Sequence[Question], query: Any) -> Answers:
    """The URL's answers to each question, and every value that is not one of its options.
    `query` is a QueryDict (or any mapping with getlist)."""
    values: dict[str, list[str]] = {}
    problems: dict[str, list[str]] = {}
    for question in all_questions:
        given = [v for v in query.getlist(question.key)][:20]
        if not given:
            continue
        allowed = {o.value for o in question.options}
        good = list(dict.fromkeys(v for v in given if v in allowed))
        bad = [v[:60] for v in given if v not in allowed]
        if not question.multiple and len(good) > 1:
            bad += good[1:]
            good = good[:1]
        exclusive = [o for o in question.options if o.exclusive and o.value in good]
        if question.multiple and exclusive and len(good) > 1:
            bad.append(f"'{exclusive[0].label}' together with other answers")
            good = []
        if bad:
            problems[question.key] = bad
        elif good:
            values[question.key] = good
    return Answers(values, problems)


def first_unanswered(all_questions: Sequence[Question], answers: Answers) -> Question | None:
    return next((q for q in all_questions if not answers.answered(q.key)), None)


def next_step(all_questions: Sequence[Question], answers: Answers, current: str) -> str:
    """Where Continue on question `current` leads: the first question still unanswered
    (earlier ones first), or `RESULTS` when every question has an answer."""
    keys = [q.key for q in all_questions]
    index = keys.index(current)
    earlier = first_unanswered(all_questions[: index + 1], answers)
    if earlier is not None:
        return earlier.key
    following = first_unanswered(all_questions[index + 1 :], answers)
    return following.key if following is not None else RESULTS


def every_path(wizard: Wizard) -> Iterator[dict[str, list[str]]]:
    """Every combination of answers the questions allow: each answer of a one-answer
    question; for a several-answers question every non-empty set of its ordinary answers,
    and each exclusive answer on its own."""
    choices: list[list[list[str]]] = []
    for question in wizard.questions:
        if not question.multiple:
            choices.append([[o.value] for o in question.options])
            continue
        ordinary = [o.value for o in question.options if not o.exclusive]
        sets = [
            list(combo)
            for size in range(1, len(ordinary) + 1)
            for combo in itertools.combinations(ordinary, size)
        ]
        choices.append(sets + [[o.value] for o in question.options if o.exclusive])
    keys = [q.key for q in wizard.questions]
    for combination in itertools.product(*choices):
        yield dict(zip(keys, combination, strict=True))


# --- recommending --------------------------------------------------------------------------


@dataclass
class Recommendation:
    resource: Resource
    score: int
    reasons: list[str]


@dataclass
class Recommendations:
    applies: list[Recommendation]
    closed: list[Recommendation]


def recommend(
    wizard: Wizard,
    resources: Sequence[Resource],
    answers: Answers,
    area_names: Mapping[str, str],
) -> Recommendations:
    """Score each resource against the answers (see the module's docstring)."""
    chosen = [
        (question, option)
        for question in wizard.questions
        for value in answers.values.get(question.key, [])
        if (option := question.option(value)) is not None
    ]
    wanted_audiences = [o.audience for _, o in chosen if o.audience]
    districts = [answers.get(q.key) for q in wizard.questions if q.districts]
    where = districts[0] if districts else ""
    today = timezone.localdate()
    applies: list[Recommendation] = []
    closed: list[Recommendation] = []
    for resource in resources:
        audiences = {a.slug: a.name for a in resource.audiences.all()}
        for_whom = [s for s in wanted_audiences if s in audiences]
        if wanted_audiences and not for_whom:
            continue
        if resource.area_codes and where not in resource.area_codes:
            continue
        if resource.kind == ResourceKind.EVENT and resource.opens_on and resource.opens_on < today:
            continue  # an event that has happened applies to nobody
        topics = {t.slug: t.name for t in resource.topics.all()}
        reasons = [f"For {audiences[s].lower()}" for s in dict.fromkeys(for_whom)]
        is_funding = resource.kind == ResourceKind.FUNDING
        score = 0
        for question, option in chosen:
            matched = [r for r in wizard.rules_for(question.key, option.value) if r.topic in topics]
            gained = sum(r.weight for r in matched)
            if option.funding_first and is_funding:
                gained += 4
            if not gained:
                continue
            score += gained
            written = [r.reason for r in matched if r.reason]
            if written:
                reasons += [r for r in dict.fromkeys(written) if r not in reasons]
            elif matched:
                named = list(dict.fromkeys(topics[r.topic] for r in matched))
                reasons.append("About " + _and(named).lower())
            else:
                reasons.append("Funding you can apply for")
        if not score:
            continue
        if resource.area_codes:
            score += 1
            reasons.append("Only in " + _and([area_names.get(c, c) for c in resource.area_codes]))
        if is_funding:
            if resource.is_closed(today):
                reasons.append(f"Closed on {resource.closes_on:%-d %B %Y}")
                closed.append(Recommendation(resource, score, reasons))
                continue
            score += 1
            if resource.opens_on and resource.opens_on > today:
                reasons.append(f"Opens on {resource.opens_on:%-d %B %Y}")
            elif resource.closes_on:
                reasons.append(f"Open for applications until {resource.closes_on:%-d %B %Y}")
            else:
                reasons.append("Open for applications")
        applies.append(Recommendation(resource, score, reasons))
    applies.sort(key=lambda r: (-r.score, r.resource.title))
    closed.sort(key=lambda r: (-r.score, r.resource.title))
    return Recommendations(applies, closed)


def _and(words: Sequence[str]) -> str:
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
