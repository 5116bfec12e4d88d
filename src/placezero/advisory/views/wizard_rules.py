"""The signposting wizard's rules in the browser: everyone sees the question flow (a drawing
and its text); a place's editors change its questions' words, their answers and the rules,
each change checked by `services.wizard_rules` and recorded in the shared history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from placezero.accounts.permissions import requires
from placezero.web.forms import add_service_errors, error_summary_items
from placezero.web.shortcuts import place_or_404

from .. import services, wizard_diagram
from ..forms import WizardOptionForm, WizardQuestionForm, WizardRuleForm
from ..models import Audience, Topic
from ..services import wizard_rules as rules


def _place(request: HttpRequest, place_slug: str, **kwargs: Any) -> Any:
    return place_or_404(place_slug, request)


def _flow(place: Any) -> wizard_diagram.Flow:
    topic_names = dict(Topic.objects.values_list("slug", "name"))
    audience_names = {
        slug: name.lower() for slug, name in Audience.objects.values_list("slug", "name")
    }
    return wizard_diagram.flow(services.load_wizard(place), topic_names, audience_names)


def _back_to_rules(place: Any) -> HttpResponse:
    return redirect("advisory:wizard_rules", place_slug=place.slug)


@require_safe
@requires("advisory.view", get_object=_place)
def flow(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    return render(
        request,
        "advisory/wizard_flow.html",
        {
            "place": place,
            "flow": _flow(place),
            "can_edit": services.can_curate(request.user, place),
        },
    )


@require_safe
@requires("advisory.edit_wizard", get_object=_place)
def rules_page(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    questions = rules.questions_of(request.user, place)
    titles = {q.key: q for q in questions}
    labels = {(q.key, o.value): o.label for q in questions for o in q.options.all()}
    rows = [
        {
            "rule": rule,
            "question": titles[rule.question].title if rule.question in titles else rule.question,
            "answer": labels.get((rule.question, rule.answer), rule.answer),
        }
        for rule in rules.rules_of(request.user, place)
    ]
    return render(
        request,
        "advisory/wizard_rules.html",
        {"place": place, "questions": questions, "rules": rows, "flow": _flow(place)},
    )


def _render_form(
    request: HttpRequest, place: Any, template_context: dict[str, Any], form: Any
) -> HttpResponse:
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "advisory/wizard_rule_form.html",
        {"place": place, "form": form, "errors": error_summary_items(form), **template_context},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@requires("advisory.edit_wizard", get_object=_place)
def question_edit(request: HttpRequest, place_slug: str, key: str) -> HttpResponse:
    place = place_or_404(place_slug, request)
    question = rules.question_of(request.user, place, key)
    initial = {"title": question.title, "hint": question.hint, "error": question.error}
    form = WizardQuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            rules.save_question(request.user, place, key, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _back_to_rules(place)
    return _render_form(
        request,
        place,
        {"heading": f"Change the question “{question.title}”", "record": question},
        form,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@requires("advisory.edit_wizard", get_object=_place)
def option_edit(
    request: HttpRequest, place_slug: str, key: str, value: str | None = None
) -> HttpResponse:
    """Add an answer to a question (no `value`), change one, or delete it."""
    place = place_or_404(place_slug, request)
    question = rules.question_of(request.user, place, key)
    option = rules.option_of(request.user, place, key, value) if value else None
    initial = (
        {
            "value": option.value,
            "label": option.label,
            "hint": option.hint,
            "audience": option.audience.slug if option.audience else "",
            "funding_first": option.funding_first,
            "exclusive": option.exclusive,
        }
        if option
        else {}
    )
    form = WizardOptionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "delete" and value:
                rules.delete_option(request.user, place, key, value)
                return _back_to_rules(place)
            if form.is_valid():
                rules.save_option(request.user, place, key, form.cleaned_data, value=value)
                return _back_to_rules(place)
        except ValidationError as error:
            form.is_valid()
            add_service_errors(form, error)
    heading = (
        f"Change the answer “{option.label}”" if option else f"Add an answer to “{question.title}”"
    )
    return _render_form(
        request,
        place,
        {"heading": heading, "record": option, "question": question, "can_delete": bool(option)},
        form,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@requires("advisory.edit_wizard", get_object=_place)
def rule_edit(request: HttpRequest, place_slug: str, rule_id: int | None = None) -> HttpResponse:
    """Add a rule (no `rule_id`), change one, or delete it."""
    place = place_or_404(place_slug, request)
    rule = rules.rule_of(request.user, place, rule_id) if rule_id is not None else None
    initial = (
        {
            "answer": f"{rule.question}={rule.answer}",
            "topic": rule.topic.slug,
            "weight": rule.weight,
            "reason": rule.reason,
        }
        if rule
        else {"weight": 1}
    )
    questions = services.load_wizard(place).questions
    form = WizardRuleForm(request.POST or None, initial=initial, questions=questions)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "delete" and rule is not None:
                rules.delete_rule(request.user, place, rule.pk)
                return _back_to_rules(place)
            if form.is_valid():
                rules.save_rule(request.user, place, form.service_fields(), rule_id=rule_id)
                return _back_to_rules(place)
        except ValidationError as error:
            form.is_valid()
            add_service_errors(form, error)
    return _render_form(
        request,
        place,
        {
            "heading": "Change a rule" if rule else "Add a rule",
            "record": rule,
            "can_delete": rule is not None,
            "rules_url": reverse("advisory:wizard_rules", args=[place.slug]),
        },
        form,
    )
