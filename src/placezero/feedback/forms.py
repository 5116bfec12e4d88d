"""The feedback form and the reviewer's form (checked again in services)."""

from __future__ import annotations

from django import forms

from placezero.web import submissions

from . import services
from .options import Satisfaction, Status


class FeedbackForm(forms.Form):
    satisfaction = forms.ChoiceField(
        label="Overall, how did you feel about this site?",
        choices=Satisfaction.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Choose one of the five answers, or leave the question out."
        },
    )
    message = forms.CharField(
        label="How could we improve it?",
        help_text=(
            "Do not include personal or financial information, such as your National "
            f"Insurance number or credit card details. Up to {services.MAX_MESSAGE_CHARS:,} "
            "characters."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        # Length and markup are checked by the service, with its own messages.
        required=False,
    )
    email = forms.CharField(
        label="Email address (optional)",
        help_text="Only if you would like a reply. We remove it after 90 days, or sooner "
        "with the link you get after sending.",
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(label=submissions.HONEYPOT_LABEL, required=False)

    field_order = ["satisfaction", "message", "email", "page", "website"]


class ReviewForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)
    note = forms.CharField(required=False, max_length=services.MAX_NOTE_CHARS)
