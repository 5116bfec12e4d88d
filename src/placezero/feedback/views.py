"""Pages: the feedback form and its thanks, the giver's own page (secret link), and the
reviewers' list."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from placezero.accounts.permissions import requires
from placezero.web import submissions
from placezero.web.forms import add_service_errors

from . import services
from .forms import FeedbackForm, ReviewForm
from .models import Feedback
from .options import Status

SESSION_TOKEN = "feedback.last_secret"


@require_http_methods(["GET", "POST"])
@requires("feedback.give")
def give(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                given = services.give(
                    message=data["message"],
                    satisfaction=data["satisfaction"],
                    email=data["email"],
                    page=data["page"],
                    honeypot=data["website"],
                    user=request.user,
                    client_address=submissions.client_address(request),
                )
            except ValidationError as caught:
                add_service_errors(form, caught)
            else:
                request.session[SESSION_TOKEN] = given.secret_token
                return redirect("feedback:thanks")
        status = 400
    else:
        form = FeedbackForm(initial={"page": services.clean_page(request.GET.get("page"))})
        status = 200
    return render(
        request,
        "feedback/form.html",
        {"form": form, "came_from": services.clean_page(form["page"].value())},
        status=status,
    )


def thanks(request: HttpRequest) -> HttpResponse:
    token = request.session.pop(SESSION_TOKEN, None)
    link = request.build_absolute_uri(reverse("feedback:mine", args=[token])) if token else ""
    return render(request, "feedback/thanks.html", {"link": link})


@require_http_methods(["GET", "POST"])
def mine(request: HttpRequest, token: str) -> HttpResponse:
    """The giver's own feedback, from the secret link: remove the email address, or delete."""
    feedback = services.by_secret(token)
    if feedback is None:
        raise Http404("This link is not valid any more: the feedback may have been deleted.")
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "remove_email":
            services.remove_email(token)
            return redirect("feedback:mine", token=token)
        if action == "delete":
            services.delete_own(token)
            return render(request, "feedback/deleted.html")
        return render(
            request, "feedback/mine.html",
            {"feedback": feedback, "error": "Choose to remove your email address or to "
             "delete your feedback."}, status=400,
        )  # fmt: skip
    return render(request, "feedback/mine.html", {"feedback": feedback})


@requires("feedback.review")
def review_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    try:
        shown = services.for_review(request.user, status=status)
    except ValidationError as caught:
        return render(
            request, "feedback/review.html",
            {"feedback_list": [], "status": "", "statuses": Status.choices,
             "error": caught.message_dict["status"][0]}, status=400,
        )  # fmt: skip
    return render(
        request,
        "feedback/review.html",
        {"feedback_list": shown, "status": status, "statuses": Status.choices},
    )


@require_POST
@requires("feedback.review")
def review_one(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = get_object_or_404(Feedback, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return render(
            request, "feedback/review.html",
            {"feedback_list": services.for_review(request.user), "status": "",
             "statuses": Status.choices,
             "error": "Choose reviewed, hidden or new, with a note of up to "
                      f"{services.MAX_NOTE_CHARS} characters."}, status=400,
        )  # fmt: skip
    try:
        services.review(
            feedback, status=form.cleaned_data["status"], note=form.cleaned_data["note"],
            user=request.user,
        )  # fmt: skip
    except ValidationError as caught:
        return render(
            request, "feedback/review.html",
            {"feedback_list": services.for_review(request.user), "status": "",
             "statuses": Status.choices, "error": " ".join(caught.messages)}, status=400,
        )  # fmt: skip
    back = request.POST.get("back_status", "")
    url = reverse("feedback:review")
    return redirect(
        f"{url}?status={back}#feedback-{pk}" if back in Status.values else f"{url}#feedback-{pk}"
    )
