"""The governance principles, an evaluation round's report (public), answering it (members
of the partnership) and reading every answer (the place's officers)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST, require_safe

from placezero.accounts.permissions import has, requires
from placezero.web.forms import error_summary_items
from placezero.web.pdf import pdf_response

from .. import indicators, services
from ..forms import AnswerForm, PrincipleForm, refuse_on
from .common import the_place, the_principle, the_round


@require_safe
@requires("governance.view")
def principles(request: HttpRequest, place_slug: str) -> HttpResponse:
    place = the_place(request, place_slug)
    return render(
        request,
        "governance/principles.html",
        {
            "place": place,
            "principles": services.principles_of(place),
            "rounds": services.rounds_of(place),
            "indicators": indicators.place_indicators(place),
            "can_manage": has(request.user, "governance.manage", place),
        },
    )


@requires("governance.manage", get_object=the_principle)
def principle_edit(request: HttpRequest, place_slug: str, order: int) -> HttpResponse:
    principle = the_principle(request, place_slug, order)
    initial = {
        "name": principle.name,
        "wording": principle.wording,
        "indicators": principle.indicators,
    }
    form = PrincipleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_principle(principle, user=request.user, **form.cleaned_data)
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, f"Saved principle {principle.order}, “{principle.name}”.")
            return redirect("governance:principles", place_slug=place_slug)
    return render(
        request,
        "governance/principle_edit.html",
        {
            "place": principle.place,
            "principle": principle,
            "form": form,
            "errors": error_summary_items(form),
        },
        status=400 if form.errors else 200,
    )


def _round_page(request: HttpRequest, round_, form=None, question=None, status=200):
    may_answer = has(request.user, "governance.answer", round_)
    own = services.own_answers(round_, request.user) if may_answer else {}
    questions = [
        {
            "question": q,
            "own": own.get(q.pk),
            "form": form
            if question is not None and q.pk == question.pk
            else AnswerForm(
                prefix=f"q{q.pk}",
                initial={"score": own[q.pk].score, "evidence": own[q.pk].evidence}
                if q.pk in own
                else None,
            ),
        }
        for q in services.questions_of(round_)
    ]
    return render(
        request,
        "governance/round.html",
        {
            "place": round_.place,
            "round": round_,
            "scores": services.report(round_),
            **indicators.evaluation(round_),
            "questions": questions,
            "may_answer": may_answer,
            "may_read_answers": has(request.user, "governance.view_answers", round_),
            "may_close": has(request.user, "governance.manage", round_),
            "errors": error_summary_items(form) if form is not None else [],
        },
        status=status,
    )


@require_safe
@requires("governance.view")
def round_report(request: HttpRequest, place_slug: str, round_id: int) -> HttpResponse:
    return _round_page(request, the_round(request, place_slug, round_id))


@require_POST
@requires("governance.answer", get_object=the_round)
def answer(request: HttpRequest, place_slug: str, round_id: int) -> HttpResponse:
    round_ = the_round(request, place_slug, round_id)
    question = services.questions_of(round_).filter(pk=request.POST.get("question") or 0).first()
    if question is None:
        raise Http404("That question is not in this round.")
    form = AnswerForm(request.POST, prefix=f"q{question.pk}")
    if form.is_valid():
        try:
            services.answer(
                question,
                user=request.user,
                score=form.cleaned_data["score"],
                evidence=form.cleaned_data["evidence"],
            )
        except services.GovernanceRefusal as refusal:
            refuse_on(form, refusal)
        else:
            messages.success(request, "Your answer is saved.")
            return redirect("governance:round", place_slug=place_slug, round_id=round_.pk)
    return _round_page(request, round_, form=form, question=question, status=400)


@require_safe
@requires("governance.view_answers", get_object=the_round)
def answers(request: HttpRequest, place_slug: str, round_id: int) -> HttpResponse:
    round_ = the_round(request, place_slug, round_id)
    return render(
        request,
        "governance/answers.html",
        {
            "place": round_.place,
            "round": round_,
            "answers": services.answers_of(round_, user=request.user),
        },
    )


@require_POST
@requires("governance.manage", get_object=the_round)
def close(request: HttpRequest, place_slug: str, round_id: int) -> HttpResponse:
    round_ = the_round(request, place_slug, round_id)
    try:
        services.close_round(round_, user=request.user)
    except services.GovernanceRefusal as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"{round_} is closed and its report is published.")
    return redirect("governance:round", place_slug=place_slug, round_id=round_.pk)


@require_safe
@requires("governance.view")
def round_pdf(request: HttpRequest, place_slug: str, round_id: int) -> HttpResponse:
    """The round's public report as a PDF: the same scores, indicators and trend table as
    the page (no individual answers)."""
    round_ = the_round(request, place_slug, round_id)
    context = {
        "place": round_.place,
        "round": round_,
        "scores": services.report(round_),
        "made_on": timezone.localdate(),
        **indicators.evaluation(round_),
    }
    return pdf_response(
        request,
        "governance/round_print.html",
        context,
        f"{round_.place.slug}-governance-evaluation-{slugify(round_.name)}",
    )
