"""A person's choices: how each kind of notification reaches them by email."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from placezero.accounts.permissions import requires
from placezero.web.forms import error_summary_items

from .. import notifications
from ..options import INBOX_LABEL
from ..registry import registered_notification_kinds


class PreferencesForm(forms.Form):
    """One choice per registered kind: straight away, daily digest, or not by email."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for key, kind in registered_notification_kinds().items():
            self.fields[key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=list(notifications.EMAIL_CHOICES.items()),
                widget=forms.RadioSelect,
                error_messages={"required": f"Choose how to hear about “{kind.label}”."},
            )


@require_http_methods(["GET", "POST"])
@requires("activity.read_inbox")
def preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            notifications.set_email_choices(request.user, form.cleaned_data)
            messages.success(request, "Saved how we tell you about things.")
            return redirect("activity:preferences")
    else:
        form = PreferencesForm(initial=notifications.email_choices_of(request.user))
    return render(
        request,
        "activity/preferences.html",
        {
            "form": form,
            "errors": error_summary_items(form),
            "inbox_label": INBOX_LABEL,
            "has_email": bool(request.user.email),
        },
    )
