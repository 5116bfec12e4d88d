"""The forms of the governance pages: checked at the edge, then handed to `services`, which
check again (permissions, routing, deadlines) and refuse with the field they are about."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from .models import Body
from .options import SCORES, BodyKind, MemberRole, Route, VoteChoice
from .services import GovernanceRefusal, organisations_of, powers_of

MAX_STRUCTURE_FILE_BYTES = 2 * 1024 * 1024


def refuse_on(form: forms.Form, refusal: GovernanceRefusal) -> None:
    """Show a service's refusal on the field it is about (or the whole form)."""
    field = refusal.field if refusal.field in form.fields else None
    form.add_error(field, refusal.message)


class ProposalForm(forms.Form):
    title = forms.CharField(max_length=200)
    asked_for = forms.CharField(
        label="Decision asked for",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the body is asked to decide, in one or two sentences.",
    )
    options = forms.CharField(
        label="Options considered", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    body = forms.ModelChoiceField(
        label="Body to decide", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    route = forms.ChoiceField(
        choices=Route.choices, widget=forms.RadioSelect, initial=Route.STANDARD
    )
    cost_gbp = forms.DecimalField(
        label="Cost (£)",
        min_value=0,
        max_digits=14,
        decimal_places=2,
        initial=0,
        error_messages={"min_value": "The cost cannot be negative; enter 0 if there is none."},
    )
    carbon_change_tco2e_per_year = forms.DecimalField(
        label="Carbon effect (tonnes CO2e a year)",
        required=False,
        max_digits=12,
        decimal_places=1,
        help_text="Negative for a cut. Leave blank if not estimated.",
    )
    carbon_basis = forms.CharField(
        label="How the carbon effect was estimated", required=False, max_length=300
    )
    powers = forms.ModelMultipleChoiceField(
        label="Powers used",
        queryset=Body.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    creates = forms.CharField(
        label="Actions it creates",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One action a line. Each is recorded and linked from the decision notice.",
    )

    def __init__(self, *args: Any, place: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(place=place).exclude(kind=BodyKind.PACT)
        self.fields["powers"].queryset = powers_of(place)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("carbon_change_tco2e_per_year") is not None and not data.get("carbon_basis"):
            self.add_error(
                "carbon_basis",
                "Say how the carbon effect was estimated (method or source), or leave the "
                "effect blank.",
            )
        return data


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label="Your vote", choices=VoteChoice.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))


class InterestForm(forms.Form):
    description = forms.CharField(
        label="Your interest",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example a role in an organisation that would receive the money.",
    )


class MemberForm(forms.Form):
    person = forms.ModelChoiceField(queryset=Body.objects.none(), empty_label="Choose a person")
    organisation = forms.ModelChoiceField(
        queryset=Body.objects.none(),
        empty_label="Choose an organisation",
        help_text="The partner organisation the person represents on the body.",
    )
    role = forms.ChoiceField(choices=MemberRole.choices, initial=MemberRole.MEMBER)
    term_start = forms.DateField(
        label="Term starts", widget=forms.DateInput(attrs={"type": "date"})
    )
    term_end = forms.DateField(
        label="Term ends",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave blank for an open-ended term.",
    )

    def __init__(self, *args: Any, place: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = organisations_of(place)
        self.fields["organisation"].queryset = organisations
        people = (
            get_user_model()
            .objects.filter(memberships__organisation__in=organisations)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["person"].queryset = people

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end < start:
            self.add_error(
                "term_end",
                f"The term ends on {end:%-d %B %Y}, before it starts on {start:%-d %B %Y}. "
                "Enter an end date on or after the start, or leave it blank.",
            )
        return data


class AnswerForm(forms.Form):
    score = forms.TypedChoiceField(choices=SCORES, coerce=int, widget=forms.RadioSelect)
    evidence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    structure_file = forms.FileField(
        label="Structure file", help_text="A .json file exported from placezero."
    )

    def clean_structure_file(self) -> bytes:
        upload = self.cleaned_data["structure_file"]
        if upload.size > MAX_STRUCTURE_FILE_BYTES:
            raise forms.ValidationError(
                "The file is larger than 2 MB; a structure file is smaller."
            )
        return upload.read()


class PrincipleForm(forms.Form):
    name = forms.CharField(max_length=200)
    wording = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    indicators = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="How the principle is judged, one indicator a line.",
    )


class PowerForm(forms.Form):
    exercised_by = forms.ModelMultipleChoiceField(
        label="Bodies that exercise it here",
        queryset=Body.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    delegation = forms.CharField(
        label="How the power reaches the partnership",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example the council's scheme of delegation, or an agreement.",
    )

    def __init__(self, *args: Any, place: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exercised_by"].queryset = Body.objects.filter(place=place).exclude(
            kind=BodyKind.PACT
        )


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="Held on", widget=forms.DateInput(attrs={"type": "date"}))
    agenda = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), help_text="One item a line.")
    papers = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One paper a line: its title, then a space and its web address.",
    )
    minutes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}))
    attendees = forms.ModelMultipleChoiceField(
        label="Members who attended",
        queryset=Body.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, body: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = body.members.select_related("user", "organisation")
        self.fields["attendees"].label_from_instance = lambda seat: (
            f"{seat.user} ({seat.organisation}, {seat.get_role_display().lower()})"
        )


class BodyForm(forms.Form):
    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=BodyKind.choices)
    parent = forms.ModelChoiceField(
        label="Reports to",
        queryset=Body.objects.none(),
        required=False,
        empty_label="None: it is the top of the partnership",
        help_text="Where its decisions escalate when their time limit passes.",
    )
    quorum = forms.IntegerField(
        min_value=1,
        max_value=100,
        help_text="Votes that must be cast before it can decide.",
        error_messages={"min_value": "The quorum must be 1 or more."},
    )
    mandate = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="What the body is for and may decide."
    )
    terms_of_reference = forms.CharField(
        label="Terms of reference",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="A change is kept as the next version; earlier versions stay in the history.",
    )

    def __init__(self, *args: Any, place: Any, body: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Body.objects.filter(place=place).exclude(kind=BodyKind.PACT)
        if body is not None:
            parents = parents.exclude(pk=body.pk)
        self.fields["parent"].queryset = parents


class SeatForm(forms.Form):
    role = forms.ChoiceField(choices=MemberRole.choices)
    # A date input takes its value as YYYY-MM-DD whatever the site's date format.
    term_start = forms.DateField(
        label="Term starts",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Enter the date the term starts."},
    )
    term_end = forms.DateField(
        label="Term ends",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Leave blank for an open-ended term.",
    )
    interests = forms.CharField(
        label="Standing interests",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The register of interests: roles and holdings the member has declared.",
    )


class RuleForm(forms.Form):
    body = forms.ModelChoiceField(
        label="Body that decides", queryset=Body.objects.none(), empty_label="Choose a body"
    )
    route = forms.ChoiceField(choices=Route.choices, widget=forms.RadioSelect)
    max_cost_gbp = forms.DecimalField(
        label="Largest cost it may decide (£)",
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text="The delegation threshold. Leave blank for no limit.",
        error_messages={"min_value": "The cost limit cannot be negative; leave it blank for none."},
    )
    approvals_needed = forms.IntegerField(
        label="Approvals needed",
        min_value=1,
        max_value=100,
        help_text="How many of its voting members must approve.",
        error_messages={"min_value": "A decision needs at least 1 approval."},
    )
    time_limit_days = forms.IntegerField(
        label="Time limit (days)",
        min_value=1,
        max_value=3650,
        error_messages={"min_value": "Enter the time limit in whole days, 1 or more."},
    )
    escalate_to = forms.ModelChoiceField(
        label="Escalates to",
        queryset=Body.objects.none(),
        required=False,
        empty_label="The body it reports to",
        help_text="Where an undecided proposal goes when the time limit passes.",
    )

    def __init__(self, *args: Any, place: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        deciding = Body.objects.filter(place=place).exclude(kind=BodyKind.PACT)
        self.fields["body"].queryset = deciding
        self.fields["escalate_to"].queryset = deciding
