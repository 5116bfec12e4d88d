"""Forms of the tracker's pages. They shape input; the services validate and decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from placezero.places.options import AreaKind

from . import impact
from .models import Action, Plan
from .options import CoBenefit, DependencyKind, Level, Status
from .services import ACTION_FIELDS, power_choices

# The foundation's models, reached through the tracker's own relations (accounts and places
# have no services module for these lists).
Organisation = Action._meta.get_field("owner").related_model
Area = Action._meta.get_field("area").related_model
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ACTION_FIELDS
        widgets = {
            "planned_start": DATE,
            "planned_end": DATE,
            "actual_start": DATE,
            "actual_end": DATE,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"budget_gbp": "Budget (£)", "area": "District", "owner": "Lead organisation"}

    # Lists of keys on the model (JSON); ticked boxes here.
    co_benefits = forms.MultipleChoiceField(
        choices=CoBenefit.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Co-benefits",
        help_text="What the action does besides cutting emissions. Tick all that apply.",
    )
    powers_used = forms.MultipleChoiceField(
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Local powers it uses",
        help_text="From the place's register of local powers (governance).",
    )

    def __init__(self, *args: Any, place: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.place = place
        self.fields["powers_used"].choices = power_choices(place)
        self.fields[
            "deliverability"
        ].help_text = "How sure delivery is as planned: funding, powers, capacity, supply chain."
        self.fields["plan"].queryset = Plan.objects.filter(place=place)
        self.fields["owner"].queryset = Organisation.objects.filter(place=place)
        self.fields["area"].queryset = Area.objects.filter(place=place, kind=AreaKind.DISTRICT)
        self.fields["area"].empty_label = f"All of {place}"
        self.fields["lead_officer"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation__place=place, is_active=True)
            .distinct()
        )

    def _post_clean(self) -> None:
        # The service validates the whole action (check_action); the model's own
        # validation would run without the place and repeat it.
        pass


class MilestoneForm(forms.Form):
    title = forms.CharField(max_length=200)
    due = forms.DateField(widget=DATE, label="Due date")


class RiskForm(forms.Form):
    description = forms.CharField(max_length=500, label="Risk")
    likelihood = forms.TypedChoiceField(choices=Level.choices, coerce=int, label="Likelihood")
    impact = forms.TypedChoiceField(choices=Level.choices, coerce=int, label="Impact if it happens")
    mitigation = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="Mitigation"
    )


class PriorityWeightsForm(forms.Form):
    impact = forms.FloatField(label="Impact (expected savings)", min_value=0, max_value=10)
    deliverability = forms.FloatField(label="Deliverability", min_value=0, max_value=10)
    cost = forms.FloatField(label="Cost per tonne", min_value=0, max_value=10)


class ReportForm(forms.Form):
    period_start = forms.DateField(widget=DATE, label="Period starts")
    period_end = forms.DateField(widget=DATE, label="Period ends")
    title = forms.CharField(
        max_length=200,
        required=False,
        label="Title (optional)",
        help_text="Blank: the place's name and the period.",
    )


class MilestoneDoneForm(forms.Form):
    completed_on = forms.DateField(widget=DATE, label="Completed on", initial=dt.date.today)


class DependencyForm(forms.Form):
    kind = forms.ChoiceField(choices=DependencyKind.choices, label="This action")
    other = forms.ModelChoiceField(queryset=Action.objects.none(), label="Other action")
    note = forms.CharField(max_length=300, required=False)

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = Action.objects.filter(place=action.place).exclude(
            pk=action.pk
        )


class LeverLinkForm(forms.Form):
    lever = forms.ChoiceField(choices=(), label="Pathway lever")
    amount = forms.FloatField(label="Amount the action delivers (in the lever's unit)")
    start_year = forms.IntegerField(required=False, label="Start year")
    target_year = forms.IntegerField(label="Target year (the full amount is in place)")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lever"].choices = impact.lever_choices()


class UpdateForm(forms.Form):
    as_of = forms.DateField(widget=DATE, label="Progress up to", initial=dt.date.today)
    status = forms.ChoiceField(choices=Status.choices)
    status_reason = forms.CharField(
        max_length=500, required=False, label="Why (needed when at risk, late or cancelled)"
    )
    narrative = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), label="What happened")
    evidence_url = forms.URLField(required=False, label="Link to evidence (optional)")

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.links = list(action.lever_links.all())
        for link in self.links:
            self.fields[f"output_{link.lever}"] = forms.FloatField(
                required=False,
                min_value=0,
                label=(
                    f"{impact.lever_title(link.lever)}: {link.unit} delivered since the last update"
                ),
            )

    def outputs(self) -> dict[str, tuple[float, str]]:
        found = {}
        for link in self.links:
            amount = self.cleaned_data.get(f"output_{link.lever}")
            if amount is not None:
                found[link.lever] = (amount, link.unit)
        return found


MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label="Spreadsheet (.xlsx)")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB; the limit is 2 MB. Export "
                "fewer actions or remove other sheets."
            )
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError("Choose an Excel workbook (.xlsx) exported from this page.")
        return upload
