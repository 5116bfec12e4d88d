"""The signposting wizard's question flow as a diagram, generated from the place's rules.

`flow(wizard, topic_names)` lays the questions out top to bottom (they are asked in order,
each one a page) with each answer and what it does: the audience it means, the topics it
weighs. The page draws it as inline SVG (`advisory/_wizard_flow.html`, no script, no CDN)
and gives the same content as a list beside it, which is the text equivalent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .wizard import Wizard

WIDTH = 760
MARGIN = 20
HEADER = 40  # a question's title bar
LINE = 40  # an answer: its label, and under it what it does
GAP = 44  # between boxes, where the arrow is
PILL = 36  # "Start" and "Results"
LABEL_CHARS = 80
EFFECT_CHARS = 95


@dataclass(frozen=True)
class AnswerLine:
    label: str  # shortened to fit the drawing; the text equivalent has it whole
    effect: str
    full_label: str
    full_effect: str
    y: int


@dataclass(frozen=True)
class Box:
    number: int
    title: str
    note: str  # "choose one", "choose any"
    y: int
    height: int
    answers: tuple[AnswerLine, ...]
    arrow_from: int  # y where the arrow into the next box starts
    arrow_to: int


@dataclass(frozen=True)
class Flow:
    width: int
    height: int
    boxes: tuple[Box, ...]
    results_y: int
    start_arrow: tuple[int, int]


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def effect_of(
    wizard: Wizard,
    key: str,
    value: str,
    topic_names: Mapping[str, str],
    *,
    audience_names: Mapping[str, str],
    audience: str,
    funding_first: bool,
) -> str:
    parts = []
    if audience:
        parts.append(f"offers what is for {audience_names.get(audience, audience)}")
    weights = [
        f"{topic_names.get(r.topic, r.topic)} +{r.weight}" for r in wizard.rules_for(key, value)
    ]
    if weights:
        parts.append("ranks " + ", ".join(weights))
    if funding_first:
        parts.append("ranks funding +4")
    return "; ".join(parts) or "changes no ranking"


def flow(wizard: Wizard, topic_names: Mapping[str, str], audience_names: Mapping[str, str]) -> Flow:
    y = MARGIN + PILL + GAP
    boxes = []
    for number, question in enumerate(wizard.questions, start=1):
        lines = []
        options = question.options
        if question.districts:
            names = [o.label for o in options]
            summary = f"{len(names) - 1} areas, or elsewhere"
            lines.append(
                AnswerLine(
                    label=summary,
                    effect="offers what covers the chosen district, or the whole place",
                    full_label=", ".join(names),
                    full_effect="offers what covers the chosen district, or the whole place",
                    y=y + HEADER + 18,
                )
            )
        else:
            for index, option in enumerate(options):
                effect = effect_of(
                    wizard,
                    question.key,
                    option.value,
                    topic_names,
                    audience_names=audience_names,
                    audience=option.audience,
                    funding_first=option.funding_first,
                )
                if option.exclusive:
                    effect = "on its own only; " + effect
                lines.append(
                    AnswerLine(
                        label=_cut(option.label, LABEL_CHARS),
                        effect=_cut(effect, EFFECT_CHARS),
                        full_label=option.label,
                        full_effect=effect,
                        y=y + HEADER + 18 + index * LINE,
                    )
                )
        height = HEADER + len(lines) * LINE + 8
        boxes.append(
            Box(
                number=number,
                title=_cut(question.title, LABEL_CHARS),
                note="choose any" if question.multiple else "choose one",
                y=y,
                height=height,
                answers=tuple(lines),
                arrow_from=y + height,
                arrow_to=y + height + GAP - 4,
            )
        )
        y += height + GAP
    return Flow(
        width=WIDTH,
        height=y + PILL + MARGIN,
        boxes=tuple(boxes),
        results_y=y,
        start_arrow=(MARGIN + PILL, MARGIN + PILL + GAP - 4),
    )
