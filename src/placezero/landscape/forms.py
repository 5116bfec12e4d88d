"""Forms of the landscape pages. They only gather fields: every check is the services'
(`validation`), whose messages are put back on the fields they are about."""

from __future__ import annotations

from django import forms

from .options import (
    TRANSITIONS,
    AgeBand,
    Decision,
    ReportReason,
    ResponseKind,
    Stance,
    Technology,
    Tenure,
)
from .validation import MAX_DESCRIPTION_CHARS, MAX_REASON_CHARS, ContributionError

BLANK = [("", "Choose…")]


class ServiceErrors(forms.Form):
    """Puts a service's ContributionError back on the fields it names."""

    def add_service_errors(self, caught: ContributionError) -> None:
        for field, message in caught.errors.items():
            self.add_error(None if field not in self.fields else field, message)


class AboutYouForm(ServiceErrors):
    """The optional, separate questions about the contributor (never published)."""

    age_band = forms.ChoiceField(
        label="Your age (optional)", choices=[("", "Prefer not to say"), *AgeBand.choices],
        required=False,
    )  # fmt: skip
    tenure = forms.ChoiceField(
        label="How do you hold your home? (optional)",
        choices=[("", "Prefer not to say"), *Tenure.choices], required=False,
    )  # fmt: skip
    postcode_district = forms.CharField(
        label="The first part of your postcode (optional)", required=False, max_length=10,
        help_text="For example LE11. Only this part: it covers thousands of homes.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "govuk-input--width-5"}),
    )  # fmt: skip


class ConsentForm(ServiceErrors):
    consent = forms.BooleanField(required=False)
    consent_version = forms.IntegerField(required=False, widget=forms.HiddenInput)


def add_questions(form: forms.Form, questions: list[dict]) -> None:
    """The consultation's structured questions, each an optional choice."""
    for question in questions:
        form.fields[f"question_{question['key']}"] = forms.ChoiceField(
            label=f"{question['text']} (optional)",
            choices=[("", "Choose…")] + [(c, c) for c in question["choices"]], required=False,
        )  # fmt: skip


class ContributionForm(AboutYouForm, ConsentForm):
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

    def __init__(self, *args, consultation=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if consultation is None:
            return
        asked = set(consultation.technologies)
        self.fields["technology"].choices = BLANK + [
            (value, label) for value, label in Technology.choices if value in asked
        ]
        if not consultation.asks_reason:
            del self.fields["reason"]
        add_questions(self, consultation.questions)
        self.questions = [self[f"question_{q['key']}"] for q in consultation.questions]
        self.fields["consent_version"].initial = consultation.current_consent().version


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
        help_text="Needed to reject or hide; the contributor is told it if they have an account.",
    )  # fmt: skip

    def __init__(self, *args, status: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if status:
            choices = [(d, label) for d, label in Decision.choices if (d, status) in TRANSITIONS]
            self.fields["decision"].choices = BLANK + choices


def answers_of(form: forms.Form, questions: list[dict]) -> dict[str, str]:
    return {q["key"]: form.cleaned_data.get(f"question_{q['key']}", "") for q in questions}


class ConsultationForm(ServiceErrors):
    title = forms.CharField(label="Title", required=False, max_length=None)
    summary = forms.CharField(
        label="What you are asking and why", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    opens_on = forms.DateField(
        label="Opens on", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    closes_on = forms.DateField(
        label="Closes on (the last day contributions are taken)", required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    technologies = forms.MultipleChoiceField(
        label="Technologies asked about", choices=Technology.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    district_codes = forms.MultipleChoiceField(
        label="Districts asked about (none ticked and no neighbourhoods: the whole place)",
        choices=(), required=False, widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    zone_codes = forms.CharField(
        label="Neighbourhoods (zone codes) asked about, one a line (optional)", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="MSOA codes such as E02005345, as in the results table.",
    )  # fmt: skip
    asks_reason = forms.BooleanField(label="Ask for a reason", required=False, initial=True)
    questions_text = forms.CharField(
        label="Extra questions (optional)", required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One a line: the question, then each answer after a “|”, e.g. "
                  "“Would you invest in a community share offer? | Yes | No | Not sure”.",
    )  # fmt: skip
    decisions_informed = forms.CharField(
        label="The decisions it will inform", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    privacy_notice = forms.CharField(
        label="Privacy notice", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Who holds the data, why, for how long, and the contributor's rights. "
                  "Changing it makes a new version; earlier contributions keep theirs.",
    )  # fmt: skip
    consent_text = forms.CharField(
        label="Consent text (what a contributor ticks to agree)", required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    retention_days = forms.IntegerField(
        label="Days after closing to keep personal data", required=False, initial=730,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-5"}),
    )  # fmt: skip

    def __init__(self, *args, districts=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district_codes"].choices = list(districts)

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["zone_codes"] = (data.get("zone_codes") or "").split()
        return data


BULK_DECISIONS = (Decision.APPROVE, Decision.HIDE, Decision.REJECT)


class BulkModerationForm(ServiceErrors):
    contributions = forms.TypedMultipleChoiceField(
        label="Contributions", coerce=int, choices=(), required=False
    )
    decision = forms.ChoiceField(
        label="Decision for every contribution ticked",
        choices=BLANK + [(d, Decision(d).label) for d in BULK_DECISIONS],
        required=False,
    )
    reason = forms.CharField(
        label="Reason (needed to hide or reject)", required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def __init__(self, *args, pks=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contributions"].choices = [(pk, str(pk)) for pk in pks]


class ReportForm(ServiceErrors):
    reason = forms.ChoiceField(
        label="Why should it not be shown?", choices=BLANK + ReportReason.choices,
        required=False,
    )  # fmt: skip
    note = forms.CharField(
        label="Anything the moderators should know (optional)", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    website = forms.CharField(label="Leave this empty", required=False)


class ResponseLinkForm(ServiceErrors):
    kind = forms.ChoiceField(
        label="What responds", choices=BLANK + ResponseKind.choices, required=False
    )
    reference = forms.CharField(
        label="Its reference", required=False,
        help_text="An action's reference (such as T1.2) or a decision's number (such as D007).",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )  # fmt: skip
    technology = forms.ChoiceField(
        label="About which technology", choices=[("", "All of them"), *Technology.choices],
        required=False,
    )  # fmt: skip
    you_said = forms.CharField(
        label="You said (what people said, in a sentence)", required=False, max_length=None
    )
