"""The signposting wizard: four questions (who you are, where, what you want to do, your
situation), answers kept in the URL, and a ranking of what applies to you and why.

The rules are data (`QUESTIONS`, `GOALS`, `SITUATIONS`): each answer names the audience it
means or the topics it weighs, and `recommend` scores every live resource of the place by
them. A resource applies when it is for your audience, covers your district (or the whole
place) and is about what you want or your situation; it ranks by how much it matches. Closed
funding never ranks: it is listed apart, so nobody spends time on a deadline that has gone.

Answers come from the URL, so anything may arrive: `parse_answers` keeps only the values the
questions offer and reports every other one, so a tampered link gets a clear page, never an
error or a silent guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from .options import ResourceKind

if TYPE_CHECKING:
    from placezero.places.models import Place

    from .models import Resource


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""
    audience: str = ""  # who: the repository audience this answer means
    topics: Mapping[str, int] = field(default_factory=dict)  # what/situation: topic weights
    funding_first: bool = False


@dataclass(frozen=True)
class Question:
    key: str  # the URL parameter
    title: str
    hint: str = ""
    multiple: bool = False
    options: tuple[Option, ...] = ()
    error: str = ""  # said when nothing is chosen


ELSEWHERE = "elsewhere"
NONE_OF_THESE = "none"

WHO = Question(
    "who",
    "Who are you asking for?",
    error="Select who you are asking for",
    options=(
        Option("householder", "I own my home", audience="householders"),
        Option("tenant", "I rent my home", audience="tenants"),
        Option("parish", "A parish or town council", audience="parishes"),
        Option("community", "A community group or charity", audience="community-groups"),
        Option("business", "A business", audience="businesses"),
        Option("officer", "A council officer", audience="officers"),
    ),
)
GOALS = (
    Option(
        "save-energy",
        "Cut energy use and bills",
        "For example insulation, draught-proofing or a better tariff",
        topics={"energy-efficiency": 3, "insulation": 2, "bills": 2},
    ),
    Option(
        "heating",
        "Change how a building is heated",
        "For example a heat pump instead of a gas or oil boiler",
        topics={"heat-pumps": 3, "off-gas-grid": 1},
    ),
    Option(
        "solar",
        "Generate electricity, for example with solar panels",
        topics={"solar": 3, "renewables": 2, "grid": 1},
    ),
    Option(
        "community-energy",
        "Start or grow a community energy project",
        topics={"community-energy": 3, "solar": 1, "finance": 1},
    ),
    Option(
        "travel",
        "Switch to cleaner travel",
        "For example electric vehicle charging",
        topics={"transport": 3},
    ),
    Option(
        "plan",
        "Plan for net zero",
        "For example a climate action plan or the data behind one",
        topics={"net-zero-planning": 3, "data": 2, "business-energy": 1},
    ),
    Option(
        "funding",
        "Find funding",
        "Grants, loans and schemes with their deadlines",
        topics={"finance": 1},
        funding_first=True,
    ),
)
WHAT = Question(
    "what", "What do you want to do?", options=GOALS, error="Select what you want to do"
)
SITUATIONS = (
    Option(
        "fuel-poverty",
        "Struggling to pay energy bills or to keep warm",
        topics={"fuel-poverty": 4, "bills": 1},
    ),
    Option(
        "benefits",
        "Someone in the household gets means-tested benefits",
        topics={"fuel-poverty": 3},
    ),
    Option(
        "community-building",
        "Responsible for a community building, such as a village hall",
        topics={"community-buildings": 4},
    ),
    Option(
        "historic-building",
        "A listed or traditionally built building",
        topics={"historic-buildings": 3},
    ),
    Option("off-gas", "Not connected to the gas grid", topics={"off-gas-grid": 3}),
    Option(NONE_OF_THESE, "None of these"),
)
SITUATION = Question(
    "situation",
    "Do any of these apply?",
    hint="Select all that apply.",
    multiple=True,
    options=SITUATIONS,
    error="Select all that apply, or select 'None of these'",
)


def where_question(place: Place, areas: Sequence[Any]) -> Question:
    options = tuple(Option(a.code, a.name) for a in areas)
    options += (Option(ELSEWHERE, f"Not sure, or elsewhere in {place.name}"),)
    return Question(
        "where",
        "Where are you?",
        hint=f"Choose the district or borough of {place.name}.",
        options=options,
        error="Select where you are",
    )


def questions(place: Place, areas: Sequence[Any]) -> tuple[Question, ...]:
    return (WHO, where_question(place, areas), WHAT, SITUATION)


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
        if question.multiple and NONE_OF_THESE in good and len(good) > 1:
            bad.append("'None of these' together with other answers")
            good = []
        if bad:
            problems[question.key] = bad
        elif good:
            values[question.key] = good
    return Answers(values, problems)


def first_unanswered(all_questions: Sequence[Question], answers: Answers) -> Question | None:
    return next((q for q in all_questions if not answers.answered(q.key)), None)


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


def _option(question: Question, value: str) -> Option | None:
    return next((o for o in question.options if o.value == value), None)


def recommend(
    resources: Sequence[Resource], answers: Answers, area_names: Mapping[str, str]
) -> Recommendations:
    """Score each resource against the answers (see the module's docstring)."""
    who = _option(WHO, answers.get("who"))
    goal = _option(WHAT, answers.get("what"))
    situations = [o for v in answers.values.get("situation", []) if (o := _option(SITUATION, v))]
    where = answers.get("where")
    today = timezone.localdate()
    applies: list[Recommendation] = []
    closed: list[Recommendation] = []
    for resource in resources:
        audiences = {a.slug: a.name for a in resource.audiences.all()}
        if who is None or who.audience not in audiences:
            continue
        if resource.area_codes and where not in resource.area_codes:
            continue
        if resource.kind == ResourceKind.EVENT and resource.opens_on and resource.opens_on < today:
            continue  # an event that has happened applies to nobody
        topics = {t.slug: t.name for t in resource.topics.all()}
        reasons = [f"For {audiences[who.audience].lower()}"]
        goal_score = sum(w for slug, w in (goal.topics if goal else {}).items() if slug in topics)
        is_funding = resource.kind == ResourceKind.FUNDING
        if goal and goal.funding_first and is_funding:
            goal_score += 4
        if goal_score:
            named = [topics[s] for s in (goal.topics if goal else {}) if s in topics]
            reasons.append("About " + _and(named).lower() if named else "Funding you can apply for")
        situation_score = 0
        for situation in situations:
            matched = [topics[s] for s in situation.topics if s in topics]
            if matched:
                situation_score += sum(situation.topics[s] for s in situation.topics if s in topics)
                reasons.append(f"Because you said: {situation.label.lower()}")
        if not goal_score and not situation_score:
            continue
        score = goal_score + situation_score
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
