"""Forms of the landscape pages. They only gather fields: every check is the services'
(`validation`), whose messages are put back on the fields they are about."""

from __future__ import annotations

from django import forms

from .options import Decision, Stance, Technology
from .validation import MAX_DESCRIPTION_CHARS, MAX_REASON_CHARS, ContributionError

BLANK = [("", "Choose…")]


class ServiceErrors(forms.Form):
    """Puts a service's ContributionError back on the fields it names."""

    def add_service_errors(self, caught: ContributionError) -> None:
        for field, message in caught.errors.items():
            self.add_error(None if field not in self.fields else field, message)


class ContributionForm(ServiceErrors):
    technology = forms.ChoiceField(
        label="Which technology are you telling us about?",
        choices=BLANK + Technology.choices, required=False,
    )  # fmt: skip
    stance = forms.ChoiceField(
        label="Would you welcome it here?", choices=BLANK + Stance.choices, required=False
    )
    reason = forms.CharField(
        label="Why? (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Plain text, up to {MAX_REASON_CHARS:,} characters. Do not include your "
                  "name or anyone else's: this may be published.",
    )  # fmt: skip
    # A field people never see (hidden by CSS and from screen readers): software that
    # fills in every field fills this one in too.
    website = forms.CharField(label="Leave this empty", required=False)


class MapContributionForm(ContributionForm):
    geometry = forms.CharField(required=False, widget=forms.HiddenInput)


class DescribedContributionForm(ContributionForm):
    zone_code = forms.ChoiceField(label="Which neighbourhood?", choices=(), required=False)
    place_description = forms.CharField(
        label="Where in that neighbourhood?", required=False, max_length=None,
        help_text="A street, field, landmark or “anywhere in this neighbourhood”; "
                  f"up to {MAX_DESCRIPTION_CHARS} characters.",
    )  # fmt: skip
    field_order = ["zone_code", "place_description", "technology", "stance", "reason", "website"]

    def __init__(self, *args, zone_choices=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zone_code"].choices = BLANK + list(zone_choices)


class ModerationForm(ServiceErrors):
    decision = forms.ChoiceField(label="Decision", choices=BLANK + Decision.choices, required=False)
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed to reject; the contributor is told it if they have an account.",
    )  # fmt: skip
