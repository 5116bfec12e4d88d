"""Render Django form fields with GOV.UK Design System markup.

`{% load govuk_forms %}{% govuk_field form.username %}` writes the form group, label, hint,
error message and input (`govuk-input`, error classes, `aria-describedby`), keeping the
widget's own attributes such as `autocomplete`. `{% govuk_error_summary form %}` writes the
summary at the top of the page, each message linking to its field (GOV.UK error summary,
built by `web.forms.error_summary_items`). Every module's forms use these."""

from __future__ import annotations

from typing import Any

from django import forms, template

from placezero.web.forms import error_summary_items

register = template.Library()


def _input_class(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.Textarea):
        css = "govuk-textarea"
    elif isinstance(widget, forms.FileInput):
        css = "govuk-file-upload"
    elif isinstance(widget, forms.Select):
        css = "govuk-select"
    else:
        css = "govuk-input"
    return f"{css} {css}--error" if field.errors else css


def _described_by(field: forms.BoundField, hint: str) -> str:
    ids = []
    if hint:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.inclusion_tag("web/govuk/field.html")
def govuk_field(field: forms.BoundField, hint: str = "") -> dict[str, Any]:
    hint = hint or field.help_text
    attrs = {"class": _input_class(field)}
    described_by = _described_by(field, hint)
    if described_by:
        attrs["aria-describedby"] = described_by
    return {
        "field": field,
        "hint": hint,
        "widget": field.as_widget(attrs=attrs),
    }


@register.inclusion_tag("web/govuk/error_summary.html")
def govuk_error_summary(*forms_shown: forms.BaseForm) -> dict[str, Any]:
    """The summary of every error of the forms on the page (`web.forms`)."""
    return {"errors": error_summary_items(*forms_shown)}
