"""A service's refusal lands on the form that asked for it, whatever shape it has."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from placezero.web.forms import add_service_errors


class TitleForm(forms.Form):
    title = forms.CharField()


def _bound() -> TitleForm:
    form = TitleForm({"title": "Solar on the village hall"})
    assert form.is_valid()
    return form


def test_a_named_field_gets_its_message_and_an_unknown_name_goes_to_the_form() -> None:
    form = _bound()
    add_service_errors(form, ValidationError({"title": "Taken.", "owner": "Not yours."}))
    assert form.errors["title"] == ["Taken."]
    assert form.non_field_errors() == ["Not yours."]


def test_a_plain_refusal_goes_to_the_form_as_a_whole() -> None:
    form = _bound()
    add_service_errors(form, ValidationError(["Too late.", "Over the maximum."]))
    assert form.non_field_errors() == ["Too late.", "Over the maximum."]
    assert "title" not in form.errors
