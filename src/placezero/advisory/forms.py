"""Forms of the advisory pages: search filters, a resource, a document, a follow."""

from __future__ import annotations

from typing import Any

from django import forms

from .models import Audience, Resource, Topic
from .options import SEARCH_MAX_CHARS, ResourceKind, ResourceStatus


class SearchForm(forms.Form):
    """The search box and facets; all optional, all in the URL."""

    q = forms.CharField(label="Search advice and funding", required=False, strip=True)
    kind = forms.ChoiceField(required=False)
    topic = forms.ChoiceField(required=False)
    audience = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Any"), *ResourceKind.choices]
        self.fields["topic"].choices = [
            ("", "Any"),
            *((t.slug, t.name) for t in Topic.objects.all()),
        ]
        self.fields["audience"].choices = [
            ("", "Anyone"),
            *((a.slug, a.name) for a in Audience.objects.all()),
        ]
        for name in ("kind", "topic", "audience"):
            self.fields[name].error_messages["invalid_choice"] = (
                f"That {name} is not one we know, so it was left out. Choose one from the list."
            )

    def clean_q(self) -> str:
        query = self.cleaned_data["q"]
        if len(query) > SEARCH_MAX_CHARS:
            # Not an error that stops the search: the search runs on the first part.
            self.shortened_from = len(query)
        return query

    def filters(self) -> dict[str, str]:
        """The valid filters (an invalid one is dropped; its error is shown)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) or "" for name in ("kind", "topic", "audience")}


class ResourceForm(forms.ModelForm):
    audiences = forms.ModelMultipleChoiceField(
        queryset=Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        to_field_name="slug",
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        to_field_name="slug",
    )

    class Meta:
        model = Resource
        fields = [
            "kind", "title", "slug", "summary", "body", "url", "provider", "audiences", "topics",
            "opens_on", "closes_on", "amount", "eligibility", "status", "published_at",
        ]  # fmt: skip
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
            "published_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"status": "Only published resources are public"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ResourceStatus.choices

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The closing date must be on or after the opening date")
        return data


class DocumentForm(forms.Form):
    title = forms.CharField(max_length=200, label="Title of the document")
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word (.docx), Excel (.xlsx), CSV, text, PNG or JPEG, smaller than 10 MB",
    )


class FollowForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        to_field_name="slug",
        required=False,
        label="Topics",
    )
    audiences = forms.ModelMultipleChoiceField(
        queryset=Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        to_field_name="slug",
        required=False,
        label="Audiences",
    )


# --- the signposting wizard's rules (checked again, with the reasons, by the service) -------


class WizardQuestionForm(forms.Form):
    title = forms.CharField(max_length=200, label="Question")
    hint = forms.CharField(
        max_length=300, required=False, label="Hint", help_text="{place} is the place's name"
    )
    error = forms.CharField(max_length=200, label="Message when it is not answered")


class WizardOptionForm(forms.Form):
    value = forms.SlugField(
        max_length=40,
        label="Value",
        help_text="Its name in the wizard's addresses: lower-case letters, numbers, hyphens",
    )
    label = forms.CharField(max_length=200, label="Answer")
    hint = forms.CharField(max_length=300, required=False, label="Hint")
    audience = forms.ChoiceField(
        required=False,
        label="Audience it means",
        help_text="What the wizard offers must be for this audience",
    )
    funding_first = forms.BooleanField(required=False, label="Rank funding higher")
    exclusive = forms.BooleanField(
        required=False, label="Cannot be chosen with another answer (like “None of these”)"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = [
            ("", "None"),
            *((a.slug, a.name) for a in Audience.objects.all()),
        ]


class WizardRuleForm(forms.Form):
    """The answer is "question=value" from a list; a value not in the list (a stale page, a
    tampered form) goes to the service, which says what the wizard has instead."""

    answer = forms.CharField(max_length=80, label="When the answer is", widget=forms.Select)
    topic = forms.CharField(
        max_length=40, label="Resources about this topic rank higher", widget=forms.Select
    )
    weight = forms.IntegerField(label="By how much (1 to 9)", help_text="A whole number")
    reason = forms.CharField(
        max_length=200,
        required=False,
        label="Reason shown with the result",
        help_text="Leave empty to say “About” and the topic",
    )

    def __init__(self, *args: Any, questions: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answer"].widget.choices = [
            ("", "Choose an answer"),
            *(
                (f"{q.key}={o.value}", f"{q.title} → {o.label}")
                for q in questions
                for o in q.options
            ),
        ]
        self.fields["topic"].widget.choices = [
            ("", "Choose a topic"),
            *((t.slug, t.name) for t in Topic.objects.all()),
        ]
        self.fields["weight"].error_messages["invalid"] = "Enter the weight as a whole number"

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        question, _, answer = data["answer"].partition("=")
        return {**data, "question": question, "answer": answer}


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["slug", "name", "synonyms"]
        help_texts = {
            "slug": "Its name in addresses: lower-case letters, numbers and hyphens",
            "synonyms": "Other words people search with, separated by commas, e.g. PV, solar roof",
        }


class AudienceForm(forms.ModelForm):
    class Meta:
        model = Audience
        fields = ["slug", "name", "description"]
        help_texts = {"slug": "Its name in addresses: lower-case letters, numbers and hyphens"}
