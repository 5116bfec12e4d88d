"""The signposting wizard's rules as data that a place's editors change in the browser.

A place reads `data/wizard.yaml` until its editors first change something; that first change
copies the file into the place's own rows (`seed`), so one place's editors never change
another's wizard. Every change is checked here, all or nothing, and recorded by the shared
history (who, when, what):

- a question's words (title, hint, the message when it is not answered);
- its answers (add, change, delete; an answer a rule uses cannot be deleted until the rule
  is), except a districts question's, which are the place's districts;
- the rules: an answer of a question makes resources about a topic weigh so much, and says
  why. A rule naming a question or answer the wizard does not have is refused with the
  names it does have.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as package_files
from typing import TYPE_CHECKING, Any

import yaml
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404

from placezero.accounts.permissions import require
from placezero.places import services as places

from .. import wizard
from ..models import Audience, Topic, WizardOption, WizardQuestion, WizardRule

if TYPE_CHECKING:
    from placezero.places.models import Place

MAX_WEIGHT = 9
MAX_OPTIONS = 30


@cache
def defaults() -> dict[str, Any]:
    """The wizard every place starts with (`data/wizard.yaml`)."""
    text = package_files.files("placezero.advisory").joinpath("data/wizard.yaml").read_text()
    return yaml.safe_load(text)


def is_seeded(place: Place) -> bool:
    return WizardQuestion.objects.filter(place=place).exists()


def load_wizard(place: Place) -> wizard.Wizard:
    """The place's wizard: its editors' rows, or the defaults until they change something."""
    districts = wizard.district_options(place.name, places.member_areas(place))
    if not is_seeded(place):
        data = defaults()
        questions = tuple(_question_of(q, place, districts) for q in data["questions"])
        rules = tuple(wizard.Rule(**r) for r in data["rules"])
        return wizard.Wizard(questions, rules)
    rows = WizardQuestion.objects.filter(place=place).prefetch_related("options__audience")
    questions = tuple(
        wizard.Question(
            key=q.key,
            title=q.title,
            hint=q.hint.replace("{place}", place.name),
            multiple=q.multiple,
            error=q.error,
            districts=q.districts,
            options=districts
            if q.districts
            else tuple(
                wizard.Option(
                    value=o.value,
                    label=o.label,
                    hint=o.hint,
                    audience=o.audience.slug if o.audience else "",
                    funding_first=o.funding_first,
                    exclusive=o.exclusive,
                )
                for o in q.options.all()
            ),
        )
        for q in rows
    )
    rules = tuple(
        wizard.Rule(r.question, r.answer, r.topic.slug, r.weight, r.reason)
        for r in WizardRule.objects.filter(place=place).select_related("topic")
    )
    return wizard.Wizard(questions, rules)


def _question_of(data: dict[str, Any], place: Place, districts: tuple) -> wizard.Question:
    options = (
        districts
        if data.get("districts")
        else tuple(wizard.Option(**o) for o in data.get("options", []))
    )
    return wizard.Question(
        key=data["key"],
        title=data["title"],
        hint=data.get("hint", "").replace("{place}", place.name),
        multiple=data.get("multiple", False),
        error=data["error"],
        districts=data.get("districts", False),
        options=options,
    )


@transaction.atomic
def seed(user: Any, place: Place) -> None:
    """Copy the defaults into the place's own rows, once (an editor's first change)."""
    require(user, "advisory.edit_wizard", place)
    if is_seeded(place):
        return
    audiences = {a.slug: a for a in Audience.objects.all()}
    topics = {t.slug: t for t in Topic.objects.all()}
    data = defaults()
    try:
        with transaction.atomic():
            for order, q in enumerate(data["questions"]):
                question = WizardQuestion.objects.create(
                    place=place,
                    key=q["key"],
                    title=q["title"],
                    hint=q.get("hint", ""),
                    error=q["error"],
                    multiple=q.get("multiple", False),
                    districts=q.get("districts", False),
                    order=order * 10,
                )
                for index, o in enumerate(q.get("options", [])):
                    WizardOption.objects.create(
                        question=question,
                        value=o["value"],
                        label=o["label"],
                        hint=o.get("hint", ""),
                        audience=audiences.get(o.get("audience", "")),
                        funding_first=o.get("funding_first", False),
                        exclusive=o.get("exclusive", False),
                        order=index * 10,
                    )
            WizardRule.objects.bulk_create(
                WizardRule(
                    place=place,
                    question=r["question"],
                    answer=r["answer"],
                    topic=topics[r["topic"]],
                    weight=r["weight"],
                    reason=r.get("reason", ""),
                )
                for r in data["rules"]
                if r["topic"] in topics
            )
    except IntegrityError:
        pass  # another editor seeded it at the same moment: theirs stands


# --- reading the rows, for the editors' pages -----------------------------------------------


def questions_of(user: Any, place: Place) -> list[WizardQuestion]:
    require(user, "advisory.edit_wizard", place)
    seed(user, place)
    return list(WizardQuestion.objects.filter(place=place).prefetch_related("options__audience"))


def question_of(user: Any, place: Place, key: str) -> WizardQuestion:
    require(user, "advisory.edit_wizard", place)
    seed(user, place)
    found = WizardQuestion.objects.filter(place=place, key=key[:30]).first()
    if found is None:
        raise Http404(f"The wizard of {place.name} has no question “{key[:30]}”.")
    return found


def option_of(user: Any, place: Place, key: str, value: str) -> WizardOption:
    question = question_of(user, place, key)
    found = question.options.filter(value=value[:40]).first()
    if found is None:
        raise Http404(f"“{question.title}” has no answer “{value[:40]}”.")
    return found


def rules_of(user: Any, place: Place) -> list[WizardRule]:
    require(user, "advisory.edit_wizard", place)
    seed(user, place)
    return list(WizardRule.objects.filter(place=place).select_related("topic"))


def rule_of(user: Any, place: Place, rule_id: int) -> WizardRule:
    require(user, "advisory.edit_wizard", place)
    found = WizardRule.objects.filter(place=place, pk=rule_id).select_related("topic").first()
    if found is None:
        raise Http404("The wizard has no rule with that number. It may have been deleted.")
    return found


# --- changing them -------------------------------------------------------------------------


def _recorded(row: Any, user: Any) -> Any:
    row._history_user = user if getattr(user, "is_authenticated", False) else None
    return row


@transaction.atomic
def save_question(user: Any, place: Place, key: str, fields: dict[str, str]) -> WizardQuestion:
    """Change a question's words (its key, and so the wizard's addresses, stay)."""
    question = question_of(user, place, key)
    for name in ("title", "hint", "error"):
        if name in fields:
            setattr(question, name, str(fields[name]).strip())
    question.full_clean()
    _recorded(question, user).save()
    return question


@transaction.atomic
def save_option(
    user: Any, place: Place, key: str, fields: dict[str, Any], *, value: str | None = None
) -> WizardOption:
    """Add an answer to a question (`value` None) or change one."""
    question = question_of(user, place, key)
    if question.districts:
        raise ValidationError(
            f"The answers to “{question.title}” are the districts of {place.name}: they come "
            "from the place, so they cannot be changed here."
        )
    if value is None:
        if question.options.count() >= MAX_OPTIONS:
            raise ValidationError(f"A question has at most {MAX_OPTIONS} answers.")
        last = question.options.order_by("-order").first()
        option = WizardOption(question=question, order=(last.order + 10) if last else 0)
    else:
        option = option_of(user, place, key, value)
    old_value = option.value
    audience = str(fields.get("audience") or "")
    for name in ("value", "label", "hint", "funding_first", "exclusive"):
        if name in fields:
            setattr(option, name, fields[name])
    option.audience = None
    if audience:
        option.audience = Audience.objects.filter(slug=audience).first()
        if option.audience is None:
            raise ValidationError({"audience": f"There is no audience “{audience[:40]}”."})
    if option.value in {wizard.ELSEWHERE} and question.districts:
        raise ValidationError({"value": "That value is kept for “elsewhere”."})
    if question.options.filter(value=option.value).exclude(pk=option.pk).exists():
        raise ValidationError(
            {"value": f"“{question.title}” already has an answer “{option.value}”."}
        )
    option.full_clean(exclude=["audience"])
    _recorded(option, user).save()
    if old_value and old_value != option.value:
        # The rules follow the answer's new value, in the same change.
        for rule in WizardRule.objects.filter(place=place, question=key, answer=old_value):
            rule.answer = option.value
            _recorded(rule, user).save()
    return option


@transaction.atomic
def delete_option(user: Any, place: Place, key: str, value: str) -> None:
    option = option_of(user, place, key, value)
    used = WizardRule.objects.filter(place=place, question=key, answer=value).count()
    if used:
        raise ValidationError(
            f"{used} rule{'s' if used != 1 else ''} use{'' if used != 1 else 's'} the answer "
            f"“{option.label}”. Delete or change {'them' if used != 1 else 'it'} first."
        )
    if option.question.options.count() <= 2:
        raise ValidationError("A question needs at least two answers to choose from.")
    _recorded(option, user).delete()


@transaction.atomic
def save_rule(
    user: Any, place: Place, fields: dict[str, Any], *, rule_id: int | None = None
) -> WizardRule:
    """Add a rule (`rule_id` None) or change one. `fields`: question, answer (their key and
    value), topic (a slug), weight (1 to 9), reason."""
    require(user, "advisory.edit_wizard", place)
    seed(user, place)
    rule = rule_of(user, place, rule_id) if rule_id is not None else WizardRule(place=place)
    questions = {q.key: q for q in load_wizard(place).questions}
    errors: dict[str, str] = {}
    key = str(fields.get("question") or "")[:30]
    value = str(fields.get("answer") or "")[:40]
    question = questions.get(key)
    if question is None:
        errors["answer"] = (
            f"There is no question “{key}” in this wizard. Choose an answer of one of its "
            f"questions: {', '.join(questions)}."
        )
    elif question.option(value) is None:
        errors["answer"] = (
            f"“{question.title}” has no answer “{value}”. Its answers are: "
            + ", ".join(o.value for o in question.options)
            + "."
        )
    topic = Topic.objects.filter(slug=str(fields.get("topic") or "")[:40]).first()
    if topic is None:
        errors["topic"] = "Choose a topic the repository has (editors can add topics)."
    try:
        weight = int(fields.get("weight") or 0)
    except (TypeError, ValueError):
        weight = 0
    if not 1 <= weight <= MAX_WEIGHT:
        errors["weight"] = f"Enter a weight from 1 to {MAX_WEIGHT}, a whole number."
    if errors:
        raise ValidationError(errors)
    rule.question, rule.answer, rule.topic, rule.weight = key, value, topic, weight
    rule.reason = str(fields.get("reason") or "").strip()
    rule.full_clean()
    _recorded(rule, user).save()
    return rule


@transaction.atomic
def delete_rule(user: Any, place: Place, rule_id: int) -> None:
    _recorded(rule_of(user, place, rule_id), user).delete()
