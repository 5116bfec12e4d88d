"""The filters of the published outputs page and feed: an audience and a topic, both
optional, read from the query string."""

from __future__ import annotations

from typing import Any

from django import forms

from .options import Audience


class OutputFilterForm(forms.Form):
    audience = forms.ChoiceField(
        label="Written for",
        required=False,
        choices=[("", "Any audience"), *Audience.choices],
        error_messages={
            "invalid_choice": "Choose an audience from the list (%(value)s is not one).",
        },
    )
    topic = forms.ChoiceField(
        label="Topic",
        required=False,
        error_messages={
            "invalid_choice": "Choose a topic from the list: no output here is about %(value)s.",
        },
    )

    def __init__(self, *args: Any, topics: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "Any topic"), *((t, t.capitalize()) for t in topics)]

    def filters(self) -> dict[str, str | None]:
        """The chosen filters for `services.outputs` (None for "any"); call after is_valid."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {"audience": data.get("audience") or None, "topic": data.get("topic") or None}
